package governance

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/model"
)

// RuleSeveralCountries is the warning given when one change touches the folders
// of more than one country.
const RuleSeveralCountries = "several-countries"

// Change is what a set of changed paths touches.
type Change struct {
	Paths     []string // every changed path, slash-separated, relative to the repository root, sorted
	Countries []string // folder names under countries/ that the change touches, sorted
	Shared    []string // changed paths outside the country folders (owned by the coordinators)
}

// Classify sorts changed paths into the country folders they touch and the rest.
// A path counts for a country when it lies inside countries/<folder>/.
func Classify(paths []string) Change {
	var c Change
	seen := map[string]bool{}
	countries := map[string]bool{}
	for _, p := range paths {
		p = strings.TrimPrefix(p, "./")
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		c.Paths = append(c.Paths, p)
		parts := strings.SplitN(p, "/", 3)
		if len(parts) == 3 && parts[0] == model.CountriesDir && parts[1] != "" {
			countries[parts[1]] = true
			continue
		}
		c.Shared = append(c.Shared, p)
	}
	slices.Sort(c.Paths)
	slices.Sort(c.Shared)
	for k := range countries {
		c.Countries = append(c.Countries, k)
	}
	slices.Sort(c.Countries)
	return c
}

// Diagnostics returns a warning when the change touches several countries'
// folders: each country team approves only its own folder, so such a pull request
// waits for every team. The warning is on the countries folder.
func (c Change) Diagnostics() []diag.Diagnostic {
	if len(c.Countries) < 2 {
		return nil
	}
	return []diag.Diagnostic{{
		File:     model.CountriesDir,
		Severity: diag.Warning,
		Rule:     RuleSeveralCountries,
		Message: fmt.Sprintf("this change touches %d countries' folders (%s); each country team approves only its own folder, so open one pull request per country unless the change is meant to span countries",
			len(c.Countries), strings.Join(c.Countries, ", ")),
	}}
}

// ChangedCountries is the one-call form for `hwfplan validate --changed-since`:
// what changed since rev in the repository at dir (gitrev.ChangedSince), and the
// warnings about it.
func ChangedCountries(ctx context.Context, dir, rev string) (Change, []diag.Diagnostic, error) {
	paths, err := gitrev.ChangedSince(ctx, dir, rev)
	if err != nil {
		return Change{}, nil, err
	}
	c := Classify(paths)
	return c, c.Diagnostics(), nil
}
