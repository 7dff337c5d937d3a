package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/plan"
	"gopkg.in/yaml.v3"
)

// Folders of a plans repository.
const (
	CountriesDir = "countries"
	ClustersDir  = "clusters"
)

// Repo is a whole plans repository as loaded.
type Repo struct {
	Framework     *framework.Framework
	FrameworkFile *File // nil when the built-in framework is used
	Countries     []*Country
	Clusters      []*Cluster
	Files         map[string]*File // every parsed file by path
}

// Country is one country folder. A field is nil when its file is missing or could
// not be read; the diagnostics say why.
type Country struct {
	Code       string // the folder name
	Dir        string // countries/<Code>
	Country    *plan.Country
	AsIs       *plan.AsIs
	ToBe       *plan.ToBe
	ToDo       *plan.ToDo
	ActionPlan *plan.ActionPlan
	Files      map[string]*File // by file name (plan.CountryFile ...)
}

// Cluster is one clusters/<id>.yaml.
type Cluster struct {
	ID      string // from the file name
	File    *File
	Cluster *plan.Cluster
}

// Options tune loading.
type Options struct {
	MaxFileSize int64 // 0 means MaxFileSize
}

var codeRe = regexp.MustCompile(`^[A-Z]{2}$`)
var clusterFileRe = regexp.MustCompile(`^[a-z][a-z0-9_-]*\.yaml$`)

// Load reads a whole plans repository from fsys (rooted at the repository root).
// It never fails: what cannot be read becomes a diagnostic, and the rest is loaded.
func Load(fsys fs.FS, opts Options) (*Repo, []diag.Diagnostic) {
	l := loader{fsys: fsys, limit: opts.MaxFileSize, repo: &Repo{Files: map[string]*File{}}}
	if l.limit <= 0 {
		l.limit = MaxFileSize
	}
	l.loadFramework()
	l.loadCountries()
	l.loadClusters()
	diag.Sort(l.diags)
	return l.repo, diag.Dedupe(l.diags)
}

type loader struct {
	fsys  fs.FS
	limit int64
	repo  *Repo
	diags []diag.Diagnostic
}

// read reads and parses one file; missing files are reported only when required.
func (l *loader) read(name string, required bool) *File {
	data, err := ReadLimited(l.fsys, name, l.limit)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !required {
			return nil
		}
		l.diags = append(l.diags, readDiag(name, err))
		return nil
	}
	f, ds := Parse(name, data)
	l.diags = append(l.diags, ds...)
	if f != nil {
		l.repo.Files[name] = f
	}
	return f
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

func (l *loader) loadFramework() {
	f := l.read(framework.DefaultPath, false)
	data := hwfplan.DefaultFramework
	if f != nil {
		l.repo.FrameworkFile = f
		data = f.Data
	}
	fw, err := framework.Parse(data)
	if err != nil && f != nil {
		l.diags = append(l.diags, errAt(framework.DefaultPath, 0, 0, RuleFramework, "%v; using the built-in framework instead", err))
		fw, err = framework.Parse(hwfplan.DefaultFramework)
	}
	if err != nil {
		panic(fmt.Sprintf("built-in framework is invalid: %v", err)) // a build defect, caught by tests
	}
	l.repo.Framework = fw
}

// notFolder reports a top-level name that exists but is not a folder (a file, or
// a named pipe that reading would wait on forever).
func (l *loader) notFolder(name, holds string) bool {
	fi, err := fs.Stat(l.fsys, name)
	if err != nil || fi.IsDir() {
		return false
	}
	l.diags = append(l.diags, errAt(name, 0, 0, RuleLayout, "%s is a file, but it must be a folder that holds %s", name, holds))
	return true
}

func (l *loader) loadCountries() {
	if l.notFolder(CountriesDir, "one folder per country") {
		return
	}
	entries, err := fs.ReadDir(l.fsys, CountriesDir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.diags = append(l.diags, errAt(CountriesDir, 0, 0, RuleLayout, "there is no countries/ folder; is --root the plans repository?"))
		} else {
			l.diags = append(l.diags, readDiag(CountriesDir, err))
		}
		return
	}
	for _, e := range entries {
		name := e.Name()
		dir := path.Join(CountriesDir, name)
		if strings.HasPrefix(name, ".") || (!e.IsDir() && isDoc(name)) {
			continue
		}
		if !e.IsDir() {
			if e.Type()&fs.ModeSymlink != 0 {
				fi, err := fs.Stat(l.fsys, dir)
				if errors.Is(err, ErrOutside) {
					l.diags = append(l.diags, errAt(dir, 0, 0, RuleSymlink, "this is a symbolic link to a folder outside the repository; hwfplan does not follow it — put the country folder itself here"))
					continue
				}
				if err != nil {
					l.diags = append(l.diags, readDiag(dir, err))
					continue
				}
				if !fi.IsDir() {
					l.diags = append(l.diags, errAt(dir, 0, 0, RuleLayout, "countries/ holds one folder per country; this link leads to a file"))
					continue
				}
			} else {
				l.diags = append(l.diags, errAt(dir, 0, 0, RuleLayout, "countries/ holds one folder per country; move this file into a country folder"))
				continue
			}
		}
		if !codeRe.MatchString(name) {
			hint := ""
			if up := strings.ToUpper(name); codeRe.MatchString(up) {
				hint = fmt.Sprintf(" (rename it to %s)", up)
			}
			l.diags = append(l.diags, errAt(dir, 0, 0, RuleLayout, "a country folder is named by its two-letter ISO 3166-1 code in capitals%s", hint))
			continue
		}
		l.loadCountry(name)
	}
}

func isDoc(name string) bool {
	return strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".txt")
}

func (l *loader) loadCountry(code string) {
	c := &Country{Code: code, Dir: path.Join(CountriesDir, code), Files: map[string]*File{}}
	for _, name := range plan.CountryFiles {
		f := l.read(path.Join(c.Dir, name), true)
		if f == nil {
			continue
		}
		c.Files[name] = f
		switch name {
		case plan.CountryFile:
			c.Country = decode[plan.Country](l, f)
		case plan.AsIsFile:
			c.AsIs = decode[plan.AsIs](l, f)
		case plan.ToBeFile:
			c.ToBe = decode[plan.ToBe](l, f)
		case plan.ToDoFile:
			c.ToDo = decode[plan.ToDo](l, f)
		case plan.ActionPlanFile:
			c.ActionPlan = decode[plan.ActionPlan](l, f)
		}
	}
	if entries, err := fs.ReadDir(l.fsys, c.Dir); err == nil {
		for _, e := range entries {
			n := e.Name()
			if slices.Contains(plan.CountryFiles, n) || strings.HasPrefix(n, ".") || isDoc(n) {
				continue
			}
			l.diags = append(l.diags, diag.Diagnostic{File: path.Join(c.Dir, n), Severity: diag.Warning, Rule: RuleLayout,
				Message: fmt.Sprintf("hwfplan does not read this file; a country folder holds %s", strings.Join(plan.CountryFiles, ", "))})
		}
	}
	l.repo.Countries = append(l.repo.Countries, c)
}

func (l *loader) loadClusters() {
	if l.notFolder(ClustersDir, "one file per learning cluster") {
		return
	}
	entries, err := fs.ReadDir(l.fsys, ClustersDir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.diags = append(l.diags, errAt(ClustersDir, 0, 0, RuleLayout, "there is no clusters/ folder; is --root the plans repository?"))
		} else {
			l.diags = append(l.diags, readDiag(ClustersDir, err))
		}
		return
	}
	for _, e := range entries {
		name := e.Name()
		p := path.Join(ClustersDir, name)
		if strings.HasPrefix(name, ".") || isDoc(name) {
			continue
		}
		if !clusterFileRe.MatchString(name) {
			l.diags = append(l.diags, errAt(p, 0, 0, RuleLayout, "a cluster file is named <id>.yaml with a lower-case id, like wp5.yaml"))
			continue
		}
		f := l.read(p, true)
		if f == nil {
			continue
		}
		l.repo.Clusters = append(l.repo.Clusters, &Cluster{ID: strings.TrimSuffix(name, ".yaml"), File: f, Cluster: decode[plan.Cluster](l, f)})
	}
}

// decode fills a plan type from a parsed file. It returns nil when the file does
// not have the right shape; the schema check then reports the details, so a
// decode error here is not reported again.
func decode[T any](l *loader, f *File) *T {
	if f.Node == nil || f.Node.Kind != yaml.MappingNode {
		return nil
	}
	var v T
	if err := f.Node.Decode(&v); err != nil {
		return nil
	}
	return &v
}

// Country returns the country with the given code, or nil.
func (r *Repo) Country(code string) *Country {
	for _, c := range r.Countries {
		if c.Code == code {
			return c
		}
	}
	return nil
}

// Cluster returns the cluster with the given id, or nil.
func (r *Repo) Cluster(id string) *Cluster {
	for _, c := range r.Clusters {
		if c.ID == id {
			return c
		}
	}
	return nil
}
