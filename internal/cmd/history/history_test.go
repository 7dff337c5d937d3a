package history

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/plandiff"
	"github.com/hwfplan/hwfplan/internal/planhistory"
)

func TestNewCmdHistoryFlags(t *testing.T) {
	tests := []struct {
		args    string
		want    Options
		wantErr string
	}{
		{args: "hu", want: Options{Code: "HU", Rev: "HEAD", Format: "text"}},
		{args: "Programme", want: Options{Code: "programme", Rev: "HEAD", Format: "text"}},
		{args: "SK --rev main -n 5 --format json", want: Options{Code: "SK", Rev: "main", Limit: 5, Format: "json"}},
		{args: "Hungary", wantErr: `"Hungary" is not a two-letter ISO country code like HU`},
		{args: "HU --format csv", wantErr: `invalid argument "csv" for "-f, --format" flag: use one of text, json`},
		{args: "", wantErr: "accepts 1 arg(s), received 0"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdHistory, strings.Fields(tt.args))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Code != tt.want.Code || got.Rev != tt.want.Rev || got.Limit != tt.want.Limit || got.Format != tt.want.Format {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func fixture(t *testing.T) map[string]string {
	return gittest.ReadFiles(t, filepath.Join("..", "..", "plandiff", "testdata", "base"))
}

// plansHistory: Hungary first committed as EL (a folder later renamed), scored, edited
// on a branch that is merged, with unrelated commits in between.
func plansHistory(t *testing.T) *gittest.Repo {
	g := gittest.New(t)
	files := fixture(t)
	for k, v := range files {
		if strings.HasPrefix(k, "countries/HU/") {
			delete(files, k)
			files["countries/HX/"+strings.TrimPrefix(k, "countries/HU/")] = v
		}
	}
	files["countries/HX/country.yaml"] = strings.Replace(files["countries/HX/country.yaml"], "code: HU", "code: HX", 1)
	g.Write(files)
	g.Commit("Add the plan under a wrong code")
	g.Git("mv", "countries/HX", "countries/HU")
	g.Replace("countries/HU/country.yaml", "code: HX", "code: HU")
	g.Commit("Rename the folder to HU")
	g.Write(map[string]string{"README.md": "plans\n"})
	g.Commit("Unrelated readme")
	g.Git("checkout", "-q", "-b", "linkage")
	g.Replace("countries/HU/as-is.yaml", "      linkage:\n        score: 1", "      linkage:\n        score: 2")
	g.Commit("Linkage improved")
	g.Git("checkout", "-q", "main")
	g.Replace("countries/HU/to-be.yaml", "planning_committee: {score: 2, year: 2026", "planning_committee: {score: 2, year: 2027")
	g.Commit("Committee target moved to 2027")
	g.Merge("linkage", "Merge linkage")
	g.Replace("countries/HU/country.yaml", "status: illustrative", "status: submitted")
	g.Commit("Submit the Hungarian plan")
	return g
}

func run(t *testing.T, dir string, args ...string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	cmd := NewCmdHistory(&cmdutil.Factory{IOStreams: ios, RootFlag: &dir}, nil)
	cmd.SetArgs(append([]string{}, args...))
	cmd.SetOut(errOut)
	cmd.SetErr(errOut)
	err := cmd.Execute()
	return out.String(), errOut.String(), err
}

var hashRe = regexp.MustCompile(`\b[0-9a-f]{7}\b`)

func TestHistoryRun(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache) // the summaries kept between runs go here
	g := plansHistory(t)
	out, _, err := run(t, g.Dir, "HU")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/hu.txt", []byte(hashRe.ReplaceAllString(out, "HASH")))
	kept, _ := filepath.Glob(filepath.Join(cache, "hwfplan", "history", "*"))
	if len(kept) != 1 {
		t.Fatalf("the text history kept %d files in the cache folder, want 1: %v", len(kept), kept)
	}
	// The second run takes the summaries from the cache and prints the same.
	again, _, err := run(t, g.Dir, "HU")
	if err != nil {
		t.Fatal(err)
	}
	if again != out {
		t.Errorf("the history from kept summaries differs:\n%s\nwant:\n%s", again, out)
	}

	out, _, err = run(t, g.Dir, "HU", "--format", "json", "--limit", "2")
	if err != nil {
		t.Fatal(err)
	}
	var h planhistory.History
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Entries) != 2 || h.Entries[0].Subject != "Submit the Hungarian plan" || h.Entries[1].Subject != "Merge linkage" {
		t.Errorf("json entries: %+v", h.Entries)
	}
	if got := g.Log("-2", "--", "countries/HU"); h.Entries[0].Commit != got[0] || h.Entries[1].Commit != got[1] {
		t.Errorf("commits %s %s, git log says %v", h.Entries[0].Commit, h.Entries[1].Commit, got)
	}
	if !h.Entries[0].Mainline || !h.Entries[1].Mainline || !h.Entries[1].Merge {
		t.Errorf("mainline/merge flags: %+v", h.Entries[:2])
	}
	all, _, err := run(t, g.Dir, "HU", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(all), &h); err != nil {
		t.Fatal(err)
	}
	for _, e := range h.Entries {
		if want := e.Subject != "Linkage improved"; e.Mainline != want {
			t.Errorf("%s: mainline %v, want %v", e.Subject, e.Mainline, want)
		}
	}
	if last := h.Entries[len(h.Entries)-1]; last.Path != "countries/HX" || h.Entries[len(h.Entries)-2].Renamed != "countries/HX" {
		t.Errorf("rename not followed: %+v", h.Entries)
	}
	if s := h.Entries[0].AsIs["data"]; s == nil || *s <= 0 || *s >= 1 {
		t.Errorf("as-is data score %v", s)
	}

	// An unknown country is a usage error (exit 2) with a suggestion.
	var fe *cmdutil.FlagError
	_, _, err = run(t, g.Dir, "HV")
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "there is no country HV: HEAD has no folder countries/HV and no earlier revision had one; did you mean HU?") {
		t.Errorf("unknown country HV: %v", err)
	}
	_, _, err = run(t, g.Dir, "SK")
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "; the countries are HU") {
		t.Errorf("unknown country SK: %v", err)
	}
	// A folder that only an earlier revision had is known.
	if _, _, err := run(t, g.Dir, "HX"); err != nil {
		t.Errorf("history HX (renamed away): %v", err)
	}
	shallow := g.Clone("--depth", "1")
	_, _, err = run(t, shallow.Dir, "HU")
	if !errors.Is(err, gitrev.ErrShallow) || !strings.Contains(err.Error(), "fetch-depth: 0") {
		t.Errorf("shallow: %v", err)
	}
}

// TestHistoryProgramme: history programme lists the commits that changed
// programme/, newest first, each summed up in the programme's terms, from a real
// git repository; commits that changed only a country are not in it.
func TestHistoryProgramme(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	g := gittest.New(t)
	files := fixture(t)
	files["programme/policy-dialogues.yaml"] = "status: illustrative\ndialogues:\n  - {id: D1, level: eu, date: \"2026-03-26\", themes: [Data and intelligence]}\n"
	g.Write(files)
	g.Commit("Plans and the first EU dialogue")
	g.Replace("countries/HU/country.yaml", "status: illustrative", "status: draft")
	g.Commit("Hungary: draft")
	g.Write(map[string]string{"programme/eu-action-plan.yaml": "status: illustrative\nactions:\n  - {id: EU-A1, title: Model library, task: models, level: eu, items: [models.methodology], responsible: HEROES coordination, start: 2025-09, end: 2026-01, status: planned}\n"})
	g.Replace("programme/policy-dialogues.yaml", "themes: [Data and intelligence]}\n", "themes: [Data and intelligence]}\n  - {id: D3, level: national, country: HU, themes: [Data linkage]}\n")
	g.Commit("EU action plan; HU dialogue recorded")
	g.Replace("programme/eu-action-plan.yaml", "status: planned}", "status: in_progress}")
	g.Commit("EU-A1 started")
	out, _, err := run(t, g.Dir, "programme")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/programme.txt", []byte(hashRe.ReplaceAllString(out, "HASH")))
	out, _, err = run(t, g.Dir, "programme", "--format", "json", "--limit", "1")
	if err != nil {
		t.Fatal(err)
	}
	var h planhistory.ProgrammeHistory
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Entries) != 1 || len(h.Entries[0].Changes) != 1 || h.Entries[0].Changes[0].Entity != plandiff.EntityEUAction {
		t.Errorf("json entries: %+v", h.Entries)
	}
}

// huTranslation is a Hungarian translation of some of the fixture's texts.
const huTranslation = `language: hu
review:
  reviewed: false
as-is:
  tasks:
    data:
      items:
        linkage: {evidence: Nincs közös azonosító az adatforrások között.}
action-plan:
  actions:
    HU-A1:
      title: Jogalap a nyilvántartási adatokhoz
`

// translationHistory: a plan whose Hungarian translation is added, edited,
// reviewed, broken, mended and removed, a German one added beside it, each in a
// commit that changes nothing else, and one commit that edits the English and
// the translation together.
func translationHistory(t *testing.T) *gittest.Repo {
	g := gittest.New(t)
	g.Write(fixture(t))
	g.Commit("Hungary's plan")
	const hu = "countries/HU/translations/hu.yaml"
	g.Write(map[string]string{hu: huTranslation})
	g.Commit("Hungarian translation")
	g.Replace(hu, "Jogalap a nyilvántartási adatokhoz", "Jogalap a nyilvántartási és HR-adatok összekapcsolásához")
	g.Commit("Hungarian: HU-A1's title")
	g.Replace(hu, "reviewed: false", "reviewed: true\n  reviewed_by: hu-hwf-team\n  date: \"2026-11-30\"")
	g.Write(map[string]string{"countries/HU/translations/de.yaml": "language: de\nreview: {reviewed: false}\nto-be:\n  vision: Bis 2030 plant Ungarn ...\n"})
	g.Commit("Hungarian reviewed; German begun")
	g.Replace(hu, "action-plan:\n", "action-plan:\n\t")
	g.Commit("A tab in the Hungarian")
	g.Replace(hu, "action-plan:\n\t", "action-plan:\n")
	g.Commit("Hungarian mended")
	g.Replace("countries/HU/action-plan.yaml", "title: Legal basis for linking register and HR data", "title: Legal basis for linking the register with HR data")
	g.Replace(hu, "        linkage: {evidence: Nincs közös azonosító az adatforrások között.}\n", "")
	g.Commit("HU-A1 reworded in English; the linkage evidence's translation dropped")
	g.Remove(hu)
	g.Commit("Hungarian translation withdrawn")
	return g
}

// TestHistoryTranslations: a commit that changes only a country's plan
// translations is summed up in plandiff's words, by language (never "no plan
// change"), in the text (from a fresh cache and from the kept summaries) and in
// the JSON, whose changes give each translated text as plandiff does.
func TestHistoryTranslations(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	g := translationHistory(t)
	out, _, err := run(t, g.Dir, "HU")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/hu-translations.txt", []byte(hashRe.ReplaceAllString(out, "HASH")))
	again, _, err := run(t, g.Dir, "HU")
	if err != nil {
		t.Fatal(err)
	}
	if again != out {
		t.Errorf("the history from kept summaries differs:\n%s\nwant:\n%s", again, out)
	}
	out, _, err = run(t, g.Dir, "HU", "--format", "json", "--limit", "7")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/hu-translations.json", []byte(fullHashRe.ReplaceAllString(hashRe.ReplaceAllString(out, "HASH"), "HASH")))
}

var fullHashRe = regexp.MustCompile(`\b[0-9a-f]{40}\b`)
