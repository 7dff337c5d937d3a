package usercache

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadWrite(t *testing.T) {
	d := New(filepath.Join(t.TempDir(), "c"))
	if d == nil {
		t.Fatal("New: nil")
	}
	if _, ok := d.Read("a"); ok {
		t.Fatal("a value before any write")
	}
	d.Write("a", []byte("value of a\n"))
	d.Write("a\x00b", []byte(""))
	if got, ok := d.Read("a"); !ok || string(got) != "value of a\n" {
		t.Errorf("Read(a) = %q, %v", got, ok)
	}
	if got, ok := d.Read("a\x00b"); !ok || len(got) != 0 {
		t.Errorf("Read(a NUL b) = %q, %v", got, ok)
	}
	// Another build does not read it.
	other := &Dir{dir: d.dir, program: d.program + " rebuilt"}
	if got, ok := other.Read("a"); ok {
		t.Errorf("another build read %q", got)
	}
	// A damaged file reads as missing, and is written again.
	f := d.file(d.full("a"))
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"truncated": data[:len(magic)+5],
		"other key": append([]byte(magic+"1\nx"), data...),
		"no magic":  data[1:],
	} {
		if err := os.WriteFile(f, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		if got, ok := d.Read("a"); ok {
			t.Errorf("%s file read as %q", name, got)
		}
	}
	d.Write("a", []byte("again"))
	if got, ok := d.Read("a"); !ok || string(got) != "again" {
		t.Errorf("after rewrite: %q, %v", got, ok)
	}
	// A folder that cannot be made costs nothing but the value.
	blocked := New(filepath.Join(f, "sub"))
	blocked.Write("a", []byte("x"))
	if _, ok := blocked.Read("a"); ok {
		t.Error("read from a folder that cannot exist")
	}
}

func TestOpen(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv(Env, "")
	d := Open("history")
	if d == nil || d.Path() != filepath.Join(cache, "hwfplan", "history") {
		t.Fatalf("Open: %+v", d)
	}
	t.Setenv(Env, "off")
	if d := Open("history"); d != nil {
		t.Errorf("HWFPLAN_CACHE=off: %+v", d)
	}
}
