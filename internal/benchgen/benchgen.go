// Package benchgen writes synthetic plans repositories for the benchmarks: N countries
// with full plans (every framework item scored and targeted, road map steps, actions
// with budgets, KPIs and sustainability), learning clusters, the framework and its JSON
// Schemas, and a git history of K commits of the edits country teams make (scores,
// targets, action statuses and dates, budgets, new actions). The history is written
// with one `git fast-import` stream, so 10,000 commits take seconds. The same seed
// gives the same files and the same commit hashes.
package benchgen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	hwfplan "github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/schema"
)

// MaxCountries is how many two-letter country codes there are.
const MaxCountries = 26 * 26

// Options say what to generate.
type Options struct {
	Countries int   // number of countries, 1 to MaxCountries; the first 19 are the HEROES ones
	Commits   int   // commits in the history, at least 1 (the first adds every file)
	Seed      int64 // the same seed gives the same repository
	// Framework is schema/framework.yaml; empty means the one hwfplan ships.
	Framework []byte
}

// Result describes a generated repository.
type Result struct {
	Dir       string
	Countries []string       // ISO codes, in the order they were generated
	Touched   map[string]int // commits that changed each country (the first commit included)
	Head      string         // commit hash of main
}

// Generate writes the repository into dir, which must not exist or be empty.
func Generate(dir string, o Options) (*Result, error) {
	if o.Countries < 1 || o.Countries > MaxCountries {
		return nil, fmt.Errorf("failed to generate: countries must be 1 to %d, not %d", MaxCountries, o.Countries)
	}
	if o.Commits < 1 {
		return nil, fmt.Errorf("failed to generate: commits must be at least 1, not %d", o.Commits)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("failed to generate: %s is not empty", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("failed to read %s: %w", dir, err)
	}
	fwData := o.Framework
	if len(fwData) == 0 {
		fwData = hwfplan.DefaultFramework
	}
	fw, err := framework.Parse(fwData)
	if err != nil {
		return nil, fmt.Errorf("failed to parse the framework: %w", err)
	}
	schemas, err := schema.Generate(fw)
	if err != nil {
		return nil, fmt.Errorf("failed to generate the schemas: %w", err)
	}
	g := newGenerator(fw, o)
	files := map[string][]byte{"schema/framework.yaml": fwData}
	for name, data := range schemas {
		files["schema/"+name] = data
	}
	for _, cl := range g.clusters {
		data, err := cl.yaml()
		if err != nil {
			return nil, err
		}
		files[cl.path()] = data
	}
	for _, c := range g.countries {
		for _, name := range fileNames {
			data, err := c.file(name)
			if err != nil {
				return nil, err
			}
			files[c.path(name)] = data
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("failed to create %s: %w", dir, err)
	}
	head, err := g.history(dir, files)
	if err != nil {
		return nil, err
	}
	res := &Result{Dir: dir, Touched: g.touched, Head: head}
	for _, c := range g.countries {
		res.Countries = append(res.Countries, c.code)
	}
	return res, nil
}

// generator holds the plans as they stand after the commits written so far.
type generator struct {
	fw        *framework.Framework
	opts      Options
	rng       *rand.Rand
	countries []*country
	clusters  []*cluster
	touched   map[string]int
	when      time.Time // time of the last commit
}

func newGenerator(fw *framework.Framework, o Options) *generator {
	g := &generator{fw: fw, opts: o, rng: rand.New(rand.NewPCG(uint64(o.Seed), 0x68776670)),
		touched: map[string]int{}, when: time.Date(2023, 2, 1, 9, 0, 0, 0, time.UTC)}
	codes := countryCodes(o.Countries)
	g.clusters = g.makeClusters(codes)
	for _, cl := range g.clusters {
		for _, code := range cl.Countries {
			g.countries = append(g.countries, g.newCountry(code, cl.ID))
		}
	}
	return g
}

// fileNames are a country's files in the order they are written.
var fileNames = []string{"country.yaml", "as-is.yaml", "to-be.yaml", "to-do.yaml", "action-plan.yaml"}
