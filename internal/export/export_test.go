package export_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/export"
	"github.com/xuri/excelize/v2"
)

func tables(t *testing.T) []export.Table {
	t.Helper()
	repo := comparetest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	return export.Tables(repo, res)
}

func TestTablesShape(t *testing.T) {
	// Fixture: 3 countries × 4 items; 5 actions; 2 KPIs; 3 countries × 2 domains; 4 steps.
	want := map[string]int{"countries": 3, "items": 12, "actions": 5, "kpis": 2, "sustainability": 6, "steps": 4}
	var names []string
	for _, tb := range tables(t) {
		names = append(names, tb.Name)
		if len(tb.Rows) != want[tb.Name] {
			t.Errorf("%s: %d rows, want %d", tb.Name, len(tb.Rows), want[tb.Name])
		}
		for i, r := range tb.Rows {
			if len(r) != len(tb.Columns) {
				t.Fatalf("%s row %d has %d cells for %d columns", tb.Name, i, len(r), len(tb.Columns))
			}
		}
	}
	if got := strings.Join(names, ","); got != "countries,items,actions,kpis,sustainability,steps" {
		t.Errorf("tables %s", got)
	}
}

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+2", "'=1+2"},
		{"+SUM(A1)", "'+SUM(A1)"},
		{"-A1", "'-A1"},
		{"@cmd", "'@cmd"},
		{"\t=x", "'\t=x"},
		{"-0.25", "-0.25"},
		{"+3", "+3"},
		{"plain", "plain"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := export.SafeCell(tt.in); got != tt.want {
				t.Errorf("SafeCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func find(t *testing.T, ts []export.Table, name string) export.Table {
	t.Helper()
	for _, tb := range ts {
		if tb.Name == name {
			return tb
		}
	}
	t.Fatalf("no table %s", name)
	return export.Table{}
}

func TestCSV(t *testing.T) {
	data, err := export.CSV(find(t, tables(t), "actions"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	lines := strings.Split(s, "\r\n")
	if !strings.HasPrefix(lines[0], "country,id,title,task,implements,") {
		t.Errorf("header %q", lines[0])
	}
	// AA-A2's title is a formula: quoted for RFC 4180 and prefixed against injection.
	if want := `AA,AA-A2,"'=HYPERLINK(""http://x"")",gov,AA-S1,national,,Ministry,,2025-06,2027-06,planned,300,EUR,eu,false,true,true,false,law,1`; lines[2] != want {
		t.Errorf("AA-A2 row\n got %s\nwant %s", lines[2], want)
	}
	// CC-A2 has no budget and no sustainability block: empty cells.
	if want := "CC,CC-A2,Follow-up,gov,CC-S1,regional,CC1,Region,,2026-01,2026-12,planned,,,,,true,,,,0"; lines[5] != want {
		t.Errorf("CC-A2 row\n got %s\nwant %s", lines[5], want)
	}
}

func TestJSON(t *testing.T) {
	data, err := export.JSON(find(t, tables(t), "items"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 12 {
		t.Fatalf("%d records", len(recs))
	}
	// BB gov.uptake is not assessed: score null, reason kept.
	r := recs[7]
	if r["country"] != "BB" || r["key"] != "gov.uptake" || r["score"] != nil || r["assessed"] != false || r["not_assessed"] != "No data yet." {
		t.Errorf("BB uptake %v", r)
	}
	// AA data.timeliness: 2 on 1-4 → 1/3, target 4 → 1, gap 2/3, written at 4
	// decimals (num.MachineDecimals) without float noise.
	r = recs[0]
	if r["score"] != 2.0 || r["target"] != 4.0 || r["as_is"] != 0.3333 || r["gap"] != 0.6667 || r["to_be"] != 1.0 {
		t.Errorf("AA timeliness %v", r)
	}
	// Keys keep column order.
	if !bytes.HasPrefix(data, []byte("[\n  {\"country\": \"AA\", \"cluster\": \"c1\", \"task\": \"data\"")) {
		t.Errorf("start %s", data[:80])
	}
}

func TestXLSXTypes(t *testing.T) {
	data, err := export.XLSX(tables(t))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "countries,items,actions,kpis,sustainability,steps" {
		t.Errorf("sheets %s", got)
	}
	tests := []struct {
		sheet, cell string
		typ         excelize.CellType
		value       string
	}{
		{"actions", "A1", excelize.CellTypeSharedString, "country"},
		{"actions", "C3", excelize.CellTypeSharedString, `=HYPERLINK("http://x")`}, // text, not a formula
		{"actions", "M3", excelize.CellTypeUnset, "300"},                           // number
		{"actions", "P3", excelize.CellTypeBool, "FALSE"},
		{"actions", "J3", excelize.CellTypeUnset, "2025-06"}, // a date formatted yyyy-mm
		{"countries", "G2", excelize.CellTypeUnset, "2024-06-01"},
		{"items", "K2", excelize.CellTypeUnset, "2"},
		{"items", "N2", excelize.CellTypeUnset, "0.3333"}, // 1/3 at num.MachineDecimals, General format
	}
	for _, tt := range tests {
		t.Run(tt.sheet+"!"+tt.cell, func(t *testing.T) {
			typ, err := f.GetCellType(tt.sheet, tt.cell)
			if err != nil {
				t.Fatal(err)
			}
			if typ != tt.typ {
				t.Errorf("type %v, want %v", typ, tt.typ)
			}
			v, err := f.GetCellValue(tt.sheet, tt.cell)
			if err != nil {
				t.Fatal(err)
			}
			if v != tt.value {
				t.Errorf("value %q, want %q", v, tt.value)
			}
			if formula, _ := f.GetCellFormula(tt.sheet, tt.cell); formula != "" {
				t.Errorf("cell holds a formula %q", formula)
			}
		})
	}
	// Raw value of a date is Excel's day number: 2024-06-01 is day 45444.
	raw, _ := f.GetCellValue("countries", "G2", excelize.Options{RawCellValue: true})
	if raw != "45444" {
		t.Errorf("raw date %q, want 45444", raw)
	}
	panes, err := f.GetPanes("items")
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v %v", panes, err)
	}
	style, _ := f.GetCellStyle("items", "A1")
	st, _ := f.GetStyle(style)
	if st == nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header not bold: %+v", st)
	}
	if w, _ := f.GetColWidth("items", "A"); w < 8 || w > 60 {
		t.Errorf("width %v", w)
	}
}

func TestDeterministic(t *testing.T) {
	first := map[string]map[string][]byte{}
	for _, format := range export.Formats {
		files, err := export.Files(tables(t), format)
		if err != nil {
			t.Fatal(err)
		}
		first[format] = files
	}
	time.Sleep(1100 * time.Millisecond) // a clock in the output would now differ
	for _, format := range export.Formats {
		t.Run(format, func(t *testing.T) {
			again, err := export.Files(tables(t), format)
			if err != nil {
				t.Fatal(err)
			}
			if len(again) != len(first[format]) {
				t.Fatalf("%d files, then %d", len(first[format]), len(again))
			}
			for name, data := range first[format] {
				if !bytes.Equal(data, again[name]) {
					t.Errorf("%s differs between two exports", name)
				}
			}
		})
	}
}

func TestWriteDir(t *testing.T) {
	files := map[string][]byte{"a.csv": []byte("x\r\n"), "b.csv": []byte("y\r\n")}
	t.Run("new folder is written whole", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "out", "csv")
		if err := export.WriteDir(dir, files); err != nil {
			t.Fatal(err)
		}
		assertFiles(t, dir, ".hwfplan-output", "a.csv", "b.csv")
		// No temporary folder is left next to it.
		left, _ := os.ReadDir(filepath.Dir(dir))
		if len(left) != 1 {
			t.Errorf("parent holds %d entries", len(left))
		}
	})
	t.Run("a previous export is replaced, other formats kept", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "out")
		if err := export.WriteDir(dir, map[string][]byte{"old.csv": []byte("o"), "hwfplan.xlsx": []byte("w")}); err != nil {
			t.Fatal(err)
		}
		if err := export.WriteDir(dir, files); err != nil {
			t.Fatal(err)
		}
		assertFiles(t, dir, ".hwfplan-output", "a.csv", "b.csv", "hwfplan.xlsx")
		if b, _ := os.ReadFile(filepath.Join(dir, "a.csv")); string(b) != "x\r\n" {
			t.Errorf("a.csv = %q", b)
		}
	})
	t.Run("a folder export did not make is refused", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("k"), 0o644)
		if err := export.WriteDir(dir, files); err == nil || !strings.Contains(err.Error(), "was not made by `hwfplan export`") {
			t.Fatalf("err = %v", err)
		}
		assertFiles(t, dir, "keep.txt")
	})
}

func assertFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("files %v, want %v", got, want)
	}
}
