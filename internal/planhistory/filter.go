package planhistory

import (
	"io/fs"
	"path"
	"strings"

	"github.com/hwfplan/hwfplan/internal/model"
)

// countryFS shows only the framework and one country folder of a revision, so loading
// a revision for one country's history parses five files, not the whole repository.
type countryFS struct {
	fs.FS
	dir string // countries/XX
}

func (c countryFS) allowed(name string) bool {
	switch {
	case name == "." || name == model.CountriesDir || name == "schema" || strings.HasPrefix(name, "schema/"):
		return true
	case name == c.dir || strings.HasPrefix(name, c.dir+"/"):
		return true
	}
	return false
}

func (c countryFS) Open(name string) (fs.File, error) {
	if !c.allowed(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return c.FS.Open(name)
}

func (c countryFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !c.allowed(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	es, err := fs.ReadDir(c.FS, name)
	if err != nil {
		return nil, err
	}
	var out []fs.DirEntry
	for _, e := range es {
		if c.allowed(path.Join(name, e.Name())) {
			out = append(out, e)
		}
	}
	return out, nil
}

// OnlyCountry narrows a revision to the framework and countries/<code>.
func OnlyCountry(fsys fs.FS, code string) fs.FS {
	return countryFS{FS: fsys, dir: path.Join(model.CountriesDir, code)}
}
