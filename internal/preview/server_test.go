package preview

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// fileBuild "builds" a one-page site from plans.txt in root; a line starting with
// "ERROR" is a validation problem.
func fileBuild(root string) BuildFunc {
	return func() (map[string][]byte, []string, error) {
		data, err := os.ReadFile(filepath.Join(root, "countries", "plans.txt"))
		if err != nil {
			return nil, nil, err
		}
		if strings.HasPrefix(string(data), "ERROR") {
			return nil, []string{"countries/plans.txt:1:1: error: " + string(data) + " <b>"}, nil
		}
		return map[string][]byte{"index.html": []byte("<html><body>" + string(data) + "</body></html>"), "x/index.html": []byte("x")}, nil, nil
	}
}

func TestServeReloadsOnChange(t *testing.T) {
	root := t.TempDir()
	plans := filepath.Join(root, "countries", "plans.txt")
	if err := os.MkdirAll(filepath.Dir(plans), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plans, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := NewServer(fileBuild(root))
	srv.Rebuild()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rebuilt := make(chan struct{}, 10)
	go Watch(ctx, root, 50*time.Millisecond, func() { srv.Rebuild(); rebuilt <- struct{}{} })
	time.Sleep(200 * time.Millisecond) // let the watcher start

	code, body := get(t, ts.URL+"/")
	if code != 200 || !strings.Contains(body, "first") || !strings.Contains(body, VersionPath) {
		t.Fatalf("GET / = %d %q, want the page with the reload script", code, body)
	}
	if code, _ := get(t, ts.URL+"/x"); code != 200 {
		t.Errorf("GET /x = %d, want a redirect to /x/ and 200", code)
	}
	step := func(content string) {
		t.Helper()
		if err := os.WriteFile(plans, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		select {
		case <-rebuilt:
		case <-time.After(10 * time.Second):
			t.Fatal("no rebuild after a change")
		}
	}
	step("second")
	if _, body := get(t, ts.URL+"/"); !strings.Contains(body, "second") {
		t.Errorf("after a change GET / = %q, want the new content", body)
	}
	if _, v := get(t, ts.URL+VersionPath); v != "2" {
		t.Errorf("version = %s, want 2", v)
	}
	step("ERROR bad score")
	code, body = get(t, ts.URL+"/")
	if code != 500 || !strings.Contains(body, "bad score &lt;b&gt;") || !strings.Contains(body, VersionPath) {
		t.Errorf("with invalid plans GET / = %d %q, want the escaped error page that reloads", code, body)
	}
	step("third")
	if code, body := get(t, ts.URL+"/"); code != 200 || !strings.Contains(body, "third") {
		t.Errorf("after fixing GET / = %d %q", code, body)
	}
}

func TestServeNotFound(t *testing.T) {
	tests := []struct {
		name  string
		files map[string][]byte
		want  string
	}{
		{"the site's 404 page", map[string][]byte{"index.html": []byte("home"), "404.html": []byte("<html><body>Page not found</body></html>")}, "Page not found"},
		{"a plain not found without one", map[string][]byte{"index.html": []byte("home")}, "404 page not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := NewServer(func() (map[string][]byte, []string, error) { return tt.files, nil, nil })
			srv.Rebuild()
			ts := httptest.NewServer(srv)
			defer ts.Close()
			code, body := get(t, ts.URL+"/countries/zz/missing")
			if code != http.StatusNotFound || !strings.Contains(body, tt.want) {
				t.Errorf("GET a missing page = %d %q, want 404 with %q", code, body, tt.want)
			}
		})
	}
}
