package sitecli

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/hwfplan/hwfplan/internal/cmd/build"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/outdir"
	"github.com/hwfplan/hwfplan/internal/publish"
	"github.com/hwfplan/hwfplan/internal/site"
	"github.com/hwfplan/hwfplan/internal/words"
)

// Build runs `hwfplan build`: it builds and publishes the site.
func Build(opts *build.Options) error {
	io := opts.Factory.IOStreams
	start := time.Now()
	root, err := opts.Factory.Root()
	if err != nil {
		return err
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(root, "public")
	}
	// The output folder is checked before anything is done, so a folder build
	// may not replace costs nothing and is left as it is.
	dir, err := outdir.Check(out, outdir.Options{Command: site.Command, Root: root})
	if err != nil {
		return err
	}
	// Outside a plans repository, the same error as every other command.
	if root, err = opts.Factory.PlansRoot(); err != nil {
		return err
	}
	in, ds, err := Prepare(root, publish.SiteOptions{Revisions: opts.Revisions, PDF: opts.PDF, AsOf: opts.AsOf})
	if err != nil {
		return err
	}
	if e, _ := diag.Count(ds); e > 0 {
		for _, d := range ds {
			fmt.Fprintln(io.ErrOut, escape.Line(d.String()))
		}
		fmt.Fprintf(io.ErrOut, "the plans are invalid (%d %s); nothing was built\n", e, words.Plural(e, "error", "errors"))
		return cmdutil.ErrSilent
	}
	// Hugo renders straight into a new folder next to out, which then replaces
	// it: the site is never held in memory whole, and a failed build leaves out
	// as it was.
	n, err := site.Build(in, site.Options{BaseURL: opts.BaseURL, RepoURL: opts.RepoURL, Branch: opts.Branch,
		Warnings: func(s string) { fmt.Fprint(io.ErrOut, escape.Lines(s)) }}, dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "built %d files into %s in %s\n", n, out, time.Since(start).Round(time.Millisecond))
	return nil
}

// Prepare runs the publishing pipeline (package publish) on the plans at root
// and returns the site's input. When the plans have errors, the diagnostics are
// returned and the input is empty.
func Prepare(root string, opts publish.SiteOptions) (site.Input, []diag.Diagnostic, error) {
	p, err := publish.Load(root, publish.Options{})
	if err != nil {
		return site.Input{}, nil, err
	}
	if e, _ := diag.Count(p.Diagnostics); e > 0 {
		return site.Input{}, p.Diagnostics, nil
	}
	// The site needs the plans, not their syntax trees, from here on.
	p.ReleaseTrees()
	in, err := p.Site(context.Background(), opts)
	return in, p.Diagnostics, err
}
