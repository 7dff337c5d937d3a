package site

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/load"
)

func TestReportSections(t *testing.T) {
	body := `<header class="title-page"><h1>R</h1><p>Cover text</p></header>
<nav class="toc"><h2 class="toc-title" id="toc-title">Contents</h2><ol><li><a href="#a">1. A</a></li></ol></nav>
<h2 id="a">1. Chapter <em>A</em></h2><p>Alpha&amp;<em>text</em>, more</p><figure><svg><text>chart label</text></svg></figure><style>x{}</style>
<h3 id="a-1">1.1 Sub</h3><table><tr><td>cell</td><td>two</td></tr></table>`
	got := reportSections(body)
	want := []searchSection{
		{Text: "R Cover text"},
		{Title: "1. Chapter A", Anchor: "a", Text: "Alpha&text, more"},
		{Title: "1.1 Sub", Anchor: "a-1", Text: "cell two"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sections: %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestSearchFindsReportText: the search index holds each report section, linked
// to its heading, with its text, so a word that is only inside a report is found.
func TestSearchFindsReportText(t *testing.T) {
	repo, _ := load.Load(repoFS(t, plans), load.Options{})
	in := Input{Repo: repo, SourceTime: sourceTime}
	in.Reports = []Report{{ID: "as-is", Title: "As-is report", HTML: `<h2 id="summary">1. Executive summary</h2><p>Quokka findings.</p>`}}
	out, err := Render(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var index []map[string]string
	if err := json.Unmarshal(out["index.json"], &index); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range index {
		if e["url"] == "/reports/as-is/#summary" {
			found = true
			if e["title"] != "As-is report › 1. Executive summary" || !strings.Contains(e["text"], "Quokka findings.") {
				t.Errorf("section entry = %v", e)
			}
		}
	}
	if !found {
		t.Errorf("no index entry for the report section:\n%s", out["index.json"])
	}
	js := string(out[findFile(t, out, "js/search.")])
	for _, want := range []string{"snippet", "createElement(\"mark\")", "textContent"} {
		if !strings.Contains(js, want) {
			t.Errorf("search.js lacks %q", want)
		}
	}
}

func findFile(t *testing.T, files map[string][]byte, prefix string) string {
	t.Helper()
	for name := range files {
		if strings.HasPrefix(name, prefix) {
			return name
		}
	}
	t.Fatalf("no file %s*", prefix)
	return ""
}
