// Package newcountry implements `hwfplan new country`: it scaffolds a country
// folder that validates, and adds the country to its cluster.
package newcountry

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/iso3166"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/safewrite"
	"github.com/spf13/cobra"
)

// Options are the flags and arguments of `hwfplan new country`.
type Options struct {
	Factory       *cmdutil.Factory
	Code          string
	Name          string
	Cluster       string
	Maintainers   []string
	Languages     []string
	NoClusterEdit bool
	Now           func() time.Time
}

// NewCmdNew builds `hwfplan new`, the parent of the scaffolding commands.
func NewCmdNew(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create new plan files from a template",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(NewCmdNewCountry(f, runF))
	return cmd
}

// NewCmdNewCountry builds `hwfplan new country`.
func NewCmdNewCountry(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "country CODE --cluster ID --maintainer HANDLE",
		Short: "Create a country folder with every plan file, ready to fill in",
		Long: `Create countries/CODE with country.yaml, as-is.yaml, to-be.yaml, to-do.yaml and
action-plan.yaml: status draft, every framework item present and marked not assessed,
placeholders that say what to write. The folder validates as it is.

CODE is the ISO 3166-1 alpha-2 code (GR for Greece; its EU code EL is filled in).
The country is added to the countries list of clusters/ID.yaml (the file's comments
and layout are kept); --no-cluster-edit leaves that to you. An existing folder is
never overwritten.`,
		Example: "  hwfplan new country SI --cluster wp6 --maintainer si-hwf-team --language sl --language en",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Cluster, "cluster", "", "learning cluster `ID` (a file in clusters/)")
	cmd.Flags().StringVar(&opts.Name, "name", "", "country `NAME` in English (default: the ISO 3166-1 name of the code)")
	cmd.Flags().StringArrayVar(&opts.Maintainers, "maintainer", nil, "GitHub `HANDLE` of a country team member (repeat for more)")
	cmd.Flags().StringArrayVar(&opts.Languages, "language", []string{"en"}, "ISO 639-1 `CODE` of a language the plan is kept in (repeat for more)")
	cmd.Flags().BoolVar(&opts.NoClusterEdit, "no-cluster-edit", false, "do not add the country to the cluster file")
	cmd.ValidArgsFunction = f.CompleteNewCountry
	_ = cmd.RegisterFlagCompletionFunc("cluster", f.CompleteCluster)
	_ = cmd.MarkFlagRequired("cluster")
	_ = cmd.MarkFlagRequired("maintainer")
	return cmd
}

var (
	codeRe     = regexp.MustCompile(`^[A-Z]{2}$`)
	handleRe   = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38}$`)
	languageRe = regexp.MustCompile(`^[a-z]{2}$`)
)

// check validates the options before anything is written.
func (opts *Options) check() error {
	code := strings.ToUpper(strings.TrimSpace(opts.Code))
	if !codeRe.MatchString(code) {
		return cmdutil.FlagErrorf("%q is not a two-letter ISO 3166-1 code (like HU or SI)", opts.Code)
	}
	name, ok := iso3166.Name(code)
	if !ok {
		return cmdutil.FlagErrorf("%s is not an ISO 3166-1 country code%s", code, suggestion(code))
	}
	opts.Code = code
	if strings.TrimSpace(opts.Name) == "" {
		opts.Name = name
	}
	for _, m := range opts.Maintainers {
		if !handleRe.MatchString(m) {
			return cmdutil.FlagErrorf("--maintainer %q is not a GitHub handle (write it without @)", m)
		}
	}
	for _, l := range opts.Languages {
		if !languageRe.MatchString(l) {
			return cmdutil.FlagErrorf("--language %q is not a two-letter ISO 639-1 code (like en or hu)", l)
		}
	}
	return nil
}

// suggestion offers the ISO code for a common alias or close codes.
func suggestion(code string) string {
	switch s := iso3166.Suggest(code); {
	case code == "EL":
		return "; EL is Greece's EU code, and folders use the ISO code: hwfplan new country GR"
	case code == "UK":
		return "; the United Kingdom's ISO code is GB: hwfplan new country GB"
	case len(s) == 1:
		return "; did you mean " + s[0] + "?"
	case len(s) > 1:
		return "; did you mean one of " + strings.Join(s, ", ") + "?"
	}
	return ""
}

// Run scaffolds the folder and edits the cluster file.
func Run(opts *Options) error {
	if err := opts.check(); err != nil {
		return err
	}
	root, repo, _, err := opts.Factory.LoadRepo()
	if err != nil {
		return err
	}
	cl := repo.Cluster(opts.Cluster)
	if cl == nil {
		var ids []string
		for _, c := range repo.Clusters {
			ids = append(ids, c.ID)
		}
		return cmdutil.FlagErrorf("there is no cluster %q in %s; known clusters: %s", opts.Cluster, filepath.Join(root, model.ClustersDir), strings.Join(ids, ", "))
	}
	rel := model.CountriesDir + "/" + opts.Code
	dir := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Join(root, model.CountriesDir), 0o755); err != nil {
		return fmt.Errorf("failed to create %s: %w", model.CountriesDir, err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; hwfplan new never overwrites a country folder", rel)
		}
		return fmt.Errorf("failed to create %s: %w", rel, err)
	}
	files := Scaffold(repo.Framework, Params{Code: opts.Code, Name: opts.Name, Cluster: cl.ID,
		Maintainers: opts.Maintainers, Languages: opts.Languages, Today: opts.Now().Format(time.DateOnly)})
	for _, name := range plan.CountryFiles {
		if err := safewrite.WriteFile(filepath.Join(dir, name), files[name]); err != nil {
			return err
		}
	}
	errOut := opts.Factory.IOStreams.ErrOut
	fmt.Fprintf(errOut, "Created %s/ with %s (status: draft).\n", rel, strings.Join(plan.CountryFiles, ", "))
	clusterPath := model.ClustersDir + "/" + cl.ID + ".yaml"
	switch {
	case cl.Cluster != nil && slices.Contains(cl.Cluster.Countries, opts.Code):
		fmt.Fprintf(errOut, "%s already lists %s.\n", clusterPath, opts.Code)
	case opts.NoClusterEdit:
		fmt.Fprintf(errOut, "Add %s to the countries list in %s.\n", opts.Code, clusterPath)
	default:
		if err := addToClusterFile(filepath.Join(root, filepath.FromSlash(clusterPath)), opts.Code); err != nil {
			fmt.Fprintf(errOut, "Could not add %s to %s (%v); add it to the countries list by hand.\n", opts.Code, clusterPath, err)
		} else {
			fmt.Fprintf(errOut, "Added %s to the countries list in %s.\n", opts.Code, clusterPath)
		}
	}
	fmt.Fprintf(errOut, "Next: fill in the files, then run: hwfplan validate %s\n", rel)
	return nil
}

func addToClusterFile(path, code string) error {
	data, err := load.ReadLimited(os.DirFS(filepath.Dir(path)), filepath.Base(path), load.MaxFileSize)
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", path, err)
	}
	out, added, err := AddToCluster(data, code)
	if err != nil || !added {
		return err
	}
	return safewrite.WriteFile(path, out)
}
