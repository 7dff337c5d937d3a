// Package preview is the local preview `hwfplan serve` runs: the latest build held
// in memory and served on loopback (or an error page while the plans do not
// validate), a watcher that rebuilds when a plans, schema, site or template file
// changes, and a script injected into every page that reloads it after a rebuild.
package preview

import (
	"bytes"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

// VersionPath answers the number of the current build; the injected script polls it
// and reloads the page when it changes.
const VersionPath = "/__hwfplan/version"

// BuildFunc builds the site once: its files by slash path, or the problems that
// stopped it (validation diagnostics as text lines, or an error).
type BuildFunc func() (files map[string][]byte, problems []string, err error)

// Server serves the latest build from memory, or an error page while the last
// build failed.
type Server struct {
	build BuildFunc

	saver *Saver // nil: saving is off

	mu       sync.RWMutex
	version  int
	files    map[string][]byte
	problems []string
}

// NewServer returns a server that has not built yet.
func NewServer(build BuildFunc) *Server { return &Server{build: build} }

// EnableSave lets the form editor save plan files through sv (POST SavePath)
// and gives every served page sv's token. Call it before serving.
func (s *Server) EnableSave(sv *Saver) { s.saver = sv }

// Rebuild builds the site and swaps it in. It returns the problems (nil on success).
// A failed build keeps the previous files but serves the error page until a build
// succeeds.
func (s *Server) Rebuild() []string {
	files, problems, err := s.build()
	if err != nil {
		problems = append(problems, err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
	s.problems = problems
	if len(problems) == 0 {
		s.files = files
	}
	return problems
}

// Version is the number of the current build.
func (s *Server) Version() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == SavePath && s.saver != nil {
		s.saver.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.RLock()
	version, files, problems := s.version, s.files, s.problems
	s.mu.RUnlock()
	w.Header().Set("Cache-Control", "no-store")
	if r.URL.Path == VersionPath {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, version)
		return
	}
	if len(problems) > 0 {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(s.inject(errorPage(problems), version))
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	data, ok := files[name]
	if !ok {
		if _, isDir := files[path.Join(name, "index.html")]; isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		if page, ok := files["404.html"]; ok {
			// The site's own "page not found" page, with the status a host gives it.
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(s.inject(page, version))
			return
		}
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasSuffix(name, ".html") {
		data = s.inject(data, version)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// reloadScript polls the version and reloads the page when a new build is in,
// unless the page holds work not saved yet (the form editor's
// window.hwfplanHoldReload says so, and tells the reader): then it stays, and
// waits for the next build.
const reloadScript = `<script>(function(){var v=%d;setInterval(function(){fetch(%q,{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(+t===v){return}if(window.hwfplanHoldReload&&window.hwfplanHoldReload()){v=+t;return}location.reload()}).catch(function(){})},700)})();</script>`

// inject adds the reload script to a page and, when saving is on, the save
// token in a <meta> element the editor reads.
func (s *Server) inject(page []byte, version int) []byte {
	script := fmt.Sprintf(reloadScript, version, VersionPath)
	if s.saver != nil {
		meta := fmt.Sprintf(`<meta name="%s" content="%s">`, TokenMeta, s.saver.Token())
		if h := bytes.Index(page, []byte("</head>")); h >= 0 {
			page = append(append(append([]byte{}, page[:h]...), meta...), page[h:]...)
		} else {
			script = meta + script
		}
	}
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, script...)
	}
	out := make([]byte, 0, len(page)+len(script))
	out = append(out, page[:i]...)
	out = append(out, script...)
	return append(out, page[i:]...)
}

var errorTmpl = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The site cannot be built</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}pre{background:#fdf0f0;border-left:4px solid #a30000;padding:1rem;white-space:pre-wrap}</style>
</head><body><main><h1>The site cannot be built</h1>
<p>Fix these problems and save; this page reloads by itself.</p>
<pre>{{ range . }}{{ . }}
{{ end }}</pre></main></body></html>
`))

func errorPage(problems []string) []byte {
	var b bytes.Buffer
	_ = errorTmpl.Execute(&b, problems)
	return b.Bytes()
}
