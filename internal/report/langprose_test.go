package report

import (
	"path/filepath"

	"github.com/hwfplan/hwfplan/internal/golden"
	"regexp"
	"strings"
	"testing"
)

// translatedKinds are the reports whose templates say `translated: yes`: all
// their prose is in messages.
func translatedKinds(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, name := range KindNames() {
		src, err := readTemplate(nil, name+".md.tmpl")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(src, "/* translated: yes */") {
			out = append(out, name)
		}
	}
	return out
}

// TestTranslatedTemplatesHoldNoProse: a template marked translated writes no
// word of its own. Outside its actions there is only Markdown (table rules,
// bullets, brackets, bold marks), so no English sentence can reach a report in
// another language from the template itself.
func TestTranslatedTemplatesHoldNoProse(t *testing.T) {
	actions := regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	word := regexp.MustCompile(`[A-Za-z]{2,}`)
	kinds := translatedKinds(t)
	if len(kinds) == 0 {
		t.Fatal("no template is marked translated: yes")
	}
	for _, name := range kinds {
		src, _ := readTemplate(nil, name+".md.tmpl")
		for i, line := range strings.Split(actions.ReplaceAllString(src, "\x00"), "\n") {
			if w := word.FindString(line); w != "" {
				t.Errorf("%s.md.tmpl: text %q outside the actions (line %d of the template without its actions): write it through a message", name, w, i+1)
			}
		}
	}
}

// sameInEnglish are report messages whose word is the same in a language as in
// English (a loan word), by language and id.
var sameInEnglish = map[string]bool{
	"hu report.choice.model_type.benchmarking":   true,
	"it report.choice.model_type.benchmarking":   true,
	"it report.common.no":                        true,
	"de report.choice.level.national":            true,
	"de report.choice.level.regional":            true,
	"de report.progress.n_kpis":                  true, // KPI, KPIs
	"hu report.progress.n_kpis":                  true,
	"it report.progress.n_kpis":                  true,
	"de report.sustainability.h.methods-budgets": true, // Budgets
	"de report.asis.vision":                      true, // Vision
}

// TestTranslatedMessagesDiffer: the messages of the translated reports (and the
// shared report.common.* and the choice lists of langwords.go) are written in
// each language, not copied from the English.
func TestTranslatedMessagesDiffer(t *testing.T) {
	en, err := readBundle(English)
	if err != nil {
		t.Fatal(err)
	}
	var prefixes []string
	for _, name := range translatedKinds(t) {
		prefixes = append(prefixes, "report."+strings.ReplaceAll(name, "-", "")+".")
	}
	prefixes = append(prefixes, "report.common.")
	for list := range choiceLists {
		prefixes = append(prefixes, "report.choice."+list+".")
	}
	// words is whether a text has words of its own, besides its placeholders.
	letters := regexp.MustCompile(`[A-Za-z]{3,}`)
	placeholder := regexp.MustCompile(`\{\{[^}]*\}\}`)
	words := func(s string) bool { return letters.MatchString(placeholder.ReplaceAllString(s, "")) }
	for _, code := range Languages()[1:] {
		b, err := readBundle(code)
		if err != nil {
			t.Fatal(err)
		}
		for id, em := range en {
			if !hasAnyPrefix(id, prefixes) || sameInEnglish[code+" "+id] {
				continue
			}
			m := b[id]
			if m.text != "" && m.text == em.text && words(m.text) {
				t.Errorf("%s.yaml: %s is the English text %q", code, id, m.text)
			}
			for f, s := range m.forms {
				if s == em.forms[f] && words(s) {
					t.Errorf("%s.yaml: %s (%s) is the English text %q", code, id, f, s)
				}
			}
		}
	}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// TestGoldenTranslatedKinds keeps the fully translated reports in German and
// Hungarian (testdata/golden/<kind>.<lang>.md), to read their wording in review.
func TestGoldenTranslatedKinds(t *testing.T) {
	repo, res := loadFixture(t)
	for _, name := range translatedKinds(t) {
		if name == "as-is" {
			continue // TestGoldenLanguages
		}
		for _, lang := range []string{"de", "hu"} {
			t.Run(name+"."+lang, func(t *testing.T) {
				files, err := Build(repo, res, name, Options{Source: fixtureSource, Lang: lang})
				if err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("testdata", "golden", name+"."+lang+".md"), files[name+".md"])
			})
		}
	}
}

// TestChoiceWordsEnglish: the English of every coded value's message is
// plan.LabelOf's, so an English report says what it always said, and every
// code of the lists has its message.
func TestChoiceWordsEnglish(t *testing.T) {
	en := englishMessages()
	for list, choices := range choiceLists {
		for _, c := range choices {
			got, err := en.T("report.choice." + list + "." + c.Code)
			if err != nil || got != c.Label {
				t.Errorf("report.choice.%s.%s = %q, %v; want plan.LabelOf's %q", list, c.Code, got, err, c.Label)
			}
		}
	}
	hu, _ := newMessages("hu")
	if got := hu.choiceWord("model_type", "no_such_code"); got != "no_such_code" {
		t.Errorf("an unknown code is written %q, want the code", got)
	}
	if got := hu.joinOr([]string{"a", "b", "c"}); got != "a, b vagy c" {
		t.Errorf("joinOr in Hungarian = %q", got)
	}
	de, _ := newMessages("de")
	if got := de.lower("Pflegekräfte"); got != "Pflegekräfte" {
		t.Errorf("German lower-cased a noun: %q", got)
	}
}
