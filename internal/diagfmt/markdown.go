package diagfmt

import (
	"fmt"
	"io"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/escape"
)

// markdownWriter writes a report for a pull-request comment or a job summary: a
// verdict, a table of counts per file, then every diagnostic as a list item.
type markdownWriter struct {
	opts Options
	collector
}

func (w *markdownWriter) Flush() error {
	return writeMarkdown(w.opts.Out, w.ds, w.opts.Strict)
}

func writeMarkdown(out io.Writer, ds []diag.Diagnostic, strict bool) error {
	var b strings.Builder
	b.WriteString("## hwfplan validate\n\n")
	switch {
	case len(ds) == 0:
		b.WriteString("✅ All plan files are valid.\n")
		_, err := io.WriteString(out, b.String())
		return err
	case Valid(ds, strict):
		fmt.Fprintf(&b, "✅ Valid, with %s.\n\n", counts(ds))
	default:
		fmt.Fprintf(&b, "❌ Invalid: %s.\n\n", counts(ds))
	}
	b.WriteString("| File | Errors | Warnings |\n|---|---:|---:|\n")
	type tally struct{ e, w int }
	var files []string
	per := map[string]*tally{}
	for _, d := range ds {
		t := per[d.File]
		if t == nil {
			t = &tally{}
			per[d.File] = t
			files = append(files, d.File)
		}
		if d.Severity == diag.Error {
			t.e++
		} else {
			t.w++
		}
	}
	for _, f := range files {
		fmt.Fprintf(&b, "| %s | %d | %d |\n", escape.Markdown(f), per[f].e, per[f].w)
	}
	b.WriteString("\n")
	for _, d := range ds {
		icon := "⚠️"
		if d.Severity == diag.Error {
			icon = "❌"
		}
		fmt.Fprintf(&b, "- %s **%s** %s: %s (rule %s)\n", icon, d.Severity, escape.Markdown(d.Location()), escape.Markdown(d.Message), escape.Markdown(d.Rule))
	}
	_, err := io.WriteString(out, b.String())
	return err
}
