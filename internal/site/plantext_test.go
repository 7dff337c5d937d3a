package site

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// shortcodes is HU's as-is with Hugo shortcodes in every Markdown field of it.
const shortcodes = `
-- countries/HU/as-is.yaml --
assessed_on: 2024-06-28
tasks:
  data:
    summary: 'SUMMARY {{< youtube dQw4w9WgXcQ >}}'
    items:
      timeliness: {score: 2, evidence: 'EVIDENCE {{< no-such >}} {{% no-such-either %}}'}
      linkage: {score: 1, evidence: 'OEMBED {{< x user="SanDiegoZoo" id="1453110110599868418" >}} {{< instagram CxOWiQNP2MO >}}'}
      hris: {not_assessed: Being replaced.}
  models:
    items:
      methodology: {score: 1}
  skills:
    items:
      analytics: {score: 2}
  stakeholders:
    items:
      planning_committee: {score: 0}
strengths: ['STRENGTH {{< vimeo 146022717 >}}']
weaknesses: ['WEAKNESS {{< param "description" >}}']
challenges: ['CHALLENGE {{ .Site.Title }}']
`

// Shortcodes in plan text are text: the build neither fails on an unknown one nor
// embeds a player or fetches an oEmbed card. On the old code (markdownify, which
// runs shortcodes) the unknown shortcode failed the build.
func TestShortcodesInPlanTextAreText(t *testing.T) {
	files, err := tryBuild(t, shortcodes, Options{})
	if err != nil {
		t.Fatalf("a shortcode in plan text failed the build: %v", err)
	}
	assertFile(t, files, "countries/hu/index.html",
		"SUMMARY {{&lt; youtube dQw4w9WgXcQ &gt;}}",
		"EVIDENCE {{&lt; no-such &gt;}} {{% no-such-either %}}",
		"OEMBED {{&lt; x user=",
		"STRENGTH {{&lt; vimeo 146022717 &gt;}}",
		"WEAKNESS {{&lt; param ",
		"CHALLENGE {{ .Site.Title }}",
		"! <iframe", "! youtube.com", "! vimeo.com", "! twitter-tweet", "! instagram-media")
}

// A build never goes to the network, even when the repository's site folder asks
// for it: its own hugo.toml cannot lift the security policy the build sets.
func TestBuildFetchesNothing(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte(`{"ok": true}`))
	}))
	defer srv.Close()
	// Hugo's default policy refuses localhost; an address with a letter first,
	// that resolves to the test server, is what it would fetch.
	addr := strings.Replace(srv.URL, "127.0.0.1", "localtest.me", 1)
	const override = `
-- site/hugo.toml --
title = "Override"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt"]
[security]
enableInlineShortcodes = true
[security.http]
urls = [".*"]
methods = [".*"]
[security.exec]
allow = [".*"]
`
	for _, url := range []string{srv.URL, addr} {
		for _, conf := range []string{"", override} {
			files, err := tryBuild(t, conf+`
-- site/layouts/_partials/footer.html --
{{ with try (resources.GetRemote "`+url+`/remote.json") }}{{ with .Err }}REMOTE-ERR {{ . }}{{ else with .Value }}REMOTE {{ .Content }}{{ end }}{{ end }}
`, Options{})
			if err != nil {
				t.Fatal(err)
			}
			assertFile(t, files, "index.html", "REMOTE-ERR", "not whitelisted", `! REMOTE {"ok"`)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the build made %d requests", n)
	}
}

// An address that is not http(s) never becomes a link, even when the plans were
// not validated first.
func TestUnsafeURLIsNoLink(t *testing.T) {
	files := build(t, `
-- countries/HU/country.yaml --
code: HU
eu_code: HU
name: Hungary
cluster: wp6
status: illustrative
competent_authority: {name: OKFO, url: "javascript:alert(1)"}
affiliated_entities:
  - {name: Semmelweis, url: "https://semmelweis.hu/"}
  - {name: DataURL, url: "data:text/html,<script>alert(1)</script>"}
maintainers: [hu-team]
languages: [hu, en]
`, Options{})
	assertFile(t, files, "countries/hu/index.html", `<a href="https://semmelweis.hu/">Semmelweis</a>`, "OKFO", "DataURL",
		"! javascript:", "! data:text/html", "! #ZgotmplZ")
}
