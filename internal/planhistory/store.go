package planhistory

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hwfplan/hwfplan/internal/buildinfo"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/plandiff"
)

// EnvCache set to "off" makes OpenStore return nil: no summary is read or written.
const EnvCache = "HWFPLAN_CACHE"

// Store keeps the summaries of revisions between runs, in one file per folder whose
// history is asked for, under the user's cache folder
// (os.UserCacheDir()/hwfplan/history), never inside the repository. What a revision's summary says depends only on the commit (its
// hash fixes its content and its parents'), the folder at that commit, the folder
// it was renamed from, where the plans sit in the git tree, and the program that
// summarised it; together they name one summary. A later run then only
// walks the history and reads the commits: the file versions are neither read nor
// parsed again.
//
// A Store keeps the summary, the unreadable files, the task ids and the scores of
// an entry, not Changes: its old and new values are plan values that JSON would not
// give back as they were. Callers that show Changes pass no Store.
//
// Writes are atomic (a temporary file renamed into place); a file that cannot be
// read, does not decode or was written for another program, root or folder counts
// as empty and is written again; a cache folder that cannot be written only costs
// the speed. Files of earlier builds are not removed.
type Store struct {
	dir     string // the folder of the summary files
	program string // the program's identity, part of every key
}

// OpenStore opens the Store under the user's cache folder; nil when there is none,
// when the program cannot tell which build it is, or when HWFPLAN_CACHE is "off".
func OpenStore() *Store {
	if os.Getenv(EnvCache) == "off" {
		return nil
	}
	base, err := os.UserCacheDir()
	if err != nil || !filepath.IsAbs(base) {
		return nil
	}
	return NewStore(filepath.Join(base, "hwfplan", "history"))
}

// NewStore opens a Store in dir (made on first write); nil when the program
// cannot tell which build it is.
func NewStore(dir string) *Store {
	id, ok := programID()
	if !ok {
		return nil
	}
	return &Store{dir: dir, program: id}
}

// programID names the running build: its version and commit, and the size and
// modification time of its executable, so that a rebuilt program (a development
// build from a changed work tree included) never reads what another build wrote.
func programID() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	in := buildinfo.Get()
	return fmt.Sprintf("%s %s %t %s %d %d", in.Version, in.Commit, in.Modified, exe, fi.Size(), fi.ModTime().UnixNano()), true
}

// storeVersion changes whenever what a stored summary holds or means changes.
const storeVersion = "hwfplan-history-2"

// stored is one revision's summary as the Store keeps it.
type stored struct {
	Summary    string                `json:"summary"`
	Unreadable []plandiff.Unreadable `json:"unreadable,omitempty"`
	HasTasks   bool                  `json:"has_tasks"` // the revision's framework loaded
	Tasks      []string              `json:"tasks,omitempty"`
	AsIs       map[string]*float64   `json:"as_is"`
	ToBe       map[string]*float64   `json:"to_be"`
}

// shelfFile is what a shelf's file holds.
type shelfFile struct {
	Header  string            `json:"header"` // the shelf's header, checked on read
	Entries map[string]stored `json:"entries"`
}

// shelf is the part of the Store for the history of one folder: one file, read
// once and written once per run.
type shelf struct {
	path    string
	header  string
	entries map[string]stored
	added   bool
}

// shelf opens the shelf of the history of dir in the plans root at prefix (the
// root's path in the git tree). A file that cannot be read, does not decode or has
// another header gives an empty shelf.
func (s *Store) shelf(prefix, dir string) *shelf {
	header := strings.Join([]string{storeVersion, s.program, prefix, dir}, "\x00")
	sum := sha256.Sum256([]byte(header))
	sh := &shelf{path: filepath.Join(s.dir, hex.EncodeToString(sum[:])+".json"), header: header, entries: map[string]stored{}}
	data, err := os.ReadFile(sh.path)
	if err != nil {
		return sh
	}
	var f shelfFile
	if err := json.Unmarshal(data, &f); err == nil && f.Header == header && f.Entries != nil {
		sh.entries = f.Entries
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

// save writes the shelf when something was added: to a temporary file in the same
// folder, renamed into place. A failure is ignored (the next run computes the
// summaries again); of two runs saving at once, the last one's file stays.
func (sh *shelf) save() {
	if !sh.added {
		return
	}
	data, err := json.Marshal(shelfFile{Header: sh.header, Entries: sh.entries})
	if err != nil {
		return
	}
	dir := filepath.Dir(sh.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil || cerr != nil || os.Rename(f.Name(), sh.path) != nil {
		os.Remove(f.Name())
	}
}
