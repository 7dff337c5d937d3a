package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/plantext"
	"go.yaml.in/yaml/v3"
)

// Options tune loading.
type Options struct {
	MaxFileSize int64 // 0 means MaxFileSize

	// Skip, when set, leaves out the country folders (countries/<code>), the
	// files in country folders, the cluster files, publication.yaml and the
	// programme files (programme/<file>.yaml) for which it returns true:
	// they are neither read nor parsed, and load as if they were not there,
	// without a diagnostic. It is called from several goroutines at once.
	Skip func(path string) bool

	// NoValues leaves File.Value nil, for callers that use the decoded plans and
	// the node trees only (diff): it saves building a second copy of every file.
	// The diagnostics are the same.
	NoValues bool

	// Cache, when set, shares parsed files between the loads that use it: a file
	// with the same path and content as one it already holds is not parsed again,
	// and both loads get the same *File, decoded values and diagnostics. Loaded
	// values are never modified by hwfplan; with a cache they must not be.
	Cache *Cache
}

var codeRe = regexp.MustCompile(`^[A-Z]{2}$`)
var clusterFileRe = regexp.MustCompile(`^[a-z][a-z0-9_-]*\.yaml$`)

// Load reads a whole plans repository from fsys (rooted at the repository root).
// It never fails: what cannot be read becomes a diagnostic, and the rest is loaded.
//
// The framework, the country folders and the cluster files are read and parsed on
// all cores (runtime.GOMAXPROCS), then put together in the order of a sequential
// load, so the result and the diagnostics do not depend on the scheduling. fsys is
// read from one goroutine at a time unless it is a DirFS, which is safe for
// concurrent use.
func Load(fsys fs.FS, opts Options) (*model.Repo, []diag.Diagnostic) {
	l := loader{fsys: fsys, limit: opts.MaxFileSize, skip: opts.Skip, cache: opts.Cache, values: !opts.NoValues, repo: &model.Repo{Files: map[string]*model.File{}}}
	if l.limit <= 0 {
		l.limit = MaxFileSize
	}
	_, l.concurrent = fsys.(*rootFS)
	units := []*unit{{kind: frameworkUnit}}
	units = l.planCountries(units)
	units = l.planClusters(units)
	units = append(units, &unit{kind: publicationUnit})
	units = l.planProgramme(units)
	l.run(units)
	for _, u := range units {
		l.assemble(u)
	}
	if l.repo.Programme == nil {
		l.repo.Programme = &model.Programme{Files: map[string]*model.File{}}
	}
	diag.Sort(l.diags)
	return l.repo, diag.Dedupe(l.diags)
}

type loader struct {
	fsys       fs.FS
	limit      int64
	skip       func(string) bool
	cache      *Cache
	values     bool       // build model.File.Value
	concurrent bool       // fsys may be read from several goroutines at once
	io         sync.Mutex // serialises reads of fsys when it may not
	repo       *model.Repo
	diags      []diag.Diagnostic
}

// A unit is one piece of a load that depends on no other: the framework, one
// country folder or one cluster file. Units are planned in order, loaded in
// parallel, and assembled in order.
type unit struct {
	kind  unitKind
	name  string // the country code or the cluster file name
	diags []diag.Diagnostic
	files []*model.File // parsed files, in the order a sequential load parses them

	framework    *framework.Framework
	frameFile    *model.File
	translations []*model.TranslationFile
	country      *model.Country
	cluster      *model.Cluster
	pub          *plan.Publication
	programme    *model.Programme
	panicked     any // a panic while loading, raised again in Load's goroutine
}

type unitKind int

const (
	diagUnit        unitKind = iota // only diagnostics found while planning
	frameworkUnit                   // schema/framework.yaml
	countryUnit                     // countries/<code>
	clusterUnit                     // clusters/<id>.yaml
	publicationUnit                 // publication.yaml (optional)
	programmeUnit                   // programme/ (optional)
)

// run loads the units on up to GOMAXPROCS goroutines.
func (l *loader) run(units []*unit) {
	workers := min(runtime.GOMAXPROCS(0), len(units))
	if workers <= 1 {
		for _, u := range units {
			l.load(u)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(units) {
					return
				}
				l.load(units[i])
			}
		})
	}
	wg.Wait()
}

// load loads one unit. A panic is kept for assemble to raise again where a
// sequential load would have raised it.
func (l *loader) load(u *unit) {
	defer func() {
		if r := recover(); r != nil {
			u.panicked = r
		}
	}()
	switch u.kind {
	case frameworkUnit:
		l.loadFramework(u)
	case countryUnit:
		l.loadCountry(u)
	case clusterUnit:
		l.loadCluster(u)
	case publicationUnit:
		l.loadPublication(u)
	case programmeUnit:
		l.loadProgramme(u)
	}
}

// assemble adds a loaded unit to the repository.
func (l *loader) assemble(u *unit) {
	if u.panicked != nil {
		panic(u.panicked)
	}
	l.diags = append(l.diags, u.diags...)
	for _, f := range u.files {
		l.repo.Files[f.Path] = f
	}
	switch u.kind {
	case frameworkUnit:
		l.repo.Framework, l.repo.FrameworkFile = u.framework, u.frameFile
		l.repo.Translations = u.translations
	case countryUnit:
		l.repo.Countries = append(l.repo.Countries, u.country)
	case clusterUnit:
		if u.cluster != nil {
			l.repo.Clusters = append(l.repo.Clusters, u.cluster)
		}
	case publicationUnit:
		l.repo.Publication = u.pub
	case programmeUnit:
		l.repo.Programme = u.programme
	}
}

// lockIO holds fsys for the caller unless fsys may be read concurrently; call
// the returned function to let it go.
func (l *loader) lockIO() func() {
	if l.concurrent {
		return func() {}
	}
	l.io.Lock()
	return l.io.Unlock
}

// skipped reports whether Options.Skip leaves name out.
func (l *loader) skipped(name string) bool { return l.skip != nil && l.skip(name) }

// raw is a file as read, before it is parsed.
type raw struct {
	name string
	data []byte
	err  error
}

// readRaw reads one file through f (nil for a path-by-path read).
func (l *loader) readRaw(f folder, name string, e fs.DirEntry) raw {
	var data []byte
	var err error
	if f != nil {
		data, err = f.read(name, e)
	} else {
		data, err = ReadLimited(l.fsys, name, l.limit)
	}
	return raw{name: name, data: data, err: err}
}

// parse turns a file as read into a parsed file and its diagnostics, as a
// sequential load did: missing files are reported only when required. decode
// (nil for none) turns the parsed file into the value kept with it.
func (l *loader) parse(u *unit, r raw, required bool, decode func(*model.File) any) (*model.File, any) {
	if r.err != nil {
		if errors.Is(r.err, fs.ErrNotExist) && !required {
			return nil, nil
		}
		u.diags = append(u.diags, readDiag(r.name, r.err))
		return nil, nil
	}
	parse := func() (*model.File, []diag.Diagnostic, any) {
		f, ds := parse(r.name, r.data, l.values)
		var v any
		if f != nil && decode != nil {
			v = decode(f)
		}
		return f, ds, v
	}
	var f *model.File
	var ds []diag.Diagnostic
	var v any
	if l.cache != nil {
		f, ds, v = l.cache.get(r.name, r.data, l.values, parse)
	} else {
		f, ds, v = parse()
	}
	u.diags = append(u.diags, ds...)
	if f != nil {
		u.files = append(u.files, f)
	}
	return f, v
}

func readDiag(name string, err error) diag.Diagnostic {
	var tl *TooLargeError
	switch {
	case errors.Is(err, ErrOutside):
		return errAt(name, 0, 0, RuleSymlink, "this is a symbolic link to a place outside the repository; hwfplan does not follow it — replace the link with the file itself")
	case errors.As(err, &tl):
		return errAt(name, 0, 0, RuleSize, "%s; plan files are small text files — check that the right file was saved here", tl.Error())
	case errors.Is(err, fs.ErrNotExist):
		return errAt(name, 0, 0, RuleMissing, "the file is missing")
	case errors.Is(err, errIsDir):
		return errAt(name, 0, 0, RuleLayout, "expected a file here, found a folder")
	case errors.Is(err, errNotRegular):
		return errAt(name, 0, 0, RuleRead, "this is not an ordinary file (it is a named pipe, a socket or a device); replace it with the YAML file")
	default:
		return errAt(name, 0, 0, RuleRead, "the file cannot be read: %v", err)
	}
}

// frameworkValue is what the framework file decodes to: the framework to use
// and, when the file's framework is invalid, the diagnostic that says so.
type frameworkValue struct {
	fw   *framework.Framework
	diag *diag.Diagnostic
}

func (l *loader) loadFramework(u *unit) {
	unlock := l.lockIO()
	r := l.readRaw(nil, framework.DefaultPath, nil)
	unlock()
	f, v := l.parse(u, r, false, func(f *model.File) any {
		fw, err := framework.Parse(f.Data)
		if err != nil {
			line, col := 0, 0
			var pe *framework.PositionError
			if errors.As(err, &pe) {
				line, col = pe.Line, pe.Column
			}
			d := errAt(framework.DefaultPath, line, col, RuleFramework, "%v; using the built-in framework instead", err)
			return frameworkValue{diag: &d}
		}
		return frameworkValue{fw: fw}
	})
	u.frameFile = f
	if fv, ok := v.(frameworkValue); ok {
		if fv.diag != nil {
			u.diags = append(u.diags, *fv.diag)
		}
		u.framework = fv.fw
	}
	l.loadTranslations(u)
	if u.framework == nil {
		fw, err := framework.Parse(hwfplan.DefaultFramework)
		if err != nil {
			panic(fmt.Sprintf("built-in framework is invalid: %v", err)) // a build defect, caught by tests
		}
		u.framework = fw
	}
}

// loadTranslations reads the framework's translations beside it
// (schema/framework.<lang>.yaml), in name order. Their texts are checked
// against the framework by validate; here they are only read and parsed.
func (l *loader) loadTranslations(u *unit) {
	dir := path.Dir(framework.DefaultPath)
	unlock := l.lockIO()
	entries, err := fs.ReadDir(l.fsys, dir)
	unlock()
	if err != nil {
		return // no schema folder: no translations (the framework's own read says what is wrong)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, "framework.") || !strings.HasSuffix(name, ".yaml") || name == path.Base(framework.DefaultPath) {
			continue
		}
		p := path.Join(dir, name)
		unlock := l.lockIO()
		r := l.readRaw(nil, p, nil)
		unlock()
		f, _ := l.parse(u, r, true, nil)
		if f == nil {
			continue
		}
		lang, _ := framework.TranslationLanguage(p)
		u.translations = append(u.translations, &model.TranslationFile{Language: lang, File: f})
	}
}

// planDiag adds a unit that only reports d.
func planDiag(units []*unit, d diag.Diagnostic) []*unit {
	return append(units, &unit{kind: diagUnit, diags: []diag.Diagnostic{d}})
}

// notFolder reports a top-level name that exists but is not a folder (a file, or
// a named pipe that reading would wait on forever).
func (l *loader) notFolder(units []*unit, name, holds string) ([]*unit, bool) {
	fi, err := fs.Stat(l.fsys, name)
	if err != nil || fi.IsDir() {
		return units, false
	}
	return planDiag(units, errAt(name, 0, 0, RuleLayout, "%s is a file, but it must be a folder that holds %s", name, holds)), true
}

// planCountries lists the country folders (one unit each) and what is wrong with
// the other entries of countries/.
func (l *loader) planCountries(units []*unit) []*unit {
	units, bad := l.notFolder(units, model.CountriesDir, "one folder per country")
	if bad {
		return units
	}
	entries, err := fs.ReadDir(l.fsys, model.CountriesDir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return planDiag(units, errAt(model.CountriesDir, 0, 0, RuleLayout, "there is no countries/ folder; is --root the plans repository?"))
		}
		return planDiag(units, readDiag(model.CountriesDir, err))
	}
	for _, e := range entries {
		name := e.Name()
		dir := path.Join(model.CountriesDir, name)
		if strings.HasPrefix(name, ".") || (!e.IsDir() && isDoc(name)) || l.skipped(dir) {
			continue
		}
		if !e.IsDir() {
			if e.Type()&fs.ModeSymlink != 0 {
				fi, err := fs.Stat(l.fsys, dir)
				if errors.Is(err, ErrOutside) {
					units = planDiag(units, errAt(dir, 0, 0, RuleSymlink, "this is a symbolic link to a folder outside the repository; hwfplan does not follow it — put the country folder itself here"))
					continue
				}
				if err != nil {
					units = planDiag(units, readDiag(dir, err))
					continue
				}
				if !fi.IsDir() {
					units = planDiag(units, errAt(dir, 0, 0, RuleLayout, "countries/ holds one folder per country; this link leads to a file"))
					continue
				}
			} else {
				units = planDiag(units, errAt(dir, 0, 0, RuleLayout, "countries/ holds one folder per country; move this file into a country folder"))
				continue
			}
		}
		if !codeRe.MatchString(name) {
			hint := ""
			if up := strings.ToUpper(name); codeRe.MatchString(up) {
				hint = fmt.Sprintf(" (rename it to %s)", up)
			}
			units = planDiag(units, errAt(dir, 0, 0, RuleLayout, "a country folder is named by its two-letter ISO 3166-1 code in capitals%s", hint))
			continue
		}
		units = append(units, &unit{kind: countryUnit, name: name})
	}
	return units
}

func isDoc(name string) bool {
	return strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".txt")
}

// countryDecoders decode each country file into its plan type.
var countryDecoders = map[string]func(*model.File) any{
	plan.CountryFile:    func(f *model.File) any { return decode[plan.Country](f) },
	plan.AsIsFile:       func(f *model.File) any { return decode[plan.AsIs](f) },
	plan.ToBeFile:       func(f *model.File) any { return decode[plan.ToBe](f) },
	plan.ToDoFile:       func(f *model.File) any { return decode[plan.ToDo](f) },
	plan.ActionPlanFile: func(f *model.File) any { return decode[plan.ActionPlan](f) },
}

func (l *loader) loadCountry(u *unit) {
	c := &model.Country{Code: u.name, Dir: path.Join(model.CountriesDir, u.name), Files: map[string]*model.File{}}
	u.country = c

	// Read the folder (one goroutine at a time unless fsys allows more), then parse.
	var raws []raw
	var entries []fs.DirEntry
	var listErr error
	func() {
		defer l.lockIO()()
		f := openFolder(l.fsys, c.Dir, l.limit)
		defer f.close()
		entries, listErr = f.list()
		byName := make(map[string]fs.DirEntry, len(entries))
		if listErr == nil {
			for _, e := range entries {
				byName[e.Name()] = e
			}
		}
		for _, name := range plan.CountryFiles {
			p := path.Join(c.Dir, name)
			if l.skipped(p) {
				continue
			}
			raws = append(raws, l.readRaw(f, p, byName[name]))
		}
	}()

	for _, r := range raws {
		name := path.Base(r.name)
		f, v := l.parse(u, r, true, countryDecoders[name])
		if f == nil {
			continue
		}
		c.Files[name] = f
		c.SetPlan(v)
	}
	if listErr == nil {
		for _, e := range entries {
			n := e.Name()
			if n == plan.TranslationsDir && e.IsDir() {
				l.loadPlanTranslations(u, c)
				continue
			}
			if slices.Contains(plan.CountryFiles, n) || strings.HasPrefix(n, ".") || isDoc(n) {
				continue
			}
			u.diags = append(u.diags, diag.Diagnostic{File: path.Join(c.Dir, n), Severity: diag.Warning, Rule: RuleLayout,
				Message: fmt.Sprintf("hwfplan does not read this file; a country folder holds %s", strings.Join(plan.CountryFiles, ", "))})
		}
	}
}

// loadPlanTranslations reads a country's plan text in its other languages
// (translations/<lang>.yaml), in name order. Their texts are checked against
// the country's English by validate (package plantext); here they are only
// read and parsed.
func (l *loader) loadPlanTranslations(u *unit, c *model.Country) {
	dir := path.Join(c.Dir, plan.TranslationsDir)
	if l.skipped(dir) {
		return
	}
	unlock := l.lockIO()
	entries, err := fs.ReadDir(l.fsys, dir)
	var raws []raw
	for _, e := range entries {
		name, p := e.Name(), path.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(name, ".") || isDoc(name) || l.skipped(p):
		case e.IsDir() || !strings.HasSuffix(name, ".yaml"):
			u.diags = append(u.diags, diag.Diagnostic{File: p, Severity: diag.Warning, Rule: RuleLayout,
				Message: "hwfplan does not read this; a translations folder holds one <language>.yaml file per language, like hu.yaml"})
		default:
			raws = append(raws, l.readRaw(nil, p, nil))
		}
	}
	unlock()
	if err != nil {
		u.diags = append(u.diags, readDiag(dir, err))
		return
	}
	for _, r := range raws {
		f, _ := l.parse(u, r, true, nil)
		if f == nil {
			continue
		}
		lang, _ := plantext.Language(r.name)
		c.Translations = append(c.Translations, &model.TranslationFile{Language: lang, File: f})
	}
}

// planClusters lists the cluster files (one unit each) and what is wrong with the
// other entries of clusters/.
func (l *loader) planClusters(units []*unit) []*unit {
	units, bad := l.notFolder(units, model.ClustersDir, "one file per learning cluster")
	if bad {
		return units
	}
	entries, err := fs.ReadDir(l.fsys, model.ClustersDir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return planDiag(units, errAt(model.ClustersDir, 0, 0, RuleLayout, "there is no clusters/ folder; is --root the plans repository?"))
		}
		return planDiag(units, readDiag(model.ClustersDir, err))
	}
	for _, e := range entries {
		name := e.Name()
		p := path.Join(model.ClustersDir, name)
		if strings.HasPrefix(name, ".") || isDoc(name) || l.skipped(p) {
			continue
		}
		if !clusterFileRe.MatchString(name) {
			units = planDiag(units, errAt(p, 0, 0, RuleLayout, "a cluster file is named <id>.yaml with a lower-case id, like wp5.yaml"))
			continue
		}
		units = append(units, &unit{kind: clusterUnit, name: name})
	}
	return units
}

func (l *loader) loadCluster(u *unit) {
	p := path.Join(model.ClustersDir, u.name)
	unlock := l.lockIO()
	r := l.readRaw(nil, p, nil)
	unlock()
	f, v := l.parse(u, r, true, func(f *model.File) any { return decode[plan.Cluster](f) })
	if f == nil {
		return
	}
	c, _ := v.(*plan.Cluster)
	u.cluster = &model.Cluster{ID: strings.TrimSuffix(u.name, ".yaml"), File: f, Cluster: c}
}

// loadPublication reads publication.yaml, the publication metadata. The file is
// optional: a plans repository without it publishes reports without a colophon.
func (l *loader) loadPublication(u *unit) {
	if l.skipped(plan.PublicationFile) {
		return
	}
	unlock := l.lockIO()
	r := l.readRaw(nil, plan.PublicationFile, nil)
	unlock()
	_, v := l.parse(u, r, false, func(f *model.File) any { return decode[plan.Publication](f) })
	u.pub, _ = v.(*plan.Publication)
}

// decode fills a plan type from a parsed file. It returns nil when the file does
// not have the right shape; the schema check then reports the details, so a
// decode error here is not reported again.
func decode[T any](f *model.File) *T {
	if f.Node == nil || f.Node.Kind != yaml.MappingNode {
		return nil
	}
	var v T
	if err := f.Node.Decode(&v); err != nil {
		return nil
	}
	return &v
}
