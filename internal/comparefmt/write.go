// Package comparefmt writes a comparison (compare.Result) as `hwfplan compare` shows
// it: aligned text tables, Markdown, a tidy CSV (one row per country, task and
// measure) or a versioned JSON document (docs/compare-json.md). Plan text in any of
// them is escaped for where it goes.
package comparefmt

import (
	"fmt"
	"io"
	"strings"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/publish"
)

// Formats are the output formats Write knows, the first the default.
var Formats = []string{"text", "markdown", "csv", "json"}

// Options choose what Write shows and how.
type Options struct {
	Format   string   // one of Formats ("" is text)
	By       string   // "country", "task" or "cluster"
	Task     string   // one task id, or "" for all
	Problems []string // the errors of invalid plans compared anyway, shown first
}

// Write writes res to w.
func Write(w io.Writer, res *compare.Result, opts Options) error {
	v := view{res: res, by: opts.By, task: opts.Task, problems: opts.Problems}
	switch opts.Format {
	case "json":
		return writeJSON(w, v)
	case "csv":
		if len(opts.Problems) > 0 {
			fmt.Fprintf(w, "# %s\n", publish.InvalidNotice(len(opts.Problems)))
			for _, p := range opts.Problems {
				fmt.Fprintf(w, "# %s\n", plain(p))
			}
		}
		return writeCSV(w, v.tidy())
	case "markdown":
		if len(opts.Problems) > 0 {
			fmt.Fprintf(w, "> **%s**\n>\n", mdCell(publish.InvalidNotice(len(opts.Problems))))
			for _, p := range opts.Problems {
				fmt.Fprintf(w, "> - %s\n", mdCell(p))
			}
			fmt.Fprintln(w)
		}
		if err := writeMarkdown(w, v.tables()); err != nil {
			return err
		}
		if len(res.Illustrative) > 0 {
			_, err := fmt.Fprintf(w, "\n> **Illustrative data:** %s — sample content, not an assessment.\n", mdCell(strings.Join(res.Illustrative, ", ")))
			return err
		}
		return nil
	default:
		if len(opts.Problems) > 0 {
			fmt.Fprintf(w, "%s\n", publish.InvalidNotice(len(opts.Problems)))
			for _, p := range opts.Problems {
				fmt.Fprintf(w, "  %s\n", plain(p))
			}
			fmt.Fprintln(w)
		}
		if err := writeText(w, v.tables()); err != nil {
			return err
		}
		if len(res.Illustrative) > 0 {
			_, err := fmt.Fprintf(w, "\nIllustrative data: %s — sample content, not an assessment.\n", plain(strings.Join(res.Illustrative, ", ")))
			return err
		}
		return nil
	}
}
