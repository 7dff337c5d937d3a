package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

// repo makes a plans repository with the git CLI: countries/, a committed docs/
// folder, and an unrelated non-empty folder notes/ next to a file README.md.
func repo(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "plans")
	gittest.WriteTree(t, root, map[string]string{
		"countries/HU/country.yaml": "code: HU\n",
		"clusters/wp5.yaml":         "id: wp5\n",
		"docs/guide.md":             "# guide\n",
		"README.md":                 "plans\n",
	})
	gittest.NewAt(t, root).Commit("plans")
	gittest.WriteTree(t, root, map[string]string{"notes/todo.txt": "mine\n"})
	return root
}

func TestCheckRefuses(t *testing.T) {
	root := repo(t)
	link := filepath.Join(filepath.Dir(root), "to-root")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(root, "made-by-report")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, Marker), MarkerFor("report"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, out, want string
	}{
		{"the repository root as .", ".", "is the repository " + root + " itself"},
		{"the repository root", root, "itself"},
		{"a folder containing it", "..", "contains the repository " + root},
		{"the filesystem root", "/", "contains the repository"},
		{"a plans folder", "countries", "is the plans folder countries/"},
		{"inside a plans folder", "countries/XX", "is the plans folder countries/"},
		{"the clusters folder", "clusters", "is the plans folder clusters/"},
		{"a missing plans folder", "templates", "is the plans folder templates/"},
		{"a folder with tracked files", "docs", "holds files tracked by git (such as " + filepath.Join(root, "docs", "guide.md") + ")"},
		{".git", ".git", "git's own folder"},
		{"inside .git", ".git/hooks", "git's own folder"},
		{"a non-empty folder", "notes", "it is not empty and was not made by `hwfplan build`"},
		{"a file", "README.md", "it is a file"},
		{"a symbolic link to the root", link, "(" + link + " leads to " + root + ")"},
		{"another command's output", "made-by-report", "holds the output of `hwfplan report`"},
	}
	t.Chdir(root)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Check(tt.out, Options{Command: "build", Root: root})
			var r *Refusal
			if !errors.As(err, &r) {
				t.Fatalf("Check(%q) = %q, %v; want a refusal", tt.out, got, err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "refusing to write into "+tt.out+": ") {
				t.Errorf("Check(%q) = %v; want %q", tt.out, err, tt.want)
			}
		})
	}
	// Without --root (benchgen), the git work tree around the working directory
	// is still protected.
	if _, err := Check(".", Options{Command: "benchgen"}); err == nil {
		t.Error("Check(.) without a root succeeded inside a git work tree")
	}
}

func TestCheckAllows(t *testing.T) {
	root, err := filepath.EvalSymlinks(repo(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Replace(filepath.Join(root, "public"), "build", func(tmp string) error {
		return os.WriteFile(filepath.Join(tmp, "index.html"), []byte("one"), 0o644)
	}, nil); err != nil {
		t.Fatal(err)
	}
	outside, _ := filepath.EvalSymlinks(t.TempDir())
	for _, tt := range []struct{ name, out, want string }{
		{"missing", "public2", filepath.Join(root, "public2")},
		{"missing, under a missing folder", "out/site", filepath.Join(root, "out", "site")},
		{"empty", "empty", empty},
		{"a previous output with the marker", "public", filepath.Join(root, "public")},
		{"a folder outside the repository", outside, outside},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Check(tt.out, Options{Command: "build", Root: root})
			if err != nil || got != tt.want {
				t.Errorf("Check(%q) = %q, %v; want %q", tt.out, got, err, tt.want)
			}
		})
	}
}

func TestReplace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	write := func(files map[string]string) func(string) error {
		return func(tmp string) error {
			for name, data := range files {
				if err := os.WriteFile(filepath.Join(tmp, name), []byte(data), 0o644); err != nil {
					return err
				}
			}
			return nil
		}
	}
	if err := Replace(dir, "build", write(map[string]string{"index.html": "one", "old.html": "o"}), nil); err != nil {
		t.Fatal(err)
	}
	marker, err := os.ReadFile(filepath.Join(dir, Marker))
	if err != nil || markerCommand(marker) != "build" {
		t.Fatalf("marker %q, %v", marker, err)
	}
	// A failed run leaves the previous output as it was, and nothing next to it.
	if err := Replace(dir, "build", func(tmp string) error { return errors.New("boom") }, nil); err == nil {
		t.Fatal("a failing write succeeded")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) != "one" {
		t.Errorf("after a failed run index.html = %q", b)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("a failed run left %d entries next to the output", len(entries))
	}
	// A new run replaces the whole folder; keep carries entries over.
	if err := Replace(dir, "build", write(map[string]string{"index.html": "two"}), func(n string) bool { return n == "old.html" }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) != "two" {
		t.Errorf("index.html = %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "old.html")); string(b) != "o" {
		t.Errorf("old.html was not kept: %q", b)
	}
	if err := Replace(dir, "build", write(map[string]string{"index.html": "three"}), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "old.html")); !os.IsNotExist(err) {
		t.Errorf("old.html survived a run that keeps nothing: %v", err)
	}
	// Another command's output, and a folder nobody marked, are not replaced.
	if err := Replace(dir, "report", write(nil), nil); err == nil {
		t.Error("report replaced the output of build")
	}
	mine := t.TempDir()
	os.WriteFile(filepath.Join(mine, "thesis.tex"), []byte("x"), 0o644)
	if err := Replace(mine, "build", write(nil), nil); err == nil {
		t.Error("Replace emptied a folder it did not make")
	}
	if b, _ := os.ReadFile(filepath.Join(mine, "thesis.tex")); string(b) != "x" {
		t.Errorf("thesis.tex = %q", b)
	}
}
