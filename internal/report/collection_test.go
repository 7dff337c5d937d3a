package report

import (
	"github.com/hwfplan/hwfplan/internal/num"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// collectionFixture is the report fixture with varied source inventories: HU
// three sources (a register and an HR system that declare five elements between
// them, a census updated irregularly that declares none), IT one Joint
// Questionnaire for nurses/midwifery, filled once, declaring two elements, PT its
// two sources without declarations.
func collectionFixture(t *testing.T) (*model.Repo, *compare.Result) {
	t.Helper()
	repo, res := loadFixture(t)
	all := []string{"medical_doctors", "nurses", "midwives", "dentists", "pharmacists"}
	repo.Country("HU").AsIs.DataSources = []plan.DataSource{
		{ID: "register", Name: "Register", Kind: "professional_register", Owner: "OKFŐ", Professions: all, UpdateFrequency: "annual",
			MinimumDataSet: []string{"stock.headcount", "stock.age", "mobility.emigrants"}},
		{ID: "hr", Name: "HR system", Kind: "hris", Owner: "OKFŐ", Professions: []string{"medical_doctors", "nurses"}, UpdateFrequency: "monthly",
			MinimumDataSet: []string{"stock.fte", "stock.headcount", "exits.retirement"}},
		{ID: "census", Name: "Census", Kind: "census", Owner: "Statistics office", Professions: []string{"medical_doctors"}, UpdateFrequency: "irregular"},
	}
	repo.Country("IT").AsIs.DataSources = []plan.DataSource{
		{ID: "jq", Name: "JQ returns", Kind: "joint_questionnaire", Owner: "Ministry", Professions: []string{"nurses/midwifery"}, UpdateFrequency: "one_off",
			MinimumDataSet: []string{"demand.population", "stock.headcount"}},
	}
	for i := range repo.Country("PT").AsIs.DataSources {
		repo.Country("PT").AsIs.DataSources[i].MinimumDataSet = nil
	}
	return repo, res
}

func TestCollectionView(t *testing.T) {
	repo, res := collectionFixture(t)
	v := newData("data", repo, res, fixtureSource).Collection()
	var names []string
	for _, c := range v.Countries {
		names = append(names, c.Code)
	}
	if !slices.Equal(names, []string{"HU", "IT", "PT"}) {
		t.Errorf("countries %v, want HU, IT, PT (by name)", names)
	}
	if v.Total != 6 || v.Regular != 4 || !slices.Equal(v.NoRegular, []string{"IT"}) || len(v.Without) != 0 {
		t.Errorf("total %d regular %d no regular %v without %v", v.Total, v.Regular, v.NoRegular, v.Without)
	}
	kinds := map[string]int{}
	for _, k := range v.Kinds {
		kinds[k.Code] = k.Sources
	}
	if kinds["professional_register"] != 2 || kinds["hris"] != 2 || kinds["census"] != 1 || kinds["joint_questionnaire"] != 1 || kinds["claims"] != 0 {
		t.Errorf("kinds %v", kinds)
	}
	if k := v.MostUsedKind(); k == nil || k.Code != "professional_register" || !slices.Equal(k.Countries, []string{"HU", "PT"}) {
		t.Errorf("most used kind %+v", k)
	}
	if got := v.UnusedKinds(); slices.Contains(got, "other") || !slices.Contains(got, "claims") || len(got) != 4 {
		t.Errorf("unused kinds %v", got)
	}
	if hi := v.MostCovered(); !slices.Equal(hi.IDs, []string{"nurses"}) || hi.Countries != 3 {
		t.Errorf("most covered %+v (nurses/midwifery counts for nurses)", hi)
	}
	if lo := v.LeastCovered(); len(lo.IDs) != 4 || lo.Countries != 2 {
		t.Errorf("least covered %+v", lo)
	}
	if !slices.Equal(v.Declaring, []string{"HU", "IT"}) || !slices.Equal(v.Undeclared, []string{"PT"}) {
		t.Errorf("declaring %v undeclared %v", v.Declaring, v.Undeclared)
	}
	hu, it, pt := v.Countries[0], v.Countries[1], v.Countries[2]
	if hu.Declared != 2 || hu.Covered != 5 || !slices.Equal(hu.GroupCovered, []int{3, 1, 0, 1, 0}) || hu.Counts[0] != 2 ||
		!slices.Equal(hu.MissingGroups, []string{"training", "demand"}) || len(hu.Missing) != 14 {
		t.Errorf("HU declared %d covered %d groups %v counts %v missing groups %v", hu.Declared, hu.Covered, hu.GroupCovered, hu.Counts, hu.MissingGroups)
	}
	if it.Covered != 2 || !slices.Equal(it.MissingGroups, []string{"exits", "training", "mobility"}) {
		t.Errorf("IT covered %d missing groups %v", it.Covered, it.MissingGroups)
	}
	if pt.Declares() || pt.Covered != 0 || pt.Missing != nil || pt.MissingGroups != nil {
		t.Errorf("PT declares nothing, yet %+v", pt)
	}
	if hu.Share().Format(4) != "0.2632" {
		t.Errorf("HU share %s, want 5/19", hu.Share().Format(4))
	}
	if m := v.MostComplete(); !slices.Equal(m.Countries, []string{"HU"}) || m.Elements != 5 {
		t.Errorf("most complete %+v", m)
	}
	if l := v.LeastComplete(); !slices.Equal(l.Countries, []string{"IT"}) || l.Elements != 2 {
		t.Errorf("least complete %+v", l)
	}
	if b := v.BestElements(); !slices.Equal(b.Keys, []string{"stock.headcount"}) || b.Countries != 2 {
		t.Errorf("best elements %+v", b)
	}
	if w := v.WorstElements(); w.Countries != 0 || len(w.Keys) != 13 {
		t.Errorf("worst elements %+v", w)
	}
	gaps := map[string][]string{}
	for _, g := range v.GroupGaps {
		gaps[g.ID] = g.Countries
	}
	if len(gaps["stock"]) != 0 || !slices.Equal(gaps["training"], []string{"HU", "IT"}) || !slices.Equal(gaps["demand"], []string{"HU"}) {
		t.Errorf("group gaps %v", gaps)
	}
	if w := v.WidestGaps(); len(w) != 1 || w[0].ID != "training" {
		t.Errorf("widest gaps %+v", w)
	}
	r := v.ClusterRange()
	if r.Hi == nil || r.Hi.ID != "wp6" || r.Lo.ID != "wp5" || pct(num.English, r.Hi.Share) != "26\u00a0%" || pct(num.English, r.Lo.Share) != "11\u00a0%" {
		t.Errorf("cluster range %+v", r)
	}
	if wp5 := r.Lo; len(wp5.Members) != 2 || len(wp5.Declaring) != 1 || len(wp5.Undeclared()) != 1 || wp5.Counts[0] != 1 {
		t.Errorf("WP5 members %d declaring %d counts %v", len(wp5.Members), len(wp5.Declaring), wp5.Counts)
	}
}

// TestCollectionReportText reads the findings and tables the varied fixture
// gives: counts, ties, shares and the words for every code.
func TestCollectionReportText(t *testing.T) {
	repo, res := collectionFixture(t)
	files, err := Build(repo, res, "data", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["data.md"])
	for _, want := range []string{
		"**3 of 3 countries list at least one planning data source**, 6 sources in all (Table 1).",
		"**The most common kind of source is the professional register**: 2 sources in 2 countries (Table 2).",
		"**4 of the 6 sources are updated at least once a year**, the rest irregularly or only once (Table 3). In [Italy](#country-it) no source is updated that often",
		"**Nurses are covered by a data source in every country; medical doctors, midwives, dentists and pharmacists in the fewest, 2** (Table 4).",
		"**2 of the 3 countries with sources declare which elements",
		"declares none yet, so it is left out of the coverage figures. Coverage runs from 2 of the 19 elements (Italy) to 5 (Hungary) (Table 6).",
		"headcount in the most, 2 (Table 7).",
		"2 countries cover no element at all of at least one group; the widest gap is training, with nothing in 2 of the 2 declaring countries (Table 8).",
		"**Across the clusters, WP6's declaring countries cover 26\u00a0% of the data set, WP5's 11\u00a0%** (Table 9).",
		"| [Hungary](#country-hu) | WP6 | 3 | professional register; HR information system; census | monthly; annually; irregularly | 5 of 19 |",
		"| Eurostat/OECD/WHO Joint Questionnaire | 1 | 1 | [Italy](#country-it) |",
		"| **At least once a year** | 4 | | |",
		"| [Hungary](#country-hu) | 3 | 1 | 0 | 1 | 0 | 5 | 26\u00a0% |",
		"| Headcount | 2 of 2 | [Hungary](#country-hu) and [Italy](#country-it) |",
		"| Training | 6 | 2 of 2 | [Hungary](#country-hu) and [Italy](#country-it) |",
		"| WP5 | 2 | 1 | 11\u00a0% |",
		"| Element | [IT](#country-it) | Countries |",
		"| Population by age and sex | 1 | 1 |",
		"| [Hungary](#country-hu) | 0.43 | 0.50 | 0.00 | 0.50 | 0.00 |",
		"Figure 1 shows at a glance how much of each group every declaring country covers; Table 6 counts the elements.",
		"| Emigrants | — | 0 |",
		"Not in the matrix, for declaring no coverage: [Portugal",
		"| JQ returns | Eurostat/OECD/WHO Joint Questionnaire | Nurses (midwifery) | Once | Ministry | 2 |",
		"| Census | Census | Medical doctors | Irregularly | Statistics office | not declared |",
		"Its sources cover 5 of the 19 elements of the minimum data set (1 source declares none). They cover nothing of training and demand drivers. Not covered: stock by sex; stock by sector;",
		"No source of Portugal",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("data.md lacks %q", want)
		}
	}
	text := regexp.MustCompile("\\]\\(#[^)]*\\)|\\]\\([a-z-]+-figures/[^)]*\\)|`[^`]*`|https?://[^ )]*").ReplaceAllString(md, "]")
	for _, code := range []string{`\w_\w`, `\bone_off\b`, `\bhris\b`, `\b[a-z]+\.[a-z]+\b`} {
		if m := regexp.MustCompile(code).FindAllString(text, 3); len(m) > 0 {
			t.Errorf("the report writes a plan code %q: %q", code, m)
		}
	}
	for _, msg := range checkCitations(md) {
		t.Error(msg)
	}
}

// TestCollectionWithoutDataSet: a framework without a minimum data set gives the
// report without its coverage chapters, and no coverage sentence.
func TestCollectionWithoutDataSet(t *testing.T) {
	repo, res := collectionFixture(t)
	res.Framework().MinimumDataSet = nil
	files, err := Build(repo, res, "data", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["data.md"])
	for _, absent := range []string{"Coverage matrices", "Elements covered", "of the 19 elements", "not declared", "self-declared"} {
		if strings.Contains(md, absent) {
			t.Errorf("data.md without a data set still says %q", absent)
		}
	}
	if !strings.Contains(md, "**3 of 3 countries list at least one planning data source**") {
		t.Error("the sources chapter is gone too")
	}
}
