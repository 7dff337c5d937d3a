package diagfmt

import (
	"fmt"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/escape"
)

// githubWriter writes GitHub Actions workflow commands, which GitHub shows as
// annotations on the pull request's files:
//
//	::error file=countries/HU/to-do.yaml,line=12,col=5,title=step-ref::step HU-S9 is not in to-do.yaml
//
// With Options.Summary it also writes the markdown report there (the job summary).
type githubWriter struct {
	opts Options
	collector
}

func (w *githubWriter) Write(d diag.Diagnostic) error {
	w.collector.Write(d)
	_, err := fmt.Fprintln(w.opts.Out, githubCommand(d))
	return err
}

func (w *githubWriter) Flush() error {
	if w.opts.Summary == nil {
		return nil
	}
	return writeMarkdown(w.opts.Summary, w.ds, w.opts.Strict)
}

// githubCommand renders one diagnostic as a workflow command.
func githubCommand(d diag.Diagnostic) string {
	cmd := "warning"
	if d.Severity == diag.Error {
		cmd = "error"
	}
	props := []string{"file=" + escape.WorkflowProperty(d.File)}
	if d.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Line))
		if d.Column > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Column))
		}
	}
	props = append(props, "title="+escape.WorkflowProperty(d.Rule))
	return "::" + cmd + " " + strings.Join(props, ",") + "::" + escape.WorkflowData(d.Message)
}
