package planhistory

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/plandiff"
	"github.com/hwfplan/hwfplan/internal/usercache"
)

// withoutChanges is h as a run with a Store gives it: Changes left empty.
func withoutChanges(h *History) *History {
	out := *h
	out.Entries = append([]Entry(nil), h.Entries...)
	for i := range out.Entries {
		out.Entries[i].Changes = plandiff.CountryDiff{}
	}
	return &out
}

// TestStoreKeepsSummaries: with a Store, the history is the one computed without
// it (Changes aside), on the first run and on the next, which reads the summaries
// back from the Store rather than computing them; a shelf file that is corrupt,
// truncated or written for another program gives the computed history again.
func TestStoreKeepsSummaries(t *testing.T) {
	g := eventfulHistory(t)
	r, err := gitrev.Open(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	head, _ := r.Resolve("HEAD")
	for _, code := range []string{"HU", "SK"} {
		want, err := Country(r, head, code, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want = withoutChanges(want)
		st := NewStore(t.TempDir())
		if st == nil {
			t.Fatal("NewStore: nil")
		}
		check := func(what string) {
			t.Helper()
			got, err := Country(r, head, code, Options{Store: st})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s:\n got %+v\nwant %+v", code, what, got, want)
			}
		}
		check("first run")
		files, _ := filepath.Glob(filepath.Join(st.dir.Path(), "*"))
		if len(files) != 1 {
			t.Fatalf("%s: %d shelf files, want 1", code, len(files))
		}
		check("from the store")

		// The second run reads the shelf: a summary changed in it shows.
		data, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		first := want.Entries[0].Summary
		quoted := strings.ReplaceAll(first, `"`, `\"`)
		if !strings.Contains(string(data), quoted) {
			t.Fatalf("%s: the shelf does not hold the summary %q", code, first)
		}
		if err := os.WriteFile(files[0], []byte(strings.Replace(string(data), quoted, "kept summary", 1)), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := Country(r, head, code, Options{Store: st})
		if err != nil {
			t.Fatal(err)
		}
		if !containsSummary(got, "kept summary") {
			t.Errorf("%s: the run did not read the shelf", code)
		}

		for name, bad := range map[string][]byte{
			"corrupt":   []byte("{\x00not json"),
			"truncated": data[:len(data)/2],
			"empty":     nil,
		} {
			if err := os.WriteFile(files[0], bad, 0o600); err != nil {
				t.Fatal(err)
			}
			check("with a " + name + " shelf")
			check("after a " + name + " shelf was written again")
		}

		// Another Store does not read this one (usercache tests that another build
		// does not read a file).
		if err := os.WriteFile(files[0], []byte(strings.Replace(string(data), quoted, "kept summary", 1)), 0o600); err != nil {
			t.Fatal(err)
		}
		other := NewStore(t.TempDir()) // another build's folder, as far as this test goes
		got, err = Country(r, head, code, Options{Store: other})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: another build read this build's shelf", code)
		}
	}
}

func containsSummary(h *History, s string) bool {
	for _, e := range h.Entries {
		if e.Summary == s {
			return true
		}
	}
	return false
}

// TestOpenStoreUsesTheUserCacheFolder: the Store lives under the user's cache
// folder, and HWFPLAN_CACHE=off turns it off.
func TestOpenStoreUsesTheUserCacheFolder(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv(usercache.Env, "")
	st := OpenStore()
	if st == nil {
		t.Fatal("OpenStore: nil")
	}
	if want := filepath.Join(cache, "hwfplan", "history"); st.dir.Path() != want {
		t.Errorf("store in %s, want %s", st.dir.Path(), want)
	}
	t.Setenv(usercache.Env, "off")
	if st := OpenStore(); st != nil {
		t.Errorf("HWFPLAN_CACHE=off: store in %s", st.dir.Path())
	}
}
