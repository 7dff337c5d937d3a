package publish

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/export"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/planhistory"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/report"
)

// Site is what the site is made of: the input internal/site renders (as
// site.Input).
type Site struct {
	// Repo is the loaded, valid plans repository.
	Repo *model.Repo
	// Compare is compare.Compute(Repo); nil means the renderer computes it.
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
	Reports []ReportPage
	// Progress is the plans measured as of AsOf (Plans.Progress); nil when
	// there is no report date (no commit and none given).
	Progress *progress.Progress
	AsOf     AsOf
}

// Revision is one commit that changed a country's files.
type Revision struct {
	Hash    string
	Date    time.Time
	Author  string
	Subject string
	// Summary says in domain terms what the revision changed.
	Summary string
}

// ReportPage is one report page: its HTML body and the downloads that go with it.
type ReportPage struct {
	// ID names the page (reports/<ID>/); lower-case letters, digits and '-'.
	ID    string
	Title string
	// HTML is the report body, already escaped by the report renderer.
	HTML string
	// Downloads are paths under downloads/ offered next to the report.
	Downloads []string
}

// SiteOptions tune what the site holds.
type SiteOptions struct {
	// Revisions is the number of revisions listed per country; 0 for none.
	Revisions int
	// PDF also prints the reports to PDF with headless Chromium (CHROME_PATH, or
	// chromium on the PATH).
	PDF bool
	// AsOf is the --as-of flag: the report date progress is measured at, in
	// place of publication.yaml's as_of (see Plans.Progress).
	AsOf string
}

// Site gathers everything the site is made of: the comparison, the reports
// (Markdown, HTML, PDF) and the export tables as downloads, the report pages,
// the site/ overrides and each country's revisions. Invalid plans are refused
// with an *InvalidError, whatever Options.AllowInvalid says.
func (p *Plans) Site(ctx context.Context, opts SiteOptions) (Site, error) {
	if err := p.check(false); err != nil {
		return Site{}, err
	}
	src, err := p.Source()
	if err != nil {
		return Site{}, err
	}
	res, err := p.Compare()
	if err != nil {
		return Site{}, err
	}
	in := Site{Repo: p.Repo, Compare: res, SourceTime: src.Time, Downloads: map[string][]byte{}}
	// The analysts' tables are made while the reports are: both only read the
	// plans and the comparison.
	var exports map[string][]byte
	exported := make(chan error, 1)
	go func() {
		var err error
		exports, err = p.exports()
		exported <- err
	}()
	err = p.addReports(ctx, &in, opts.PDF, opts.AsOf)
	if xerr := <-exported; err == nil {
		err = xerr
	}
	if err != nil {
		return Site{}, err
	}
	maps.Copy(in.Downloads, exports)
	if in.Progress, in.AsOf, _, err = p.Progress(opts.AsOf); err != nil {
		return Site{}, err
	}
	if in.Overrides, err = p.overrides(); err != nil {
		return Site{}, err
	}
	if opts.Revisions > 0 && src.Commit != "" {
		if in.Revisions, err = p.revisions(opts.Revisions); err != nil {
			return Site{}, err
		}
	}
	return in, nil
}

// addReports builds the as-is and sustainability reports: their Markdown and
// self-contained HTML (and, with pdf, the PDF) become downloads under reports/, and
// the HTML body a page.
func (p *Plans) addReports(ctx context.Context, in *Site, pdf bool, asOf string) error {
	chromium := ""
	if pdf {
		var err error
		if chromium, err = report.FindChromium(os.Getenv); err != nil {
			return err
		}
	}
	src, err := p.Source()
	if err != nil {
		return err
	}
	var kinds []report.Kind
	for _, k := range report.Kinds {
		if k.Name == report.ProgressReport {
			// Without a report date (no as_of, no commit) progress is not
			// measured, so the site has no progress report.
			if _, _, ok, err := p.Progress(asOf); err != nil {
				return err
			} else if !ok {
				continue
			}
		}
		kinds = append(kinds, k)
	}
	// The reports and the tables behind them are built side by side on the
	// machine's cores (at 500 countries each takes seconds; they only read the
	// plans and the comparison, both made before), then added in their order.
	type reportFiles struct {
		files, tables map[string][]byte
		err           error
	}
	built := make([]reportFiles, len(kinds))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, k := range kinds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			b := &built[i]
			if b.files, b.err = p.report(k.Name, src, asOf); b.err != nil {
				b.err = fmt.Errorf("failed to build the %s report: %w", k.Name, b.err)
				return
			}
			b.tables, b.err = p.reportTables(k.Name)
		}()
	}
	wg.Wait()
	for i, k := range kinds {
		files, tables, err := built[i].files, built[i].tables, built[i].err
		built[i] = reportFiles{}
		if err != nil {
			return err
		}
		for name, data := range files {
			in.Downloads[path.Join("reports", name)] = data
		}
		body, err := mainOf(files[k.Name+".html"])
		if err != nil {
			return fmt.Errorf("failed to read the %s report: %w", k.Name, err)
		}
		downloads := []string{"reports/" + k.Name + ".html", "reports/" + k.Name + ".md"}
		if pdf {
			data, err := p.PDF(ctx, k.Name, files[k.Name+".html"], chromium, src)
			if err != nil {
				return fmt.Errorf("failed to print the %s report: %w", k.Name, err)
			}
			in.Downloads["reports/"+k.Name+".pdf"] = data
			downloads = append(downloads, "reports/"+k.Name+".pdf")
		}
		for _, name := range slices.Sorted(maps.Keys(tables)) {
			in.Downloads["reports/"+name] = tables[name]
			downloads = append(downloads, "reports/"+name)
		}
		in.Reports = append(in.Reports, ReportPage{ID: k.Name, Title: k.Title, HTML: body, Downloads: downloads})
	}
	return nil
}

// reportTables renders the tables behind a thematic report (export.ReportTables)
// as CSV and JSON, a file per table, and one workbook named after the report;
// nothing for a report without tables of its own.
func (p *Plans) reportTables(name string) (map[string][]byte, error) {
	res, err := p.Compare()
	if err != nil {
		return nil, err
	}
	tables := export.ReportTables(p.Repo, res, name)
	if len(tables) == 0 {
		return nil, nil
	}
	out := map[string][]byte{}
	for _, format := range []string{"csv", "json"} {
		files, err := export.Files(tables, format)
		if err != nil {
			return nil, fmt.Errorf("failed to export the %s report's tables as %s: %w", name, format, err)
		}
		maps.Copy(out, files)
	}
	book, err := export.XLSX(tables)
	if err != nil {
		return nil, fmt.Errorf("failed to export the %s report's tables as xlsx: %w", name, err)
	}
	out[name+".xlsx"] = book
	return out, nil
}

// mainOf returns what the report page holds inside <main>.
func mainOf(page []byte) (string, error) {
	i := bytes.Index(page, []byte("<main>"))
	j := bytes.LastIndex(page, []byte("</main>"))
	if i < 0 || j < i {
		return "", fmt.Errorf("no <main> element in the report page")
	}
	return string(bytes.TrimSpace(page[i+len("<main>") : j])), nil
}

// exports renders the analysts' tables as CSV, JSON and XLSX, by their path
// under data/.
func (p *Plans) exports() (map[string][]byte, error) {
	tables, err := p.Tables()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, format := range []string{"csv", "json", "xlsx"} {
		files, err := export.Files(tables, format)
		if err != nil {
			return nil, fmt.Errorf("failed to export the tables as %s: %w", format, err)
		}
		for name, data := range files {
			out[path.Join("data", name)] = data
		}
	}
	return out, nil
}

// revisions lists each country's newest revisions. A shallow clone has no
// complete history: the revisions sections are then left out rather than shown
// incomplete.
func (p *Plans) revisions(limit int) (map[string][]Revision, error) {
	r, err := gitrev.Open(p.Root)
	if err != nil {
		return nil, nil
	}
	defer r.Close()
	if shallow, err := r.Shallow(); err != nil || shallow {
		return nil, nil
	}
	head, err := r.Resolve("HEAD")
	if err != nil {
		return nil, nil
	}
	codes := make([]string, len(p.Repo.Countries))
	for i, c := range p.Repo.Countries {
		codes[i] = c.Code
	}
	// One walk for every country: the commits, trees and file versions are read
	// once, not once per country.
	hs, err := planhistory.Countries(r, head, codes, planhistory.Options{Limit: limit})
	if err != nil {
		return nil, err // names the country: "failed to read the history of XX: ..."
	}
	out := map[string][]Revision{}
	for _, code := range codes {
		for _, e := range hs[code].Entries {
			out[code] = append(out[code], Revision{Hash: e.Commit, Date: e.Date, Author: e.Author, Subject: e.Subject, Summary: e.Summary})
		}
	}
	return out, nil
}
