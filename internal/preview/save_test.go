package preview

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/yamledit"
)

const original = "# a comment\nassessed_on: \"2024-06-28\"\n"

func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// saveRepo makes a repository with countries/HU/as-is.yaml (mode 0600) and a
// server that saves into it, listening (as far as it knows) on 127.0.0.1:1313.
func saveRepo(t *testing.T) (string, *Server, *Saver) {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "countries", "HU"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "countries", "HU", "as-is.yaml"), []byte(original), 0o600); err != nil {
		t.Fatal(err)
	}
	sv, err := NewSaver(root, "127.0.0.1:1313")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(func() (map[string][]byte, []string, error) {
		return map[string][]byte{"index.html": []byte("<html><head><title>x</title></head><body>hi</body></html>")}, nil, nil
	})
	srv.EnableSave(sv)
	srv.Rebuild()
	return root, srv, sv
}

type saveCall struct {
	method, host, remote, origin, token, ctype string
	body                                       any
}

func (c saveCall) do(t *testing.T, srv *Server, sv *Saver) (int, map[string]any) {
	t.Helper()
	var body string
	switch b := c.body.(type) {
	case string:
		body = b
	default:
		j, _ := json.Marshal(b)
		body = string(j)
	}
	if c.method == "" {
		c.method = http.MethodPost
	}
	r := httptest.NewRequest(c.method, "http://127.0.0.1:1313"+SavePath, strings.NewReader(body))
	r.RemoteAddr = "127.0.0.1:50000"
	if c.remote != "" {
		r.RemoteAddr = c.remote
	}
	if c.host != "" {
		r.Host = c.host
	}
	if c.origin != "" {
		r.Header.Set("Origin", c.origin)
	}
	r.Header.Set(TokenHeader, sv.Token())
	if c.token != "" {
		r.Header.Set(TokenHeader, c.token)
	}
	r.Header.Set("Content-Type", "application/json")
	if c.ctype != "" {
		r.Header.Set("Content-Type", c.ctype)
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	var out map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatalf("the answer is not JSON: %q", w.Body.String())
	}
	return w.Code, out
}

func req(path, content, base string) map[string]string {
	return map[string]string{"path": path, "content": content, "base": base}
}

func TestSaveWritesTheFile(t *testing.T) {
	root, srv, sv := saveRepo(t)
	content := "# a comment\r\nassessed_on: \"2025-01-01\"\t# tab\r\n"
	code, out := saveCall{origin: "http://127.0.0.1:1313", body: req("countries/HU/as-is.yaml", content, hash(original))}.do(t, srv, sv)
	if code != http.StatusOK || out["ok"] != true || out["sha256"] != hash(content) {
		t.Fatalf("%d %v", code, out)
	}
	file := filepath.Join(root, "countries", "HU", "as-is.yaml")
	data, _ := os.ReadFile(file)
	if string(data) != content {
		t.Errorf("file holds %q", data)
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's 0600 kept", fi.Mode().Perm())
	}
	// Saving again over the new version works; over the old one is a conflict.
	if code, out := (saveCall{body: req("countries/HU/as-is.yaml", original, hash(content))}).do(t, srv, sv); code != http.StatusOK {
		t.Errorf("second save: %d %v", code, out)
	}
	code, out = saveCall{body: req("countries/HU/as-is.yaml", "x: 1\n", hash(content))}.do(t, srv, sv)
	if code != http.StatusConflict || !strings.Contains(out["error"].(string), "changed on disk") {
		t.Errorf("conflict: %d %v", code, out)
	}
	if data, _ := os.ReadFile(file); string(data) != original {
		t.Errorf("a conflicting save wrote %q", data)
	}
}

func TestSaveRefuses(t *testing.T) {
	root, srv, sv := saveRepo(t)
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "as-is.yaml"), []byte(original), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "countries", "SY")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "as-is.yaml"), filepath.Join(root, "countries", "HU", "to-do.yaml")); err != nil {
		t.Fatal(err)
	}
	ok := req("countries/HU/as-is.yaml", "a: 1\n", hash(original))
	for _, c := range []struct {
		name   string
		call   saveCall
		status int
		msg    string
	}{
		{"GET", saveCall{method: http.MethodGet, body: ""}, 405, "POST"},
		{"not loopback", saveCall{remote: "192.0.2.1:4000", body: ok}, 403, "only allowed from this computer"},
		{"another host (DNS rebinding)", saveCall{host: "evil.example:1313", body: ok}, 403, "own address"},
		{"another origin", saveCall{origin: "http://evil.example", body: ok}, 403, "own pages"},
		{"no token", saveCall{token: " ", body: ok}, 403, "token"},
		{"wrong token", saveCall{token: strings.Repeat("0", 64), body: ok}, 403, "token"},
		{"not JSON", saveCall{ctype: "text/plain", body: ok}, 415, "application/json"},
		{"bad JSON", saveCall{body: "{"}, 400, "not valid JSON"},
		{"unknown field", saveCall{body: map[string]string{"path": "countries/HU/as-is.yaml", "mode": "x"}}, 400, "not valid JSON"},
		{"dot dot", saveCall{body: req("countries/HU/../../x.yaml", "a: 1\n", hash(original))}, 400, "not a plan file"},
		{"absolute", saveCall{body: req("/etc/passwd", "a: 1\n", hash(original))}, 400, "not a plan file"},
		{"backslash", saveCall{body: req(`countries\HU\as-is.yaml`, "a: 1\n", hash(original))}, 400, "not a plan file"},
		{"not a plan file", saveCall{body: req("countries/HU/notes.yaml", "a: 1\n", hash(original))}, 400, "not a plan file"},
		{"lower-case code", saveCall{body: req("countries/hu/as-is.yaml", "a: 1\n", hash(original))}, 400, "not a plan file"},
		{"framework", saveCall{body: req("schema/framework.yaml", "a: 1\n", hash(original))}, 400, "not a plan file"},
		{"no such country", saveCall{body: req("countries/XX/as-is.yaml", "a: 1\n", hash(original))}, 404, "does not exist"},
		{"no such file", saveCall{body: req("countries/HU/to-be.yaml", "a: 1\n", hash(original))}, 404, "does not exist"},
		{"folder linked out of the repository", saveCall{body: req("countries/SY/as-is.yaml", "a: 1\n", hash(original))}, 403, "symbolic link"},
		{"file linked out of the repository", saveCall{body: req("countries/HU/to-do.yaml", "a: 1\n", hash(original))}, 403, "symbolic link"},
		{"control character", saveCall{body: req("countries/HU/as-is.yaml", "a: \x1b[31m\n", hash(original))}, 400, "control character (U+001B) on line 1"},
		{"lone carriage return", saveCall{body: req("countries/HU/as-is.yaml", "a: 1\r\nb: 2\rc: 3\r\n", hash(original))}, 400, "control character (U+000D) on line 2"},
		{"too large", saveCall{body: req("countries/HU/as-is.yaml", strings.Repeat("a", load.MaxFileSize+1), hash(original))}, 413, "larger"},
		{"bad base", saveCall{body: req("countries/HU/as-is.yaml", "a: 1\n", "abc")}, 400, "SHA-256"},
		{"conflict", saveCall{body: req("countries/HU/as-is.yaml", "a: 1\n", hash("something else"))}, 409, "changed on disk"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out := c.call.do(t, srv, sv)
			msg, _ := out["error"].(string)
			if code != c.status || !strings.Contains(msg, c.msg) {
				t.Errorf("got %d %q, want %d and %q", code, msg, c.status, c.msg)
			}
		})
	}
	for _, f := range []string{filepath.Join(root, "countries", "HU", "as-is.yaml"), filepath.Join(outside, "as-is.yaml")} {
		if data, _ := os.ReadFile(f); string(data) != original {
			t.Errorf("%s was written: %q", f, data)
		}
	}
}

func TestPagesCarryTheSaveToken(t *testing.T) {
	_, srv, sv := saveRepo(t)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	_, body := get(t, ts.URL+"/")
	want := `<meta name="hwfplan-save-token" content="` + sv.Token() + `"></head>`
	if !strings.Contains(body, want) {
		t.Errorf("page %q lacks %q", body, want)
	}
	other, err := NewSaver(t.TempDir(), "127.0.0.1:1313")
	if err != nil {
		t.Fatal(err)
	}
	if len(sv.Token()) != 64 || other.Token() == sv.Token() {
		t.Errorf("tokens %q and %q are not random per run", sv.Token(), other.Token())
	}
}

// TestSaveEndToEnd saves an edit of a real plan file, made with yamledit, in a
// copy of the repository's HU folder over HTTP; the watcher sees the file
// change and the site rebuilds.
func TestSaveEndToEnd(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "countries", "HU")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../countries/HU/as-is.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "as-is.yaml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := NewServer(func() (map[string][]byte, []string, error) {
		return map[string][]byte{"index.html": []byte("<html><head></head><body></body></html>")}, nil, nil
	})
	srv.Rebuild()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	sv, err := NewSaver(root, ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	srv.EnableSave(sv)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rebuilt := make(chan struct{}, 10)
	go Watch(ctx, root, 50*time.Millisecond, func() { srv.Rebuild(); rebuilt <- struct{}{} })
	time.Sleep(200 * time.Millisecond) // let the watcher start

	edited, err := yamledit.Apply(src, yamledit.Op{Op: "set", Path: yamledit.Path{"tasks", "data", "items", "linkage", "score"}, Value: 2})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(req("countries/HU/as-is.yaml", string(edited), hash(string(src))))
	r, _ := http.NewRequest(http.MethodPost, ts.URL+SavePath, strings.NewReader(string(body)))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Origin", ts.URL)
	r.Header.Set(TokenHeader, sv.Token())
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(answer), hash(string(edited))) {
		t.Fatalf("%d %s", resp.StatusCode, answer)
	}
	if data, _ := os.ReadFile(file); string(data) != string(edited) {
		t.Fatal("the file on disk is not the saved one")
	}
	select {
	case <-rebuilt:
	case <-time.After(5 * time.Second):
		t.Fatal("no rebuild after the save")
	}
	if v := srv.Version(); v < 2 {
		t.Errorf("version %d after the save's rebuild", v)
	}
}
