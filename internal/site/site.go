// Package site builds the programme's static site. It turns a loaded plans
// repository into Hugo content (pages whose front matter carries the data), renders
// it with Hugo in-process on an in-memory file system — the embedded site/ project
// as the base layer, the plans repository's own site/ folder on top — and publishes
// the output atomically. It never prints: it returns files and errors.
package site

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/spf13/afero"
)

// Defaults for Options.
const (
	DefaultRepoURL = "https://github.com/hwfplan/hwfplan"
	DefaultBranch  = "main"
)

// Input is what the site is made of.
type Input struct {
	// Repo is the loaded, valid plans repository.
	Repo *load.Repo
	// Compare is compare.Compute(Repo); nil means Render computes it.
	Compare *compare.Result
	// Overrides is the plans repository's site/ folder, or nil: its files replace
	// the embedded site's files of the same path.
	Overrides fs.FS
	// SourceTime is the commit time of the source; page dates come from it, never
	// from the clock, so that two builds of one commit are identical.
	SourceTime time.Time
	// Revisions lists each country's recent revisions by country code. A country
	// without an entry has no revisions section.
	Revisions map[string][]Revision
	// Downloads are extra files published under downloads/ (slash paths), such as
	// the reports in Markdown and the CSV, JSON and XLSX exports.
	Downloads map[string][]byte
	// Reports are the reports shown as pages.
	Reports []Report
}

// Revision is one commit that changed a country's files.
type Revision struct {
	Hash    string
	Date    time.Time
	Author  string
	Subject string
	// Summary says in domain terms what the revision changed.
	Summary string
	// Mainline marks revisions on the branch itself (its first-parent chain), the
	// ones the score-over-time chart plots.
	Mainline bool
	// AsIs and ToBe are the task scores (0-1) by task id after the revision; nil
	// when a task has no assessed item.
	AsIs, ToBe map[string]*float64
}

// Report is one report page: its HTML body and the downloads that go with it.
type Report struct {
	// ID names the page (reports/<ID>/); lower-case letters, digits and '-'.
	ID    string
	Title string
	// HTML is the report body, already escaped by the report renderer.
	HTML string
	// Downloads are paths under downloads/ offered next to the report.
	Downloads []string
}

// Options tune a build.
type Options struct {
	// BaseURL is where the site is served from, e.g. https://example.org/hwf/.
	BaseURL string
	// RepoURL is the plans repository's web address, for "edit this file" links.
	RepoURL string
	// Branch is the branch the edit links open.
	Branch string
	// Warnings receives Hugo's warnings, if not nil.
	Warnings func(string)
}

func (o Options) baseURL() string {
	if o.BaseURL == "" {
		return "/"
	}
	if !strings.HasSuffix(o.BaseURL, "/") {
		return o.BaseURL + "/"
	}
	return o.BaseURL
}

func (o Options) repoURL() string {
	if o.RepoURL == "" {
		return DefaultRepoURL
	}
	return strings.TrimSuffix(o.RepoURL, "/")
}

func (o Options) branch() string {
	if o.Branch == "" {
		return DefaultBranch
	}
	return o.Branch
}

// Render builds the whole site in memory and returns its files by slash path.
func Render(in Input, opts Options) (map[string][]byte, error) {
	if in.Repo == nil || in.Repo.Framework == nil {
		return nil, fmt.Errorf("failed to render the site: no plans repository")
	}
	mem := afero.NewMemMapFs()
	base, err := fs.Sub(hwfplan.Site, "site")
	if err != nil {
		return nil, fmt.Errorf("failed to open the embedded site: %w", err)
	}
	if err := copyFS(mem, workDir, base); err != nil {
		return nil, fmt.Errorf("failed to copy the embedded site: %w", err)
	}
	if in.Overrides != nil {
		if err := copyFS(mem, workDir, in.Overrides); err != nil {
			return nil, fmt.Errorf("failed to copy the repository's site folder: %w", err)
		}
	}
	gen, err := generate(in)
	if err != nil {
		return nil, err
	}
	for name, data := range gen {
		if err := writeFile(mem, workDir+"/"+name, data); err != nil {
			return nil, fmt.Errorf("failed to write %s: %w", name, err)
		}
	}
	files, err := render(mem, opts)
	if err != nil {
		return nil, err
	}
	// Hugo's library does not copy static files (its CLI does): copy them here,
	// then the downloads. Rendered pages win over both.
	static := map[string][]byte{}
	if err := collect(mem, workDir+"/static", static); err != nil {
		return nil, fmt.Errorf("failed to copy the static files: %w", err)
	}
	for name, data := range in.Downloads {
		clean := path.Clean("/" + name)[1:]
		if clean == "" || name != clean {
			return nil, fmt.Errorf("failed to add download %q: not a clean relative path", name)
		}
		static["downloads/"+clean] = data
	}
	for name, data := range static {
		if _, ok := files[name]; !ok {
			files[name] = data
		}
	}
	return files, nil
}
