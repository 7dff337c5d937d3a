package cmdutil

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/iso3166"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/spf13/cobra"
)

// Shell completion (cobra's `completion` command, run through its hidden
// `__complete`). Every completion function here reads only folder listings and git
// refs, so it answers at once; it never prints (the shell would show it) and, when
// it cannot read what it needs — outside a plans repository, outside git — it
// offers nothing rather than an error.

const noFiles = cobra.ShellCompDirectiveNoFileComp

var folderCodeRe = regexp.MustCompile(`^[A-Z]{2}$`)

// countryCodes lists the country folders of the plans repository, sorted; nil
// outside one.
func (f *Factory) countryCodes() []string {
	root, err := f.PlansRoot()
	if err != nil {
		return nil
	}
	return folderCodes(root)
}

func folderCodes(root string) []string {
	entries, err := os.ReadDir(filepath.Join(root, model.CountriesDir))
	if err != nil {
		return nil
	}
	var codes []string
	for _, e := range entries {
		if e.IsDir() && folderCodeRe.MatchString(e.Name()) {
			codes = append(codes, e.Name())
		}
	}
	return codes
}

// withName adds the country's English name as the completion's description.
func withName(code string) string {
	if name, ok := iso3166.Name(code); ok {
		return code + "\t" + name
	}
	return code
}

// hasPrefixFold reports whether s starts with prefix, ignoring case (codes are
// upper case, people type them in either).
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// CompleteCountry completes the codes of the repository's country folders, for an
// argument naming one country (history CODE).
func (f *Factory) CompleteCountry(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, noFiles
	}
	var out []string
	for _, c := range f.countryCodes() {
		if hasPrefixFold(c, toComplete) {
			out = append(out, withName(c))
		}
	}
	return out, noFiles
}

// CompleteCountryList completes a comma-separated list of country folder codes
// (diff --country HU,SI): the last item, leaving out the codes already listed.
func (f *Factory) CompleteCountryList(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	i := strings.LastIndex(toComplete, ",")
	done, last := toComplete[:i+1], toComplete[i+1:]
	given := strings.Split(strings.ToUpper(done), ",")
	var out []string
	for _, c := range f.countryCodes() {
		if hasPrefixFold(c, last) && !slices.Contains(given, c) {
			out = append(out, withName(done+c))
		}
	}
	return out, noFiles
}

// CompleteNewCountry completes the ISO 3166-1 codes that have no country folder
// yet (new country CODE): an existing code would be refused.
func (f *Factory) CompleteNewCountry(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, noFiles
	}
	root, err := f.PlansRoot()
	if err != nil {
		return nil, noFiles
	}
	existing := folderCodes(root)
	var out []string
	for _, c := range iso3166.Codes() {
		if hasPrefixFold(c, toComplete) && !slices.Contains(existing, c) {
			out = append(out, withName(c))
		}
	}
	return out, noFiles
}

// ClusterIDs lists the learning clusters of the plans repository (the names of
// clusters/*.yaml), sorted; nil outside one.
func (f *Factory) ClusterIDs() []string {
	root, err := f.PlansRoot()
	if err != nil {
		return nil
	}
	entries, err := os.ReadDir(filepath.Join(root, model.ClustersDir))
	if err != nil {
		return nil
	}
	var ids []string
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && id != "" && !e.IsDir() {
			ids = append(ids, id)
		}
	}
	return ids
}

// CompleteCluster completes a learning cluster id (new country --cluster).
func (f *Factory) CompleteCluster(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, id := range f.ClusterIDs() {
		if strings.HasPrefix(id, toComplete) {
			out = append(out, id)
		}
	}
	return out, noFiles
}

// ancestors are offered after HEAD: HEAD~1 is the most asked-for revision after it.
const ancestors = 5

// CompleteRevision returns a completion function for revision names: HEAD and its
// first ancestors (HEAD~1, ...), the branches, remote-tracking branches and tags,
// and the extra names the command itself understands (WORKTREE for diff). In
// A...B or A..B it completes B. At most max positional arguments are completed
// (0: a flag's value, any number).
func (f *Factory) CompleteRevision(max int, extra ...string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if max > 0 && len(args) >= max {
			return nil, noFiles
		}
		root, err := f.PlansRoot()
		if err != nil {
			return nil, noFiles
		}
		refs, err := gitrev.RefNames(root)
		if err != nil {
			return nil, noFiles
		}
		names := slices.Clone(extra)
		for _, r := range refs {
			names = append(names, r)
			if r == "HEAD" {
				for i := 1; i <= ancestors; i++ {
					names = append(names, fmt.Sprintf("HEAD~%d", i))
				}
			}
		}
		done, last := "", toComplete
		for _, sep := range []string{"...", ".."} {
			if i := strings.LastIndex(toComplete, sep); i >= 0 {
				done, last = toComplete[:i+len(sep)], toComplete[i+len(sep):]
				break
			}
		}
		var out []string
		for _, n := range names {
			if strings.HasPrefix(n, last) && (done == "" || !slices.Contains(extra, n)) {
				out = append(out, done+n)
			}
		}
		return out, noFiles
	}
}

// CompletePlanPath completes validate's PATH arguments: in the countries folder it
// offers the country folders (countries/HU/); elsewhere the shell completes file
// names as usual. Outside a plans repository it offers nothing.
func (f *Factory) CompletePlanPath(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	root, err := f.PlansRoot()
	if err != nil {
		return nil, noFiles
	}
	wd, err := f.Getwd()
	if err != nil {
		return nil, noFiles
	}
	dir, base := path.Split(filepath.ToSlash(toComplete))
	abs := filepath.FromSlash(dir)
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, abs)
	}
	if filepath.Clean(abs) != filepath.Join(root, model.CountriesDir) {
		return nil, cobra.ShellCompDirectiveDefault
	}
	var out []string
	for _, c := range folderCodes(root) {
		if hasPrefixFold(c, base) {
			out = append(out, dir+c+"/")
		}
	}
	return out, cobra.ShellCompDirectiveNoSpace | noFiles
}
