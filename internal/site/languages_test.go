package site

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// german is a partial German translation of the framework: the data task's
// title and one item, not reviewed.
const german = `
-- schema/framework.de.yaml --
language: de
review: {reviewed: false}
tasks:
  data:
    title: Planungsdaten und Datenquellen optimieren
    short: Daten und Quellen
    items:
      timeliness: {title: Aktualität}
`

// TestSiteInTwoLanguages builds the plans with a German translation of the
// framework: a German site under /de/ beside the English one, each page with
// its lang, its translations linked (hreflang, the switcher leading to the same
// page), the framework's German titles, CLDR's country names, the interface
// from site/i18n/de.yaml, and on every German page the notice that the
// translation is not reviewed and what is still in English.
func TestSiteInTwoLanguages(t *testing.T) {
	files := build(t, german, Options{})
	de := string(files["de/countries/hu/index.html"])
	en := string(files["countries/hu/index.html"])
	for _, want := range []string{
		`<html lang="de">`,
		`<h1>Ungarn <span class="code">(HU)</span>`, // CLDR, not the plans' "Hungary"
		`Planungsdaten und Datenquellen optimieren`,
		`Aktualität`,
		`<h2 id="scores">Punktwerte nach Aufgabe</h2>`,
		`<link rel="alternate" hreflang="en" href="/countries/hu/">`,
		`<a href="/countries/hu/" hreflang="en" lang="en">English</a>`,
		`<a href="/de/countries/hu/" hreflang="de" lang="de" aria-current="true">Deutsch</a>`,
		`<a href="/de/clusters/wp6/">`,     // links stay in the language
		`<a href="/reports/">Berichte</a>`, // the reports are in English only
		`<strong>Übersetzung noch nicht vom Länderteam geprüft.</strong>`,
	} {
		if !strings.Contains(de, want) {
			t.Errorf("de/countries/hu/index.html lacks %q", want)
		}
	}
	for _, want := range []string{`<html lang="en">`, `<h1>Hungary <span class="code">(HU)</span>`, `<link rel="alternate" hreflang="de" href="/de/countries/hu/">`, `<a href="/de/countries/hu/" hreflang="de" lang="de">Deutsch</a>`} {
		if !strings.Contains(en, want) {
			t.Errorf("countries/hu/index.html lacks %q", want)
		}
	}
	if strings.Contains(en, "banner-translation") {
		t.Error("an English page carries the translation notice")
	}
	// The framework's texts the translation does not give show in English, and
	// the notice counts them.
	if !strings.Contains(de, "Models and tools") || !regexp.MustCompile(`[0-9]+ Texte des Rahmens sind noch nicht übersetzt`).MatchString(de) {
		t.Error("de: missing framework texts are not shown in English with the notice that says so")
	}
	n := 0
	for name, data := range files {
		if !strings.HasPrefix(name, "de/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		n++
		if !bytes.Contains(data, []byte(`<strong>Übersetzung noch nicht vom Länderteam geprüft.</strong>`)) {
			t.Errorf("%s: no notice that the translation is not reviewed", name)
		}
		if !bytes.Contains(data, []byte(`<html lang="de">`)) {
			t.Errorf("%s: not lang=de", name)
		}
	}
	if n < 10 {
		t.Errorf("only %d German pages", n)
	}
	if _, ok := files["de/index.json"]; !ok {
		t.Error("no German search index (de/index.json)")
	}
	if bytes.Contains(files["de/index.json"], []byte(`"url":"/countries/`)) {
		t.Error("the German search index lists English pages")
	}
}

// TestPlanTextInTheLanguage: a country's translation of its plan text into a
// language shows on its page in that language (markdown rendered as the English
// is), the texts it does not give in English; the English page is unchanged.
func TestPlanTextInTheLanguage(t *testing.T) {
	files := build(t, german+`
-- countries/HU/translations/de.yaml --
language: de
review: {reviewed: false}
as-is:
  tasks:
    data:
      summary: Register decken die *sektoralen* Berufe ab.
to-be:
  vision: Verknüpfte Daten auf individueller Ebene bis 2030.
`, Options{})
	de := string(files["de/countries/hu/index.html"])
	for _, want := range []string{`Register decken die <em>sektoralen</em> Berufe ab.`, `Verknüpfte Daten auf individueller Ebene bis 2030.`, `A committee is planned.`} {
		if !strings.Contains(de, want) {
			t.Errorf("de/countries/hu/index.html lacks %q", want)
		}
	}
	if en := string(files["countries/hu/index.html"]); !strings.Contains(en, `Registers cover the <em>sectoral</em> professions.`) || strings.Contains(en, "sektoralen") {
		t.Error("the English page does not show the English plan text")
	}
}

// TestReviewedTranslationHasNoUnreviewedNotice: once the country team has
// confirmed a translation, its pages no longer say it is unreviewed (they still
// say what is in English).
func TestReviewedTranslationHasNoUnreviewedNotice(t *testing.T) {
	reviewed := strings.Replace(german, "review: {reviewed: false}", `review: {reviewed: true, reviewed_by: de-team, date: "2026-10-01"}`, 1)
	files := build(t, reviewed, Options{})
	de := string(files["de/countries/hu/index.html"])
	if strings.Contains(de, "noch nicht vom Länderteam geprüft") {
		t.Error("a reviewed translation is still called unreviewed")
	}
	if !strings.Contains(de, "Die Pläne sind auf Englisch geschrieben") {
		t.Error("the notice of what is in English is gone")
	}
}

// TestPassPerLanguage: rendering each language in a Hugo pass of its own (the
// other languages' pages as stubs) gives the same files, byte for byte, as one
// pass over every language at once, translations of the plan text included.
func TestPassPerLanguage(t *testing.T) {
	extra := german + `
-- schema/framework.hu.yaml --
language: hu
review: {reviewed: true, reviewed_by: HU team, date: "2026-01-10"}
tasks:
  data:
    title: Tervezési adatok
`
	passes := build(t, extra, Options{passes: passPerLanguage})
	one := build(t, extra, Options{passes: onePass})
	if len(passes) != len(one) {
		t.Errorf("%d files in passes, %d in one pass", len(passes), len(one))
	}
	for name, data := range one {
		if !bytes.Equal(passes[name], data) {
			t.Errorf("%s differs between one pass and a pass per language", name)
		}
	}
	for _, name := range []string{"de/countries/hu/index.html", "hu/countries/hu/index.html", "countries/hu/index.html", "de/index.json", "hu/404.html"} {
		if _, ok := passes[name]; !ok {
			t.Errorf("%s was not written", name)
		}
	}
}

// TestStub: a page's stub is its front matter without the params, a quote in
// the title included; a page of another form stays whole.
func TestStub(t *testing.T) {
	for in, want := range map[string]string{
		`{"title":"A \",\"params\": B","weight":2,"params":{"x":1}}` + "\n": `{"title":"A \",\"params\": B","weight":2}` + "\n",
		`{"title":"T"}` + "\n": `{"title":"T"}` + "\n",
		"---\ntitle: T\n---\n": "---\ntitle: T\n---\n",
		"":                     "",
	} {
		if got := string(stub([]byte(in))); got != want {
			t.Errorf("stub(%q) = %q, want %q", in, got, want)
		}
	}
}
