// Package planhistory tells a country's plan history from git: the revisions that
// touched its folder (commit, author, date, message), a one-line account of what each
// changed in domain terms, and its as-is and to-be task scores over time. The CLI's
// `hwfplan history` and the site's revisions list both call Country.
package planhistory

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/plandiff"
)

// History is a country's revisions, newest first.
type History struct {
	Code    string   `json:"code"`
	Tasks   []string `json:"tasks"` // task ids in framework order, the keys of the scores
	Entries []Entry  `json:"revisions"`
}

// Entry is one revision that changed the country.
type Entry struct {
	Commit  string    `json:"commit"`
	Short   string    `json:"short"`
	Author  string    `json:"author"`
	Email   string    `json:"email"`
	Date    time.Time `json:"date"`
	Subject string    `json:"subject"` // first line of the message
	Message string    `json:"message"`
	Merge   bool      `json:"merge,omitempty"`
	// Mainline is true for revisions on the first-parent chain of the start revision
	// (the branch itself, not commits merged into it); a score-over-time chart should
	// plot these, since side-branch commits interleave by date.
	Mainline bool   `json:"mainline"`
	Path     string `json:"path"`                   // the folder at this revision
	Renamed  string `json:"renamed_from,omitempty"` // old folder when this revision renamed it
	Summary  string `json:"summary"`                // one line in domain terms
	// Changes is the semantic diff against the first parent.
	Changes plandiff.CountryDiff `json:"changes"`
	// AsIs and ToBe are the task scores (0-1) after this revision; null when a task has
	// no assessed item.
	AsIs map[string]*float64 `json:"as_is"`
	ToBe map[string]*float64 `json:"to_be"`
}

// Options tune Country.
type Options struct {
	Limit int // newest revisions only; 0 means all
}

// Country walks the history of countries/<code> from start.
func Country(r *gitrev.Repo, start plumbing.Hash, code string, opts Options) (*History, error) {
	return country(r, newLoader(r), start, code, opts)
}

func country(r *gitrev.Repo, ld *loader, start plumbing.Hash, code string, opts Options) (*History, error) {
	dir := path.Join(load.CountriesDir, code)
	revs, err := r.History(start, dir, gitrev.HistoryOptions{Limit: opts.Limit})
	if err != nil {
		return nil, err
	}
	mainline, err := r.FirstParents(start)
	if err != nil {
		return nil, err
	}
	h := &History{Code: code, Entries: make([]Entry, len(revs))}
	// Each revision against its first parent, by content: the trees say which files
	// changed, every file content is parsed once, and only the changed files are
	// compared.
	nows, befores := make([]snapshot, len(revs)), make([]snapshot, len(revs))
	for i, rev := range revs {
		if nows[i], err = ld.snapshot(rev.Hash, rev.Path); err != nil {
			return nil, err
		}
		if len(rev.Parents) > 0 {
			oldPath := rev.Path
			if rev.RenamedFrom != "" {
				oldPath = rev.RenamedFrom
			}
			if befores[i], err = ld.snapshot(rev.Parents[0], oldPath); err != nil {
				return nil, err
			}
		}
	}
	for i, rev := range revs {
		c, err := r.Commit(rev.Hash)
		if err != nil {
			return nil, err
		}
		subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
		h.Entries[i] = Entry{
			Commit: rev.Hash.String(), Short: rev.Hash.String()[:7],
			Author: c.Author.Name, Email: c.Author.Email, Date: c.Author.When,
			Subject: subject, Message: strings.TrimSpace(c.Message), Merge: len(rev.Parents) > 1, Mainline: mainline[rev.Hash],
			Path: rev.Path, Renamed: rev.RenamedFrom,
		}
	}
	if len(revs) > 0 {
		h.Tasks = nows[0].fw.TaskIDs()
	}
	// Revisions are compared a window at a time, and a parsed file is dropped after
	// the last revision that needs it: a long history would otherwise hold every
	// version of the plans in memory (gigabytes for a few thousand revisions).
	lastUse := map[fileKey]int{}
	for i := range revs {
		for _, s := range []*snapshot{&nows[i], &befores[i]} {
			for k := range s.keys() {
				lastUse[k] = i
			}
		}
	}
	sc := &scoreCache{m: map[scoreKey]scores{}}
	for lo := 0; lo < len(revs); lo += historyWindow {
		hi := min(lo+historyWindow, len(revs))
		ld.parse(nows[lo:hi])
		ld.parse(befores[lo:hi])
		parallel(hi-lo, ld.workers, func(j int) {
			i := lo + j
			now := ld.country(nows[i])
			var before *load.Country
			if len(revs[i].Parents) > 0 {
				before = ld.country(befores[i])
			}
			cd := compareChanged(nows[i].fw, befores[i], nows[i], before, now)
			e := &h.Entries[i]
			e.Summary, e.Changes = summary(cd), cd
			e.AsIs, e.ToBe = sc.get(nows[i], now)
		})
		for i := lo; i < hi; i++ {
			for _, s := range []*snapshot{&nows[i], &befores[i]} {
				for k := range s.keys() {
					if lastUse[k] < hi {
						delete(ld.files, k)
					}
				}
			}
		}
	}
	if h.Tasks == nil {
		h.Tasks = []string{}
	}
	return h, nil
}

// compareChanged is plandiff.CompareCountries of before and now, comparing only the
// files whose content differs: a file with the same content on both sides has no
// changes, so it is left out of both (country.yaml stays, for the name).
func compareChanged(fw *framework.Framework, bs, ns snapshot, before, now *load.Country) plandiff.CountryDiff {
	if before != nil && now != nil {
		var b, n *load.Country
		for i, name := range plan.CountryFiles {
			if i == countryFileIndex || bs.files[i] != ns.files[i] || bs.files[i].IsZero() {
				continue
			}
			if b == nil {
				b, n = thin(before), thin(now)
			}
			drop(b, name)
			drop(n, name)
		}
		if b != nil {
			before, now = b, n
		}
	}
	return plandiff.CompareCountries(fw, before, now, plandiff.Options{})
}

// countryFileIndex is country.yaml's index in plan.CountryFiles.
var countryFileIndex = slices.Index(plan.CountryFiles, plan.CountryFile)

// thin copies a country so files can be dropped from the copy.
func thin(c *load.Country) *load.Country {
	t := *c
	t.Files = maps.Clone(c.Files)
	return &t
}

func drop(c *load.Country, name string) {
	delete(c.Files, name)
	switch name {
	case plan.AsIsFile:
		c.AsIs = nil
	case plan.ToBeFile:
		c.ToBe = nil
	case plan.ToDoFile:
		c.ToDo = nil
	case plan.ActionPlanFile:
		c.ActionPlan = nil
	case plan.CountryFile:
		c.Country = nil
	}
}

// historyWindow is how many revisions are compared at a time.
var historyWindow = 128

// parallel calls fn(0..n-1) on up to workers goroutines.
func parallel(n, workers int, fn func(i int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// scoreKey is what task scores depend on: the framework, the as-is and to-be files.
type scoreKey struct {
	fw, asIs, toBe plumbing.Hash
	present        bool
}

type scores struct{ asIs, toBe map[string]*float64 }

// scoreCache computes the task scores once per distinct content. Entries share the
// maps; they are not to be modified.
type scoreCache struct {
	mu sync.Mutex
	m  map[scoreKey]scores
}

func (sc *scoreCache) get(s snapshot, c *load.Country) (asIs, toBe map[string]*float64) {
	k := scoreKey{fw: s.fwKey, present: c != nil}
	if c != nil {
		k.asIs, k.toBe = s.files[asIsIndex], s.files[toBeIndex]
	}
	sc.mu.Lock()
	v, ok := sc.m[k]
	sc.mu.Unlock()
	if ok {
		return v.asIs, v.toBe
	}
	v.asIs, v.toBe = TaskScores(s.fw, c)
	sc.mu.Lock()
	sc.m[k] = v
	sc.mu.Unlock()
	return v.asIs, v.toBe
}

var (
	asIsIndex = slices.Index(plan.CountryFiles, plan.AsIsFile)
	toBeIndex = slices.Index(plan.CountryFiles, plan.ToBeFile)
)

func summary(cd plandiff.CountryDiff) string {
	switch cd.Kind {
	case plandiff.Added:
		return "country added: " + cd.Detail
	case plandiff.Removed:
		return "country removed"
	}
	return cd.Summary()
}

// ForRoot opens the git repository at a plans root and returns the history of each
// country from HEAD. When root is not in a
// git repository the error wraps gitrev.ErrNotRepository, so a caller such as the site
// can leave the revisions out; in a shallow clone it wraps gitrev.ErrShallow.
func ForRoot(root string, codes []string, opts Options) (map[string]*History, error) {
	r, err := gitrev.Open(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	head, err := r.Resolve("HEAD")
	if err != nil {
		return nil, err
	}
	out := make(map[string]*History, len(codes))
	ld := newLoader(r) // shares the parsed framework (and files moved between folders)
	for _, code := range codes {
		h, err := country(r, ld, head, code, opts)
		if err != nil {
			return nil, fmt.Errorf("failed to read the history of %s: %w", code, err)
		}
		out[code] = h
	}
	return out, nil
}
