package report

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// TestPublicationTextInLanguage: a report in a language publication.yaml
// translates into has the translated citation, funding statement and
// disclaimer in its colophon and no notice about them; a language it does not
// translate into keeps the English, and the first page's notice says so.
func TestPublicationTextInLanguage(t *testing.T) {
	repo, res := loadFixture(t)
	if repo.Publication == nil {
		t.Fatal("the fixture has no publication.yaml")
	}
	en := *repo.Publication
	pub := en
	pub.Translations = map[string]plan.PublicationTranslation{"de": {
		Citation: "HEROES ({year}). {title}. Fassung {version}.",
		Funding:  plan.FundingTranslation{Statement: "Kofinanziert von der Europäischen Union.", Disclaimer: "Die geäußerten Ansichten sind die der Autoren."},
	}}
	repo.Publication = &pub
	defer func() { repo.Publication = &en }()

	md := func(lang string) string {
		files, err := Build(repo, res, "as-is", Options{Source: fixtureSource, Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		return string(files["as-is.md"])
	}
	de := md("de")
	for _, want := range []string{"Kofinanziert von der Europäischen Union.", "Die geäußerten Ansichten sind die der Autoren.", "Fassung " + en.Version + "."} {
		if !strings.Contains(de, want) {
			t.Errorf("the German colophon lacks %q", want)
		}
	}
	if strings.Contains(de, escapeMarkdown(en.Funding.Statement)) || strings.Contains(de, "publication.yaml sind nicht") {
		t.Error("the German report shows the English funding statement or says it is English")
	}

	hu := md("hu")
	if !strings.Contains(hu, escapeMarkdown(en.Funding.Statement)) {
		t.Error("the Hungarian report (no translation) does not fall back to the English funding statement")
	}
	notice := "A publication.yaml alábbi szövegei nincsenek lefordítva magyarra, ezért angolul olvashatók: az ajánlott hivatkozás, a finanszírozási nyilatkozat és a jogi nyilatkozat."
	if i := strings.Index(hu, notice); i < 0 || i > 3000 {
		t.Errorf("the Hungarian report's first-page notice does not name the English publication text:\n%.2500s", hu)
	}

	// English is the English text, with no notice.
	if s := md("en"); !strings.Contains(s, escapeMarkdown(en.Funding.Statement)) || strings.Contains(s, "publication.yaml") {
		t.Error("the English report changed")
	}
}
