// Package publish is the publishing pipeline: a plans repository on disk in,
// everything that gets published from it out — the validated plans and their
// diagnostics, the comparison, the provenance (package source), the reports, the
// export tables and the site's input (reports, downloads, revision lists). The
// commands build, serve, report, export and compare all start here; hwfplan-site
// only adds the Hugo render of Site (internal/site).
//
// It links no Hugo and never prints: the commands decide what to say about
// invalid plans and where files go.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/export"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/provenance"
	"github.com/hwfplan/hwfplan/internal/report"
	"github.com/hwfplan/hwfplan/internal/validate"
	"github.com/hwfplan/hwfplan/internal/words"
)

// Options tune what may be published.
type Options struct {
	// AllowInvalid lets Report and Tables publish from invalid plans, with a
	// notice of the problems on every output. The site is never built from
	// invalid plans.
	AllowInvalid bool
	// AsOf is the --as-of flag of hwfplan report: the date the progress report
	// measures at, in place of publication.yaml's as_of (see Plans.Progress).
	AsOf string
	// Lang is the language of the reports (hwfplan report --lang); "" is English.
	Lang string
}

// Plans is a loaded and validated plans repository and what is computed from it.
// The comparison and the provenance are computed on first use, once.
type Plans struct {
	// Root is the repository's folder.
	Root string
	// Repo is the loaded repository.
	Repo *model.Repo
	// Diagnostics are the loader's and the validator's, in that order.
	Diagnostics []diag.Diagnostic

	opts Options
	fsys fs.FS
	cmp  *compare.Result
	src  *provenance.Info
}

// Load reads the plans repository at root and validates it. Problems in the
// plans are Diagnostics, not an error; the error is for a repository that
// cannot be read at all.
func Load(root string, opts Options) (*Plans, error) {
	fsys, err := load.DirFS(root)
	if err != nil {
		return nil, err
	}
	repo, ds := load.Load(fsys, load.Options{})
	ds, err = validate.Validate(repo, ds, validate.Options{})
	if err != nil {
		return nil, err
	}
	return &Plans{Root: root, Repo: repo, Diagnostics: ds, opts: opts, fsys: fsys}, nil
}

// Problems lists the errors among the diagnostics as file:line:col: message
// lines, the text of the notice on outputs written from invalid plans; nil when
// the plans are valid.
func (p *Plans) Problems() []string {
	var problems []string
	for _, d := range p.Diagnostics {
		if d.Severity == diag.Error {
			problems = append(problems, d.String())
		}
	}
	return problems
}

// ReleaseTrees lets go of what only validation needs once its diagnostics are
// made: the YAML tree and the JSON value of each country's plan files
// (model.File's Node and Value). Their bytes and the typed plans stay, and so do
// the trees of a country with a translation of its plan text, from which
// plantext.Localized decodes its plans afresh. Call it before a long run such as
// the site's: at 500 countries the trees are ~170 MB that the garbage collector
// would otherwise mark on every cycle of the build (BENCHMARKS.md).
func (p *Plans) ReleaseTrees() {
	for _, c := range p.Repo.Countries {
		if len(c.Translations) > 0 {
			continue
		}
		for _, f := range c.Files {
			f.Node, f.Value = nil, nil
		}
	}
}

// InvalidError refuses to publish from invalid plans.
type InvalidError struct{ Errors int }

func (e *InvalidError) Error() string {
	return fmt.Sprintf("the plans are invalid (%s); nothing was published", words.Count(e.Errors, "error", "errors"))
}

// check refuses invalid plans unless allow.
func (p *Plans) check(allow bool) error {
	if n, _ := diag.Count(p.Diagnostics); n > 0 && !allow {
		return &InvalidError{Errors: n}
	}
	return nil
}

// Compare returns the comparison of the plans (see package compare).
func (p *Plans) Compare() (*compare.Result, error) {
	if p.cmp == nil {
		res, err := compare.Compute(p.Repo)
		if err != nil {
			return nil, err
		}
		p.cmp = res
	}
	return p.cmp, nil
}

// Source returns the provenance of what is published: the one value the site
// and every report name (see provenance.Info.Label).
func (p *Plans) Source() (provenance.Info, error) {
	if p.src == nil {
		src, err := provenance.Describe(p.Root)
		if err != nil {
			return provenance.Info{}, err
		}
		p.src = &src
	}
	return *p.src, nil
}

// InvalidNotice is the heading of the notice on outputs written from invalid plans.
func InvalidNotice(n int) string {
	return fmt.Sprintf("These plans are invalid (%s): the figures may leave out or misread what is wrong.", words.Count(n, "error", "errors"))
}

// notice is the invalid-plans notice of a report; empty for valid plans.
func (p *Plans) notice() report.Notice {
	problems := p.Problems()
	if len(problems) == 0 {
		return report.Notice{}
	}
	return report.Notice{Title: InvalidNotice(len(problems)), Items: problems}
}

// Report builds the named report (report.Kinds) from src: its Markdown with
// figures and its self-contained HTML, by slash path. Templates in the
// repository's templates/ folder replace the built-in ones.
func (p *Plans) Report(name string, src provenance.Info) (map[string][]byte, error) {
	return p.report(name, src, p.opts.AsOf)
}

// report builds a report; the progress report measures as of asOf (a --as-of
// flag, or "" for publication.yaml's as_of and the fallbacks of Plans.Progress).
func (p *Plans) report(name string, src provenance.Info, asOf string) (map[string][]byte, error) {
	if err := p.check(p.opts.AllowInvalid); err != nil {
		return nil, err
	}
	res, err := p.Compare()
	if err != nil {
		return nil, err
	}
	opts := report.Options{Source: src, Templates: p.fsys, Invalid: p.notice(), Lang: p.opts.Lang}
	if name == report.ProgressReport {
		pr, at, ok, err := p.Progress(asOf)
		if err != nil {
			return nil, err
		}
		if ok {
			opts.Progress, opts.AsOfFrom = pr, at.From
		}
	}
	return report.Build(p.Repo, res, name, opts)
}

// PDF prints a report's HTML (from Report) with the Chromium at chromium.
func (p *Plans) PDF(ctx context.Context, name string, html []byte, chromium string, src provenance.Info) ([]byte, error) {
	res, err := p.Compare()
	if err != nil {
		return nil, err
	}
	notice := ""
	if len(res.Illustrative) > 0 {
		notice = report.IllustrativeHeader(codesByName(res), p.opts.Lang)
	}
	return report.PrintPDF(ctx, html, report.PDFOptions{
		Chromium: chromium,
		Title:    report.FullTitle(res.Programme.Name, name, p.opts.Lang),
		Notice:   strings.TrimSpace(p.notice().Title + " " + notice),
		Date:     src.Time,
		Lang:     p.opts.Lang,
	})
}

// codesByName lists the illustrative countries' codes in the order of their
// names (words.ByName), as every list of countries a reader sees.
func codesByName(res *compare.Result) []string {
	var names, codes []string
	for _, c := range res.Countries {
		if slices.Contains(res.Illustrative, c.Code) {
			names, codes = append(names, c.Name), append(codes, c.Code)
		}
	}
	out := make([]string, 0, len(codes))
	for _, i := range words.ByName(names, codes) {
		out = append(out, codes[i])
	}
	return out
}

// Tables returns the export tables (see package export); from invalid plans the
// notice table comes first.
func (p *Plans) Tables() ([]export.Table, error) {
	if err := p.check(p.opts.AllowInvalid); err != nil {
		return nil, err
	}
	res, err := p.Compare()
	if err != nil {
		return nil, err
	}
	tables := export.Tables(p.Repo, res)
	if problems := p.Problems(); len(problems) > 0 {
		tables = append([]export.Table{export.NoticeTable(InvalidNotice(len(problems)), problems)}, tables...)
	}
	return tables, nil
}

// overrides returns the repository's site/ folder, or nil when there is none.
func (p *Plans) overrides() (fs.FS, error) {
	fi, err := fs.Stat(p.fsys, "site")
	if errors.Is(err, fs.ErrNotExist) || err == nil && !fi.IsDir() {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("failed to open the site folder: %w", err)
	}
	return fs.Sub(p.fsys, "site")
}
