package diagfmt

import (
	"fmt"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/escape"
)

// textWriter writes one line per diagnostic, file:line:col: severity: message
// [rule], and the totals at the end.
type textWriter struct {
	opts Options
	collector
}

func newText(opts Options) *textWriter {
	if opts.Status == nil {
		opts.Status = opts.Out
	}
	return &textWriter{opts: opts}
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
)

func (w *textWriter) Write(d diag.Diagnostic) error {
	w.collector.Write(d)
	// Messages quote the user's data: never let it move the cursor or colour
	// the terminal.
	d.File, d.Message = escape.Line(d.File), escape.Line(d.Message)
	var err error
	if !w.opts.Color {
		_, err = fmt.Fprintln(w.opts.Out, d.String())
		return err
	}
	sev := ansiYellow
	if d.Severity == diag.Error {
		sev = ansiRed
	}
	_, err = fmt.Fprintf(w.opts.Out, "%s%s%s: %s%s%s: %s %s[%s]%s\n",
		ansiBold, d.Location(), ansiReset, sev, d.Severity, ansiReset, d.Message, ansiDim, d.Rule, ansiReset)
	return err
}

func (w *textWriter) Flush() error {
	_, err := fmt.Fprintln(w.opts.Status, counts(w.ds))
	return err
}
