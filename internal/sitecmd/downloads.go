package sitecmd

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/hwfplan/hwfplan/internal/export"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/report"
	"github.com/hwfplan/hwfplan/internal/site"
	"github.com/hwfplan/hwfplan/internal/source"
)

// addReports builds the as-is and sustainability reports: their Markdown and
// self-contained HTML (and, with pdf, the PDF) become downloads under reports/, and
// the HTML body a page.
func addReports(in *site.Input, root string, src source.Info, pdf bool) error {
	chromium := ""
	if pdf {
		var err error
		if chromium, err = report.FindChromium(os.Getenv); err != nil {
			return err
		}
	}
	fsys, err := load.DirFS(root)
	if err != nil {
		return err
	}
	rsrc := src
	for _, k := range report.Kinds {
		files, err := report.Build(in.Repo, in.Compare, k.Name, report.Options{Source: rsrc, Templates: fsys})
		if err != nil {
			return fmt.Errorf("failed to build the %s report: %w", k.Name, err)
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
			notice := ""
			if len(in.Compare.Illustrative) > 0 {
				notice = "Illustrative data: " + strings.Join(in.Compare.Illustrative, ", ")
			}
			data, err := report.PrintPDF(context.Background(), files[k.Name+".html"], report.PDFOptions{
				Chromium: chromium, Title: in.Compare.Programme.Name + " " + k.Title, Notice: notice, Date: src.Time})
			if err != nil {
				return fmt.Errorf("failed to print the %s report: %w", k.Name, err)
			}
			in.Downloads["reports/"+k.Name+".pdf"] = data
			downloads = append(downloads, "reports/"+k.Name+".pdf")
		}
		in.Reports = append(in.Reports, site.Report{ID: k.Name, Title: k.Title, HTML: body, Downloads: downloads})
	}
	return nil
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

// addExports adds the analysts' tables as CSV, JSON and XLSX under data/.
func addExports(in *site.Input) error {
	tables := export.Tables(in.Repo, in.Compare)
	for _, format := range []string{"csv", "json", "xlsx"} {
		files, err := export.Files(tables, format)
		if err != nil {
			return fmt.Errorf("failed to export the tables as %s: %w", format, err)
		}
		for name, data := range files {
			in.Downloads[path.Join("data", name)] = data
		}
	}
	return nil
}
