package editor

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Needed reports whether a session over the country code needs the file at p
// (a repository-relative slash path): the country's plan files
// (countries/<code>/*.yaml) and what their validation reads: the framework,
// the cluster files and publication.yaml (its report date bounds the
// country's dates). FilesFor and FilesOf choose by it.
func Needed(p, code string) bool {
	dir, name := path.Split(p)
	switch {
	case p == framework.DefaultPath || p == plan.PublicationFile:
		return true
	case !strings.HasSuffix(name, ".yaml"):
		return false
	case dir == model.ClustersDir+"/":
		return true
	}
	return dir == model.CountriesDir+"/"+code+"/" || dir == model.CountriesDir+"/"+code+"/"+plan.TranslationsDir+"/"
}

// FilesFor returns the files a session over one country needs (Needed) from a
// plans repository, by repository-relative path; a file the repository does
// not have is left out, as the loader would.
func FilesFor(fsys fs.FS, code string) (map[string]string, error) {
	dir := path.Join(model.CountriesDir, code)
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("failed to read the country folder %s: %w", dir, err)
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() {
			paths = append(paths, path.Join(dir, e.Name()))
		}
	}
	// The plan's text in other languages: validated with the plan (an id
	// renamed in English leaves its translation behind), not a form of its own.
	translations, err := fs.ReadDir(fsys, path.Join(dir, plan.TranslationsDir))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("failed to read %s: %w", path.Join(dir, plan.TranslationsDir), err)
	}
	for _, e := range translations {
		if !e.IsDir() {
			paths = append(paths, path.Join(dir, plan.TranslationsDir, e.Name()))
		}
	}
	clusters, err := fs.ReadDir(fsys, model.ClustersDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("failed to read %s: %w", model.ClustersDir, err)
	}
	for _, e := range clusters {
		if !e.IsDir() {
			paths = append(paths, path.Join(model.ClustersDir, e.Name()))
		}
	}
	paths = append(paths, framework.DefaultPath, plan.PublicationFile)
	out := map[string]string{}
	for _, p := range paths {
		if !Needed(p, code) {
			continue
		}
		data, err := load.ReadLimited(fsys, p, load.MaxFileSize)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("failed to read %s: %w", p, err)
		}
		out[p] = string(data)
	}
	return out, nil
}

// FilesOf is FilesFor from a loaded repository: the files' bytes as read.
func FilesOf(repo *model.Repo, code string) map[string]string {
	out := map[string]string{}
	for p, f := range repo.Files {
		if Needed(p, code) {
			out[p] = string(f.Data)
		}
	}
	return out
}

// Paths lists the country's plan files among files, in reading order
// (plan.CountryFiles: country.yaml, as-is.yaml, ...), then any others by name;
// the files in its subfolders (translations/) are validated, not edited here.
func Paths(files map[string]string, code string) []string {
	var out []string
	dir := model.CountriesDir + "/" + code + "/"
	for p := range files {
		if rest, ok := strings.CutPrefix(p, dir); ok && !strings.Contains(rest, "/") {
			out = append(out, p)
		}
	}
	rank := func(p string) int {
		if i := slices.Index(plan.CountryFiles, path.Base(p)); i >= 0 {
			return i
		}
		return len(plan.CountryFiles)
	}
	slices.SortFunc(out, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return out
}
