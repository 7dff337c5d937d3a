package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed, fatal bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.fatal = true; panic(r) }
func (r *recorder) Fatal(...any)          { r.fatal = true; panic(r) }

func run(t *testing.T, path string, got []byte) (r *recorder) {
	r = &recorder{TB: t}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	Check(r, path, got)
	return r
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "x.golden")
	if r := run(t, path, []byte("a")); !r.fatal {
		t.Error("a missing golden file must fail")
	}
	*update = true
	r := run(t, path, []byte("a"))
	*update = false
	if r.failed || r.fatal {
		t.Fatal("-update must write the file")
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != "a" {
		t.Fatalf("written %q, %v", data, err)
	}
	if r := run(t, path, []byte("a")); r.failed || r.fatal {
		t.Error("equal output must pass")
	}
	if r := run(t, path, []byte("b")); !r.failed {
		t.Error("different output must fail")
	}
}
