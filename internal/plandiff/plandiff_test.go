package plandiff_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plandiff"
)

// base reads testdata/base (a plans repository with Hungary) into memory.
func base(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/base"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("testdata/base", p))
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func clone(m fstest.MapFS) fstest.MapFS {
	c := fstest.MapFS{}
	for k, v := range m {
		c[k] = &fstest.MapFile{Data: bytes.Clone(v.Data)}
	}
	return c
}

// edit replaces text in a file; the old text must be there once.
func edit(t *testing.T, m fstest.MapFS, name, old, new string) {
	t.Helper()
	f, ok := m[name]
	if !ok {
		t.Fatalf("edit: no file %s", name)
	}
	if n := strings.Count(string(f.Data), old); n != 1 {
		t.Fatalf("edit %s: %q occurs %d times", name, old, n)
	}
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
}

// move renames a folder or file prefix.
func move(m fstest.MapFS, from, to string) {
	for k, v := range m {
		if strings.HasPrefix(k, from) {
			delete(m, k)
			m[to+strings.TrimPrefix(k, from)] = v
		}
	}
}

func loadFS(t *testing.T, m fstest.MapFS) *model.Repo {
	t.Helper()
	r, _ := load.Load(m, load.Options{})
	return r
}

const hu = "countries/HU/"

// huTranslation is a small Hungarian translation of HU's plan text.
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
    HU-A2:
      kpis:
        k1: {indicator: Munkáltatói rekordhoz kapcsolt orvosok aránya}
    HU-A4:
      title: Állandó bizottság
`

var cases = []struct {
	name  string
	opts  plandiff.Options
	old   func(t *testing.T, m fstest.MapFS)
	new   func(t *testing.T, m fstest.MapFS)
	empty bool
}{
	{name: "no-change", empty: true},
	// A translation's texts are matched by their ids, not their places in the
	// file: HU-A4's title removed and a to-be rationale added leave HU-A2's KPI
	// unchanged; the texts edited, added and removed and the review flag show,
	// by language and entry, and a new language as one line.
	{name: "translations", old: func(t *testing.T, m fstest.MapFS) {
		m[hu+"translations/hu.yaml"] = &fstest.MapFile{Data: []byte(huTranslation)}
	}, new: func(t *testing.T, m fstest.MapFS) {
		tr := strings.NewReplacer(
			"reviewed: false", "reviewed: true\n  reviewed_by: hu-hwf-team\n  date: \"2026-11-30\"",
			"Jogalap a nyilvántartási adatokhoz", "Jogalap a nyilvántartási és HR-adatok összekapcsolásához",
			"    HU-A4:\n      title: Állandó bizottság\n", "",
		).Replace(huTranslation) + "to-be:\n  targets:\n    data:\n      linkage: {rationale: A nyilvántartás és a HR-adatok összekapcsolása.}\n"
		m[hu+"translations/hu.yaml"] = &fstest.MapFile{Data: []byte(tr)}
		m[hu+"translations/de.yaml"] = &fstest.MapFile{Data: []byte("language: de\nreview: {reviewed: false}\nto-be:\n  vision: Bis 2030 plant Ungarn ...\n")}
	}},
	{name: "translation-removed", old: func(t *testing.T, m fstest.MapFS) {
		m[hu+"translations/hu.yaml"] = &fstest.MapFile{Data: []byte(huTranslation)}
	}},
	{name: "review", new: func(t *testing.T, m fstest.MapFS) {
		edit(t, m, hu+"country.yaml", "status: illustrative", "status: submitted")
		edit(t, m, hu+"country.yaml", "maintainers: [hu-hwf-team]", "maintainers: [hu-hwf-team, okfo-analyst]")
		edit(t, m, hu+"as-is.yaml", "      linkage:\n        score: 1\n        evidence: No common identifier across sources.",
			"      linkage:\n        score: 2\n        evidence: A common identifier links the register with hospital HR records since 2025.")
		edit(t, m, hu+"as-is.yaml", "        not_assessed: The hospital HR information system is being replaced in 2024.", "        score: 2")
		edit(t, m, hu+"as-is.yaml", "  - id: hospital-hr\n    name: Hospital HR information system\n    kind: hris\n    owner: OKFŐ\n    professions: [medical_doctors, nurses]\n    update_frequency: monthly\n", "")
		edit(t, m, hu+"as-is.yaml", "stakeholders:\n  - id: ministry", "stakeholders:\n  - id: regions\n    name: Regional health authorities\n    type: regional_government\n    role: Run regional pilots\n    willingness: 4\n    expertise: 2\n    power: 2\n  - id: ministry")
		edit(t, m, hu+"as-is.yaml", "  headcount: 4\n  fte: 3.5", "  headcount: 5\n  fte: 4.5")
		edit(t, m, hu+"to-be.yaml", "linkage: {score: 2, year: 2027", "linkage: {score: 3, year: 2028")
		edit(t, m, hu+"to-do.yaml", "    priority: medium", "    priority: high")
		edit(t, m, hu+"to-do.yaml", "      - {id: m2, date: 2026-12, deliverable: First linked annual extract}", "      - {id: m2, date: 2027-03, deliverable: First linked annual extract}\n      - {id: m3, date: 2027-12, deliverable: Linked data in the planning model}")
		edit(t, m, hu+"action-plan.yaml", "    start: 2025-03\n    end: 2025-12\n    budget: {amount: 40000, currency: EUR, source: national, secured: true}\n    status: in_progress",
			"    start: 2025-03\n    end: 2026-06\n    budget: {amount: 40000, currency: EUR, source: national, secured: true}\n    status: delayed")
		edit(t, m, hu+"action-plan.yaml", "  - id: HU-A5", "  - id: HU-A6")
		edit(t, m, hu+"action-plan.yaml", "sustainability_factors:", "  - id: HU-A7\n    title: Leadership and finance course for planners\n    task: skills\n    implements: [HU-S4]\n    level: national\n    responsible: Semmelweis University EMK\n    start: 2026-01\n    end: 2026-12\n    budget: {amount: 120000, currency: EUR, source: eu, secured: false}\n    status: planned\n    sustainability: {continues: true, funding_secured: false, anchoring: institution}\nsustainability_factors:")
		edit(t, m, hu+"action-plan.yaml", "baseline: 65, target: 72", "baseline: 65, target: 75")
		edit(t, m, hu+"action-plan.yaml", "governance: {score: 1, evidence: No standing committee yet; the mandate is being drafted.}", "governance: {score: 2, evidence: The committee's mandate was signed in 2025; it meets quarterly.}")
		edit(t, m, "clusters/wp6.yaml", "Romania and Slovenia.", "Romania and Slovenia; led by Hungary.")
	}},
	{name: "budget-after-programme", new: func(t *testing.T, m fstest.MapFS) {
		// Money after the programme (issue 13): a declared part of an action's
		// budget and a yearly running cost, changed and added.
		edit(t, m, hu+"action-plan.yaml", "budget: {amount: 350000, currency: EUR, source: eu, secured: false}",
			"budget: {amount: 380000.5, currency: EUR, source: eu, secured: false, after_programme: 270000}")
		edit(t, m, hu+"action-plan.yaml", "sustainability: {continues: true, funding_secured: false, anchoring: strategy}",
			"sustainability: {continues: true, funding_secured: false, anchoring: strategy, annual_cost: {amount: 45000, currency: EUR}}")
		edit(t, m, hu+"action-plan.yaml", "sustainability_factors:", "  - id: HU-A7\n    title: Planning course\n    task: skills\n    implements: [HU-S4]\n    level: national\n    responsible: Semmelweis University EMK\n    start: 2026-01\n    end: 2027-12\n    budget: {amount: 120000, currency: EUR, source: eu, secured: false, after_programme: 60000}\n    status: planned\n    sustainability: {continues: true, funding_secured: true, anchoring: law, annual_cost: {amount: 8000, currency: EUR}}\nsustainability_factors:")
	}},
	{name: "review-words", opts: plandiff.Options{WordDiff: true}, new: func(t *testing.T, m fstest.MapFS) {
		edit(t, m, hu+"as-is.yaml", "evidence: Private sector staff are partly missing.", "evidence: Private sector staff are missing for dentists and pharmacists.")
		edit(t, m, hu+"to-be.yaml", "  into training and retention decisions.", "  into training, recruitment and retention decisions every year.")
	}},
	{name: "files-predate", old: func(t *testing.T, m fstest.MapFS) {
		delete(m, hu+"to-do.yaml")
		delete(m, hu+"action-plan.yaml")
	}},
	{name: "country-added", new: func(t *testing.T, m fstest.MapFS) {
		for k, v := range clone(m) {
			if strings.HasPrefix(k, hu) {
				m["countries/SK/"+strings.TrimPrefix(k, hu)] = v
			}
		}
		edit(t, m, "countries/SK/country.yaml", "code: HU\neu_code: HU\nname: Hungary", "code: SK\neu_code: SK\nname: Slovakia")
	}},
	{name: "country-removed", new: func(t *testing.T, m fstest.MapFS) {
		move(m, hu, "gone/")
	}},
	{name: "country-renamed", new: func(t *testing.T, m fstest.MapFS) {
		move(m, hu, "countries/HX/")
		edit(t, m, "countries/HX/country.yaml", "code: HU\neu_code: HU", "code: HX\neu_code: HX")
	}},
	{name: "cluster-added-and-id-changed", new: func(t *testing.T, m fstest.MapFS) {
		m["clusters/wp7.yaml"] = &fstest.MapFile{Data: []byte("id: wp7\nname: WP7 learning cluster\ncountries: [BE, CZ]\n")}
		// A new id with other edits is removed + added, not a rename.
		edit(t, m, hu+"action-plan.yaml", "  - id: HU-A4\n    title: Standing health workforce planning committee", "  - id: HU-A8\n    title: Standing planning committee")
		edit(t, m, hu+"as-is.yaml", "    horizon_years: 15", "    horizon_years: 20")
	}},
	{name: "monitoring", old: func(t *testing.T, m fstest.MapFS) {
		// Monitoring over time (issue 15): a round that is corrected and one
		// that is added; observations added, corrected and removed; a met date.
		edit(t, m, hu+"as-is.yaml", "challenges:", "rounds:\n  - id: 2025-review\n    assessed_on: \"2025-06-30\"\n    assessors: [OKFŐ planning unit]\n    tasks:\n      data:\n        items:\n          linkage: {score: 1, evidence: Legal basis drafted.}\nchallenges:")
		edit(t, m, hu+"action-plan.yaml", "target: 90, target_year: 2027}", "target: 90, target_year: 2027, observations: [{date: 2026-01, value: 8, source: OKFŐ linkage log}]}")
		edit(t, m, hu+"action-plan.yaml", "target: 72, target_year: 2030}", "target: 72, target_year: 2030, observations: [{date: 2025-12, value: 65.4, source: Register}]}")
	}, new: func(t *testing.T, m fstest.MapFS) {
		edit(t, m, hu+"as-is.yaml", "challenges:", "rounds:\n  - id: 2025-review\n    assessed_on: \"2025-06-30\"\n    assessors: [OKFŐ planning unit, Semmelweis University EMK]\n    tasks:\n      data:\n        items:\n          linkage: {score: 2, evidence: Legal basis in force.}\n  - id: 2026-review\n    assessed_on: \"2026-10-15\"\n    assessors: [OKFŐ planning unit]\n    tasks:\n      data:\n        items:\n          linkage: {score: 2}\n          hris: {score: 1}\n      stakeholders:\n        items:\n          planning_committee: {score: 1}\nchallenges:")
		edit(t, m, hu+"action-plan.yaml", "target: 90, target_year: 2027}", "target: 90, target_year: 2027, observations: [{date: 2026-01, value: 10, source: OKFŐ linkage log}, {date: 2026-06, value: 34, source: OKFŐ linkage log}]}")
		edit(t, m, hu+"to-do.yaml", "deliverable: Data protection impact assessment}", "deliverable: Data protection impact assessment, met: \"2025-07-10\"}")
	}},
	{name: "data-coverage", old: func(t *testing.T, m fstest.MapFS) {
		// A data source's minimum data set coverage reads in the framework's
		// words: elements added, removed, and one the framework does not know.
		edit(t, m, hu+"as-is.yaml", "    update_frequency: annual\n", "    update_frequency: annual\n    minimum_data_set: [stock.headcount]\n")
		edit(t, m, hu+"as-is.yaml", "    update_frequency: monthly\n", "    update_frequency: monthly\n    minimum_data_set: [stock.headcount, stock.sex]\n")
	}, new: func(t *testing.T, m fstest.MapFS) {
		edit(t, m, hu+"as-is.yaml", "    update_frequency: annual\n", "    update_frequency: annual\n    minimum_data_set: [stock.headcount, demand.population, stock.sex, stock.wages]\n")
		edit(t, m, hu+"as-is.yaml", "    update_frequency: monthly\n", "    update_frequency: weekly\n    minimum_data_set: [stock.headcount, demand.population]\n")
	}},
	{name: "filter-other-country", opts: plandiff.Options{Countries: []string{"SK"}}, empty: true, new: func(t *testing.T, m fstest.MapFS) {
		edit(t, m, hu+"country.yaml", "status: illustrative", "status: draft")
	}},
}

func TestDiff(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			om, nm := base(t), base(t)
			if tc.old != nil {
				tc.old(t, om)
			}
			if tc.new != nil {
				tc.new(t, nm)
			}
			r := plandiff.Diff(loadFS(t, om), loadFS(t, nm), tc.opts)
			r.Old, r.New = "main", "working tree"
			if r.Empty() != tc.empty {
				t.Errorf("Empty() = %v, want %v", r.Empty(), tc.empty)
			}
			for _, format := range plandiff.Formats {
				w, err := plandiff.NewWriter(format)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := w.Write(&buf, r); err != nil {
					t.Fatal(err)
				}
				ext := map[string]string{"text": "txt", "markdown": "md", "json": "json"}[format]
				golden.Check(t, filepath.Join("testdata", "golden", tc.name+"."+ext), buf.Bytes())
				if format == "json" && !json.Valid(buf.Bytes()) {
					t.Error("invalid JSON")
				}
			}
		})
	}
}

// TestObservationWords pins the sentence a reviewer reads for a new observation.
// HU-A2 starts 2025-09 and aims at 90 % by the end of 2027 (28 months): at the
// end of 2026-06, 10 months on, the path stands at 10/28 (36 %); 34 of 90 is 38 %.
// The corrected 2026-01 value 10 is 11 % of the way after 5/28 (18 %) of the time.
func TestObservationWords(t *testing.T) {
	var tc = cases[0]
	for _, c := range cases {
		if c.name == "monitoring" {
			tc = c
		}
	}
	om, nm := base(t), base(t)
	tc.old(t, om)
	tc.new(t, nm)
	r := plandiff.Diff(loadFS(t, om), loadFS(t, nm), tc.opts)
	var got []string
	for _, ch := range r.Country("HU").Changes {
		got = append(got, ch.Describe())
	}
	for _, want := range []string{
		"action-plan › HU-A2 k1 observed 34 % (2026-06), on track (source: OKFŐ linkage log)",
		"action-plan › HU-A2 k1 observation of 2026-01: value 8 → 10; now 10 % (2026-01), off track",
		"action-plan › HU-A3 k1 observation of 2025-12 removed (was 65.4 per 10 000 (2025-12), off track)",
		"as-is › round 2026-review added (assessed 2026-10-15 by OKFŐ planning unit, 3 items scored)",
		"as-is › round 2025-review: assessors +Semmelweis University EMK",
		"as-is › round 2025-review › data.linkage: score 1 → 2, evidence edited (+2 −1 words)",
		"to-do › HU-S1 › milestone m1: met on 2025-07-10",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no change reads %q; got:\n%s", want, strings.Join(got, "\n"))
		}
	}
}

func TestNewWriterRejectsUnknownFormat(t *testing.T) {
	_, err := plandiff.NewWriter("yaml")
	if err == nil || !strings.Contains(err.Error(), "text, markdown, json") {
		t.Errorf("got %v", err)
	}
}

func TestMarkdownFoldsLongLists(t *testing.T) {
	r := &plandiff.Report{Old: "a", New: "b"}
	cd := plandiff.CountryDiff{Code: "HU", Kind: plandiff.Changed}
	for i := range 70 {
		cd.Changes = append(cd.Changes, plandiff.Change{Section: plandiff.SectionToDo, Entity: plandiff.EntityStep,
			ID: "HU-S" + strings.Repeat("1", i+1), Kind: plandiff.Added})
	}
	r.Countries = append(r.Countries, cd)
	w, _ := plandiff.NewWriter("markdown")
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "… and 10 more; run `hwfplan diff --country HU`") || strings.Count(out, "- to-do ›") != 60 || !strings.Contains(out, "to-do: 70 steps added</summary>") {
		t.Errorf("not folded:\n%s", out)
	}
}

// TestDiffParallel: comparing the countries on several cores gives the report of
// comparing them one by one, in the same order.
func TestDiffParallel(t *testing.T) {
	old, new := fstest.MapFS{}, fstest.MapFS{}
	b := base(t)
	codes := []string{"AT", "BE", "CZ", "DE", "EE", "HU", "IT", "PL", "SI", "SK"}
	for k, v := range b {
		if !strings.HasPrefix(k, hu) {
			old[k], new[k] = v, v
			continue
		}
		for _, c := range codes {
			p := "countries/" + c + "/" + strings.TrimPrefix(k, hu)
			old[p] = &fstest.MapFile{Data: bytes.Clone(v.Data)}
			new[p] = &fstest.MapFile{Data: bytes.Clone(v.Data)}
		}
	}
	for i, c := range codes {
		switch i % 3 {
		case 0:
			edit(t, new, "countries/"+c+"/as-is.yaml", "      linkage:\n        score: 1", "      linkage:\n        score: 2")
		case 1:
			edit(t, new, "countries/"+c+"/action-plan.yaml", "    end: 2025-12", "    end: 2026-06")
		}
	}
	o, n := loadFS(t, old), loadFS(t, new)
	render := func(procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var buf bytes.Buffer
		w, _ := plandiff.NewWriter("json")
		if err := w.Write(&buf, plandiff.Diff(o, n, plandiff.Options{WordDiff: true})); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	want := render(1)
	if !strings.Contains(want, `"code": "BE"`) || !strings.Contains(want, `"code": "AT"`) || strings.Contains(want, `"code": "CZ"`) {
		t.Fatalf("the fixture does not change the countries meant:\n%s", want)
	}
	for range 5 {
		if got := render(4); got != want {
			t.Fatalf("on 4 cores:\n%s\none by one:\n%s", got, want)
		}
	}
}

// TestAmount: money in a diff keeps its cents, rounded as package num rounds.
func TestAmount(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{120000, "120,000"}, {1234.5, "1,234.50"}, {1234.999, "1,235"}, {0.125, "0.13"},
		{-1500.25, "-1,500.25"}, {999.995, "1,000"}, {0, "0"},
	} {
		if got := plandiff.Amount(c.v); got != c.want {
			t.Errorf("Amount(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestCoverageWords pins how a change of a data source's minimum data set
// coverage reads: added, removed and both, by the framework's titles.
func TestCoverageWords(t *testing.T) {
	const was = "    update_frequency: annual\n    minimum_data_set: [stock.headcount, stock.sex]\n"
	for _, tc := range []struct{ name, now, want string }{
		{"added", "[stock.headcount, stock.sex, demand.population]",
			"as-is › data source register now covers Population (demand drivers)"},
		{"removed", "[stock.headcount]",
			"as-is › data source register no longer covers Stock by sex (stock)"},
		{"both", "[stock.headcount, demand.population, stock.fte]",
			"as-is › data source register now covers Population (demand drivers); stock.fte; no longer covers Stock by sex (stock)"},
		{"list dropped", "",
			"as-is › data source register no longer covers Headcount, Stock by sex (stock)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			om, nm := base(t), base(t)
			edit(t, om, hu+"as-is.yaml", "    update_frequency: annual\n", was)
			now := "    update_frequency: annual\n"
			if tc.now != "" {
				now += "    minimum_data_set: " + tc.now + "\n"
			}
			edit(t, nm, hu+"as-is.yaml", "    update_frequency: annual\n", now)
			r := plandiff.Diff(loadFS(t, om), loadFS(t, nm), plandiff.Options{})
			cd := r.Country("HU")
			if cd == nil || len(cd.Changes) != 1 {
				t.Fatalf("want one change, got %+v", cd)
			}
			if got := cd.Changes[0].Describe(); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestTranslationUnreadable: a translation that no longer parses is listed as
// unreadable and left out, never shown as removed.
func TestTranslationUnreadable(t *testing.T) {
	om, nm := base(t), base(t)
	om[hu+"translations/hu.yaml"] = &fstest.MapFile{Data: []byte(huTranslation)}
	nm[hu+"translations/hu.yaml"] = &fstest.MapFile{Data: []byte(huTranslation + "  : [unclosed\n")}
	o, od := load.Load(om, load.Options{})
	n, nd := load.Load(nm, load.Options{})
	r := plandiff.DiffRevisions(plandiff.Revision{Label: "main", Repo: o, Diags: od}, plandiff.Revision{Label: "working tree", Repo: n, Diags: nd}, plandiff.Options{})
	if !r.Empty() {
		t.Errorf("changes %+v, want none", r.Countries)
	}
	if len(r.Unreadable) != 1 || r.Unreadable[0].File != hu+"translations/hu.yaml" {
		t.Errorf("unreadable %+v, want the new hu.yaml", r.Unreadable)
	}
}
