package publish

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

// The site's revisions list (its provenance of a country's plan) says what a
// commit that changes only the plan's translations changed, by language, in
// plandiff's words, rather than "no plan change".
func TestRevisionsOfTranslations(t *testing.T) {
	g := gittest.New(t)
	files := gittest.ReadFiles(t, filepath.Join("..", "plandiff", "testdata", "base"))
	files["clusters/wp6.yaml"] = strings.Replace(files["clusters/wp6.yaml"], "[HR, HU, LT, PL, RO, SI]", "[HU]", 1) // HU alone is valid
	g.Write(files)
	g.Commit("plans")
	const hu = "countries/HU/translations/hu.yaml"
	g.Write(map[string]string{hu: "language: hu\nreview: {reviewed: false}\naction-plan:\n  actions:\n    HU-A1: {title: Jogalap}\n"})
	g.Commit("Hungarian translation")
	g.Replace(hu, "{title: Jogalap}", "{title: Jogalap az adatokhoz}")
	g.Commit("Hungarian: HU-A1's title")
	g.Replace(hu, "{reviewed: false}", "{reviewed: true, reviewed_by: hu-hwf-team, date: \"2026-11-30\"}")
	g.Commit("Hungarian reviewed")
	p, err := Load(g.Dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := p.Site(context.Background(), SiteOptions{Revisions: 4})
	if err != nil {
		t.Fatalf("%v %v", err, p.Problems())
	}
	var got []string
	for _, r := range in.Revisions["HU"] {
		got = append(got, r.Subject+": "+r.Summary)
	}
	want := []string{
		"Hungarian reviewed: translations (hu): review",
		"Hungarian: HU-A1's title: translations (hu): 1 text",
		"Hungarian translation: translations (hu) added",
		"plans: country added: Hungary, cluster wp6, status illustrative, 25 items assessed, 4 steps, 5 actions",
	}
	if !slices.Equal(got, want) {
		t.Errorf("HU revisions:\n%q\nwant\n%q", got, want)
	}
}
