package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/spf13/afero"
)

// TestOverridesRefuseLinks: a file or a folder linked inside site/ is refused with
// a message naming it, not skipped without a word; regular files are copied.
func TestOverridesRefuseLinks(t *testing.T) {
	for _, tt := range []struct {
		name, link, target, want string
	}{
		{"linked file", "layouts/home.html", "../../notes.html", "site/layouts/home.html is a symbolic link"},
		{"linked folder", "static", "../assets", "site/static is a symbolic link"},
		{"none", "", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := gittest.Tree(t, map[string]string{"site/layouts/partials/x.html": "x", "notes.html": "n", "assets/a.css": "a"})
			if tt.link != "" {
				p := filepath.Join(root, "site", filepath.FromSlash(tt.link))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(tt.target, p); err != nil {
					t.Fatal(err)
				}
			}
			fsys, err := load.DirFS(root)
			if err != nil {
				t.Fatal(err)
			}
			over, err := fs.Sub(fsys, "site")
			if err != nil {
				t.Fatal(err)
			}
			mem := afero.NewMemMapFs()
			err = copyFS(mem, "/w", over, "site")
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if ok, _ := afero.Exists(mem, "/w/layouts/partials/x.html"); !ok {
					t.Error("a regular file was not copied")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("copyFS = %v, want %q", err, tt.want)
			}
		})
	}
}
