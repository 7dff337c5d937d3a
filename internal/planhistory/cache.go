package planhistory

import (
	"io/fs"
	"iter"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/plantext"
	"go.yaml.in/yaml/v3"
)

// loader loads country folders at revisions: the five plan files and the plan's
// translations (translations/<lang>.yaml). Most revisions change one file of five,
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
	kind int // index in plan.CountryFiles, or translationKind
}

// translationKind is the fileKey kind of a translation file: parsed, not decoded.
const translationKind = numFiles

// translation is a translation file of a snapshot: its name in the translations
// folder and its content.
type translation struct {
	name string // "hu.yaml"
	hash gitrev.Hash
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
	// trans are the .yaml files of translations/, in name order (as load.Load
	// reads them).
	trans []translation
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
		for _, t := range s.trans {
			if !yield(fileKey{t.hash, translationKind}) {
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
	for _, e := range entries {
		if e.Name == plan.TranslationsDir && e.Mode.IsDir() {
			if s.trans, err = l.translations(commit, path.Join(dir, plan.TranslationsDir)); err != nil {
				return s, err
			}
			break
		}
	}
	return s, nil
}

// translations lists the translation files of the folder dir at commit: the
// regular .yaml files that load.Load reads there, in name order (git keeps a
// tree's entries in byte order of their names, as fs.ReadDir sorts them).
func (l *loader) translations(commit gitrev.Hash, dir string) ([]translation, error) {
	_, entries, err := l.r.Tree(commit, dir)
	if err != nil {
		return nil, err
	}
	var out []translation
	for _, e := range entries {
		if e.Mode.IsRegular() && !strings.HasPrefix(e.Name, ".") && strings.HasSuffix(e.Name, ".yaml") {
			out = append(out, translation{e.Name, e.Hash})
		}
	}
	slices.SortFunc(out, func(a, b translation) int { return strings.Compare(a.name, b.name) })
	return out, nil
}

// path is where the snapshot's file of key k sits; name is a translation's name.
func (s *snapshot) path(kind int, name string) string {
	if kind == translationKind {
		return path.Join(s.dir, plan.TranslationsDir, name)
	}
	return path.Join(s.dir, plan.CountryFiles[kind])
}

// parse reads and parses, in one batch, the files of the snapshots not parsed yet.
func (l *loader) parse(snaps []snapshot) {
	var todo []gitrev.Hash
	want := map[gitrev.Hash][]fileKey{}
	paths := map[fileKey]string{}
	for _, s := range snaps {
		add := func(k fileKey, name string) {
			h := k.hash
			if l.files[k] != nil || paths[k] != "" {
				return
			}
			if want[h] == nil {
				todo = append(todo, h)
			}
			want[h] = append(want[h], k)
			paths[k] = s.path(k.kind, name)
		}
		for i, h := range s.files {
			if !h.IsZero() {
				add(fileKey{h, i}, "")
			}
		}
		for _, t := range s.trans {
			add(fileKey{t.hash, translationKind}, t.name)
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
				if pf.file != nil && k.kind != translationKind {
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
	for _, t := range s.trans {
		pf := l.files[fileKey{t.hash, translationKind}]
		if pf == nil || pf.file == nil {
			continue
		}
		f := *pf.file
		f.Path = s.path(translationKind, t.name)
		lang, _ := plantext.Language(f.Path)
		c.Translations = append(c.Translations, &model.TranslationFile{Language: lang, File: &f})
	}
	return c
}

// diags returns the parser's diagnostics of the files of a parsed snapshot, at the
// paths the files have in its folder.
func (l *loader) diags(s snapshot) []diag.Diagnostic {
	var out []diag.Diagnostic
	add := func(k fileKey, name string) {
		if pf := l.files[k]; pf != nil {
			for _, d := range pf.diags {
				d.File = s.path(k.kind, name) // the same content may sit in another folder
				out = append(out, d)
			}
		}
	}
	for i, h := range s.files {
		if !h.IsZero() {
			add(fileKey{h, i}, "")
		}
	}
	for _, t := range s.trans {
		add(fileKey{t.hash, translationKind}, t.name)
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
