// Package docs implements `hwfplan docs`: the command-line reference in docs/cli,
// generated from the cobra command tree, and the framework reference of the
// planner's guide (docs/planners-guide/framework.md), generated from
// schema/framework.yaml, so neither drifts from what it describes.
package docs

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/guide"
	"github.com/hwfplan/hwfplan/internal/outdir"
	"github.com/hwfplan/hwfplan/internal/safewrite"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// Options are the flags of `hwfplan docs`.
type Options struct {
	Factory *cmdutil.Factory
	Out     string
	Check   bool
	Root    *cobra.Command
}

// Command is the command whose output folder docs/cli is (see package outdir).
const Command = "docs"

// NewCmdDocs builds the hidden `hwfplan docs` command.
func NewCmdDocs(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:    "docs",
		Short:  "Write the command-line reference (docs/cli) and the planner's guide's framework reference",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Root = cmd.Root()
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "docs/cli", "output `DIR`")
	cmd.Flags().BoolVar(&opts.Check, "check", false, "do not write; exit 1 when the reference is stale")
	return cmd
}

// Generate renders one Markdown page per command, keyed by file name.
func Generate(root *cobra.Command) (map[string][]byte, error) {
	root.DisableAutoGenTag = true
	out := map[string][]byte{}
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root {
			return nil
		}
		c.DisableAutoGenTag = true
		var buf bytes.Buffer
		if err := doc.GenMarkdownCustom(c, &buf, func(s string) string { return s }); err != nil {
			return fmt.Errorf("failed to render the reference of %s: %w", c.CommandPath(), err)
		}
		out[strings.ReplaceAll(c.CommandPath(), " ", "_")+".md"] = buf.Bytes()
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(root)
}

// Run writes or checks docs/cli.
func Run(opts *Options) error {
	root, err := opts.Factory.Root()
	if err != nil {
		return err
	}
	pages, err := Generate(opts.Root)
	if err != nil {
		return err
	}
	dir := opts.Out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}
	// The folder is replaced as a whole (see package outdir); its marker is
	// committed with the pages, so --check checks it too.
	pages[outdir.Marker] = outdir.MarkerFor(Command)
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	slices.Sort(names)
	io := opts.Factory.IOStreams
	fwRef, err := frameworkReference(root)
	if err != nil {
		return err
	}
	fwPath := filepath.Join(root, filepath.FromSlash(guide.FrameworkDoc))
	if opts.Check {
		stale := 0
		for _, n := range names {
			old, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil || !bytes.Equal(old, pages[n]) {
				fmt.Fprintf(io.ErrOut, "%s is missing or out of date\n", filepath.Join(opts.Out, n))
				stale++
			}
		}
		if old, err := os.ReadFile(fwPath); err != nil || !bytes.Equal(old, fwRef) {
			fmt.Fprintf(io.ErrOut, "%s is missing or out of date\n", guide.FrameworkDoc)
			stale++
		}
		if stale > 0 {
			fmt.Fprintln(io.ErrOut, "Run 'hwfplan docs' and commit the result.")
			return cmdutil.ErrSilent
		}
		return nil
	}
	dir, err = outdir.Check(dir, outdir.Options{Command: Command, Root: root})
	if err != nil {
		return err
	}
	err = outdir.Replace(dir, Command, func(tmp string) error {
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(tmp, n), pages[n], 0o644); err != nil {
				return fmt.Errorf("failed to write %s: %w", n, err)
			}
		}
		return nil
	}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "wrote %d pages to %s\n", len(names)-1, opts.Out)
	if err := os.MkdirAll(filepath.Dir(fwPath), 0o755); err != nil {
		return fmt.Errorf("failed to create %s: %w", filepath.Dir(guide.FrameworkDoc), err)
	}
	if err := safewrite.WriteFile(fwPath, fwRef); err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "wrote %s\n", guide.FrameworkDoc)
	return nil
}

// frameworkReference is the planner's guide's framework reference, made from the
// repository's framework file.
func frameworkReference(root string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(framework.DefaultPath)))
	if err != nil {
		return nil, fmt.Errorf("failed to read the framework: %w", err)
	}
	fw, err := framework.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("failed to read the framework %s: %w", framework.DefaultPath, err)
	}
	return guide.Markdown(fw), nil
}
