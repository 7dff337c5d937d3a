// Package planhistory tells a country's plan history from git: the revisions that
// touched its folder (commit, author, date, message), a one-line account of what each
// changed in domain terms, and its as-is and to-be task scores over time. The CLI's
// `hwfplan history` and the site's revisions list both call Country.
package planhistory

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
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
	h := &History{Code: code, Entries: []Entry{}}
	for _, rev := range revs {
		c, err := r.Commit(rev.Hash)
		if err != nil {
			return nil, err
		}
		fw, now, err := ld.load(rev.Hash, rev.Path)
		if err != nil {
			return nil, err
		}
		var before *load.Country
		if len(rev.Parents) > 0 {
			oldPath := rev.Path
			if rev.RenamedFrom != "" {
				oldPath = rev.RenamedFrom
			}
			if _, before, err = ld.load(rev.Parents[0], oldPath); err != nil {
				return nil, err
			}
		}
		if h.Tasks == nil {
			h.Tasks = fw.TaskIDs()
		}
		cd := plandiff.CompareCountries(fw, before, now, plandiff.Options{})
		asIs, toBe := TaskScores(fw, now)
		subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
		h.Entries = append(h.Entries, Entry{
			Commit: rev.Hash.String(), Short: rev.Hash.String()[:7],
			Author: c.Author.Name, Email: c.Author.Email, Date: c.Author.When,
			Subject: subject, Message: strings.TrimSpace(c.Message), Merge: len(rev.Parents) > 1, Mainline: mainline[rev.Hash],
			Path: rev.Path, Renamed: rev.RenamedFrom,
			Summary: summary(cd), Changes: cd, AsIs: asIs, ToBe: toBe,
		})
	}
	if h.Tasks == nil {
		h.Tasks = []string{}
	}
	return h, nil
}

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
