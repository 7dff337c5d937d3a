package site

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// codedPlan gives the fixture's Hungarian action every coded field, so the pages
// must word each of them (plan.ActionStatuses, FundingSources, Anchorings, ...).
const codedPlan = `
-- countries/HU/action-plan.yaml --
policy_dialogue: {date: 2025-05-14, participants: [Ministry], outcome: Link data.}
actions:
  - id: HU-A1
    title: Legal basis for linking data
    task: data
    implements: [HU-S1]
    level: regional
    region: HU11
    responsible: Ministry
    start: 2025-03
    end: 2027-12
    budget: {amount: 350000, currency: EUR, source: eu, secured: true, after_programme: 120000}
    status: in_progress
    sustainability: {continues: true, funding_secured: false, anchoring: none, annual_cost: {amount: 5000, currency: EUR}}
`

// visibleText is what a reader sees of a page: no scripts, styles, tags or
// attribute values (element ids hold codes on purpose), no file paths (code
// elements: programme/eu-action-plan.yaml is a name, not a coded value).
func visibleText(page string) string {
	page = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<code>.*?</code>`).ReplaceAllString(page, " ")
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, " "))
}

// TestNoRawCodes: no page shows a code as written in a plan file ("in_progress",
// "eu, secured", "anchored in none"); the country page says them in words.
func TestNoRawCodes(t *testing.T) {
	files := build(t, codedPlan, Options{})
	raw := regexp.MustCompile(`\b(in_progress|not_assessed|after_programme|annual_cost|funding_secured)\b|\beu\b|, none\b|\b(national|regional|eu|other),? (funding|secured)\b|\b(ends|continues), (none|law|regulation|strategy|institution)\b|anchored in (none|institution)\b|\((national|regional|high|medium|low)\b`)
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		if m := raw.FindAllString(visibleText(string(data)), 3); len(m) > 0 {
			t.Errorf("%s shows plan codes: %q", name, m)
		}
	}
	if pages < 5 {
		t.Fatalf("only %d pages built", pages)
	}
	page := visibleText(string(files["countries/hu/index.html"]))
	for _, want := range []string{"In progress", "EUR 350,000, EU funds, secured", "Regional (HU11)", "Continues after the programme; funding not secured; not anchored; costs EUR 5,000 a year", "High"} {
		if !strings.Contains(page, want) {
			t.Errorf("countries/hu/index.html lacks %q", want)
		}
	}
}

// TestDialogueWithoutParticipants: a dialogue that names no participants or date
// (validate refuses it, but the site must not fail on it) still reads as a sentence.
func TestDialogueWithoutParticipants(t *testing.T) {
	files := build(t, `
-- countries/HU/action-plan.yaml --
policy_dialogue: {outcome: Link data.}
actions: []
`, Options{})
	page := strings.Join(strings.Fields(visibleText(string(files["countries/hu/index.html"]))), " ")
	if !strings.Contains(page, "From the national policy dialogue. Link data.") {
		t.Errorf("country page lacks the dialogue sentence:\n%s", page)
	}
}
