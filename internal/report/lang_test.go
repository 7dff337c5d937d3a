package report

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/golden"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// TestReportMessagesInEveryBundle keeps every language's report messages
// complete: each report.* id of the English bundle is in every bundle, with the
// same placeholders in every form, plural forms where the English has them,
// and a form for each plural category the language uses for counts 0-1000.
func TestReportMessagesInEveryBundle(t *testing.T) {
	en, err := readBundle(English)
	if err != nil {
		t.Fatal(err)
	}
	place := regexp.MustCompile(`\{\{ \.[A-Za-z]+ \}\}`)
	set := func(s string) []string {
		m := place.FindAllString(s, -1)
		slices.Sort(m)
		return slices.Compact(m)
	}
	forms := func(m message) []string {
		if m.forms == nil {
			return []string{m.text}
		}
		var out []string
		for _, f := range m.forms {
			out = append(out, f)
		}
		return out
	}
	n := 0
	for id := range en {
		if strings.HasPrefix(id, "report.") {
			n++
		}
	}
	if n < 40 {
		t.Fatalf("%d report messages in en.yaml, want the reports' text", n)
	}
	for _, code := range Languages()[1:] {
		b, err := readBundle(code)
		if err != nil {
			t.Fatal(err)
		}
		tag := language.MustParse(code)
		for id, em := range en {
			if !strings.HasPrefix(id, "report.") {
				continue
			}
			m, ok := b[id]
			if !ok {
				t.Errorf("%s.yaml: report message %q is missing", code, id)
				continue
			}
			if (m.forms == nil) != (em.forms == nil) {
				t.Errorf("%s.yaml: %s: plural forms in one bundle and not the other", code, id)
				continue
			}
			want := set(forms(em)[0])
			for _, f := range forms(m) {
				if got := set(f); !slices.Equal(got, want) {
					t.Errorf("%s.yaml: %s: %q has placeholders %v, the English %v", code, id, f, got, want)
				}
				if strings.TrimSpace(f) == "" {
					t.Errorf("%s.yaml: %s is empty", code, id)
				}
			}
			if m.forms != nil {
				for c := 0; c <= 1000; c++ {
					form := formNames[plural.Cardinal.MatchPlural(tag, c, 0, 0, 0, 0)]
					if _, ok := m.forms[form]; !ok {
						t.Errorf("%s.yaml: %s has no %q form (count %d)", code, id, form, c)
						break
					}
				}
			}
		}
		for id := range b {
			if _, ok := en[id]; strings.HasPrefix(id, "report.") && !ok {
				t.Errorf("%s.yaml: report message %q is not in the English bundle", code, id)
			}
		}
	}
}

// TestMessages checks T: plural forms by the language's rules, placeholders,
// English for a message a bundle lacks, and errors for misuse.
func TestMessages(t *testing.T) {
	hu, err := newMessages("hu")
	if err != nil {
		t.Fatal(err)
	}
	en := englishMessages()
	for _, c := range []struct {
		m    *messages
		id   string
		args []any
		want string
	}{
		{en, "report.figures", []any{1}, "1 figure"},
		{en, "report.figures", []any{3}, "3 figures"},
		{hu, "report.tables", []any{3}, "3 táblázat"},
		{hu, "report.table", []any{"N", 4}, "4. táblázat"},
		{hu, "report.list_and", []any{"Head", "A, B", "Last", "C"}, "A, B és C"},
	} {
		got, err := c.m.T(c.id, c.args...)
		if err != nil || got != c.want {
			t.Errorf("%s T(%s, %v) = %q, %v; want %q", c.m.code, c.id, c.args, got, err, c.want)
		}
	}
	for _, args := range [][]any{{"x"}, {"N"}, {1, 2}} {
		if _, err := en.T("report.table", args...); err == nil {
			t.Errorf("T(report.table, %v) gave no error", args)
		}
	}
	if _, err := en.T("report.no_such_message"); err == nil {
		t.Error("an unknown message gave no error")
	}
	if _, err := en.T("report.figures"); err == nil {
		t.Error("a plural message without a count gave no error")
	}
	if _, err := newMessages("hx"); err == nil || !strings.Contains(err.Error(), `did you mean "hu"`) {
		t.Errorf("unknown language: %v", err)
	}
}

// TestGoldenLanguages keeps the as-is report in each translated language
// (testdata/golden/as-is.<lang>.md): the review notice first, the headings,
// captions, tables, dates and framework titles in the language.
func TestGoldenLanguages(t *testing.T) {
	repo, res := loadFixture(t)
	for _, lang := range Languages()[1:] {
		t.Run(lang, func(t *testing.T) {
			files, err := Build(repo, res, "as-is", Options{Source: fixtureSource, Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			md := files["as-is.md"]
			golden.Check(t, filepath.Join("testdata", "golden", "as-is."+lang+".md"), md)
			if !bytes.HasPrefix(md, []byte("> **")) || !bytes.Contains(md[:500], []byte("Translation not yet reviewed by the country team")) {
				t.Errorf("as-is.md in %s does not open with the review notice", lang)
			}
			page := string(files["as-is.html"])
			if !strings.Contains(page, `<html lang="`+lang+`">`) {
				t.Errorf("as-is.html in %s has no lang=%q", lang, lang)
			}
		})
	}
	// A language unknown to the bundles is refused with the languages there are.
	if _, err := Build(repo, res, "as-is", Options{Source: fixtureSource, Lang: "hx"}); err == nil || !strings.Contains(err.Error(), `did you mean "hu"`) {
		t.Errorf("Build in hx: %v", err)
	}
}

// TestPDFHungarian prints the as-is report in Hungarian: the first page carries
// the review notice in Hungarian and English, the footer is Hungarian, and the
// text with ő and ű is set in the shipped Noto Sans (no other font embedded, so
// no letter fell back to a system font). HWFPLAN_PDF_OUT=dir keeps the PDF.
func TestPDFHungarian(t *testing.T) {
	chromium, err := FindChromium(os.Getenv)
	if errors.Is(err, ErrNoChromium) {
		t.Skip("no Chromium installed: PDF printing not tested")
	}
	if err != nil {
		t.Fatal(err)
	}
	if testing.Short() {
		t.Skip("-short: printing with Chromium takes seconds")
	}
	repo, res := loadFixture(t)
	files, err := Build(repo, res, "as-is", Options{Source: fixtureSource, Lang: "hu"})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := PrintPDF(context.Background(), files["as-is.html"], PDFOptions{Chromium: chromium,
		Title: FullTitle("HEROES", "as-is", "hu"), Notice: IllustrativeHeader([]string{"HU"}, "hu"), Lang: "hu"})
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("HWFPLAN_PDF_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	f := filepath.Join(dir, "as-is.hu.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("no pdftotext (poppler-utils): the PDF's text not checked")
	}
	page1, err := exec.Command(pdftotext, "-f", "1", "-l", "1", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"A fordítást az országos csoport még nem ellenőrizte", "Translation not yet reviewed by the country team",
		"Helyzetfelmérő jelentés", "1. oldal / "} {
		if !strings.Contains(strings.Join(strings.Fields(string(page1)), " "), want) {
			t.Errorf("page 1 of the Hungarian PDF does not say %q:\n%s", want, page1)
		}
	}
	if _, err := exec.LookPath("pdffonts"); err == nil {
		checkFonts(t, f) // the shipped Noto Sans only: no letter fell back to a system font
	}
}

// TestPlanTextInLanguage: a country's own plan translation
// (countries/HU/translations/hu.yaml in the shipped plans) shows in a
// Hungarian report, the other countries' text stays English, and the first
// page says how many countries are translated.
func TestPlanTextInLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: loads the shipped plans")
	}
	repo, res := loadRepo(t, "../..")
	files, err := Build(repo, res, "as-is", Options{Source: fixtureSource, Lang: "hu"})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["as-is.md"])
	if !strings.Contains(md, "2030-ra Magyarország") {
		t.Error("Hungary's vision is not in its Hungarian translation")
	}
	if !strings.Contains(md, "By 2030 Croatia projects") {
		t.Error("Croatia's vision (no Hungarian translation) is not in English")
	}
	if !strings.Contains(md[:2000], "(1 ország a(z) ") {
		t.Errorf("the notice does not count the translated countries:\n%.1500s", md)
	}
	en, err := Build(repo, res, "as-is", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(en["as-is.md"]), "2030-ra Magyarország") {
		t.Error("the English report shows Hungarian plan text")
	}
}

// TestEveryKindInEveryLanguage builds every report in every language: each
// opens with the language notice, says its prose is partly English when its
// template is marked so (translated: partly), and no message is missing ("[report.…]").
func TestEveryKindInEveryLanguage(t *testing.T) {
	repo, res := loadFixture(t)
	for _, lang := range Languages()[1:] {
		m, err := newMessages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range KindNames() {
			files, err := Build(repo, res, name, Options{Source: fixtureSource, Lang: lang})
			if err != nil {
				t.Errorf("%s in %s: %v", name, lang, err)
				continue
			}
			md := string(files[name+".md"])
			if strings.Contains(md, "[report.") {
				t.Errorf("%s in %s: a message is missing", name, lang)
			}
			src, err := readTemplate(nil, name+".md.tmpl")
			if err != nil {
				t.Fatal(err)
			}
			partly := strings.Contains(src, "/* translated: partly */")
			if says := strings.Contains(md[:min(len(md), 3000)], escapeMarkdown(m.t("report.partly_english"))); says != partly {
				t.Errorf("%s in %s: the first page says that parts are in English: %v; the template is marked partly translated: %v", name, lang, says, partly)
			}
			if !strings.Contains(md, "# "+FullTitle("HEROES", name, lang)+"\n") || !strings.Contains(md, m.t("report.title."+name)) {
				t.Errorf("%s in %s: no title in the language", name, lang)
			}
			for file, data := range files { // the charts' own words (chart.Words) are in the language too
				if found := chart.EnglishWordsIn(string(data)); strings.HasSuffix(file, ".svg") && len(found) > 0 {
					t.Errorf("%s in %s: %s holds the English chart words %q", name, lang, file, found)
				}
				// and so are their descriptions, legends and axes (the English ones end so)
				if strings.HasSuffix(file, ".svg") && regexp.MustCompile(`in the table (that follows|before it)|All countries|As-is score`).Match(data) {
					t.Errorf("%s in %s: %s holds English text", name, lang, file)
				}
			}
		}
	}
}
