package site

import (
	"bytes"
	"strings"
	"testing"
)

// programmePlans are programme files for the test plans: every file, EU and
// national dialogues, a Board member with a source and one placeholder, a
// meeting without a source, two plan versions, a twinning that followed a
// suggestion and knowledge entries of three kinds.
const programmePlans = `
-- programme/eu-action-plan.yaml --
status: illustrative
actions:
  - id: EU-A1
    title: Common register specification
    task: data
    level: eu
    implements: [HU-S1]
    items: [data.linkage]
    countries: [HU, SI]
    responsible: HEROES coordination
    start: 2025-10
    end: 2026-01
    status: in_progress
  - id: EU-A2
    title: Model library
    task: models
    level: eu
    items: [models.methodology]
    responsible: HEROES coordination
    start: 2025-09
    end: 2026-06
    status: planned
-- programme/policy-dialogues.yaml --
status: illustrative
dialogues:
  - id: D1
    level: eu
    title: First EU-level policy dialogue
    date: "2025-06-10"
    participants: [DG SANTE, European Federation of Nurses]
    themes: [Planning for transformation]
    outcome: The first step towards the *EU-level* action plan.
    actions: [EU-A1]
    source: https://example.org/d1
  - id: D2
    level: national
    country: HU
    themes: [Data linkage]
    actions: [HU-A1]
-- programme/policy-board.yaml --
status: illustrative
members:
  - {country: HU, authority: OKFŐ, source: "https://example.org/board"}
  - {country: SI, authority: To be confirmed, placeholder: true}
meetings:
  - id: PB1
    date: "2025-11-17"
    title: Policy Board on Sustainability
    summary: Sample meeting.
    decisions:
      - {id: d1, text: Keep the model library running., actions: [EU-A2]}
-- programme/sustainability-plan.yaml --
status: illustrative
versions:
  - version: "1.0"
    date: "2024-06-30"
    summary: First plan.
    measures:
      - {id: m1, text: Name the body that keeps the model., domain: governance}
      - {id: m2, text: Keep the meeting.}
  - version: "2.0"
    date: "2025-12-15"
    summary: Update after the dialogues.
    measures:
      - {id: m1, text: Name the body that keeps the model., domain: governance, actions: [HU-A1]}
      - {id: m3, text: A model library., actions: [EU-A2]}
-- programme/twinning.yaml --
status: illustrative
twinnings:
  - id: T1
    countries: [HU, SI]
    topic: Linking register and employer data
    date: "2025-09-23"
    outcome: Slovenia drafts a linkage plan.
    followed_suggestion: data.linkage
-- programme/knowledge.yaml --
status: illustrative
entries:
  - {id: K1, kind: brief, title: Linking registers, date: "2025-10-01", authors: [WP5], file: docs/programme.md, tasks: [data], countries: [HU]}
  - {id: K2, kind: webinar, title: Communicating projections, date: "2025-05-20", authors: [WP2], link: "https://example.org/k2", tasks: [models]}
  - {id: K3, kind: meeting, title: Workforce flexibility, date: "2024-04-22", link: "https://example.org/k3", source: "https://example.org/k3"}
`

func TestProgrammePages(t *testing.T) {
	files := build(t, programmePlans, Options{})
	assertFile(t, files, "programme/index.html", `<a href="/programme/" aria-current="page">Programme</a>`,
		`<a href="/programme/eu-action-plan/">EU action plan</a>`, `2 actions`, `Illustrative data.</strong> The programme records listed here`)
	assertFile(t, files, "programme/eu-action-plan/index.html", `<a href="/programme/" aria-current="true">Programme</a>`,
		`The EU action plan on this page is sample content`, `<tr id="EU-A1">`, `<a href="/countries/hu/#HU-S1">HU-S1</a>`,
		`Items: Linked data sources`, `Countries: <a href="/countries/hu/">Hungary</a>, <a href="/countries/si/">Slovenia</a>`,
		`(EU level)`, `In progress`, `<code>programme/eu-action-plan.yaml</code>`, `id="timeline-eu-title"`)
	// The country page's table is the same partial, its steps on the same page;
	// an action links the dialogue it came from.
	assertFile(t, files, "countries/hu/index.html", `<table class="actions stack">`, `<a href="#HU-S1">HU-S1</a>`,
		`From <a href="/programme/dialogues/#D2">policy dialogue D2</a>`, `<a href="/programme/dialogues/#D2">All policy dialogues</a>`)
	assertFile(t, files, "compare/twinning/index.html", `<a href="/programme/twinning/">the programme section</a>`)
	assertFile(t, files, "programme/eu-action-plan/index.html", `From <a href="/programme/dialogues/#D1">policy dialogue D1</a>`)

	// The timeline: Hungary's dialogue (its date, participants and outcome from
	// its action plan) before the EU one, each with the actions from it.
	dl := string(files["programme/dialogues/index.html"])
	assertFile(t, files, "programme/dialogues/index.html", `1 national dialogue and 1 EU-level dialogue`,
		`<li id="D2">`, `2025-05-14 · National`, `National policy dialogue, Hungary`, `Ministry, OKFŐ`, `Prioritise data linkage.`,
		`<a href="/countries/hu/#HU-A1">HU-A1</a>`, `<code>countries/HU/action-plan.yaml</code> and <code>programme/policy-dialogues.yaml</code> <span class="badge badge-illustrative">Illustrative</span>`,
		`<li id="D1">`, `2025-06-10 · EU level`, `DG SANTE, European Federation of Nurses`, `The first step towards the <em>EU-level</em> action plan.`,
		`<a href="/programme/eu-action-plan/#EU-A1">EU-A1</a>`, `<a class="source" href="https://example.org/d1">Published source</a>`,
		`The record of the dialogues on this page is sample content`, `! Slovenia`)
	if strings.Index(dl, `id="D2"`) > strings.Index(dl, `id="D1"`) {
		t.Error("the timeline is not oldest first")
	}

	assertFile(t, files, "programme/policy-board/index.html", `1 of the 2 members are named with a published source; for 1 the authority is not known yet`,
		`<a href="/countries/hu/">Hungary</a></th><td data-label="Competent authority">OKFŐ</td><td data-label="Source"><a class="source" href="https://example.org/board">`,
		`<a href="/countries/si/">Slovenia</a></th><td data-label="Competent authority"><span class="na">Not known yet</span>`,
		`This meeting and its decisions are sample content, not a record of the Board.`,
		`Keep the model library running. (actions <a href="/programme/eu-action-plan/#EU-A2">EU-A2</a>)`)

	sp := string(files["programme/sustainability-plan/index.html"])
	assertFile(t, files, "programme/sustainability-plan/index.html", `<h2 id="version-2-0">Version 2.0 (current)</h2>`,
		`A model library. <span class="badge badge-new">New in this version</span>`, `<td data-label="Domain">Governance</td>`,
		`<a href="/countries/hu/#HU-A1">HU-A1</a>`, `No longer in this version:</p>`+"\n"+`<ul><li>Keep the meeting.</li></ul>`)
	if strings.Index(sp, `id="version-2-0"`) > strings.Index(sp, `id="version-1-0"`) {
		t.Error("the current version is not first")
	}

	assertFile(t, files, "programme/twinning/index.html", `<tr id="T1">`, `Linking register and employer data`,
		`<a href="/countries/hu/">Hungary</a>, <a href="/countries/si/">Slovenia</a>`, `Slovenia drafts a linkage plan.`,
		`<td data-label="Suggestion followed">Linked data sources</td>`, `<a href="/compare/twinning/">peer learning</a>`)

	// The knowledge repository and its filter pages: links, no script needed;
	// the filter pages stay out of the search index.
	assertFile(t, files, "programme/knowledge/index.html", `3 entries, newest first.`,
		`<a href="/programme/knowledge/kind-brief/">Policy brief <span class="count">(1)</span></a>`,
		`<a href="/programme/knowledge/task-data/">Data and sources <span class="count">(1)</span></a>`,
		`<a href="/programme/knowledge/country-hu/">Hungary <span class="count">(1)</span></a>`,
		`<a href="https://github.com/hwfplan/hwfplan/blob/main/docs/programme.md">Linking registers</a>`,
		`<a href="https://example.org/k2">Communicating projections</a>`, `Community of practice meeting · 2024-04-22`,
		`<a class="source" href="https://example.org/k3">Published source</a>`, `The knowledge repository on this page is sample content`)
	assertFile(t, files, "programme/knowledge/task-data/index.html", `<a href="/programme/">Programme</a> › <a href="/programme/knowledge/">Knowledge repository</a>`,
		`Only the entries of task <strong>Data and sources</strong>: 1 of the 3 entries`,
		`<a href="/programme/knowledge/task-data/" aria-current="page">`, `<li id="K1">`, `! <li id="K2">`, `! <li id="K3">`)
	assertFile(t, files, "programme/knowledge/kind-meeting/index.html", `<li id="K3">`, `! <li id="K1">`)
	assertFile(t, files, "index.json", `"url":"/programme/knowledge/"`, `! /programme/knowledge/task-`, `! /programme/knowledge/kind-`)

	assertFile(t, files, "programme/index.html", `<a href="/programme/dialogues/">Policy dialogues</a>`, `<a href="/programme/policy-board/">Policy Board</a>`,
		`2 members, 1 meeting`, `2 versions`, `1 twinning`)
}

// Without programme files the section says so and links nothing.
func TestProgrammeEmpty(t *testing.T) {
	files := build(t, "", Options{})
	assertFile(t, files, "programme/index.html", `The plans repository has no programme records yet.`,
		`Not recorded yet: <code>programme/eu-action-plan.yaml</code>`, `! Illustrative data.`)
	assertFile(t, files, "countries/hu/index.html", `! All policy dialogues`)
	assertFile(t, files, "compare/twinning/index.html", `! /programme/twinning/`)
	if _, ok := files["programme/eu-action-plan/index.html"]; ok {
		t.Error("an EU action plan page without the file")
	}
}

// TestProgrammeNotice: with illustrative programme files every programme page
// says so; with the files approved, only the timeline, for Hungary's dialogue.
func TestProgrammeNotice(t *testing.T) {
	const banner = `<div class="banner" role="note" aria-label="Illustrative data">`
	for _, tc := range []struct {
		name, plans string
		want        bool
	}{
		{"illustrative", programmePlans, true},
		{"approved", strings.ReplaceAll(programmePlans, "status: illustrative", "status: approved"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := build(t, tc.plans, Options{})
			n := 0
			for name, data := range files {
				if !strings.HasPrefix(name, "programme/") || !strings.HasSuffix(name, ".html") {
					continue
				}
				n++
				want := tc.want
				if name == "programme/dialogues/index.html" {
					// Hungary's own dialogue is illustrative whatever the programme's record.
					want = true
					if !tc.want {
						assertFile(t, files, name, `The national dialogues of Hungary on this page are sample content`)
					}
				}
				if got := bytes.Contains(data, []byte(banner)); got != want {
					t.Errorf("%s: notice %v, want %v", name, got, want)
				}
			}
			if n < 2 {
				t.Fatalf("only %d programme pages", n)
			}
		})
	}
}

func TestRepoFile(t *testing.T) {
	for in, want := range map[string]string{
		"docs/programme.md": "docs/programme.md", "../secret": "", "/etc/passwd": "", "docs/../x.md": "",
		"docs//x.md": "", "x.md?raw=1": "", "x.md#top": "", `docs\x.md`: "", "": "", "..": "",
	} {
		if got := repoFile(in); got != want {
			t.Errorf("repoFile(%q) = %q, want %q", in, got, want)
		}
	}
}
