package report

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
)

// TestPDFFetchesNothing prints a page with no Content-Security-Policy that asks
// for an image, a style sheet, a script and a frame from a server: printing must
// not send it a single request. (On localhost, so a failure is seen, not lost.)
func TestPDFFetchesNothing(t *testing.T) {
	chromium, err := FindChromium(os.Getenv)
	if errors.Is(err, ErrNoChromium) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %v", err)
		}
		t.Skip("no Chromium installed (apt-get install chromium, or set CHROME_PATH): PDF printing not tested")
	}
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int64
	var paths strings.Builder
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		paths.WriteString(r.URL.Path + " ")
	}))
	defer srv.Close()
	page := `<!DOCTYPE html><html><head><link rel="stylesheet" href="` + srv.URL + `/style.css"><script src="` + srv.URL + `/script.js"></script></head>
<body><p>text</p><img src="` + srv.URL + `/pixel.png"><iframe src="` + srv.URL + `/frame"></iframe>
<div style="background:url(` + srv.URL + `/bg.png)">x</div></body></html>`
	pdf, err := PrintPDF(context.Background(), []byte(page), PDFOptions{Chromium: chromium, Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("no PDF")
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("printing made %d requests: %s", n, paths.String())
	}
}
