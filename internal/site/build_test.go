package site

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/outdir"
)

// readTree reads every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// buildInput is the test plans with a site override that has static files, and
// downloads: one replaced by a rendered page, one replacing a static file.
func buildInput(t *testing.T, extra string) Input {
	t.Helper()
	fsys := repoFS(t, plans+`
-- site/static/robots.txt --
static robots
-- site/static/downloads/data/a.csv --
static a
-- site/static/index.html --
static index
`+extra)
	repo, _ := load.Load(fsys, load.Options{})
	sub, err := fs.Sub(fsys, "site")
	if err != nil {
		t.Fatal(err)
	}
	return Input{Repo: repo, SourceTime: sourceTime, Overrides: sub,
		Downloads: map[string][]byte{"data/a.csv": []byte("download a"), "data/b.csv": []byte("download b")},
		Reports:   []Report{{ID: "as-is", Title: "As-is report", HTML: "<p>body</p>", Downloads: []string{"data/a.csv"}}}}
}

func TestBuildEqualsRenderAndPublish(t *testing.T) {
	in := buildInput(t, "")
	want, err := Render(in, Options{BaseURL: "https://example.org/hwf/"})
	if err != nil {
		t.Fatal(err)
	}
	// The precedence Render has always had: rendered pages, then downloads, then
	// static files.
	for name, content := range map[string]string{"robots.txt": "static robots", "downloads/data/a.csv": "download a", "downloads/data/b.csv": "download b"} {
		if got := strings.TrimSpace(string(want[name])); got != content {
			t.Errorf("Render: %s = %q, want %q", name, got, content)
		}
	}
	if bytes.Contains(want["index.html"], []byte("static index")) {
		t.Error("Render: a static file replaced the home page")
	}
	out := filepath.Join(t.TempDir(), "public")
	for range 2 { // the second build replaces the first
		n, err := Build(in, Options{BaseURL: "https://example.org/hwf/"}, out)
		if err != nil {
			t.Fatal(err)
		}
		got := readTree(t, out)
		// Besides the site, the folder holds the marker that lets the next
		// build replace it (see package outdir).
		if _, ok := got[outdir.Marker]; !ok {
			t.Errorf("Build wrote no %s", outdir.Marker)
		}
		delete(got, outdir.Marker)
		if n != len(want) || len(got) != len(want) {
			t.Errorf("Build reported %d files and wrote %d; Render made %d", n, len(got), len(want))
		}
		for _, name := range slices.Sorted(maps.Keys(want)) {
			if !bytes.Equal(got[name], want[name]) {
				t.Errorf("Build wrote %s differently from Render", name)
			}
		}
	}
	for _, p := range []string{"", "index.html", "countries", "countries/hu/index.html", "downloads/data/b.csv"} {
		fi, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		want := os.FileMode(0o644)
		if fi.IsDir() {
			want = 0o755
		}
		if got := fi.Mode().Perm() &^ 0o022; got != want&^0o022 {
			t.Errorf("%s has mode %v, want %v", p, fi.Mode().Perm(), want)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("Build left %d entries next to the output, want 1", len(entries))
	}
}

func TestBuildRelativeDir(t *testing.T) {
	t.Chdir(t.TempDir())
	if _, err := Build(buildInput(t, ""), Options{}, "public"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("public/index.html"); err != nil {
		t.Fatal(err)
	}
}

func TestBuildFailureKeepsPreviousOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(buildInput(t, ""), Options{}, out); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	tests := []struct {
		name  string
		extra string
		edit  func(*Input)
	}{
		{"broken template", "-- site/layouts/home.html --\n{{ define \"main\" }}{{ if }}{{ end }}\n", nil},
		{"download leaving the folder", "", func(in *Input) { in.Downloads["../escape"] = []byte("x") }},
		{"no plans", "", func(in *Input) { in.Repo = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := buildInput(t, tt.extra)
			if tt.edit != nil {
				tt.edit(&in)
			}
			if _, err := Build(in, Options{}, out); err == nil {
				t.Fatal("the build succeeded")
			}
			after := readTree(t, out)
			if len(after) != len(before) {
				t.Errorf("the output has %d files after a failed build, %d before", len(after), len(before))
			}
			for name, data := range before {
				if !bytes.Equal(after[name], data) {
					t.Errorf("%s changed in a failed build", name)
				}
			}
			if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("a failed build left %v next to the output", names)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(out), "escape")); !os.IsNotExist(err) {
				t.Errorf("a download was written outside the output: %v", err)
			}
		})
	}
}
