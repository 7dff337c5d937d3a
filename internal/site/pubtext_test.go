package site

import (
	"html"
	"maps"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// TestFooterFundingInLanguage builds the shipped site with publication.yaml's
// Italian left out: the German footer has the German funding statement and no
// note, the Italian one falls back to the English and says so, and the English
// one is unchanged.
func TestFooterFundingInLanguage(t *testing.T) {
	var pub plan.Publication
	files := shippedSite(t, func(repo *model.Repo) {
		pub = *repo.Publication
		pub.Translations = maps.Clone(pub.Translations)
		delete(pub.Translations, "it")
		repo.Publication = &pub
	})
	de := pub.Translations["de"].Funding.Statement
	if de == "" {
		t.Fatal("publication.yaml has no German funding statement")
	}
	page := func(p string) string { return html.UnescapeString(string(files[p])) }
	en := pub.Funding.Statement
	if s := page("de/index.html"); !strings.Contains(s, de) || strings.Contains(s, en) || strings.Contains(s, `class="note">Der Text zur Förderung`) {
		t.Error("the German footer does not show the German funding statement alone")
	}
	if s := page("it/index.html"); !strings.Contains(s, `<p lang="en">`+en) || !strings.Contains(s, "Il testo sul finanziamento qui sopra è in inglese") {
		t.Error("the Italian footer (no translation) does not fall back to the English, marked lang=\"en\", and say so")
	}
	if s := page("de/index.html"); strings.Contains(s, `<p lang="en">`) {
		t.Error("the German footer marks its German text as English")
	}
	if s := page("index.html"); !strings.Contains(s, en) || strings.Contains(s, "publication.yaml") {
		t.Error("the English footer changed")
	}
}
