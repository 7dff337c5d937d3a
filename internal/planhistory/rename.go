package planhistory

import (
	"path"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plandiff"
)

// follow is the rename rule of the history walks: plandiff.Renames, the rule diff
// reports renames by, applied to the country folders a commit added and the ones
// it removed, so history follows exactly the renames diff shows.
func (l *loader) follow(commit, parent gitrev.Hash, p string) (string, error) {
	if path.Dir(p) != model.CountriesDir {
		return "", nil
	}
	before, err := l.folders(parent)
	if err != nil {
		return "", err
	}
	after, err := l.folders(commit)
	if err != nil {
		return "", err
	}
	var removed, added []*model.Country
	for name := range before {
		if !after[name] {
			c, err := l.folder(parent, name)
			if err != nil {
				return "", err
			}
			removed = append(removed, c)
		}
	}
	if len(removed) == 0 {
		return "", nil // nothing disappeared: p is new (the common case, no loading)
	}
	for name := range after {
		if !before[name] {
			c, err := l.folder(commit, name)
			if err != nil {
				return "", err
			}
			added = append(added, c)
		}
	}
	if old, ok := plandiff.Renames(removed, added)[path.Base(p)]; ok {
		return path.Join(model.CountriesDir, old), nil
	}
	return "", nil
}

// folders lists the folder names in countries/ at a commit.
func (l *loader) folders(commit gitrev.Hash) (map[string]bool, error) {
	_, entries, err := l.r.Tree(commit, model.CountriesDir)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, e := range entries {
		if e.Mode.IsDir() {
			out[e.Name] = true
		}
	}
	return out, nil
}

// folder loads countries/<name> at a commit (an empty country when it has no files).
func (l *loader) folder(commit gitrev.Hash, name string) (*model.Country, error) {
	_, c, err := l.load(commit, path.Join(model.CountriesDir, name))
	if err != nil || c != nil {
		return c, err
	}
	return &model.Country{Code: name, Dir: path.Join(model.CountriesDir, name), Files: map[string]*model.File{}}, nil
}
