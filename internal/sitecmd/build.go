package sitecmd

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/hwfplan/hwfplan/internal/cmd/build"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/outdir"
	"github.com/hwfplan/hwfplan/internal/planhistory"
	"github.com/hwfplan/hwfplan/internal/site"
	"github.com/hwfplan/hwfplan/internal/source"
	"github.com/hwfplan/hwfplan/internal/validate"
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
	_, in, ds, err := Prepare(opts.Factory, opts.Revisions, opts.PDF)
	if err != nil {
		return err
	}
	if e, _ := diag.Count(ds); e > 0 {
		for _, d := range ds {
			fmt.Fprintln(io.ErrOut, escape.Line(d.String()))
		}
		fmt.Fprintf(io.ErrOut, "the plans are invalid (%d %s); nothing was built\n", e, plural(e, "error", "errors"))
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

// Prepare loads and validates the plans and gathers everything the site is made
// of. When the plans have errors, the diagnostics are returned and the input is
// not complete.
func Prepare(f *cmdutil.Factory, revisions int, pdf bool) (string, site.Input, []diag.Diagnostic, error) {
	root, repo, loadDiags, err := f.LoadRepo()
	if err != nil {
		return "", site.Input{}, nil, err
	}
	ds, err := validate.Validate(repo, loadDiags, validate.Options{})
	if err != nil {
		return root, site.Input{}, nil, err
	}
	if e, _ := diag.Count(ds); e > 0 {
		return root, site.Input{}, ds, nil
	}
	src, err := source.Describe(root)
	if err != nil {
		return root, site.Input{}, nil, err
	}
	cmp, err := compare.Compute(repo)
	if err != nil {
		return root, site.Input{}, nil, err
	}
	in := site.Input{Repo: repo, Compare: cmp, SourceTime: src.Time, Downloads: map[string][]byte{}}
	if err := addReports(&in, root, src, pdf); err != nil {
		return root, site.Input{}, nil, err
	}
	if err := addExports(&in); err != nil {
		return root, site.Input{}, nil, err
	}
	if in.Overrides, err = overrides(root); err != nil {
		return root, site.Input{}, nil, err
	}
	if revisions > 0 && src.Commit != "" {
		if in.Revisions, err = history(root, repo, revisions); err != nil {
			return root, site.Input{}, nil, err
		}
	}
	return root, in, ds, nil
}

// overrides returns the repository's site/ folder, or nil when there is none.
func overrides(root string) (fs.FS, error) {
	fsys, err := load.DirFS(root)
	if err != nil {
		return nil, err
	}
	fi, err := fs.Stat(fsys, "site")
	if errors.Is(err, fs.ErrNotExist) || err == nil && !fi.IsDir() {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("failed to open the site folder: %w", err)
	}
	return fs.Sub(fsys, "site")
}

// history lists each country's newest revisions. A shallow clone has no complete
// history: the revisions sections are then left out rather than shown incomplete.
func history(root string, repo *load.Repo, limit int) (map[string][]site.Revision, error) {
	r, err := gitrev.Open(root)
	if err != nil {
		return nil, nil
	}
	defer r.Close()
	if shallow, err := r.Shallow(); err != nil || shallow {
		return nil, nil
	}
	head, err := r.Resolve("HEAD")
	if err != nil {
		return nil, nil
	}
	codes := make([]string, len(repo.Countries))
	for i, c := range repo.Countries {
		codes[i] = c.Code
	}
	// One walk for every country: the commits, trees and file versions are read
	// once, not once per country.
	hs, err := planhistory.Countries(r, head, codes, planhistory.Options{Limit: limit})
	if err != nil {
		return nil, err // names the country: "failed to read the history of XX: ..."
	}
	out := map[string][]site.Revision{}
	for _, code := range codes {
		for _, e := range hs[code].Entries {
			out[code] = append(out[code], site.Revision{Hash: e.Commit, Date: e.Date, Author: e.Author, Subject: e.Subject, Summary: e.Summary,
				Mainline: e.Mainline, AsIs: e.AsIs, ToBe: e.ToBe})
		}
	}
	return out, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
