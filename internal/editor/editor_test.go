package editor

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/validate"
)

// today is the date every test validates as of, so messages about overdue
// milestones do not change with the calendar.
const today = "2026-11-15"

func clock() time.Time { t, _ := time.Parse(time.DateOnly, today); return t }

func repoFS(t testing.TB) fs.FS {
	t.Helper()
	fsys, err := load.DirFS("../..")
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// shipped is the repository's own validation, as `hwfplan validate` runs it.
var shipped = sync.OnceValues(func() ([]diag.Diagnostic, error) {
	fsys, err := load.DirFS("../..")
	if err != nil {
		return nil, err
	}
	repo, ds := load.Load(fsys, load.Options{})
	return validate.Validate(repo, ds, validate.Options{Today: today})
})

func countries(t testing.TB) []string {
	entries, err := fs.ReadDir(repoFS(t), "countries")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, e := range entries {
		if e.IsDir() {
			codes = append(codes, e.Name())
		}
	}
	if len(codes) < 19 {
		t.Fatalf("only %d countries", len(codes))
	}
	return codes
}

func session(t testing.TB, code string) *Session {
	t.Helper()
	files, err := FilesFor(repoFS(t), code)
	if err != nil {
		t.Fatal(err)
	}
	s := &Session{Now: clock}
	if err := s.Load(files); err != nil {
		t.Fatal(err)
	}
	return s
}

// Every shipped country loads, and its problems are exactly those `hwfplan
// validate` reports for its folder with the whole repository.
func TestValidateAsTheCommand(t *testing.T) {
	all, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range countries(t) {
		t.Run(code, func(t *testing.T) {
			s := session(t, code)
			var want, got []string
			for _, d := range all {
				if strings.HasPrefix(d.File, "countries/"+code+"/") {
					want = append(want, d.String())
				}
			}
			for _, p := range s.Validate() {
				got = append(got, diag.Diagnostic{File: p.File, Line: p.Line, Column: p.Column, Severity: p.Severity, Rule: p.Rule, Message: p.Message}.String())
			}
			if !slices.Equal(got, want) {
				t.Errorf("the session's problems differ from validate's:\ngot  %q\nwant %q", got, want)
			}
			if len(s.Paths()) != 5 {
				t.Errorf("paths %v", s.Paths())
			}
		})
	}
}

// overlay is a plans repository with some files replaced.
type overlay struct {
	base  fs.FS
	files map[string]string
}

func (o overlay) Open(name string) (fs.File, error) {
	if text, ok := o.files[name]; ok {
		return fstest.MapFS{name: {Data: []byte(text)}}.Open(name)
	}
	return o.base.Open(name)
}

// mistakes are edits that make the shipped files wrong in different ways:
// within one file, across files, and in what the schema checks.
var mistakes = []struct {
	file, old, new string
}{
	{"as-is.yaml", "score: 1", "score: 7"},
	{"as-is.yaml", "    name: ", "    nam: "},
	{"to-do.yaml", "  - id: ", "  - id: x"},
	{"to-do.yaml", "    priority: ", "    priority: urgent # "},
	{"to-be.yaml", "score: 2", "score: 0"},
	{"action-plan.yaml", "end: 20", "end: 19"},
	{"action-plan.yaml", "currency: EUR", "currency: EURO"},
	{"country.yaml", "cluster: wp", "cluster: wq"},
}

// An edited country has the problems `hwfplan validate` finds in it with the
// same edit in the whole repository.
func TestValidateEditedAsTheCommand(t *testing.T) {
	for _, code := range []string{"HU", "DE"} {
		for _, m := range mistakes {
			name := "countries/" + code + "/" + m.file
			t.Run(code+"/"+m.file+"/"+m.new, func(t *testing.T) {
				s := session(t, code)
				text, _ := s.Text(name)
				if !strings.Contains(text, m.old) {
					t.Skipf("%s has no %q", name, m.old)
				}
				edited := strings.Replace(text, m.old, m.new, 1)
				s.cur[name] = []byte(edited)
				repo, lds := load.Load(overlay{repoFS(t), map[string]string{name: edited}}, load.Options{})
				all, err := validate.Validate(repo, lds, validate.Options{Today: today})
				if err != nil {
					t.Fatal(err)
				}
				var want, got []string
				for _, d := range all {
					if strings.HasPrefix(d.File, "countries/"+code+"/") {
						want = append(want, d.String())
					}
				}
				for _, p := range s.Validate() {
					got = append(got, diag.Diagnostic{File: p.File, Line: p.Line, Column: p.Column, Severity: p.Severity, Rule: p.Rule, Message: p.Message}.String())
				}
				if len(want) == 0 {
					t.Fatalf("the edit %q → %q found no problem", m.old, m.new)
				}
				if !slices.Equal(got, want) {
					t.Errorf("the session's problems differ from validate's:\ngot  %q\nwant %q", got, want)
				}
			})
		}
	}
}

func TestLoadRefuses(t *testing.T) {
	tests := []struct {
		files map[string]string
		want  string
	}{
		{nil, "no files to load"},
		{map[string]string{"schema/framework.yaml": ""}, "no country's files"},
		{map[string]string{"countries/HU/as-is.yaml": "", "countries/IT/as-is.yaml": ""}, "more than one country"},
		{map[string]string{"../etc/passwd": ""}, "not a path inside the plans repository"},
		{map[string]string{"/countries/HU/as-is.yaml": ""}, "not a path inside"},
		{map[string]string{"countries\\HU\\as-is.yaml": ""}, "not a path inside"},
	}
	for _, tc := range tests {
		var s Session
		if err := s.Load(tc.files); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want %q", tc.files, err, tc.want)
		}
	}
}

func TestDocumentAndText(t *testing.T) {
	s := session(t, "HU")
	doc, err := s.Document("countries/HU/country.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := doc.(map[string]any); m["name"] != "Hungary" {
		t.Errorf("country.yaml: %v", doc)
	}
	s.cur["countries/HU/country.yaml"] = []byte("code: HU\n\tname: x\n")
	if _, err := s.Document("countries/HU/country.yaml"); err == nil || !strings.Contains(err.Error(), "countries/HU/country.yaml:2") {
		t.Errorf("a tab: %v", err)
	}
	if _, err := s.Text("countries/HU/nothing.yaml"); err == nil || !strings.Contains(err.Error(), "they are countries/HU/country.yaml, countries/HU/as-is.yaml") {
		t.Errorf("an unknown file: %v", err)
	}
	if _, err := s.Form("clusters/wp6.yaml"); err == nil {
		t.Error("a cluster file has a form")
	}
}

// A loaded repository gives the same files as the repository folder.
func TestFilesOf(t *testing.T) {
	fsys := repoFS(t)
	repo, _ := load.Load(fsys, load.Options{})
	for _, code := range []string{"HU", "MT"} {
		want, err := FilesFor(fsys, code)
		if err != nil {
			t.Fatal(err)
		}
		got := FilesOf(repo, code)
		if !maps.Equal(got, want) {
			t.Errorf("%s: FilesOf has %v, FilesFor %v", code, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
		n := 10
		if code == "HU" {
			n++ // translations/hu.yaml: validated with the plan
		}
		if len(want) != n || want["schema/framework.yaml"] == "" || want["publication.yaml"] == "" || want["clusters/wp6.yaml"] == "" {
			t.Errorf("%s: %v", code, slices.Sorted(maps.Keys(want)))
		}
	}
	if _, err := FilesFor(fsys, "XX"); err == nil {
		t.Error("no error for a missing country")
	}
}

func TestNeeded(t *testing.T) {
	for p, want := range map[string]bool{
		"countries/HU/as-is.yaml": true, "countries/HU/notes.md": false, "countries/HU/x/y.yaml": false,
		"countries/IT/as-is.yaml": false, "clusters/wp5.yaml": true, "clusters/x/wp5.yaml": false,
		"schema/framework.yaml": true, "schema/framework.hu.yaml": false, "publication.yaml": true,
		"programme/twinning.yaml": false, "governance.yaml": false,
	} {
		if got := Needed(p, "HU"); got != want {
			t.Errorf("%s: %v", p, got)
		}
	}
}
