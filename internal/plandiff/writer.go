package plandiff

import (
	"fmt"
	"io"
	"strings"

	"github.com/hwfplan/hwfplan/internal/escape"
)

// Writer renders a report in one format.
type Writer interface {
	Write(w io.Writer, r *Report) error
}

// Formats are the names NewWriter accepts.
var Formats = []string{"text", "markdown", "json"}

// NewWriter returns the writer for a format name, or an error listing the valid ones.
func NewWriter(format string) (Writer, error) {
	switch format {
	case "text":
		return textWriter{}, nil
	case "markdown", "md":
		return markdownWriter{}, nil
	case "json":
		return jsonWriter{}, nil
	}
	return nil, fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// errWriter keeps the first write error so renderers can write freely.
type errWriter struct {
	w   io.Writer
	err error
}

// printf writes the format with every string argument escaped as one terminal
// line (escape.Line): arguments are data (plan text, names, labels), and raw
// control characters in them must not reach the output. The Markdown writer's
// arguments are escaped as Markdown first, which leaves no control character.
func (e *errWriter) printf(format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = escape.Line(s)
		}
	}
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func revLabel(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// noChanges says that nothing changed, or nothing else when files could not be read.
func noChanges(r *Report) string {
	if len(r.Unreadable) > 0 {
		return "No other plan changes."
	}
	return "No plan changes."
}
