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

// modelsFixture is the report fixture with varied model inventories: HU two
// models (one owned by its authority under its acronym, 10 and 25 years), IT
// one needs-based model for nurses/midwifery and medical doctors (15 years), PT
// none.
func modelsFixture(t *testing.T) (*model.Repo, *compare.Result) {
	t.Helper()
	repo, res := loadFixture(t)
	repo.Country("HU").AsIs.Models = []plan.Model{
		{ID: "a", Name: "Doctor supply", Type: "supply_stock_flow", Professions: []string{"medical_doctors", "dentists"}, HorizonYears: 10, UpdateFrequency: "annual", Owner: "OKFŐ"},
		{ID: "b", Name: "Nurse demand", Type: "demand_utilisation", Professions: []string{"nurses"}, HorizonYears: 25, UpdateFrequency: "one_off", Owner: "University B"},
	}
	repo.Country("IT").AsIs.Models = []plan.Model{
		{ID: "c", Name: "Needs", Type: "needs_based", Professions: []string{"nurses/midwifery", "medical_doctors"}, HorizonYears: 15, UpdateFrequency: "real_time", Owner: "University B"},
	}
	repo.Country("PT").AsIs.Models = nil
	return repo, res
}

func TestModelsView(t *testing.T) {
	repo, res := modelsFixture(t)
	d := newData("models", repo, res, fixtureSource)
	v := d.Models()
	var names []string
	for _, c := range v.Countries {
		names = append(names, c.Name)
	}
	if !slices.IsSortedFunc(names, strings.Compare) || len(names) != 3 {
		t.Errorf("countries %q, want 3 sorted by name", names)
	}
	if !slices.Equal(v.With, []string{"HU", "IT"}) || !slices.Equal(v.Without, []string{"PT"}) || v.Total != 3 {
		t.Errorf("with %v without %v total %d", v.With, v.Without, v.Total)
	}
	wantTypes := map[string]int{"supply_stock_flow": 1, "demand_utilisation": 1, "needs_based": 1, "benchmarking": 0, "integrated": 0}
	for _, ty := range v.Types {
		if ty.Models != wantTypes[ty.Code] {
			t.Errorf("type %s: %d models, want %d", ty.Code, ty.Models, wantTypes[ty.Code])
		}
	}
	if got := v.UnusedTypes(); !slices.Equal(got, []string{"benchmarking", "integrated"}) {
		t.Errorf("unused types %v", got)
	}
	// medical doctors in HU and IT; nurses in HU and IT (nurses/midwifery counts
	// for nurses); dentists HU; midwives and pharmacists nowhere.
	want := map[string][]string{"medical_doctors": {"HU", "IT"}, "nurses": {"HU", "IT"}, "midwives": nil, "dentists": {"HU"}, "pharmacists": nil}
	for _, p := range v.Professions {
		if !slices.Equal(p.Covered, want[p.ID]) {
			t.Errorf("%s covered in %v, want %v", p.ID, p.Covered, want[p.ID])
		}
	}
	if hi := v.MostCovered(); !slices.Equal(hi.IDs, []string{"medical_doctors", "nurses"}) || hi.Countries != 2 {
		t.Errorf("most covered %+v", hi)
	}
	if lo := v.LeastCovered(); !slices.Equal(lo.IDs, []string{"midwives", "pharmacists"}) || lo.Countries != 0 {
		t.Errorf("least covered %+v", lo)
	}
	h := v.Horizons
	if h.Count != 3 || h.Min != 10 || h.Max != 25 || numOr(num.English, h.Median, 1, "") != "15.0" || !slices.Equal(h.Longest, []string{"HU"}) {
		t.Errorf("horizons %+v", h)
	}
	if len(v.Owners) != 2 || v.Owners[0].Owner != "University B" || v.Owners[0].Models != 2 || !slices.Equal(v.Owners[0].Countries, []string{"HU", "IT"}) {
		t.Errorf("owners %+v", v.Owners)
	}
	if !slices.Equal(v.AuthorityOwned, []string{"HU"}) {
		t.Errorf("authority-owned in %v, want HU (owner named by acronym)", v.AuthorityOwned)
	}
	gaps := v.Gaps()
	if len(gaps) != 2 || !slices.Equal(gaps[0].Missing, []string{"midwives", "pharmacists"}) || !slices.Equal(gaps[1].Missing, []string{"midwives", "dentists", "pharmacists"}) {
		t.Errorf("gaps %+v", gaps)
	}
}

// TestModelsReportText reads the findings the varied fixture gives: counts,
// ties, an even number of horizons and the words for every code.
func TestModelsReportText(t *testing.T) {
	repo, res := modelsFixture(t)
	repo.Country("IT").AsIs.Models = append(repo.Country("IT").AsIs.Models,
		plan.Model{ID: "d", Name: "Bench", Type: "benchmarking", Professions: []string{"pharmacists"}, HorizonYears: 30, UpdateFrequency: "quarterly", Owner: "University C"})
	files, err := Build(repo, res, "models", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["models.md"])
	for _, want := range []string{
		"**2 of 3 countries list at least one planning model**, 4 models in all (Table 1).",
		"lists none: its planners have no projection",
		"No country lists a model of the integrated supply and demand type.",
		"**Medical doctors and nurses are the professions most often modelled, in 2 countries; midwives have no model in any country**",
		"**Horizons run from 10 years to 30 years**; the median model looks 20.0 years ahead (Table 5).",
		"In 1 of the 2 countries with a model, the competent authority owns at least one itself (Hungary).",
		"| Median horizon | 20.0 years |",
		"| Needs-based | 1 | 1 | [Italy](#country-it) |",
		"| Nurse demand | Demand (utilisation-based) | Nurses | 25 years | Once | University B |",
		"No model of Hungary covers midwives and pharmacists.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("models.md lacks %q", want)
		}
	}
	text := regexp.MustCompile("\\]\\(#[^)]*\\)|`[^`]*`|https?://[^ )]*").ReplaceAllString(md, "]")
	for _, code := range []string{`\w_\w`, `\bone_off\b`, `\breal_time\b`} {
		if m := regexp.MustCompile(code).FindAllString(text, 3); len(m) > 0 {
			t.Errorf("the report writes a plan code %q: %q", code, m)
		}
	}
	for _, msg := range checkCitations(md) {
		t.Error(msg)
	}
}
