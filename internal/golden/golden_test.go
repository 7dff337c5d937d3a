package golden

import (
	"os"
	"path/filepath"
	"strings"
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

func runSection(t *testing.T, path string, got []byte) (r *recorder) {
	r = &recorder{TB: t}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	CheckSection(r, path, "want", got)
	return r
}

func TestCheckSection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "case.txtar")
	const in = "prose\n-- in.yaml --\na: 1\n"
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runSection(t, path, []byte("x\n")); !r.fatal {
		t.Error("a missing want section must fail")
	}
	*update = true
	r := runSection(t, path, []byte("x\n"))
	*update = false
	if r.failed || r.fatal {
		t.Fatal("-update must add the section")
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != in+"-- want --\nx\n" {
		t.Fatalf("written %q, %v", data, err)
	}
	if r := runSection(t, path, []byte("x\n")); r.failed || r.fatal {
		t.Error("equal output must pass")
	}
	if r := runSection(t, path, []byte("y\n")); !r.failed {
		t.Error("different output must fail")
	}
	*update = true
	r = runSection(t, path, []byte("y\n"))
	*update = false
	if data, err := os.ReadFile(path); r.failed || r.fatal || err != nil || string(data) != in+"-- want --\ny\n" {
		t.Fatalf("-update must replace the section in place: %q, %v", data, err)
	}
}

func TestDiff(t *testing.T) {
	if got := Diff([]byte("a\n"), []byte("b\n")); got != "--- got\na\n--- want\nb\n" {
		t.Errorf("short: %q", got)
	}
	long := strings.Repeat("same\n", 500)
	if got := Diff([]byte(long+"x\n"), []byte(long+"y\n")); got != "first difference at line 501:\n got: x\nwant: y" {
		t.Errorf("long: %q", got)
	}
}

func TestSections(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"b.txtar": "-- in.yaml --\nb: 1\n-- want --\n",
		"a.txtar": "-- in.yaml --\na: 1\n",
		"c.txtar": "-- other --\nc: 1\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := Sections(t, filepath.Join(dir, "*.txtar"), "in.yaml")
	if len(got) != 2 || string(got[0]) != "a: 1\n" || string(got[1]) != "b: 1\n" {
		t.Errorf("Sections = %q", got)
	}
	r := &recorder{TB: t}
	func() {
		defer func() {
			if p := recover(); p != nil && p != r {
				panic(p)
			}
		}()
		Sections(r, filepath.Join(dir, "*.none"), "in.yaml")
	}()
	if !r.fatal {
		t.Error("a pattern that matches nothing must fail")
	}
}
