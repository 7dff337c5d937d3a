// Package diagfmt writes diagnostics in the formats people and CI systems read:
// text for a terminal, json for scripts, github workflow commands for pull-request
// annotations, sarif for code-scanning tools and markdown for reports and job
// summaries. Each format is one small Writer; New picks one by name.
package diagfmt

import (
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/words"
)

// Writer receives diagnostics one by one and writes them; Flush writes whatever a
// format puts after them (totals, closing brackets). Call Flush exactly once.
type Writer interface {
	Write(d diag.Diagnostic) error
	Flush() error
}

// Options configure a Writer.
type Options struct {
	Out    io.Writer // where the report goes
	Status io.Writer // text only: where the totals line goes (nil: Out)
	Color  bool      // text only: ANSI colour
	Strict bool      // warnings make the result invalid (json "valid", summaries)
	// Summary, for github, receives the markdown report as well (the file named by
	// GITHUB_STEP_SUMMARY); nil writes none.
	Summary io.Writer
	// Rules describes the rule ids, for sarif's rule list; rules found in the
	// diagnostics but not described here are listed with their id only.
	Rules       []diag.RuleInfo
	ToolName    string // sarif driver name; "" means hwfplan
	ToolVersion string
	// PathPrefix is where the plans root sits in the git repository, as a slash
	// path ending in "/" ("plans/"), or "". Every format but text puts it before
	// each diagnostic's file, so annotations and code-scanning results name the
	// repository's files and land on a pull request's lines.
	PathPrefix string
}

// Formats lists the format names New accepts, the default first.
var Formats = []string{"text", "json", "github", "sarif", "markdown"}

// New returns the writer of a format, or an error naming the valid formats.
func New(format string, opts Options) (Writer, error) {
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	var w Writer
	switch format {
	case "text":
		return newText(opts), nil
	case "json":
		w = &jsonWriter{opts: opts}
	case "github":
		w = &githubWriter{opts: opts}
	case "sarif":
		w = &sarifWriter{opts: opts}
	case "markdown":
		w = &markdownWriter{opts: opts}
	default:
		return nil, fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
	}
	if opts.PathPrefix != "" {
		w = &prefixWriter{Writer: w, prefix: opts.PathPrefix}
	}
	return w, nil
}

// prefixWriter names each diagnostic's file from the repository's top
// (Options.PathPrefix) before a machine format writes it.
type prefixWriter struct {
	Writer
	prefix string
}

func (w *prefixWriter) Write(d diag.Diagnostic) error {
	if d.File != "" {
		d.File = path.Join(w.prefix, d.File)
	}
	return w.Writer.Write(d)
}

// WriteAll writes every diagnostic and flushes.
func WriteAll(w Writer, ds []diag.Diagnostic) error {
	for _, d := range ds {
		if err := w.Write(d); err != nil {
			return err
		}
	}
	return w.Flush()
}

// Valid reports whether diagnostics make a valid result: no errors, and no
// warnings either when strict.
func Valid(ds []diag.Diagnostic, strict bool) bool {
	e, w := diag.Count(ds)
	return e == 0 && (!strict || w == 0)
}

// collector keeps diagnostics for formats that write them all at the end.
type collector struct{ ds []diag.Diagnostic }

func (c *collector) Write(d diag.Diagnostic) error {
	c.ds = append(c.ds, d)
	return nil
}

func counts(ds []diag.Diagnostic) string {
	e, w := diag.Count(ds)
	return fmt.Sprintf("%d %s, %d %s", e, words.Plural(e, "error", "errors"), w, words.Plural(w, "warning", "warnings"))
}

// ruleList returns the described rules plus any rule the diagnostics use that is
// not described, sorted by id.
func ruleList(described []diag.RuleInfo, ds []diag.Diagnostic) []diag.RuleInfo {
	out := slices.Clone(described)
	for _, d := range ds {
		if !slices.ContainsFunc(out, func(r diag.RuleInfo) bool { return r.ID == d.Rule }) {
			out = append(out, diag.RuleInfo{ID: d.Rule, Severity: d.Severity})
		}
	}
	slices.SortFunc(out, func(a, b diag.RuleInfo) int { return strings.Compare(a.ID, b.ID) })
	return slices.CompactFunc(out, func(a, b diag.RuleInfo) bool { return a.ID == b.ID })
}
