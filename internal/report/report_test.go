package report

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
)

// fixtureSource is a fixed revision, so the golden files never depend on git.
var fixtureSource = Source{Commit: "0123456789abcdef0123456789abcdef01234567",
	Time: time.Date(2026, 1, 31, 12, 0, 0, 0, time.UTC)}

// loadRepo loads the plans repository in dir (the shipped plans are "../..")
// and compares it.
func loadRepo(t *testing.T, dir string) (*model.Repo, *compare.Result) {
	t.Helper()
	fsys, err := load.DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	repo, _ := load.Load(fsys, load.Options{})
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	return repo, res
}

// loadFixture loads testdata/repo: HU (WP6, illustrative), IT and PT (WP5; PT's plan
// text is hostile: script tags, javascript: links, markup, table pipes).
func loadFixture(t *testing.T) (*model.Repo, *compare.Result) {
	t.Helper()
	repo, res := loadRepo(t, "testdata/repo")
	if len(res.Countries) != 3 {
		t.Fatalf("fixture has %d countries, want 3", len(res.Countries))
	}
	return repo, res
}

func build(t *testing.T, name string) map[string][]byte {
	t.Helper()
	repo, res := loadFixture(t)
	files, err := Build(repo, res, name, Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, name := range KindNames() {
		files := build(t, name)
		for _, file := range []string{name + ".md", name + ".html"} {
			t.Run(file, func(t *testing.T) {
				got, ok := files[file]
				if !ok {
					t.Fatalf("Build wrote no %s", file)
				}
				golden.Check(t, filepath.Join("testdata", "golden", file), withoutFontData(got))
			})
		}
	}
}

// fontDataRe is the base64 of a font embedded in a report page.
var fontDataRe = regexp.MustCompile(`data:font/woff2;base64,[A-Za-z0-9+/=]+`)

// withoutFontData shortens the embedded fonts, hundreds of kilobytes that
// TestFonts checks, to their file name's place, so the golden pages stay
// readable.
func withoutFontData(page []byte) []byte {
	return fontDataRe.ReplaceAll(page, []byte("data:font/woff2;base64,(font)"))
}

func TestDeterministic(t *testing.T) {
	for _, name := range KindNames() {
		t.Run(name, func(t *testing.T) {
			a, b := build(t, name), build(t, name)
			if len(a) != len(b) {
				t.Fatalf("%d files, then %d", len(a), len(b))
			}
			for file := range a {
				if !bytes.Equal(a[file], b[file]) {
					t.Errorf("%s differs between two builds", file)
				}
			}
		})
	}
}

// TestHostileText checks that plan text never reaches the HTML as markup: PT's
// plan holds script tags, javascript: links, an img with onerror, a heading
// attribute and table pipes. The Markdown is checked the same way after rendering
// it with goldmark's defaults, as GitHub or a static site would.
func TestHostileText(t *testing.T) {
	for _, name := range KindNames() {
		files := build(t, name)
		t.Run(name+".html", func(t *testing.T) {
			page := string(files[name+".html"])
			checkMarkup(t, page, false)
			for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "Portugal {onclick=alert(1)} | &lt;b&gt;x&lt;/b&gt;"} {
				if !strings.Contains(page, want) {
					t.Errorf("HTML lacks the escaped text %q", want)
				}
			}
		})
		t.Run(name+".md", func(t *testing.T) {
			var b bytes.Buffer
			if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(files[name+".md"], &b); err != nil {
				t.Fatal(err)
			}
			checkMarkup(t, b.String(), true)
		})
	}
	// The as-is report shows the strengths, where most of the hostile text is, and
	// the profile's assessors, task summaries, evidence, sources, inventories and
	// stakeholder map, in table cells and running text.
	page := string(build(t, "as-is")["as-is.html"])
	for _, want := range []string{"[x](javascript:alert(1)) and &lt;https://evil.example&gt;", "1. not a list | not a cell", "**bold** _it_ `code` ~~del~~ &amp;amp; &amp;#60;script&amp;#62;",
		"by &lt;b&gt;Assessor&lt;/b&gt; | one and", "Registers &lt;script&gt;alert(2)&lt;/script&gt; | cover",
		"Updated yearly &lt;img src=x onerror=alert(3)&gt; | [y](javascript:alert(3))", "Sources: &lt;i&gt;register&lt;/i&gt; | a.",
		"Register &lt;script&gt;alert(4)&lt;/script&gt; | x", "&lt;u&gt;unit&lt;/u&gt; | y", "<td>**role** | &lt;i&gt;w&lt;/i&gt;</td>",
		"<td>Chamber &lt;script&gt;alert(5)&lt;/script&gt; | z</td>"} {
		if !strings.Contains(page, want) {
			t.Errorf("as-is.html lacks the literal text %q", want)
		}
	}
}

// figureImg is the only image the Markdown has: its own figures.
var figureImg = regexp.MustCompile(`^[a-z-]+-figures/fig-[a-z0-9-]+\.svg$`)

// checkMarkup fails on any element, attribute or URL the report itself never
// writes: script, img (other than the Markdown's own figures), b, event handlers,
// javascript: URLs, and in HTML any external URL. In rendered Markdown, https
// links are allowed: GFM autolinks a URL written in plan text, which is not markup.
func checkMarkup(t *testing.T, page string, markdown bool) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data == "img" && markdown && len(tok.Attr) > 0 && tok.Attr[0].Key == "src" && figureImg.MatchString(tok.Attr[0].Val) {
			continue
		}
		switch tok.Data {
		case "script", "img", "b", "iframe", "object", "embed", "link", "del":
			t.Errorf("page has a <%s> element: %s", tok.Data, tok.String())
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			switch {
			case strings.HasPrefix(a.Key, "on"):
				t.Errorf("page has an event handler: %s", tok.String())
			case (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(v, "#") && !(markdown && strings.HasPrefix(v, "https://")):
				t.Errorf("page links outside itself: %s", tok.String())
			}
		}
	}
}

func TestPublishable(t *testing.T) {
	page := string(build(t, "as-is")["as-is.html"])
	for _, want := range []string{
		`<header class="title-page">`, `Illustrative data`, `Hungary (HU)`, `0123456789ab`, `31 January 2026`,
		`<nav class="toc"`, `id="country-hu"`, `id="cluster-wp6"`, `id="task-data"`, `id="methods"`,
		`id="fig-heatmap-asis"`, `role="img"`, `<title id="fig-heatmap-asis-title">Figure 1.`, `<desc id="fig-heatmap-asis-desc">`,
		`<p class="caption" id="tab-heatmap-asis"><span class="caption-label">Table 3.</span>`,
		`id="limitations"`, `id="items"`, `id="fig-heatmap-items"`, `id="tab-heatmap-items"`, `id="tab-items"`,
		`id="fig-strips-clusters"`, `id="tab-strips-clusters"`, `id="tab-unassessed"`, `id="tab-grid-hu"`, `id="tab-sources-hu"`,
		`id="tab-models-hu"`, `id="tab-stakeholders-hu"`, `<h4>Peer learning (twinning)</h4>`,
		`<a href="#fig-heatmap-asis">Figure 1</a>`, `@page`, `<header class="banner"><p><strong>Illustrative data.</strong>`,
		`<th scope="row">Programme</th>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("as-is.html lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<link", "@import", "url(http", "hwfmark-", "<th></th>"} {
		if strings.Contains(page, bad) {
			t.Errorf("as-is.html contains %q", bad)
		}
	}
	s := string(build(t, "sustainability")["sustainability.html"])
	for _, want := range []string{`id="fig-timeline-hu"`, `id="policy-board"`, `id="coverage"`, `NOK`, `Policy Board on Sustainability`,
		`id="programme"`, `id="tab-eu-actions"`, `id="tab-plan-versions"`, `id="tab-measures"`, `id="tab-roadmap-hu"`, `id="tab-kpis-hu"`, `id="tab-budget-eur"`, `id="tab-rates"`} {
		if !strings.Contains(s, want) {
			t.Errorf("sustainability.html lacks %q", want)
		}
	}
}

func TestTemplateOverride(t *testing.T) {
	repo, res := loadFixture(t)
	fsys := fstest.MapFS{
		"templates/as-is.md.tmpl": {Data: []byte("{{toc}}\n\n{{chapter \"Only\" \"only\"}}\n\nSee {{ref \"fig-heatmap-gap\"}}.\n\n{{figure \"heatmap-gap\" \"Gaps\"}}\n")},
	}
	files, err := Build(repo, res, "as-is", Options{Templates: fsys})
	if err != nil {
		t.Fatal(err)
	}
	// The contents and the reference come before what they name, in both outputs.
	md := string(files["as-is.md"])
	if !strings.Contains(md, "- [1. Only](#only)\n") || !strings.Contains(md, "See Figure 1.") || strings.Contains(md, "hwfmark-") {
		t.Errorf("as-is.md: forward contents or reference not filled in:\n%s", md)
	}
	page := string(files["as-is.html"])
	if !strings.Contains(page, `<h2 id="only">1. Only</h2>`) || !strings.Contains(page, `See <a href="#fig-heatmap-gap">Figure 1</a>.`) {
		t.Errorf("override not used:\n%s", page)
	}
	if _, ok := files["as-is-figures/fig-heatmap-gap.svg"]; !ok {
		t.Errorf("no SVG file for the Markdown figure")
	}
}

func TestBuildErrors(t *testing.T) {
	repo, res := loadFixture(t)
	tests := []struct {
		name, tmpl, want string
	}{
		{"unknown report", "", `unknown report "nope"`},
		{"unknown figure", `{{figure "pie" "x"}}`, `unknown figure "pie"`},
		// The error names the template line of the reference.
		{"unknown reference", "{{figure \"heatmap-gap\" \"Gaps\"}}\n{{ref \"fig-pie\"}}", `as-is:2:2: executing "as-is" at <ref "fig-pie">: error calling ref: reference to unknown figure, table or section "fig-pie"`},
		{"duplicate heading", `{{chapter "A" "a"}}{{chapter "B" "a"}}`, `two headings have the id "a"`},
		{"template syntax", `{{chapter`, `failed to read template`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "as-is"
			if tt.tmpl == "" {
				name = "nope"
			}
			fsys := fstest.MapFS{"templates/as-is.md.tmpl": {Data: []byte(tt.tmpl)}}
			_, err := Build(repo, res, name, Options{Templates: fsys})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestPDF(t *testing.T) {
	chromium, err := FindChromium(os.Getenv)
	if errors.Is(err, ErrNoChromium) {
		t.Skip("no Chromium installed (apt-get install chromium, or set CHROME_PATH): PDF printing not tested")
	}
	if err != nil {
		t.Fatal(err)
	}
	if testing.Short() {
		t.Skip("-short: printing with Chromium takes seconds")
	}
	page := build(t, "as-is")["as-is.html"]
	pdf, err := PrintPDF(context.Background(), page, PDFOptions{Chromium: chromium, Title: "HEROES As-is report", Notice: "Illustrative data: HU"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("output is not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
		f := filepath.Join(t.TempDir(), "r.pdf")
		if err := os.WriteFile(f, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdfinfo, f).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "(A4)") {
			t.Errorf("PDF is not A4:\n%s", out)
		}
	}
}

// TestNoRawCodes checks the sustainability report speaks in words, not in the
// codes of the plan files ("eu, secured", "ends, none", "in_progress").
func TestNoRawCodes(t *testing.T) {
	// The as-is report too: stakeholder types, levels and priorities are codes.
	asis := string(build(t, "as-is")["as-is.md"])
	md := string(build(t, "sustainability")["sustainability.md"])
	// Link targets, anchors, code spans and web addresses hold ids, not text.
	text := regexp.MustCompile("\\]\\(#[^)]*\\)|<a id=\"[^\"]*\"></a>|`[^`]*`|https?://[^ )]*").ReplaceAllString(md+asis, "]")
	for _, code := range []string{`\b[a-z]+_[a-z_]+\b`, `\bin_progress\b`, `\beu\b`, `, none\b`, `\bsecured: `, `\banchoring\b: `, `\b(national|regional|eu|other), secured\b`, `\b(ends|continues), (none|law|regulation|strategy|institution)\b`} {
		if m := regexp.MustCompile(code).FindAllString(text, 3); len(m) > 0 {
			t.Errorf("the report writes the plan code %q: %q", code, m)
		}
	}
	for _, want := range []string{"EU funds", "anchored in a strategy", "held by an institution only", "In\u00a0progress"} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks the words %q", want)
		}
	}
}

// TestColophon: both reports carry the page about the publication, every word
// of it from publication.yaml, in the Markdown and in the HTML; a repository
// without the file gets no such page.
func TestColophon(t *testing.T) {
	for _, k := range Kinds {
		name := k.Name
		files := build(t, name)
		title := "HEROES " + k.Title
		for _, file := range []string{name + ".md", name + ".html"} {
			got := string(files[file])
			for _, want := range []string{
				"About this publication", "Version 1.0, 31 January 2026", "HEROES test publisher",
				"Ana Editor (AGENAS); Editors to be named — placeholder, editors not named yet",
				"Creative Commons Attribution 4.0 International (CC-BY-4.0)",
				"Test Programme (2026). " + title + ". Version 1.0, 2026-01-31.",
				"Co-funded by the European Union.", "Views and opinions expressed are those of the author(s) only.",
			} {
				if !strings.Contains(got, want) {
					t.Errorf("%s lacks %q", file, want)
				}
			}
		}
		if !strings.Contains(string(files[name+".html"]), `<section class="colophon-page" aria-label="About this publication">`) {
			t.Errorf("%s.html: the colophon is not its own section", name)
		}
	}
	repo, res := loadFixture(t)
	repo.Publication = nil
	files, err := Build(repo, res, "as-is", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(files["as-is.html"]), `class="colophon-page"`) || strings.Contains(string(files["as-is.md"]), "About this publication") {
		t.Errorf("a repository without publication.yaml still got a colophon")
	}
}
