package comparefmt

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/export"
)

// plain makes plan text safe for a terminal and for tabwriter: control
// characters (escape sequences, tabs, line breaks) become visible escapes.
func plain(s string) string { return escape.Line(s) }

func writeText(w io.Writer, tables []table) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	for i, t := range tables {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintln(tw, plain(t.title))
		row := func(cells []string) {
			for j, c := range cells {
				if j > 0 {
					fmt.Fprint(tw, "\t")
				}
				fmt.Fprint(tw, plain(c))
			}
			fmt.Fprintln(tw)
		}
		row(t.header)
		if len(t.rows) == 0 {
			fmt.Fprintln(tw, "(none)")
		}
		for _, r := range t.rows {
			row(r)
		}
		// Flush per table so each table is aligned on its own columns.
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("failed to write table: %w", err)
		}
	}
	// Empty last cells leave padding behind; trim it.
	var out strings.Builder
	for line := range strings.Lines(buf.String()) {
		out.WriteString(strings.TrimRight(line, " \n"))
		out.WriteString("\n")
	}
	if _, err := io.WriteString(w, out.String()); err != nil {
		return fmt.Errorf("failed to write table: %w", err)
	}
	return nil
}

// mdCell escapes plan text for a Markdown table cell.
func mdCell(s string) string { return escape.Markdown(s) }

func writeMarkdown(w io.Writer, tables []table) error {
	var b strings.Builder
	for i, t := range tables {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "### %s\n\n", mdCell(t.title))
		if len(t.rows) == 0 {
			b.WriteString("(none)\n")
			continue
		}
		b.WriteString("|")
		for _, h := range t.header {
			fmt.Fprintf(&b, " %s |", mdCell(h))
		}
		b.WriteString("\n|")
		for range t.header {
			b.WriteString(" --- |")
		}
		b.WriteString("\n")
		for _, r := range t.rows {
			b.WriteString("|")
			for _, c := range r {
				fmt.Fprintf(&b, " %s |", mdCell(c))
			}
			b.WriteString("\n")
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("failed to write markdown: %w", err)
	}
	return nil
}

func writeCSV(w io.Writer, t table) error {
	return export.WriteCSV(w, t.header, t.rows)
}
