package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/rogpeppe/go-internal/txtar"
)

// plans is a tiny plans repository: one illustrative country with a full plan, one
// draft country with only country.yaml, and their cluster.
const plans = `
-- clusters/wp6.yaml --
id: wp6
name: WP6 learning cluster
work_package: WP6
countries: [HU, SI]
-- countries/HU/country.yaml --
code: HU
eu_code: HU
name: Hungary
cluster: wp6
status: illustrative
competent_authority: {name: National Directorate General for Hospitals, acronym: OKFŐ}
maintainers: [hu-team]
languages: [hu, en]
-- countries/HU/as-is.yaml --
assessed_on: 2024-06-28
tasks:
  data:
    summary: Registers cover the *sectoral* professions.
    items:
      timeliness: {score: 2, evidence: The register is updated yearly.}
      linkage: {score: 1, evidence: "EVIDENCE <script>alert('x')</script> and [a link](javascript:alert(1)) and <img src=x onerror=alert(2)>"}
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
-- countries/HU/to-be.yaml --
vision: Linked, individual-level data by 2030.
horizon_year: 2030
targets:
  data:
    linkage: {score: 2, year: 2027, rationale: Link register and HR records.}
-- countries/HU/to-do.yaml --
steps:
  - id: HU-S1
    title: Link the register with HR records
    task: data
    items: [data.linkage]
    priority: high
    milestones:
      - {id: m1, date: 2025-06, deliverable: Impact assessment}
-- countries/HU/action-plan.yaml --
policy_dialogue:
  date: 2025-05-14
  participants: [Ministry, OKFŐ]
  outcome: Prioritise data linkage.
actions:
  - id: HU-A1
    title: Legal basis for linking data
    task: data
    implements: [HU-S1]
    level: national
    responsible: Ministry
    start: 2025-03
    end: 2025-12
    status: in_progress
sustainability_factors:
  governance: {score: 1, evidence: A committee is planned.}
-- countries/SI/country.yaml --
code: SI
eu_code: SI
name: Slovenia
cluster: wp6
status: draft
competent_authority: {name: Ministry of Health}
maintainers: [si-team]
languages: [sl]
`

var sourceTime = time.Date(2026, 1, 31, 12, 0, 0, 0, time.UTC)

// repoFS parses a txtar file set into a file system.
func repoFS(t *testing.T, files string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(files)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// build renders the plans (plus extra files, e.g. site overrides) in memory.
func build(t *testing.T, extra string, opts Options) map[string][]byte {
	t.Helper()
	out, err := tryBuild(t, extra, opts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func tryBuild(t *testing.T, extra string, opts Options) (map[string][]byte, error) {
	t.Helper()
	fsys := repoFS(t, plans+extra)
	repo, ds := load.Load(fsys, load.Options{})
	for _, d := range ds {
		if d.Severity == diag.Error && d.Rule != load.RuleMissing {
			t.Fatalf("test plans do not load: %v", d)
		}
	}
	in := Input{Repo: repo, SourceTime: sourceTime}
	if _, err := fs.Stat(fsys, "site"); err == nil {
		in.Overrides, _ = fs.Sub(fsys, "site")
	}
	return Render(in, opts)
}

// assertFile checks that a file holds every string, and none of those written "! s".
func assertFile(t *testing.T, files map[string][]byte, name string, want ...string) {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Fatalf("%s was not written", name)
	}
	for _, w := range want {
		if absent, ok := strings.CutPrefix(w, "! "); ok {
			if bytes.Contains(data, []byte(absent)) {
				t.Errorf("%s: holds %q, want it absent", name, absent)
			}
		} else if !bytes.Contains(data, []byte(w)) {
			t.Errorf("%s: lacks %q", name, w)
		}
	}
}

func TestHugoVersion(t *testing.T) {
	if got := HugoVersion(); got != "0.165.0" {
		t.Fatalf("Hugo version = %s, want 0.165.0 (update the render tests with the version)", got)
	}
}

func TestRender(t *testing.T) {
	files := build(t, "", Options{})
	pages := []struct {
		name string
		want []string
	}{
		{"index.html", []string{`<html lang="en">`, `href="#main"`, `<main id="main"`, `Illustrative data.</strong> The data of Hungary on this page are`,
			`href="/countries/hu/"`, `Draft</span>`, `id="heat-asis-title"`, `id="heat-gap-title"`}},
		{"countries/hu/index.html", []string{`Hungary <span class="code">(HU)</span>`, `Illustrative data.</strong> The figures`,
			`<th scope="row">Timeliness</th>`, `<span class="score">2</span> Annual update`, `Not assessed:</span> Being replaced.`,
			`Registers cover the <em>sectoral</em> professions.`, `https://github.com/hwfplan/hwfplan/edit/main/countries/HU/as-is.yaml`,
			`id="radar-hu-title"`, `id="timeline-hu-title"`, `<span class="id">HU-S1</span>`, `href="#HU-S1"`, `Link register and HR records.`,
			`A committee is planned.`, `! id="revisions"`, `! paint-order="stroke"`}},
		{"countries/si/index.html", []string{`Slovenia`, `Draft</span>`, `! Illustrative data.`, `countries/SI/as-is.yaml</code> — not written yet`}},
		{"clusters/wp6/index.html", []string{`WP6 learning cluster`, `href="/countries/hu/"`, `id="heat-wp6-title"`}},
		{"compare/tasks/index.html", []string{`Task 1. Optimize planning data and sources`, `href="/countries/hu/"`}},
		{"compare/clusters/index.html", []string{`id="bars-clusters-title"`, `All countries`}},
		{"methods/index.html", []string{`Timeliness`, `(score − minimum)`, `href="/guide/framework/"`, `href="/guide/"`}},
		{"guide/index.html", []string{`Planner's guide`, `href="/guide/framework/"`, `<h2 id="yaml-in-five-minutes">`, `href="framework/"`, `<pre class="messages">`, `! Illustrative data.`}},
		{"guide/framework/index.html", []string{`<code>data.linkage</code>`, `<li><strong>0</strong> Not at all</li><li><strong>1</strong> Somehow</li><li><strong>2</strong> Completely</li>`,
			`<li><strong>1</strong> No regular update</li>`, `<li><strong>0</strong> Absent</li>`, `<code>stock.headcount</code>`, `href="/methods/"`, `! Illustrative data.`}},
		{"status/index.html", []string{`2024-06-28`, `Slovenia`}},
		{"search/index.html", []string{`data-index="/index.json"`, `<li><a href="/countries/hu/">Hungary</a></li>`}},
		{"index.json", []string{`"url":"/countries/hu/"`, `HU-S1`}},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) { assertFile(t, files, p.name, p.want...) })
	}
}

func TestRevisions(t *testing.T) {
	fsys := repoFS(t, plans)
	repo, _ := load.Load(fsys, load.Options{})
	revs := map[string][]Revision{"HU": {{Hash: "0123456789abcdef", Date: sourceTime, Author: "Ana <b>", Subject: "as-is: <i>update</i>", Summary: "data.linkage 1 → 2"}}}
	files, err := Render(Input{Repo: repo, SourceTime: sourceTime, Revisions: revs}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, files, "countries/hu/index.html", `id="revisions"`, `/commit/0123456789abcdef`, `<code>0123456</code>`,
		`as-is: &lt;i&gt;update&lt;/i&gt;`, `data.linkage 1 → 2`, `Ana &lt;b&gt;`, `2026-01-31`)
	assertFile(t, files, "countries/si/index.html", `! id="revisions"`)
}

func TestUntrustedText(t *testing.T) {
	files := build(t, "", Options{})
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".json") {
			continue
		}
		for _, bad := range []string{"<script>alert", `href="javascript:`, "<img src=x", "onerror=alert"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s holds live %q", name, bad)
			}
		}
	}
	assertFile(t, files, "countries/hu/index.html", "EVIDENCE", "a link")
}

func TestDeterministic(t *testing.T) {
	a := build(t, "", Options{})
	b := build(t, "", Options{})
	if len(a) != len(b) {
		t.Fatalf("builds wrote %d and %d files", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestBaseURLSubPath(t *testing.T) {
	files := build(t, "", Options{BaseURL: "https://example.org/hwf/"})
	assertFile(t, files, "index.html", `href="/hwf/countries/hu/"`, `href="/hwf/css/`, `! href="/countries/`, `! href="/css/`)
	assertFile(t, files, "countries/hu/index.html", `href="/hwf/clusters/wp6/"`, `! href="/clusters/`)
	assertFile(t, files, "search/index.html", `data-index="/hwf/index.json"`)
}

func TestRepoURL(t *testing.T) {
	files := build(t, "", Options{RepoURL: "https://git.example.org/heroes/plans", Branch: "trunk"})
	assertFile(t, files, "countries/hu/index.html", `https://git.example.org/heroes/plans/edit/trunk/countries/HU/to-do.yaml`, `! github.com/hwfplan`)
}

func TestSiteOverride(t *testing.T) {
	files := build(t, `
-- site/layouts/_partials/footer.html --
<footer class="site-footer"><p>Kept by the coordination team.</p></footer>
`, Options{})
	assertFile(t, files, "index.html", "Kept by the coordination team.", "! How the scores are computed</a> ·")
}

func TestBrokenTemplateFails(t *testing.T) {
	_, err := tryBuild(t, `
-- site/layouts/home.html --
{{ define "main" }}{{ if }}{{ end }}
`, Options{})
	if err == nil {
		t.Fatal("a broken template rendered without error")
	}
}

func TestPublishAtomic(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Publish(out, map[string][]byte{"index.html": []byte("one"), "a/b.html": []byte("b")}); err != nil {
		t.Fatal(err)
	}
	if err := Publish(out, map[string][]byte{"index.html": []byte("two"), "../escape.html": []byte("x")}); err == nil {
		t.Fatal("publishing a path outside the folder succeeded")
	}
	got, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || string(got) != "one" {
		t.Fatalf("after a failed publish index.html = %q, %v; want the old %q", got, err, "one")
	}
	if err := Publish(out, map[string][]byte{"index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "a/b.html")); !os.IsNotExist(err) {
		t.Errorf("a file of the old site survived a publish: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("publish left %d entries next to the output, want 1", len(entries))
	}
}

func TestReportsAndDownloads(t *testing.T) {
	fsys := repoFS(t, plans)
	repo, _ := load.Load(fsys, load.Options{})
	in := Input{Repo: repo, SourceTime: sourceTime,
		Downloads: map[string][]byte{"data/scores.csv": []byte("a,b\n"), "reports/as-is.md": []byte("# As-is")},
		Reports:   []Report{{ID: "as-is", Title: "As-is report", HTML: "<h1 id=\"r-title\">As-is report</h1>\n<table>\n<tbody><tr><th scope=\"row\">Programme</th><td>HEROES</td></tr></tbody></table>", Downloads: []string{"reports/as-is.md"}}}}
	files, err := Render(in, Options{BaseURL: "https://example.org/hwf/"})
	if err != nil {
		t.Fatal(err)
	}
	if string(files["downloads/data/scores.csv"]) != "a,b\n" {
		t.Errorf("downloads/data/scores.csv = %q", files["downloads/data/scores.csv"])
	}
	assertFile(t, files, "reports/index.html", `href="/hwf/reports/as-is/"`, `href="/hwf/downloads/data/scores.csv"`)
	assertFile(t, files, "reports/as-is/index.html", `<h1 id="r-title">As-is report</h1>`, `href="/hwf/downloads/reports/as-is.md"`,
		`aria-label="Table: report table 1" tabindex="0"><table>`, `<th scope="row">Programme</th>`)
	in.Downloads["../escape"] = nil
	if _, err := Render(in, Options{}); err == nil {
		t.Error("a download path leaving the folder was accepted")
	}
}

// The revisions are provenance: commit dates, subjects and authors appear in the
// revisions table only, never as a chart of the plan over time (those dates are
// when files were typed, not when a country was assessed).
func TestRevisionsAreProvenance(t *testing.T) {
	fsys := repoFS(t, plans)
	repo, _ := load.Load(fsys, load.Options{})
	day := func(d int) time.Time { return time.Date(2026, 1, d, 12, 0, 0, 0, time.UTC) }
	revs := []Revision{{Hash: "bbbbbbb2222", Date: day(20), Subject: "second", Author: "A. Maintainer"},
		{Hash: "aaaaaaa1111", Date: day(10), Subject: "first", Author: "A. Maintainer"}}
	files, err := Render(Input{Repo: repo, SourceTime: sourceTime, Revisions: map[string][]Revision{"HU": revs}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, files, "countries/hu/index.html", `<h2 id="revisions">Revisions of the files</h2>`, `/commit/aaaaaaa1111`, `<td>second</td>`,
		`not when the country was assessed`, `! id="history-hu-title"`, `! over time`)
}

func TestNotFoundPage(t *testing.T) {
	files := build(t, "", Options{BaseURL: "https://example.org/hwf/"})
	// Served for a missing path at any depth, so no link may be relative to the page.
	assertFile(t, files, "404.html", `<h1>Page not found</h1>`, `href="/hwf/countries/"`, `href="/hwf/search/"`,
		`href="/hwf/css/site.`, `! href="../`, `! href="countries/`)
}
