// Package schemacmd implements `hwfplan schema`: write the JSON Schemas of the plan
// files from the Go types and the repository's framework, or check they are current.
package schemacmd

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/safewrite"
	"github.com/hwfplan/hwfplan/internal/schema"
	"github.com/spf13/cobra"
)

// Options are the flags of `hwfplan schema`.
type Options struct {
	Factory *cmdutil.Factory
	Check   bool
}

// NewCmdSchema builds `hwfplan schema`.
func NewCmdSchema(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Write the JSON Schemas of the plan files (schema/*.schema.json)",
		Long: `Write the JSON Schemas (draft 2020-12) of the plan files into schema/, generated
from hwfplan's plan types and the repository's schema/framework.yaml. Editors use
them to complete and check YAML as you type (see the modeline at the top of each
plan file). Run it after editing the framework; CI runs it with --check.`,
		Example: "  hwfplan schema\n  hwfplan schema --check",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "do not write; exit 1 when a committed schema is missing or stale")
	return cmd
}

// Run writes or checks the schemas.
func Run(opts *Options) error {
	root, err := opts.Factory.PlansRoot()
	if err != nil {
		return err
	}
	fsys, err := load.DirFS(root)
	if err != nil {
		return err
	}
	repo, ds := load.Load(fsys, load.Options{})
	for _, d := range ds {
		if d.Rule == load.RuleFramework {
			return fmt.Errorf("failed to read the framework: %s", d.Message)
		}
	}
	files, err := schema.Generate(repo.Framework)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	io := opts.Factory.IOStreams
	if opts.Check {
		var stale []string
		for _, n := range names {
			p := filepath.ToSlash(filepath.Join(schema.Dir, n))
			old, err := fs.ReadFile(fsys, p)
			if err != nil || !bytes.Equal(old, files[n]) {
				stale = append(stale, p)
			}
		}
		if len(stale) > 0 {
			for _, p := range stale {
				fmt.Fprintf(io.ErrOut, "%s is missing or out of date\n", p)
			}
			fmt.Fprintln(io.ErrOut, "Run 'hwfplan schema' and commit the result.")
			return cmdutil.ErrSilent
		}
		fmt.Fprintf(io.ErrOut, "%d schemas are up to date\n", len(names))
		return nil
	}
	dir := filepath.Join(root, schema.Dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("failed to create %s: %w", dir, err)
	}
	for _, n := range names {
		if err := safewrite.WriteFile(filepath.Join(dir, n), files[n]); err != nil {
			return err
		}
		fmt.Fprintf(io.ErrOut, "wrote %s\n", filepath.ToSlash(filepath.Join(schema.Dir, n)))
	}
	return nil
}
