package sitecli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmd/build"
	cmpcmd "github.com/hwfplan/hwfplan/internal/cmd/compare"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/publish"
	"github.com/hwfplan/hwfplan/internal/validate"
	"github.com/xuri/excelize/v2"
)

// TestEveryOutputAgreesOnEdgeNumbers builds every output from the gaps fixture
// (internal/compare/comparetest/gaps.txtar) and checks they agree on the numbers
// that sit on rounding and threshold edges. Aland's data and models task gaps
// are exactly 1/8 (one computed 0.12499999999999994 in floats, the other 0.125 in
// binary, which strconv wrote as 0.12), its stakeholders gap exactly 1/4 (floats:
// 0.24999999999999994), and two of its item gaps exactly 0.25, one of them not
// addressed by a step; Bravia's data gap is a plain 0.25.
//
// People's outputs (report Markdown and HTML, their heat map SVG, the site's
// pages and charts) must show 0.13 and 0.25 and never 0.12; machine outputs
// (compare csv/json, the CSV, JSON and XLSX exports) 0.125 and 0.25 with no float
// noise; and 0.25 must be large wherever the threshold applies (site badge,
// validate's gap-addressed, the sustainability report's coverage).
func TestEveryOutputAgreesOnEdgeNumbers(t *testing.T) {
	root := comparetest.GapsDir(t)
	out := filepath.Join(t.TempDir(), "site")
	ios, _, _, stderr := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, RootFlag: &root}
	if err := Build(&build.Options{Factory: f, Out: out, BaseURL: "/"}); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	read := func(rel string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	// A standalone 0.12 shown as text (not 0.125, not 10.12, not an attribute
	// such as fill-opacity="0.12"): what 1/8 was wrongly written as.
	twelve := regexp.MustCompile(`(^|[^0-9."])0\.12([^0-9"]|$)`)
	// Float noise: a number with more than MachineDecimals decimals.
	noise := regexp.MustCompile(`[0-9]\.[0-9]{5,}`)
	type check struct {
		name, text string
		want       []string // regular expressions
	}
	people := []check{
		{"report as-is.md", read("downloads/reports/as-is.md"), []string{
			// The gap heat map's data table: Aland's data, models, stakeholders.
			`\| \[Aland\]\(#country-aa\) \| 0\.13 \| 0\.13 \| 0\.25 \|`,
		}},
		{"report as-is.html", read("downloads/reports/as-is.html"), []string{
			`Aland \(AA\), Data: 0\.13</title>`, `Aland \(AA\), Models: 0\.13</title>`, `Aland \(AA\), Stakeholders: 0\.25</title>`,
			`>0\.13</td>`,
		}},
		{"report heat map SVG", read("downloads/reports/as-is-figures/fig-heatmap-gap.svg"), []string{
			`Aland \(AA\), Data: 0\.13</title>`, `Aland \(AA\), Models: 0\.13</title>`, `Aland \(AA\), Stakeholders: 0\.25</title>`,
			`fill="#[0-9a-f]{6}">0\.13</text>`,
		}},
		{"report sustainability.md", read("downloads/reports/sustainability.md"), []string{
			`\| \[Aland\]\(#country-aa\) \| EUR \| 2 \| EUR\x{a0}200 \| 29\x{a0}% \|`, // 57 of 200 secured: 0.285
			`\| \[Aland\]\(#country-aa\) \| Linkage \(0\.25\) \|`,                     // coverage: the unaddressed 0.25
		}},
		{"site report page", read("reports/as-is/index.html"), []string{`Aland \(AA\), Data: 0\.13</title>`}},
		{"site home page", read("index.html"), []string{
			`Aland, Data: 0\.13</title>`, `Aland, Models: 0\.13</title>`, `Aland, Stakeholders: 0\.25</title>`,
			`<td class="num">0\.13</td>`,
		}},
		{"site page of Aland", read("countries/aa/index.html"), []string{
			`>Data</a></th><td class="num">0\.46</td><td class="num">0\.58</td><td class="num">0\.13</td>`,
			`>Models</a></th><td class="num">0\.38</td><td class="num">0\.50</td><td class="num">0\.13</td>`,
			`>Stakeholders</a></th><td class="num">0\.42</td><td class="num">0\.67</td><td class="num">0\.25 <span class="flag">large</span></td>`,
		}},
		{"site page of Bravia", read("countries/bb/index.html"), []string{
			`>Data</a></th><td class="num">0\.00</td><td class="num">0\.25</td><td class="num">0\.25 <span class="flag">large</span></td>`,
		}},
		{"site comparison by task", read("compare/tasks/index.html"), []string{`>Aland</a></th><td>1</td><td>c1</td><td>0\.46</td><td>0\.13</td>`}},
	}
	for _, c := range people {
		if m := twelve.FindString(c.text); m != "" {
			t.Errorf("%s writes a gap of 1/8 as 0.12: …%s…", c.name, m)
		}
		for _, w := range c.want {
			if !regexp.MustCompile(w).MatchString(c.text) {
				t.Errorf("%s lacks %s", c.name, w)
			}
		}
	}

	// Machine outputs: compare csv and json, the exports.
	compareOut := func(format string) string {
		t.Helper()
		ios, _, stdout, errOut := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, RootFlag: &root}
		if err := cmpcmd.Run(&cmpcmd.Options{Factory: f, By: "country", Format: format}); err != nil {
			t.Fatalf("compare --format %s: %v\n%s", format, err, errOut)
		}
		return stdout.String()
	}
	machine := []check{
		{"compare csv", compareOut("csv"), []string{
			`AA,Aland,c1,illustrative,data,0\.4583,0\.5833,0\.125,`,
			`AA,Aland,c1,illustrative,models,0\.375,0\.5,0\.125,`,
			`AA,Aland,c1,illustrative,stakeholders,0\.4167,0\.6667,0\.25,`,
			`BB,Bravia,c1,illustrative,data,0,0\.25,0\.25,`,
		}},
		{"compare json", compareOut("json"), []string{
			`"task": "data",\s+"as_is": 0\.4583,\s+"to_be": 0\.5833,\s+"gap": 0\.125,`,
			`"task": "stakeholders",\s+"as_is": 0\.4167,\s+"to_be": 0\.6667,\s+"gap": 0\.25,`,
		}},
		{"export items.csv", read("downloads/data/items.csv"), []string{
			`AA,c1,data,timeliness,data\.timeliness,Timeliness,phase,1,4,true,3,,,0\.6667,0\.6667,0,`,
			`AA,c1,data,linkage,data\.linkage,Linkage,quarter,0,4,true,1,2,2027,0\.25,0\.5,0\.25,`,
		}},
		{"export items.json", read("downloads/data/items.json"), []string{
			`"key": "data\.linkage",[^}]*"as_is": 0\.25, "to_be": 0\.5, "gap": 0\.25,`,
			`"key": "data\.timeliness",[^}]*"as_is": 0\.6667, "to_be": 0\.6667, "gap": 0,`,
		}},
		{"export countries.csv", read("downloads/data/countries.csv"), []string{`,1,,2025-05-01,2,2,0\.75\r\n`}},
	}
	for _, c := range machine {
		if m := noise.FindString(c.text); m != "" {
			t.Errorf("%s carries float noise: %s", c.name, m)
		}
		for _, w := range c.want {
			if !regexp.MustCompile(w).MatchString(c.text) {
				t.Errorf("%s lacks %s", c.name, w)
			}
		}
	}
	// Every number of the CSV and the JSON export is the same text.
	csvItems, err := csv.NewReader(strings.NewReader(read("downloads/data/items.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var jsonItems []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(read("downloads/data/items.json")), &jsonItems); err != nil {
		t.Fatal(err)
	}
	xlsx, err := excelize.OpenReader(bytes.NewReader([]byte(read("downloads/data/hwfplan.xlsx"))))
	if err != nil {
		t.Fatal(err)
	}
	defer xlsx.Close()
	xlsxItems, err := xlsx.GetRows("items")
	if err != nil {
		t.Fatal(err)
	}
	header := csvItems[0]
	if len(jsonItems) != len(csvItems)-1 || len(xlsxItems) != len(csvItems) || !slices.Equal(xlsxItems[0], header) {
		t.Fatalf("items: %d CSV rows, %d JSON records, %d sheet rows", len(csvItems)-1, len(jsonItems), len(xlsxItems)-1)
	}
	for _, col := range []string{"as_is", "to_be", "gap"} {
		j := slices.Index(header, col)
		for i, row := range csvItems[1:] {
			js := strings.ReplaceAll(string(jsonItems[i][col]), "null", "")
			if row[j] != js || xlsxItems[i+1][j] != row[j] {
				t.Errorf("items row %d %s: CSV %q, JSON %q, XLSX %q", i+1, col, row[j], js, xlsxItems[i+1][j])
			}
		}
	}

	// validate flags the item gap of exactly 0.25 that no step addresses, and
	// only that one (models.m1's 0.25 is addressed).
	p, err := publish.Load(root, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var flagged []string
	for _, d := range p.Diagnostics {
		if d.Rule == validate.RuleGapAddressed {
			flagged = append(flagged, d.File+": "+d.Message)
		}
	}
	if len(flagged) != 1 || !strings.Contains(flagged[0], "countries/AA/to-be.yaml: the gap of item data.linkage (as-is 1, target 2: 0.25 of its scale) is at least the threshold 0.25") {
		t.Errorf("gap-addressed warnings: %q", flagged)
	}
	// The comparison itself: Aland's stakeholders gap is large, its data and
	// models gaps are not, and the uncovered items are the validate warning's.
	res, err := p.Compare()
	if err != nil {
		t.Fatal(err)
	}
	aa := res.Country("AA")
	for task, want := range map[string]bool{"data": false, "models": false, "stakeholders": true} {
		if ts, _ := aa.Task(task); res.LargeGap(ts.Gap) != want {
			t.Errorf("AA %s gap %v: large %v, want %v", task, ts.Gap.Value, !want, want)
		}
	}
	if got := res.Actions.Countries[0].UncoveredGaps; len(got) != 1 || got[0].Item != "data.linkage" {
		t.Errorf("AA uncovered gaps %+v, want data.linkage alone", got)
	}
}
