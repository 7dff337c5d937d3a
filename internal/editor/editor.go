// Package editor is the form editor's engine: one country's plan files held in
// memory, edited through yamledit (so untouched lines stay byte for byte),
// checked by the same loader and validator as `hwfplan validate` with every
// message placed on its field, compared with the files as loaded in the words of
// `hwfplan diff`, and described as form specs generated from the framework and
// the JSON Schemas. It never prints and never touches a disk: cmd/hwfplan-wasm
// runs it in the browser, and its dependencies stay free of git, Hugo and
// Chromium (wasmdeps_test.go at the module root keeps them so).
package editor

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/validate"
)

// Session is one editing session: the files as loaded (the originals diff
// compares with) and their current texts. It is not safe for concurrent use.
type Session struct {
	// Now is the clock of the "overdue" checks, as for `hwfplan validate`;
	// nil means time.Now.
	Now func() time.Time

	code  string            // the country's folder name, "HU"
	paths []string          // every loaded path, sorted
	orig  map[string][]byte // the files as loaded
	cur   map[string][]byte // the files now

	cache     *load.Cache // parsed files shared between loads
	origRepo  *model.Repo
	origDiags []diag.Diagnostic
	validator *validate.Validator
	fwText    string // the framework text the validator was compiled for

	loc *locale // the forms' language; nil: English
}

// Limits on what Load accepts: a country's files and what validating them needs
// are a few dozen kilobytes.
const (
	maxFiles = 64
)

// Load starts the session over files (repository-relative slash paths to their
// texts): the plan files of exactly one country folder (countries/<code>/) and
// what validating them needs (schema/framework.yaml, clusters/*.yaml,
// publication.yaml, programme/*.yaml). A later Load replaces everything.
func (s *Session) Load(files map[string]string) error {
	if len(files) == 0 {
		return errors.New("no files to load")
	}
	if len(files) > maxFiles {
		return fmt.Errorf("too many files to load: %d (at most %d)", len(files), maxFiles)
	}
	code := ""
	orig := map[string][]byte{}
	for p, text := range files {
		if !fs.ValidPath(p) || p == "." || strings.Contains(p, "\\") {
			return fmt.Errorf("%q is not a path inside the plans repository (use slash paths such as countries/HU/as-is.yaml)", p)
		}
		if int64(len(text)) > load.MaxFileSize {
			return fmt.Errorf("%s is %d bytes, over the limit of %d", p, len(text), load.MaxFileSize)
		}
		if c, ok := countryOf(p); ok {
			if code != "" && c != code {
				return fmt.Errorf("the files are of more than one country (%s and %s): load one country at a time", code, c)
			}
			code = c
		}
		orig[p] = []byte(text)
	}
	if code == "" {
		return fmt.Errorf("no country's files among the %d files: give the files of one folder countries/<code>/", len(files))
	}
	cache := load.NewCache()
	repo, ds := loadFiles(orig, cache)
	if repo.Framework == nil {
		for _, d := range ds {
			if d.File == framework.DefaultPath && d.Severity == diag.Error {
				return fmt.Errorf("the framework cannot be read: %s", d)
			}
		}
		return errors.New("the framework cannot be read")
	}
	v := s.validator
	if fw := string(orig["schema/framework.yaml"]); v == nil || fw != s.fwText {
		var err error
		if v, err = validate.New(repo.Framework); err != nil {
			return fmt.Errorf("failed to compile the schemas of the framework: %w", err)
		}
		s.fwText = fw
	}
	s.code, s.paths, s.orig, s.cur = code, slices.Sorted(maps.Keys(orig)), orig, maps.Clone(orig)
	s.cache, s.origRepo, s.origDiags, s.validator = cache, repo, ds, v
	return nil
}

// countryOf returns the country code of a path in a country folder.
func countryOf(p string) (string, bool) {
	parts := strings.Split(p, "/")
	if len(parts) == 3 && parts[0] == model.CountriesDir {
		return parts[1], true
	}
	return "", false
}

// Country returns the code of the loaded country ("" before Load).
func (s *Session) Country() string { return s.code }

// Paths lists the country's files in reading order (country.yaml, as-is.yaml,
// to-be.yaml, to-do.yaml, action-plan.yaml).
func (s *Session) Paths() []string {
	files := map[string]string{}
	for _, p := range s.paths {
		if s.editable(p) {
			files[p] = ""
		}
	}
	return Paths(files, s.code)
}

// editable reports whether p is one of the loaded country's files: the only
// files the session changes.
func (s *Session) editable(p string) bool {
	c, ok := countryOf(p)
	return ok && c == s.code && s.cur[p] != nil
}

func (s *Session) file(p string) ([]byte, error) {
	if s.cur == nil {
		return nil, errors.New("no files loaded yet")
	}
	data, ok := s.cur[p]
	if !ok {
		return nil, fmt.Errorf("%s is not among the loaded files%s", p, s.hint())
	}
	return data, nil
}

func (s *Session) hint() string {
	ps := s.Paths()
	if len(ps) == 0 {
		return ""
	}
	return "; they are " + strings.Join(ps, ", ")
}

// Text returns the file's current text.
func (s *Session) Text(p string) (string, error) {
	data, err := s.file(p)
	return string(data), err
}

// Document returns the file's current data as JSON values (map[string]any,
// []any, string, int64, float64, bool, nil): what the form shows. A file that
// cannot be read returns the loader's first error.
func (s *Session) Document(p string) (any, error) {
	data, err := s.file(p)
	if err != nil {
		return nil, err
	}
	f, ds := load.Parse(p, data)
	if f == nil {
		for _, d := range ds {
			if d.Severity == diag.Error {
				return nil, errors.New(d.String())
			}
		}
		return nil, fmt.Errorf("%s cannot be read", p)
	}
	return f.Value, nil
}

// load reads the files as a plans repository.
func (s *Session) load(files map[string][]byte) (*model.Repo, []diag.Diagnostic) {
	return loadFiles(files, s.cache)
}

func loadFiles(files map[string][]byte, cache *load.Cache) (*model.Repo, []diag.Diagnostic) {
	fsys := fstest.MapFS{}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return load.Load(fsys, load.Options{Cache: cache})
}

func (s *Session) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// frameworkOf returns the framework of the loaded files.
func (s *Session) frameworkOf() *framework.Framework { return s.origRepo.Framework }

// dir is the country's folder, "countries/HU".
func (s *Session) dir() string { return path.Join(model.CountriesDir, s.code) }
