package planhistory

import (
	"io/fs"
	"iter"
	"path"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plan"
	"go.yaml.in/yaml/v3"
)

// loader loads country folders at revisions. Most revisions change one file of five,
// so a folder is first read as a snapshot (its files' blob hashes, from the trees
// alone), then every file content not seen yet is read and parsed once (git blob
// hash), in one batch spread over the cores; the framework is loaded once per
// content too. Files are parsed with load.Parse and decoded as load.Load decodes them
// (TestLoaderMatchesLoad checks the two agree).
type loader struct {
	r          *gitrev.Repo
	mu         sync.Mutex // guards files while a batch is parsed
	files      map[fileKey]*parsed
	frameworks map[gitrev.Hash]*framework.Framework
	workers    int
	store      *Store // nil: nothing kept between runs
}

// prefix is the plans root's path in the git tree, slash-separated; "" at the top.
func (l *loader) prefix() string {
	rel, err := filepath.Rel(l.r.Top(), l.r.Root())
	if err != nil {
		return "\x00" + l.r.Root() // never equal to a relative path
	}
	if rel == "." {
		return ""
	}
	return filepath.ToSlash(rel)
}

// fileKey names a parsed file: its content, and which of the country files it is
// (the same bytes decode differently as as-is.yaml and as to-be.yaml).
type fileKey struct {
	hash gitrev.Hash
	kind int // index in plan.CountryFiles
}

type parsed struct {
	file  *model.File
	val   any               // *plan.Country, *plan.AsIs, ... or nil when it does not decode
	diags []diag.Diagnostic // the parser's, which say why a file is unreadable
}

func newLoader(r *gitrev.Repo) *loader {
	return &loader{r: r, files: map[fileKey]*parsed{}, frameworks: map[gitrev.Hash]*framework.Framework{},
		workers: runtime.GOMAXPROCS(0)}
}

// snapshot is a country folder at a revision, by content.
type snapshot struct {
	fw    *framework.Framework
	fwKey gitrev.Hash
	dir   string      // the folder, countries/XX
	hash  gitrev.Hash // the folder's tree; zero when the revision has no folder
	files [numFiles]gitrev.Hash
}

const numFiles = 5 // len(plan.CountryFiles)

func init() {
	if len(plan.CountryFiles) != numFiles {
		panic("planhistory: numFiles must be len(plan.CountryFiles)")
	}
}

// keys are the parsed files the snapshot needs.
func (s *snapshot) keys() iter.Seq[fileKey] {
	return func(yield func(fileKey) bool) {
		for i, h := range s.files {
			if !h.IsZero() && !yield(fileKey{h, i}) {
				return
			}
		}
	}
}

// snapshot reads the framework and the folder's blob hashes at commit. A file that
// load.ReadLimited would not read (a symlink, a folder, a submodule) has no hash.
func (l *loader) snapshot(commit gitrev.Hash, dir string) (snapshot, error) {
	fh, err := l.r.PathHash(commit, framework.DefaultPath)
	if err != nil {
		return snapshot{}, err
	}
	fw, ok := l.frameworks[fh]
	if !ok {
		fsys, err := l.r.FS(commit)
		if err != nil {
			return snapshot{}, err
		}
		repo, _ := load.Load(OnlyCountry(fsys, "-"), load.Options{}) // the framework alone
		fw = repo.Framework
		l.frameworks[fh] = fw
	}
	s := snapshot{fw: fw, fwKey: fh, dir: dir}
	dh, entries, err := l.r.Tree(commit, dir)
	if err != nil || dh.IsZero() {
		return s, err
	}
	s.hash = dh
	for i, name := range plan.CountryFiles {
		for _, e := range entries {
			if e.Name == name {
				if e.Mode.IsRegular() {
					s.files[i] = e.Hash
				}
				break
			}
		}
	}
	return s, nil
}

// parse reads and parses, in one batch, the files of the snapshots not parsed yet.
func (l *loader) parse(snaps []snapshot) {
	var todo []gitrev.Hash
	want := map[gitrev.Hash][]fileKey{}
	paths := map[fileKey]string{}
	for _, s := range snaps {
		for k := range s.keys() {
			h := k.hash
			if l.files[k] != nil || paths[k] != "" {
				continue
			}
			if want[h] == nil {
				todo = append(todo, h)
			}
			want[h] = append(want[h], k)
			paths[k] = path.Join(s.dir, plan.CountryFiles[k.kind])
		}
	}
	if len(todo) == 0 {
		return
	}
	l.r.ReadBlobs(todo, l.workers, func(h gitrev.Hash, data []byte, err error) {
		for _, k := range want[h] {
			pf := &parsed{}
			switch {
			case err != nil:
				pf.diags = []diag.Diagnostic{{File: paths[k], Severity: diag.Error, Rule: load.RuleRead, Message: "the file cannot be read: " + err.Error()}}
			case int64(len(data)) > load.MaxFileSize:
				pf.diags = []diag.Diagnostic{{File: paths[k], Severity: diag.Error, Rule: load.RuleSize, Message: "the file is larger than the size limit"}}
			default:
				pf.file, pf.diags = load.Parse(paths[k], data)
				if pf.file != nil {
					pf.val = decode(plan.CountryFiles[k.kind], pf.file)
				}
			}
			l.mu.Lock()
			l.files[k] = pf
			l.mu.Unlock()
		}
	})
}

// country builds the country of a snapshot whose files are parsed; nil when the
// revision has no folder.
func (l *loader) country(s snapshot) *model.Country {
	if s.hash.IsZero() {
		return nil
	}
	c := &model.Country{Code: path.Base(s.dir), Dir: s.dir, Files: map[string]*model.File{}}
	for i, name := range plan.CountryFiles {
		if s.files[i].IsZero() {
			continue
		}
		pf := l.files[fileKey{s.files[i], i}]
		if pf == nil || pf.file == nil {
			continue
		}
		f := *pf.file
		f.Path = path.Join(s.dir, name) // the same content may sit in another folder after a rename
		c.Files[name] = &f
		c.SetPlan(pf.val)
	}
	return c
}

// diags returns the parser's diagnostics of the files of a parsed snapshot, at the
// paths the files have in its folder.
func (l *loader) diags(s snapshot) []diag.Diagnostic {
	var out []diag.Diagnostic
	for i, name := range plan.CountryFiles {
		if s.files[i].IsZero() {
			continue
		}
		if pf := l.files[fileKey{s.files[i], i}]; pf != nil {
			for _, d := range pf.diags {
				d.File = path.Join(s.dir, name) // the same content may sit in another folder
				out = append(out, d)
			}
		}
	}
	return out
}

// load returns the framework and the country in dir at commit; the country is nil when
// the folder does not exist there.
func (l *loader) load(commit gitrev.Hash, dir string) (*framework.Framework, *model.Country, error) {
	s, err := l.snapshot(commit, dir)
	if err != nil {
		return nil, nil, err
	}
	l.parse([]snapshot{s})
	return s.fw, l.country(s), nil
}

func decode(name string, f *model.File) any {
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
func decodeAs[T any](f *model.File) any {
	if f.Node == nil || f.Node.Kind != yaml.MappingNode {
		return nil
	}
	var v T
	if err := f.Node.Decode(&v); err != nil {
		return nil
	}
	return &v
}

var _ fs.FS = countryFS{}
