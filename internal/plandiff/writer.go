package plandiff

import (
	"fmt"
	"io"
	"strings"
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

func (e *errWriter) printf(format string, args ...any) {
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
