package framework_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/framework"
	"go.yaml.in/yaml/v3"
)

func parseTranslation(t *testing.T, fw *framework.Framework, path, src, today string) (*framework.Translation, []framework.TranslationProblem) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	var root *yaml.Node
	if len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	return fw.ParseTranslation(path, root, today)
}

func defaultFramework(t *testing.T) *framework.Framework {
	t.Helper()
	fw, err := framework.Parse(hwfplan.DefaultFramework)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// TestShippedTranslations keeps the shipped translations complete, free of
// problems and marked not reviewed until a country team confirms them.
func TestShippedTranslations(t *testing.T) {
	fw := defaultFramework(t)
	paths, _ := filepath.Glob("../../" + framework.TranslationGlob)
	if len(paths) < 3 {
		t.Fatalf("%d shipped translations, want at least 3", len(paths))
	}
	for _, p := range paths {
		rel := strings.TrimPrefix(p, "../../")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		tr, problems := parseTranslation(t, fw, rel, string(data), "2026-11-24")
		for _, pr := range problems {
			t.Errorf("%s:%d:%d: %s: %s", rel, pr.Line, pr.Column, pr.Kind, pr.Message)
		}
		if tr.Review.Reviewed {
			t.Errorf("%s is marked reviewed; only a country team confirms a translation", rel)
		}
		loc, missing := fw.Localized(tr)
		if len(missing) > 0 {
			t.Errorf("%s: missing %v", rel, missing)
		}
		for _, k := range fw.TextKeys() {
			if got, _ := tr.Text(k.Key); got == k.English && !sameInBoth[got] {
				t.Errorf("%s: %s is the English %q", rel, k.Key, got)
			}
		}
		if loc.Tasks[0].Title == fw.Tasks[0].Title {
			t.Errorf("%s: localized task title is still English", rel)
		}
	}
}

// sameInBoth are texts that are the same word in English and a shipped language.
var sameInBoth = map[string]bool{"Management": true, "Leadership": true, "Governance": true, "Phase 1": true, "Phase 2": true, "Phase 3": true, "Phase 4": true}

func TestTranslationProblems(t *testing.T) {
	fw := defaultFramework(t)
	src := `language: de
review: {reviewed: true}
tasks:
  data:
    title: Daten
    itmes: {}
    items:
      timelines: {title: Aktualität}
      accuracy:
        title: [a list]
        levels:
          - {value: 9, label: Neun}
          - {value: 1, label: Unbekannt}
  modles: {title: x}
professions:
  nurses: {title: Pflege}
`
	tr, problems := parseTranslation(t, fw, "schema/framework.de.yaml", src, "2026-11-24")
	var got []string
	missing := 0
	for _, p := range problems {
		if p.Kind == framework.ProblemMissing {
			missing++
			continue
		}
		got = append(got, fmt.Sprintf("%d:%d %s %s", p.Line, p.Column, p.Kind, p.Message))
	}
	want := []string{
		`2:20 review a reviewed translation names who reviewed it: add reviewed_by (the country team, or its GitHub handles); until then it shows as not reviewed`,
		`2:20 review a reviewed translation says when: add date: YYYY-MM-DD; until then it shows as not reviewed`,
		`6:5 unknown tasks.data has no field "itmes"; did you mean "items"?`,
		`8:7 unknown the framework has no item "timelines" in tasks.data.items; did you mean "timeliness"?`,
		`10:16 shape tasks.data.items.accuracy.title is text: the translation of "Accuracy"`,
		`12:21 unknown tasks.data.items.accuracy.levels has no value 9; the framework labels 1, 2, 3, 4`,
		`14:3 unknown the framework has no task "modles" in tasks; did you mean "models"?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if tr.Review.Reviewed {
		t.Error("a review without reviewer and date must not count as reviewed")
	}
	// All but the three given, and but the texts of the misspelt item (6) and
	// task (9) and the title given as a list, which their errors speak for.
	if want := len(fw.TextKeys()) - 3 - 6 - 9 - 1; missing != want {
		t.Errorf("%d missing, want %d", missing, want)
	}
	loc, miss := fw.Localized(tr)
	if loc.Tasks[0].Title != "Daten" || loc.Tasks[1].Title != fw.Tasks[1].Title || len(miss) != len(fw.TextKeys())-3 {
		t.Errorf("localized: %q, %q, %d missing", loc.Tasks[0].Title, loc.Tasks[1].Title, len(miss))
	}
	it, _ := loc.Item("data.accuracy")
	if got := loc.LabelFor(it, 1); got != "Unbekannt" {
		t.Errorf("localized level = %q", got)
	}
	if fw.Tasks[0].Title == "Daten" {
		t.Error("Localized changed the framework it was called on")
	}
}

func TestTranslationLanguageAndReview(t *testing.T) {
	fw := defaultFramework(t)
	cases := []struct{ path, src, want string }{
		{"schema/framework.en.yaml", "language: en\nreview: {reviewed: false}\n", "English is the framework's own language"},
		{"schema/framework.xx.yaml", "language: xx\nreview: {reviewed: false}\n", `"xx" in the file name is not a two-letter ISO 639-1 language code`},
		{"schema/framework.hu.yaml", "language: de\nreview: {reviewed: false}\n", `language "de" does not match the file name`},
		{"schema/framework.hu.yaml", "language: hu\n", "review is missing"},
		{"schema/framework.hu.yaml", "language: hu\nreview: {reviewed: yes please}\n", `review.reviewed is true or false, not "yes please"`},
		{"schema/framework.hu.yaml", "language: hu\nreview: {reviewed: true, reviewed_by: OKFŐ, date: 2027-01-01}\n", "review.date 2027-01-01 is after today"},
		{"schema/framework.hu.yaml", "language: hu\nreview: {reviewed: false, reviewd_by: x}\n", `did you mean "reviewed_by"?`},
		{"schema/framework.hu.yaml", "- a list\n", "a framework translation holds keys with values"},
	}
	for _, c := range cases {
		_, problems := parseTranslation(t, fw, c.path, c.src, "2026-11-24")
		found := false
		for _, p := range problems {
			if strings.Contains(p.Message, c.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %q: no problem says %q", c.path, c.src, c.want)
		}
	}
	tr, problems := parseTranslation(t, fw, "schema/framework.hu.yaml", "language: hu\nreview: {reviewed: true, reviewed_by: OKFŐ, date: 2026-10-01}\n", "2026-11-24")
	if !tr.Review.Reviewed || tr.Review.ReviewedBy != "OKFŐ" || tr.Review.Date != "2026-10-01" {
		t.Errorf("review = %+v", tr.Review)
	}
	for _, p := range problems {
		if p.Kind != framework.ProblemMissing {
			t.Errorf("unexpected %s: %s", p.Kind, p.Message)
		}
	}
}
