package site

import (
	"regexp"
	"strings"
	"testing"
)

// TestSiteFonts: every page loads the font style sheet, every font it names is
// published next to it (relative URL, so a sub-path works), with the licence,
// and the site's style sheet uses the shipped font first.
func TestSiteFonts(t *testing.T) {
	files := build(t, "", Options{BaseURL: "https://example.org/hwf/"})
	var fontsCSS, siteCSS string
	for name, data := range files {
		switch {
		case strings.HasPrefix(name, "css/fonts.") && strings.HasSuffix(name, ".css"):
			fontsCSS = string(data)
		case strings.HasPrefix(name, "css/site.") && strings.HasSuffix(name, ".css"):
			siteCSS = string(data)
		}
	}
	if fontsCSS == "" {
		t.Fatal("no css/fonts.*.css published")
	}
	urls := regexp.MustCompile(`url\("\.\./fonts/([^"]+)"\)`).FindAllStringSubmatch(fontsCSS, -1)
	if len(urls) < 4 {
		t.Fatalf("fonts.css names %d fonts:\n%s", len(urls), fontsCSS)
	}
	for _, u := range urls {
		if len(files["fonts/"+u[1]]) == 0 {
			t.Errorf("fonts.css loads fonts/%s, which is not published", u[1])
		}
	}
	if len(files["fonts/OFL.txt"]) == 0 {
		t.Error("the fonts' licence is not published with them")
	}
	if strings.Contains(fontsCSS+siteCSS, "//fonts.") || strings.Contains(fontsCSS+siteCSS, "http") {
		t.Error("a style sheet loads something from another server")
	}
	if !strings.Contains(siteCSS, `font-family: "Noto Sans", `) {
		t.Error("site.css does not use the shipped font first")
	}
	assertFile(t, files, "index.html", `<link rel="stylesheet" href="/hwf/css/fonts.`)
}

func TestScrollCharts(t *testing.T) {
	in := `<figure class="chart chart-radar" id="fig-radar-hu" aria-labelledby="fig-radar-hu-title">` + "\n" + `<svg viewBox="0 0 10 10"><title id="fig-radar-hu-title">F</title></svg></figure>`
	want := `<figure class="chart chart-radar" id="fig-radar-hu" aria-labelledby="fig-radar-hu-title">` + "\n" + `<div class="chart-scroll" role="region" aria-labelledby="fig-radar-hu-title" tabindex="0"><svg viewBox="0 0 10 10"><title id="fig-radar-hu-title">F</title></svg></div></figure>`
	if got := scrollCharts(in); got != want {
		t.Errorf("scrollCharts =\n%s\nwant\n%s", got, want)
	}
}
