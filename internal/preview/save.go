package preview

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/safewrite"
)

// SavePath receives a plan file the form editor saves (POST, JSON).
const SavePath = "/__hwfplan/save"

// TokenHeader carries the save token; TokenMeta names the <meta> element that
// gives it to the served pages.
const (
	TokenHeader = "X-Hwfplan-Token"
	TokenMeta   = "hwfplan-save-token"
)

// savable matches the plan files of a country the editor may save; the code is
// two capital letters, as the loader reads country folders.
var savable = regexp.MustCompile(`^countries/[A-Z]{2}/(?:country|as-is|to-be|to-do|action-plan)\.yaml$`)

// Saver writes the files the form editor saves into the plans repository:
// only from loopback, with the token of this run, to the host the preview
// listens on, one of a country's plan files, and only over the version the
// editor loaded. The watcher then rebuilds and the page reloads.
type Saver struct {
	root  string   // the plans repository
	token string   // random per run
	hosts []string // the Host values the preview answers to

	mu sync.Mutex // one save at a time: the check of base and the write
}

// NewSaver returns a saver for the repository at root, for a preview listening
// on addr ("127.0.0.1:1313"), with a new random token.
func NewSaver(root, addr string) (*Saver, error) {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("failed to set up saving: %w", err)
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("failed to set up saving: %w", err)
	}
	return &Saver{
		root:  root,
		token: hex.EncodeToString(b),
		hosts: []string{addr, net.JoinHostPort("localhost", port), net.JoinHostPort("127.0.0.1", port)},
	}, nil
}

// Token is the token a save must send in TokenHeader.
func (s *Saver) Token() string { return s.token }

// saveRequest is the JSON body of a save.
type saveRequest struct {
	Path    string `json:"path"`    // slash path in the repository: countries/HU/as-is.yaml
	Content string `json:"content"` // the whole new file
	Base    string `json:"base"`    // SHA-256 (hex) of the file as the editor loaded it
}

type saveError struct {
	status int
	msg    string
}

func (e *saveError) Error() string { return e.msg }

func fail(status int, format string, args ...any) error {
	return &saveError{status, fmt.Sprintf(format, args...)}
}

func (s *Saver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	sum, err := s.save(w, r)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if err != nil {
		status := http.StatusInternalServerError
		var se *saveError
		if errors.As(err, &se) {
			status = se.status
		}
		if status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", http.MethodPost)
		}
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "sha256": sum})
}

func (s *Saver) save(w http.ResponseWriter, r *http.Request) (string, error) {
	if r.Method != http.MethodPost {
		return "", fail(http.StatusMethodNotAllowed, "saving takes a POST request")
	}
	if err := s.checkCaller(r); err != nil {
		return "", err
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		return "", fail(http.StatusUnsupportedMediaType, "a save is sent as application/json")
	}
	// JSON escapes at most 6 bytes per byte of content.
	body := http.MaxBytesReader(w, r.Body, 6*load.MaxFileSize+64<<10)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var req saveRequest
	if err := dec.Decode(&req); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return "", fail(http.StatusRequestEntityTooLarge, "the file is larger than plan files may be (%d bytes)", load.MaxFileSize)
		}
		return "", fail(http.StatusBadRequest, "the save request is not valid JSON {\"path\", \"content\", \"base\"}: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return "", fail(http.StatusBadRequest, "the save request has text after its JSON object")
	}
	file, err := s.target(req.Path)
	if err != nil {
		return "", err
	}
	if err := checkContent(req.Content); err != nil {
		return "", err
	}
	base := strings.ToLower(req.Base)
	if len(base) != sha256.Size*2 {
		return "", fail(http.StatusBadRequest, "base must be the SHA-256 (64 hex digits) of the file as it was loaded")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	fi, err := os.Lstat(file)
	if err != nil || !fi.Mode().IsRegular() {
		return "", fail(http.StatusNotFound, "%s is not a plan file in this repository", req.Path)
	}
	if fi.Size() > load.MaxFileSize {
		return "", fail(http.StatusConflict, "%s on disk is larger than plan files may be; it was not overwritten", req.Path)
	}
	old, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("failed to read %s: %w", req.Path, err)
	}
	if cur := sha256.Sum256(old); hex.EncodeToString(cur[:]) != base {
		return "", fail(http.StatusConflict, "%s has changed on disk since the editor loaded it (someone or something else saved it); nothing was written: reload the page to edit the new version", req.Path)
	}
	if err := safewrite.WriteFileMode(file, []byte(req.Content), fi.Mode().Perm()); err != nil {
		return "", fmt.Errorf("failed to save %s: %w", req.Path, err)
	}
	sum := sha256.Sum256([]byte(req.Content))
	return hex.EncodeToString(sum[:]), nil
}

// checkCaller lets through only this run's pages: a loopback peer, the Host
// the preview listens on (no DNS rebinding), the same origin, the token.
func (s *Saver) checkCaller(r *http.Request) error {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return fail(http.StatusForbidden, "saving is only allowed from this computer")
	}
	if !s.knownHost(r.Host) {
		return fail(http.StatusForbidden, "saving is only allowed on the preview's own address (http://%s/), not %q", s.hosts[0], r.Host)
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || u.Scheme != "http" || !s.knownHost(u.Host) {
			return fail(http.StatusForbidden, "saving is only allowed from the preview's own pages, not from %q", o)
		}
	}
	if t := r.Header.Get(TokenHeader); t == "" || subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) != 1 {
		return fail(http.StatusForbidden, "the save token is missing or wrong: reload the page (the preview was restarted)")
	}
	return nil
}

func (s *Saver) knownHost(h string) bool {
	for _, k := range s.hosts {
		if strings.EqualFold(h, k) {
			return true
		}
	}
	return false
}

// target checks the path a save names and returns the file to write: one of a
// country's plan files, in a country folder that exists, reached without
// leaving the repository through a symbolic link.
func (s *Saver) target(p string) (string, error) {
	if !savable.MatchString(p) {
		return "", fail(http.StatusBadRequest, "%q is not a plan file the editor can save: only countries/<CODE>/{country,as-is,to-be,to-do,action-plan}.yaml", p)
	}
	fsys, err := load.DirFS(s.root)
	if err != nil {
		return "", err
	}
	if _, err := fs.Stat(fsys, p); err != nil {
		if errors.Is(err, load.ErrOutside) {
			return "", fail(http.StatusForbidden, "%s leads out of the repository through a symbolic link; it is not written", p)
		}
		return "", fail(http.StatusNotFound, "%s does not exist in this repository", p)
	}
	root, err := filepath.EvalSymlinks(s.root)
	if err != nil {
		return "", fmt.Errorf("failed to resolve the repository folder: %w", err)
	}
	file, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(p)))
	if err != nil {
		return "", fail(http.StatusNotFound, "%s does not exist in this repository", p)
	}
	if rel, err := filepath.Rel(root, file); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fail(http.StatusForbidden, "%s leads out of the repository through a symbolic link; it is not written", p)
	}
	return file, nil
}

// checkContent refuses a file the loader would refuse as text: over the size
// limit, not UTF-8, or with control characters (tabs and line ends, LF or
// CRLF, are fine).
func checkContent(c string) error {
	if len(c) > load.MaxFileSize {
		return fail(http.StatusRequestEntityTooLarge, "the file is larger than plan files may be (%d bytes)", load.MaxFileSize)
	}
	if !utf8.ValidString(c) {
		return fail(http.StatusBadRequest, "the file is not valid UTF-8 text")
	}
	line := 1
	for i, r := range c {
		if r == '\n' {
			line++
			continue
		}
		if r == '\r' && strings.HasPrefix(c[i+1:], "\n") {
			continue // a CRLF line end
		}
		if (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return fail(http.StatusBadRequest, "the file has a control character (U+%04X) on line %d; plan files hold text only", r, line)
		}
	}
	return nil
}
