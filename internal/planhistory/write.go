package planhistory

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/num"
)

// WriteJSON writes a history as indented JSON, with <, > and & left as they are.
func WriteJSON(w io.Writer, h *History) error { return writeJSON(w, h) }

func writeJSON(w io.Writer, h any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(h)
}

// WriteText writes a history for a terminal: one entry per revision, newest
// first, with its summary, then the task scores over time, oldest first. Text from
// the repository (authors, subjects) is made safe for a terminal.
func WriteText(w io.Writer, h *History) error {
	var b strings.Builder
	fmt.Fprintf(&b, "History of %s: %d revisions\n\n", h.Code, len(h.Entries))
	for _, e := range h.Entries {
		fmt.Fprintf(&b, "%s  %s  %s  %s\n", e.Short, e.Date.UTC().Format("2006-01-02"), escape.Line(e.Author), escape.Line(e.Subject))
		fmt.Fprintf(&b, "         %s\n", escape.Line(e.Summary))
	}
	fmt.Fprintf(&b, "\nTask scores, as-is → to-be (0-1), oldest first\n")
	fmt.Fprintf(&b, "%-10s  %-7s", "date", "commit")
	for _, t := range h.Tasks {
		fmt.Fprintf(&b, "  %-13s", t)
	}
	b.WriteString("\n")
	for _, e := range slices.Backward(h.Entries) {
		fmt.Fprintf(&b, "%-10s  %-7s", e.Date.UTC().Format("2006-01-02"), e.Short)
		for _, t := range h.Tasks {
			fmt.Fprintf(&b, "  %-13s", score(e.AsIs[t])+" → "+score(e.ToBe[t]))
		}
		b.WriteString("\n")
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

func score(v *float64) string {
	if v == nil {
		return "  —"
	}
	return num.Score(*v)
}
