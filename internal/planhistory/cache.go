package planhistory

import (
	"path"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plan"
	"gopkg.in/yaml.v3"
)

// loader loads one country folder at a revision. Most revisions change one file of
// five, so files are parsed once per content (git blob hash) and shared between
// revisions; the framework is loaded once per content too. Files are parsed with
// load.Parse and decoded as load.Load decodes them (TestLoaderMatchesLoad checks
// the two agree).
type loader struct {
	r          *gitrev.Repo
	files      map[plumbing.Hash]*parsed
	frameworks map[plumbing.Hash]*framework.Framework
}

type parsed struct {
	file *load.File
	val  any // *plan.Country, *plan.AsIs, ... or nil when it does not decode
}

func newLoader(r *gitrev.Repo) *loader {
	return &loader{r: r, files: map[plumbing.Hash]*parsed{}, frameworks: map[plumbing.Hash]*framework.Framework{}}
}

// load returns the framework and the country in dir at commit; the country is nil when
// the folder does not exist there.
func (l *loader) load(commit plumbing.Hash, dir string) (*framework.Framework, *load.Country, error) {
	fsys, err := l.r.FS(commit)
	if err != nil {
		return nil, nil, err
	}
	fh, err := l.r.PathHash(commit, framework.DefaultPath)
	if err != nil {
		return nil, nil, err
	}
	fw, ok := l.frameworks[fh]
	if !ok {
		repo, _ := load.Load(OnlyCountry(fsys, "-"), load.Options{}) // the framework alone
		fw = repo.Framework
		l.frameworks[fh] = fw
	}
	dh, err := l.r.PathHash(commit, dir)
	if err != nil || dh.IsZero() {
		return fw, nil, err
	}
	c := &load.Country{Code: path.Base(dir), Dir: dir, Files: map[string]*load.File{}}
	for _, name := range plan.CountryFiles {
		p := path.Join(dir, name)
		bh, err := l.r.PathHash(commit, p)
		if err != nil {
			return nil, nil, err
		}
		if bh.IsZero() {
			continue
		}
		pf, ok := l.files[bh]
		if !ok {
			pf = &parsed{}
			if data, err := load.ReadLimited(fsys, p, load.MaxFileSize); err == nil {
				pf.file, _ = load.Parse(p, data)
				if pf.file != nil {
					pf.val = decode(name, pf.file)
				}
			}
			l.files[bh] = pf
		}
		if pf.file == nil {
			continue
		}
		f := *pf.file
		f.Path = p // the same content may sit in another folder after a rename
		c.Files[name] = &f
		switch v := pf.val.(type) {
		case *plan.Country:
			c.Country = v
		case *plan.AsIs:
			c.AsIs = v
		case *plan.ToBe:
			c.ToBe = v
		case *plan.ToDo:
			c.ToDo = v
		case *plan.ActionPlan:
			c.ActionPlan = v
		}
	}
	return fw, c, nil
}

func decode(name string, f *load.File) any {
	switch name {
	case plan.CountryFile:
		return decodeAs[plan.Country](f)
	case plan.AsIsFile:
		return decodeAs[plan.AsIs](f)
	case plan.ToBeFile:
		return decodeAs[plan.ToBe](f)
	case plan.ToDoFile:
		return decodeAs[plan.ToDo](f)
	case plan.ActionPlanFile:
		return decodeAs[plan.ActionPlan](f)
	}
	return nil
}

// decodeAs decodes as load.Load does: a mapping that decodes, else nothing.
func decodeAs[T any](f *load.File) any {
	if f.Node == nil || f.Node.Kind != yaml.MappingNode {
		return nil
	}
	var v T
	if err := f.Node.Decode(&v); err != nil {
		return nil
	}
	return &v
}
