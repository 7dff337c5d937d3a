package plandiff_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plandiff"
)

// fuzzFiles are the files a fuzzed pair of plans replaces, by the selector's value.
var fuzzFiles = []string{hu + "country.yaml", hu + "as-is.yaml", hu + "to-be.yaml", hu + "to-do.yaml", hu + "action-plan.yaml", "clusters/wp6.yaml"}

// FuzzDiffPairs diffs pairs of plans: testdata/base with one file (chosen by which)
// replaced by a in the old revision and by b in the new one, the new folder renamed
// when rename is set. Whatever the two files hold, a diff never panics, a revision
// compared with itself has no changes (and no problems it did not have), every
// change names its path and kind, and every writer renders the report.
func FuzzDiffPairs(f *testing.F) {
	b := base(f)
	for i, name := range fuzzFiles {
		data := b[name].Data
		f.Add(uint8(i), data, data, false)
		f.Add(uint8(i), data, append(bytes.Clone(data), "\nnotes: x\n"...), true)
	}
	entries := []byte("code: HU\nname: Hungary\ncluster: wp6\naffiliated_entities:\n  - name: NNGYK\n    role: research institute\n")
	f.Add(uint8(0), entries, bytes.Replace(entries, []byte("research"), []byte("public health"), 1), false)
	nan := []byte("actions:\n  - id: HU-A1\n    kpis:\n      - {id: k1, baseline: .nan, target: .inf}\n    budget: {amount: .nan, currency: EUR}\n")
	f.Add(uint8(4), nan, nan, false)
	f.Add(uint8(1), b[hu+"as-is.yaml"].Data, []byte("tasks:\n\tdata: {}\n"), false)
	f.Add(uint8(3), []byte("steps:\n  - id: S1\n  - id: S1\n    milestones: [{id: m}, {id: m}]\n"), []byte("steps: [{id: S1, items: [{a: 1}]}]\n"), false)
	f.Add(uint8(1), []byte("tasks: {data: {items: {x/y~z: {score: 1}}}}\n"), []byte("tasks: {data: {items: {x/y~z: {score: 2}}}}\n"), false)
	f.Fuzz(func(t *testing.T, which uint8, a, bb []byte, rename bool) {
		name := fuzzFiles[int(which)%len(fuzzFiles)]
		cache := load.NewCache()
		side := func(data []byte, dir string) plandiff.Revision {
			m := fstest.MapFS{}
			for k, v := range b {
				m[k] = v
			}
			m[name] = &fstest.MapFile{Data: data}
			if dir != "" {
				move(m, hu, dir)
			}
			repo, ds := load.Load(m, load.Options{Cache: cache})
			return plandiff.Revision{Label: "rev", Repo: repo, Diags: ds}
		}
		old := side(a, "")
		newCode := "HU"
		if rename {
			newCode = "HX"
		}
		new := side(bb, "countries/"+newCode+"/")

		for _, s := range []plandiff.Revision{old, new} {
			self := plandiff.DiffRevisions(s, s, plandiff.Options{WordDiff: true})
			if !self.Empty() {
				t.Fatalf("a revision compared with itself has changes:\n%s", render(t, self, "text"))
			}
		}
		for _, opts := range []plandiff.Options{{}, {WordDiff: true}, {Countries: []string{"HU"}}} {
			for _, pair := range [][2]plandiff.Revision{{old, new}, {new, old}} {
				r := plandiff.DiffRevisions(pair[0], pair[1], opts)
				checkReport(t, r)
			}
		}
		// History compares one country's revisions the same way.
		if o, n := old.Repo.Country("HU"), new.Repo.Country(newCode); o != nil && n != nil {
			cd := plandiff.CompareCountries(old.Repo.Framework, o, n, plandiff.Options{})
			_ = cd.Summary()
			checkCountry(t, cd)
		}
	})
}

var kinds = map[plandiff.Kind]bool{plandiff.Added: true, plandiff.Removed: true, plandiff.Changed: true, plandiff.Renamed: true}

func checkReport(t *testing.T, r *plandiff.Report) {
	t.Helper()
	for _, cd := range r.Countries {
		checkCountry(t, cd)
	}
	for _, ch := range r.Changes {
		checkChange(t, ch)
	}
	for _, u := range r.Unreadable {
		if u.File == "" || u.Message == "" || (u.Side != plandiff.SideOld && u.Side != plandiff.SideNew) {
			t.Errorf("unreadable file without a name, side or message: %#v", u)
		}
		// An unreadable file is never reported as added or removed.
		for _, cd := range r.Countries {
			for _, ch := range cd.Changes {
				if ch.Entity == plandiff.EntityFile && cd.Code+"/"+ch.ID == strings.TrimPrefix(u.File, "countries/") {
					t.Errorf("unreadable %s is reported as %s", u.File, ch.Kind)
				}
			}
		}
	}
	for _, format := range plandiff.Formats {
		out := render(t, r, format)
		if format == "json" && !json.Valid([]byte(out)) {
			t.Errorf("invalid JSON:\n%s", out)
		}
	}
}

func checkCountry(t *testing.T, cd plandiff.CountryDiff) {
	t.Helper()
	if cd.Code == "" || !kinds[cd.Kind] || cd.Kind == plandiff.Renamed && cd.OldCode == "" {
		t.Errorf("country change without a code or kind: %#v", cd)
	}
	if cd.Summary() == "" {
		t.Errorf("%s: empty summary", cd.Code)
	}
	for _, ch := range cd.Changes {
		checkChange(t, ch)
	}
}

// checkChange: every change names its path (section, entity and, for one of many,
// its id), its kind, and for an edit the fields that changed.
func checkChange(t *testing.T, ch plandiff.Change) {
	t.Helper()
	if ch.Section == "" || ch.Entity == "" || ch.Path() == "" || !kinds[ch.Kind] {
		t.Errorf("change without a path or kind: %#v", ch)
	}
	if ch.Kind == plandiff.Changed && len(ch.Fields) == 0 {
		t.Errorf("%s changed, but no field did: %#v", ch.Path(), ch)
	}
	if ch.Kind == plandiff.Renamed && ch.OldID == "" {
		t.Errorf("%s renamed from nothing", ch.Path())
	}
	for _, f := range ch.Fields {
		if f.Field == "" {
			t.Errorf("%s: a field change without a field name: %#v", ch.Path(), f)
		}
	}
	if ch.Describe() == "" {
		t.Errorf("%s: empty description", ch.Path())
	}
}

func render(t *testing.T, r *plandiff.Report, format string) string {
	t.Helper()
	w, err := plandiff.NewWriter(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatalf("%s writer: %v", format, err)
	}
	return buf.String()
}
