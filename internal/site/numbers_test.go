package site

import (
	"html/template"
	"regexp"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/publish"
)

// TestMethodsPageSaysHowNumbersAreWritten: the methods page's sentence on
// numbers is num.Rule in English, word for word, and in German its examples
// are German numbers (the message numbers_rule filled with num.In("de")).
func TestMethodsPageSaysHowNumbersAreWritten(t *testing.T) {
	files := build(t, german, Options{})
	want := `<li id="precision">` + template.HTMLEscapeString(num.Rule()) + `</li>`
	if en := string(files["methods/index.html"]); !strings.Contains(en, want) {
		t.Errorf("methods/index.html lacks\n%s", want)
	}
	de := string(files["de/methods/index.html"])
	for _, want := range []string{"eine Lücke von 0,125 erscheint als 0,13", "ein Anteil von 0,525 als 53\u00a0%", "(0.6667 für zwei Drittel)", "Schwellenwert von 0,25"} {
		if !strings.Contains(de, want) {
			t.Errorf("de/methods/index.html lacks %q", want)
		}
	}
}

// englishDecimal finds a number with a decimal point in a page's text (tags
// and their attributes, scripts and styles taken out first): 0.13, −0.05, 1,234.5.
var englishDecimal = regexp.MustCompile(`(^|[\s(>:;/=+\x{2212}-])[0-9]+\.[0-9]+([\s)<%,;:]|$)`)

var (
	grouped    = regexp.MustCompile(`\b([1-9][0-9]{0,2}(\.[0-9]{3})+)\b`)
	tagsOut    = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
	versionsIn = regexp.MustCompile(`(?i)(version|CC-BY-|Attribution|\bv)\s*[0-9]+\.[0-9]+`)
)

// pageText is a page's visible text: its tags out, each replaced by a space so
// that cells do not run together.
func pageText(html string) string {
	return versionsIn.ReplaceAllString(tagsOut.ReplaceAllString(html, " "), " ")
}

// TestLanguagePagesWriteTheirNumbers builds the shipped plans (this repository's
// countries and framework translations) and checks the German and Hungarian
// comparison, country and methods pages: their scores, gaps, statistics,
// shares and amounts carry the decimal comma CLDR gives those languages, and no
// number on them has an English decimal point; the English pages keep it.
func TestLanguagePagesWriteTheirNumbers(t *testing.T) {
	files := shippedSite(t, nil)
	pages := []string{"compare/tasks/index.html", "compare/clusters/index.html", "countries/hu/index.html", "countries/it/index.html", "methods/index.html"}
	for _, lang := range []string{"de", "hu"} {
		comma := num.In(lang).Score(0.25)
		for _, p := range pages {
			html, ok := files[lang+"/"+p]
			if !ok {
				t.Errorf("%s/%s was not written", lang, p)
				continue
			}
			text := pageText(string(html))
			// The methods page quotes the downloads' machine form on purpose (0.6667).
			text = strings.ReplaceAll(text, num.In(lang).RuleArgs()["TwoThirds"], "")
			if num.In(lang).Group() == "." {
				text = grouped.ReplaceAllString(text, "N") // 40.000: thousands, not a decimal
			}
			for _, at := range englishDecimal.FindAllStringIndex(text, 5) {
				t.Errorf("%s/%s shows an English decimal: …%s…", lang, p, text[max(0, at[0]-60):min(len(text), at[1]+20)])
			}
			if !regexp.MustCompile(`[0-9],[0-9]{2}\b`).MatchString(text) {
				t.Errorf("%s/%s shows no number with a decimal comma (want them like %s)", lang, p, comma)
			}
		}
	}
	// The percent signs in the tables' number cells follow CLDR's pattern:
	// "33 %" (de, a no-break space), "33%" (hu).
	cell := regexp.MustCompile(`class="num"[^>]*>([^<]*[0-9][^<]*%)`)
	for lang, want := range map[string]string{"de": "\u00a0%", "hu": "%"} {
		n := 0
		for _, p := range []string{"countries/hu/index.html", "countries/it/index.html"} {
			for _, m := range cell.FindAllStringSubmatch(string(files[lang+"/"+p]), -1) {
				n++
				if got := regexp.MustCompile(`[0-9][^0-9]*%`).FindString(m[1]); got[1:] != want {
					t.Errorf("%s/%s: a share reads %q, want the sign as %q", lang, p, m[1], want)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no percentages in the country pages' tables to check", lang)
		}
	}
	checkChartWords(t, files)
	for _, p := range pages {
		if !englishDecimal.MatchString(pageText(string(files[p]))) {
			t.Errorf("%s shows no English decimal", p)
		}
	}
}

func TestQuantityWithItsUnit(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{msgs{}.quantity(34, "%"), "34\u00a0%"},
		{msgs{}.quantity(5200, "places"), "5,200 places"},
		{msgs{lang: "de"}.quantity(34.5, "percent"), "34,5\u00a0%"},
		{msgs{lang: "hu"}.quantity(34, "%"), "34%"},
		{msgs{lang: "hu"}.quantity(5200, "places"), "5\u00a0200 places"},
		{msgs{lang: "it"}.quantity(65.4, "per 10 000"), "65,4 per 10 000"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// shippedSite renders the shipped plans (this repository's countries, framework
// and plan translations and publication.yaml), with progress as of
// publication.yaml's report date; edit, when not nil, changes the loaded
// repository first. It skips under -short.
func shippedSite(t *testing.T, edit func(*model.Repo)) map[string][]byte {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the shipped site")
	}
	fsys, err := load.DirFS("../..")
	if err != nil {
		t.Fatal(err)
	}
	repo, _ := load.Load(fsys, load.Options{})
	if edit != nil {
		edit(repo)
	}
	asOf, from, err := progress.ReportDate("", repo.Publication, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Repo: repo, SourceTime: sourceTime, Progress: progress.Compute(repo, asOf), AsOf: publish.AsOf{Date: asOf, From: from}}
	files, err := Render(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
