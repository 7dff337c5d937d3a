package planhistory

import (
	"encoding/json"
	"strings"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/plandiff"
	"github.com/hwfplan/hwfplan/internal/usercache"
)

// Store keeps the summaries of revisions between runs (package usercache: under
// the user's cache folder, never inside the repository), one shelf per folder whose
// history is asked for. What a revision's summary says depends only on the commit
// (its hash fixes its content and its parents'), the folder at that commit, the
// folder it was renamed from, where the plans sit in the git tree, and the program
// that summarised it; together they name one summary. A later run then only walks
// the history and reads the commits: the file versions are neither read nor parsed
// again.
//
// A Store keeps the summary, the unreadable files, the task ids and the scores of
// an entry, not Changes: its old and new values are plan values that JSON would not
// give back as they were. Callers that show Changes pass no Store.
type Store struct {
	dir *usercache.Dir
}

// OpenStore opens the Store in the user's cache folder; nil when there is none
// (see usercache.Open; HWFPLAN_CACHE=off turns it off).
func OpenStore() *Store { return storeIn(usercache.Open("history")) }

// NewStore opens a Store in the folder dir; nil when usercache.New gives none.
func NewStore(dir string) *Store { return storeIn(usercache.New(dir)) }

func storeIn(d *usercache.Dir) *Store {
	if d == nil {
		return nil
	}
	return &Store{dir: d}
}

// storeVersion changes whenever what a stored summary holds or means changes.
const storeVersion = "history-2"

// stored is one revision's summary as the Store keeps it.
type stored struct {
	Summary    string                `json:"summary"`
	Unreadable []plandiff.Unreadable `json:"unreadable,omitempty"`
	HasTasks   bool                  `json:"has_tasks"` // the revision's framework loaded
	Tasks      []string              `json:"tasks,omitempty"`
	AsIs       map[string]*float64   `json:"as_is"`
	ToBe       map[string]*float64   `json:"to_be"`
}

// shelf is the part of the Store for the history of one folder: one file, read
// once and written once per run.
type shelf struct {
	dir     *usercache.Dir
	name    string // the shelf's key in the cache folder
	entries map[string]stored
	added   bool
}

// shelf opens the shelf of the history of dir in the plans root at prefix (the
// root's path in the git tree). A shelf that cannot be read or does not decode is
// empty.
func (s *Store) shelf(prefix, dir string) *shelf {
	sh := &shelf{dir: s.dir, name: strings.Join([]string{storeVersion, prefix, dir}, "\x00"), entries: map[string]stored{}}
	if data, ok := s.dir.Read(sh.name); ok {
		var entries map[string]stored
		if err := json.Unmarshal(data, &entries); err == nil && entries != nil {
			sh.entries = entries
		}
	}
	return sh
}

// key names a revision on a shelf: the summary of a revision depends on the commit,
// its folder and the folder it was renamed from.
func (sh *shelf) key(rev gitrev.Revision) string {
	return rev.Hash.String() + " " + rev.Path + " " + rev.RenamedFrom
}

func (sh *shelf) get(key string) (stored, bool) {
	v, ok := sh.entries[key]
	return v, ok
}

func (sh *shelf) add(key string, v stored) {
	sh.entries[key] = v
	sh.added = true
}

// save writes the shelf when something was added. Of two runs saving at once, the
// last one's shelf stays.
func (sh *shelf) save() {
	if !sh.added {
		return
	}
	if data, err := json.Marshal(sh.entries); err == nil {
		sh.dir.Write(sh.name, data)
	}
}
