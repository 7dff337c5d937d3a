package site

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// dataFree are the pages that show no plan data, and so no illustrative-data
// notice: how scores are computed, the search page and the page for a wrong
// address; the planner's guide and its framework reference (how to write the
// files, what each score level means); and the programme index of plans without
// programme files, which only says that none are recorded.
var dataFree = []string{"methods/index.html", "search/index.html", "404.html", "guide/index.html", "guide/framework/index.html", "programme/index.html", "edit/index.html"}

// TestEveryPageSaysIllustrative builds the test plans (Hungary illustrative,
// Slovenia draft) with a second cluster holding Slovenia alone, and checks every
// HTML page: a page that shows plan data says that Hungary's are illustrative
// and never calls Slovenia's so; the pages about Slovenia alone carry no notice;
// the data-free pages carry none.
func TestEveryPageSaysIllustrative(t *testing.T) {
	files := build(t, "-- clusters/wp7.yaml --\nid: wp7\nname: WP7 learning cluster\ncountries: [SI]\n", Options{})
	const banner = `<div class="banner" role="note" aria-label="Illustrative data">`
	sloveniaOnly := []string{"countries/si/index.html", "clusters/wp7/index.html", "edit/si/index.html"}
	n := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "downloads/") {
			continue
		}
		n++
		has := bytes.Contains(data, []byte(banner))
		switch {
		case slices.Contains(dataFree, name), slices.Contains(sloveniaOnly, name):
			if has {
				t.Errorf("%s shows no illustrative data but carries the notice", name)
			}
		case !has:
			t.Errorf("%s shows illustrative data without the notice", name)
		default:
			i := bytes.Index(data, []byte(banner))
			notice := string(data[i : i+bytes.Index(data[i:], []byte("</div>"))])
			if !strings.Contains(notice, "Hungary") || strings.Contains(notice, "Slovenia") {
				t.Errorf("%s: the notice does not name Hungary alone: %s", name, notice)
			}
		}
	}
	if n < 12 {
		t.Fatalf("only %d pages checked", n)
	}
}

func TestNoticeWording(t *testing.T) {
	hu := countrySummary{Name: "Hungary", Illustrative: true}
	it := countrySummary{Name: "Italy", Illustrative: true}
	si := countrySummary{Name: "Slovenia"}
	for _, c := range []struct {
		shown []countrySummary
		want  string
	}{
		{nil, ""},
		{[]countrySummary{si}, ""},
		{[]countrySummary{hu}, "The figures and text on this page are sample content, not Hungary's official assessment or plan."},
		{[]countrySummary{hu, it}, "The data of all 2 countries on this page are sample content, not official assessments or plans."},
		{[]countrySummary{hu, si, it}, "The data of Hungary and Italy on this page are sample content, not official assessments or plans."},
	} {
		if got := (&generator{}).notice(c.shown); got != c.want {
			t.Errorf("notice(%v) = %q, want %q", c.shown, got, c.want)
		}
	}
}

// TestFooterPublication: the footer of every page shows publication.yaml's
// funding statement, disclaimer, version and licence; without the file, none.
func TestFooterPublication(t *testing.T) {
	pub := `-- publication.yaml --
version: "2.1"
date: "2026-03-01"
publisher: The Publisher
editors: [{name: Ana Editor, affiliation: AGENAS}]
citation: "{title}"
licence: {id: CC-BY-4.0, name: Creative Commons Attribution 4.0 International, url: "https://creativecommons.org/licenses/by/4.0/"}
funding: {statement: "Co-funded by the <b>European Union</b>.", disclaimer: Views are the authors' only.}
`
	files := build(t, pub, Options{})
	for _, name := range []string{"index.html", "methods/index.html", "countries/si/index.html", "404.html"} {
		assertFile(t, files, name, `Co-funded by the &lt;b&gt;European Union&lt;/b&gt;.`, `Views are the authors&#39; only.`,
			`Version 2.1 of <time datetime="2026-03-01">1 March 2026</time>, published by The Publisher. Editor: Ana Editor (AGENAS).`,
			`<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">Creative Commons Attribution 4.0 International</a> (CC-BY-4.0)`)
	}
	files = build(t, "", Options{})
	assertFile(t, files, "index.html", `! class="funding"`, `! rel="license"`)
}
