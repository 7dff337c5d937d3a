// Package planhistory tells a country's plan history from git: the revisions that
// touched its folder (commit, author, date, message), a one-line account of what each
// changed in domain terms, and its as-is and to-be task scores over time. The CLI's
// `hwfplan history` and the site's revisions list both call Country.
package planhistory

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/num"
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
	// Unreadable lists the country's files that could not be read at this revision
	// (side "new") or its parent (side "old"); they are left out of Changes.
	Unreadable []plandiff.Unreadable `json:"unreadable,omitempty"`
	// Note says why this revision could not be summarised, when it could not; the
	// rest of the history is unaffected.
	Note string `json:"note,omitempty"`
	// AsIs and ToBe are the task scores (0-1) after this revision; null when a task has
	// no assessed item.
	AsIs Scores `json:"as_is"`
	ToBe Scores `json:"to_be"`
}

// Scores are task scores (0-1) by task id, nil for a task with no assessed item.
// In JSON each is written at num.MachineDecimals (num.MachineText), as every
// machine-readable number hwfplan writes: 0.4167, not 0.41666666666666669.
type Scores map[string]*float64

// MarshalJSON writes the scores as an object, keys sorted, null for a missing one.
func (s Scores) MarshalJSON() ([]byte, error) {
	if s == nil {
		return []byte("null"), nil
	}
	out := make(map[string]json.RawMessage, len(s))
	for k, v := range s {
		out[k] = json.RawMessage("null")
		if v != nil {
			if t := num.MachineText(*v); t != "" {
				out[k] = json.RawMessage(t)
			}
		}
	}
	return json.Marshal(out)
}

// Options tune Country.
type Options struct {
	Limit int // newest revisions only; 0 means all
	// Store, when not nil, keeps the summaries between runs: a revision summarised
	// before is not read or parsed again. Changes is then left empty in every entry
	// (see Store); Country only, Countries ignores it.
	Store *Store
}

// Country walks the history of countries/<code> from start.
func Country(r *gitrev.Repo, start gitrev.Hash, code string, opts Options) (*History, error) {
	ld := newLoader(r)
	ld.store = opts.Store
	hs, err := countries(r, ld, start, []string{code}, opts, false)
	if err != nil {
		return nil, err
	}
	return hs[code], nil
}

// Countries returns the history of each country from start, as Country would, with
// the work shared: the commits and trees are read once for all the walks, the file
// versions of all countries are read in common batches (the delta chains of one
// country's files run through the others'), parsed once and compared on all cores.
// A site build listing the newest revisions of every country calls it once with
// Options.Limit rather than Country per country. Errors name the country.
func Countries(r *gitrev.Repo, start gitrev.Hash, codes []string, opts Options) (map[string]*History, error) {
	opts.Store = nil
	return countries(r, newLoader(r), start, codes, opts, true)
}

// job is one revision to compare with its first parent.
type job struct {
	e           *Entry
	now, before snapshot
	parent      bool    // before is the first parent's folder (false for a root commit)
	err         error   // the revision could not be read: it is not compared
	key         string  // the key on the Store's shelf; "" without a Store
	sh          *shelf  // the Store's shelf of the folder; nil without a Store
	stored      *stored // the summary from the Store: it is not compared
}

func countries(r *gitrev.Repo, ld *loader, start gitrev.Hash, codes []string, opts Options, named bool) (map[string]*History, error) {
	fail := func(code string, err error) (map[string]*History, error) {
		if named {
			return nil, fmt.Errorf("failed to read the history of %s: %w", code, err)
		}
		return nil, err
	}
	dirs := make([]string, len(codes))
	for i, code := range codes {
		dirs[i] = path.Join(model.CountriesDir, code)
	}
	var revs [][]gitrev.Revision
	if len(codes) == 1 {
		one, err := r.History(start, dirs[0], gitrev.HistoryOptions{Limit: opts.Limit, Follow: ld.follow})
		if err != nil {
			return fail(codes[0], err)
		}
		revs = [][]gitrev.Revision{one}
	} else {
		var err error
		if revs, err = r.HistoryMany(start, dirs, gitrev.HistoryOptions{Limit: opts.Limit, Follow: ld.follow}); err != nil {
			var pe *gitrev.PathError
			if errors.As(err, &pe) {
				return fail(codes[pe.Index], pe.Err)
			}
			return nil, err
		}
	}
	var mainline map[gitrev.Hash]bool
	out := make(map[string]*History, len(codes))
	var jobs []job
	var shelves []*shelf
	for i, code := range codes {
		if mainline == nil {
			var err error
			if mainline, err = r.FirstParents(start); err != nil {
				return fail(code, err)
			}
		}
		var sh *shelf
		if ld.store != nil {
			sh = ld.store.shelf(ld.prefix(), dirs[i])
			shelves = append(shelves, sh)
		}
		js, h, err := snapshots(r, ld, sh, code, revs[i], mainline)
		if err != nil {
			return fail(code, err)
		}
		out[code] = h
		jobs = append(jobs, js...)
	}
	compareAll(ld, jobs)
	if ld.store != nil {
		keep(jobs)
		for _, sh := range shelves {
			sh.save()
		}
		for _, h := range out {
			for i := range h.Entries {
				h.Entries[i].Changes = plandiff.CountryDiff{}
			}
		}
	}
	return out, nil
}

// snapshots snapshots each revision and its first parent (the trees alone say which
// files changed) and fills in what the commits say.
func snapshots(r *gitrev.Repo, ld *loader, sh *shelf, code string, revs []gitrev.Revision, mainline map[gitrev.Hash]bool) ([]job, *History, error) {
	h := &History{Code: code, Tasks: []string{}, Entries: make([]Entry, len(revs))}
	jobs := make([]job, len(revs))
	for i, rev := range revs {
		j := &jobs[i]
		j.e = &h.Entries[i]
		*j.e = Entry{Commit: rev.Hash.String(), Short: rev.Hash.String()[:7], Merge: len(rev.Parents) > 1,
			Mainline: mainline[rev.Hash], Path: rev.Path, Renamed: rev.RenamedFrom}
		c, err := r.Commit(rev.Hash)
		if err != nil {
			j.err = err // one revision that cannot be read does not end the history
			continue
		}
		subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
		j.e.Author, j.e.Email, j.e.Date = c.Author.Name, c.Author.Email, c.Author.When
		j.e.Subject, j.e.Message = subject, strings.TrimSpace(c.Message)
		if sh != nil {
			j.sh, j.key = sh, sh.key(rev)
			if v, ok := sh.get(j.key); ok {
				j.stored = &v
				j.e.Summary, j.e.Unreadable, j.e.AsIs, j.e.ToBe = v.Summary, v.Unreadable, v.AsIs, v.ToBe
				continue
			}
		}
		if j.now, err = ld.snapshot(rev.Hash, rev.Path); err != nil {
			j.err = err
			continue
		}
		if len(rev.Parents) > 0 {
			oldPath := rev.Path
			if rev.RenamedFrom != "" {
				oldPath = rev.RenamedFrom
			}
			if j.before, err = ld.snapshot(rev.Parents[0], oldPath); err != nil {
				j.err = err
				continue
			}
			j.parent = true
		}
	}
	for _, j := range jobs {
		if j.stored != nil && j.stored.HasTasks {
			h.Tasks = j.stored.Tasks
			break
		}
		if j.stored == nil && j.err == nil && j.now.fw != nil {
			h.Tasks = j.now.fw.TaskIDs()
			break
		}
	}
	return jobs, h, nil
}

// compareAll fills in the summary, changes and scores of every job. Jobs are done a
// window at a time: the file versions a window needs and no earlier window parsed
// are read and parsed in one batch, the window's revisions are compared in parallel,
// and a parsed file is dropped after the last job that needs it (a long history
// would otherwise hold every version of the plans in memory: gigabytes for a few
// thousand revisions).
func compareAll(ld *loader, jobs []job) {
	lastUse := map[fileKey]int{}
	for i := range jobs {
		for _, s := range []*snapshot{&jobs[i].now, &jobs[i].before} {
			for k := range s.keys() {
				lastUse[k] = i
			}
		}
	}
	sc := &scoreCache{m: map[scoreKey]scores{}}
	for lo := 0; lo < len(jobs); lo += historyWindow {
		hi := min(lo+historyWindow, len(jobs))
		snaps := make([]snapshot, 0, 2*(hi-lo))
		for _, j := range jobs[lo:hi] {
			if j.err == nil && j.stored == nil {
				snaps = append(snaps, j.now, j.before)
			}
		}
		ld.parse(snaps)
		parallel(hi-lo, ld.workers, func(i int) {
			j := &jobs[lo+i]
			if j.stored != nil {
				return
			}
			if j.err != nil {
				j.e.fail(j.err)
				return
			}
			defer func() {
				if p := recover(); p != nil {
					j.e.fail(fmt.Errorf("%v", p)) // a defect, but one revision's: the rest goes on
				}
			}()
			now := ld.country(j.now)
			var before *model.Country
			var beforeDiags []diag.Diagnostic
			if j.parent {
				before, beforeDiags = ld.country(j.before), ld.diags(j.before)
			}
			cd, unread := compareChanged(j.now.fw, j.before, j.now, before, now, beforeDiags, ld.diags(j.now))
			j.e.Summary, j.e.Changes, j.e.Unreadable = summary(cd, unread), cd, unread
			j.e.AsIs, j.e.ToBe = sc.get(j.now, now)
		})
		for i := lo; i < hi; i++ {
			for _, s := range []*snapshot{&jobs[i].now, &jobs[i].before} {
				for k := range s.keys() {
					if lastUse[k] < hi {
						delete(ld.files, k)
					}
				}
			}
		}
	}
}

// keep puts the summaries of the jobs compared in this run on their shelves; a
// revision that could not be summarised is not kept (its reason may not last).
func keep(jobs []job) {
	for i := range jobs {
		j := &jobs[i]
		if j.stored != nil || j.err != nil || j.e.Note != "" || j.sh == nil {
			continue
		}
		v := stored{Summary: j.e.Summary, Unreadable: j.e.Unreadable, AsIs: j.e.AsIs, ToBe: j.e.ToBe}
		if j.now.fw != nil {
			v.HasTasks, v.Tasks = true, j.now.fw.TaskIDs()
		}
		j.sh.add(j.key, v)
	}
}

// compareChanged is plandiff.CompareCountryRevisions of before and now, comparing
// only the files whose content differs: a file with the same content on both sides
// has no changes, so it is left out of both (country.yaml stays, for the name).
func compareChanged(fw *framework.Framework, bs, ns snapshot, before, now *model.Country, beforeDiags, nowDiags []diag.Diagnostic) (plandiff.CountryDiff, []plandiff.Unreadable) {
	if before != nil && now != nil {
		var same []string
		for i, name := range plan.CountryFiles {
			if i == countryFileIndex || bs.files[i] != ns.files[i] || bs.files[i].IsZero() {
				continue
			}
			same = append(same, name)
		}
		if len(same) > 0 {
			before, now = plandiff.WithoutFiles(before, same...), plandiff.WithoutFiles(now, same...)
		}
	}
	return plandiff.CompareCountryRevisions(fw, before, now, beforeDiags, nowDiags, plandiff.Options{})
}

// fail records that a revision could not be summarised, and why.
func (e *Entry) fail(err error) {
	e.Note = "this revision could not be summarised: " + err.Error()
	e.Summary, e.Changes, e.Unreadable = e.Note, plandiff.CountryDiff{Code: path.Base(e.Path), Kind: plandiff.Changed, Changes: []plandiff.Change{}}, nil
}

// countryFileIndex is country.yaml's index in plan.CountryFiles.
var countryFileIndex = slices.Index(plan.CountryFiles, plan.CountryFile)

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
	fw, asIs, toBe gitrev.Hash
	present        bool
}

type scores struct{ asIs, toBe map[string]*float64 }

// scoreCache computes the task scores once per distinct content. Entries share the
// maps; they are not to be modified.
type scoreCache struct {
	mu sync.Mutex
	m  map[scoreKey]scores
}

func (sc *scoreCache) get(s snapshot, c *model.Country) (asIs, toBe map[string]*float64) {
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

func summary(cd plandiff.CountryDiff, unread []plandiff.Unreadable) string {
	var s string
	switch cd.Kind {
	case plandiff.Added:
		s = "country added: " + cd.Detail
	case plandiff.Removed:
		s = "country removed"
	default:
		s = cd.Summary()
	}
	// A file that cannot be read is left out, so the summary says so.
	for _, u := range unread {
		where := "here"
		if u.Side == plandiff.SideOld {
			where = "in the revision before"
		}
		at := ""
		if u.Line > 0 {
			at = fmt.Sprintf("line %d: ", u.Line)
		}
		s += fmt.Sprintf("; %s could not be read %s (%s%s)", u.File, where, at, u.Message)
	}
	return s
}
