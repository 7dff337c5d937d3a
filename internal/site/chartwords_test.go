package site

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// checkChartWords fails when a page of the shipped site in German, Hungarian or
// Italian holds a chart's own word in English (chart.EnglishWordsIn: a legend's
// key, a missing value's tooltip, a timeline's status), and checks that the
// timeline's legend is there in the language, so the check looks at charts.
func checkChartWords(t *testing.T, files map[string][]byte) {
	t.Helper()
	for _, lang := range []string{"de", "hu", "it"} {
		pages := 0
		for name, data := range files {
			if !strings.HasPrefix(name, lang+"/") || !strings.HasSuffix(name, ".html") || !strings.Contains(string(data), "<svg") {
				continue
			}
			pages++
			if found := chart.EnglishWordsIn(string(data)); len(found) > 0 {
				t.Errorf("%s holds the English chart words %q", name, found)
			}
		}
		if pages < 10 {
			t.Errorf("%s: %d pages with charts, want the country, comparison and progress pages", lang, pages)
		}
		m := msgs{lang: lang}
		want := ">" + m.cell("action_status", plan.ActionStatuses, "in_progress") + "<"
		if page := lang + "/countries/hu/index.html"; !strings.Contains(string(files[page]), want) {
			t.Errorf("%s: the timeline's legend lacks %q", page, want)
		}
	}
}
