package site

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
)

// TestTwinning renders the mini fixture (comparetest), whose suggestions are worked
// out by hand: AA's largest gap is the planning committee (0 of 2, target 2), where
// CC (2, another cluster) comes before BB (1, AA's own cluster).
func TestTwinning(t *testing.T) {
	files, err := Render(Input{Repo: comparetest.Repo(t), SourceTime: sourceTime}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["compare/twinning/index.html"])
	for _, want := range []string{
		`<h1>Peer learning (twinning)</h1>`,
		`The scores of 1 of the 3 countries are illustrative sample content`,
		`<h3 id="twinning-aa"><a href="/countries/aa/">Aland</a> <span class="badge badge-illustrative">Illustrative data</span>`,
		`<span class="muted">· Cluster one</span></h3>`,
		`<tr><th scope="row">Committee</th><td data-label="Task">Gov</td><td data-label="Score" class="num">0 of 2</td><td data-label="Gap" class="num">1.00</td><td data-label="Learn from"><ul class="partners"><li><a href="/countries/cc/">Centra</a> <span class="muted">2 of 2, WP2</span></li><li><a href="/countries/bb/">Bravia</a> <span class="muted">1 of 2</span></li></ul></td></tr>`,
		`id="most-suggested"`,
		// Centra is suggested to AA for committee, timeliness and linkage, to BB
		// for committee; Aland once, to CC for uptake.
		`<li><a href="/countries/cc/">Centra</a>: 4 times, for Committee, Linkage, Timeliness</li>`,
		`<li><a href="/countries/aa/">Aland</a>: 1 time, for Uptake</li>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("twinning page lacks %s", want)
		}
	}
	// Countries by name: Aland, Bravia, Centra.
	if a, b, c := strings.Index(page, `id="twinning-aa"`), strings.Index(page, `id="twinning-bb"`), strings.Index(page, `id="twinning-cc"`); !(a < b && b < c) {
		t.Errorf("countries out of order: %d %d %d", a, b, c)
	}
	country := string(files["countries/aa/index.html"])
	for _, want := range []string{`<li><a href="#twinning-aa">Peer learning</a></li>`, `<h2 id="twinning-aa">Peer learning (twinning)</h2>`, `href="/compare/twinning/"`} {
		if !strings.Contains(country, want) {
			t.Errorf("AA's page lacks %s", want)
		}
	}
	if !strings.Contains(string(files["compare/index.html"]), `href="/compare/twinning/"`) {
		t.Error("the comparisons page does not link the twinning page")
	}
}

func TestPartnerCounts(t *testing.T) {
	repo := comparetest.Repo(t)
	g := &generator{in: Input{Repo: repo}}
	r, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	g.cmp = r
	counts := g.partnerCounts()
	total := 0
	for _, tw := range r.Twinning {
		for _, gp := range tw.Gaps {
			total += len(gp.Partners)
		}
	}
	sum := 0
	for i, pc := range counts {
		sum += pc.Count
		if i > 0 && pc.Count > counts[i-1].Count {
			t.Errorf("not most often first: %+v", counts)
		}
	}
	if sum != total || len(counts) == 0 {
		t.Errorf("counts %+v add up to %d, want %d", counts, sum, total)
	}
}
