package diag

import (
	"strings"
	"testing"
)

func TestLocation(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "a.yaml", Line: 3, Column: 7}, "a.yaml:3:7"},
		{Diagnostic{File: "a.yaml", Line: 3}, "a.yaml:3"},
		{Diagnostic{File: "a.yaml"}, "a.yaml"},
	}
	for _, tt := range tests {
		if got := tt.d.Location(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestSortDedupeCount(t *testing.T) {
	ds := []Diagnostic{
		{File: "b.yaml", Line: 1, Severity: Warning, Rule: "r", Message: "m"},
		{File: "a.yaml", Line: 9, Severity: Error, Rule: "r", Message: "m"},
		{File: "a.yaml", Line: 2, Column: 5, Severity: Warning, Rule: "r", Message: "m"},
		{File: "a.yaml", Line: 2, Column: 5, Severity: Error, Rule: "r", Message: "m"},
		{File: "a.yaml", Line: 9, Severity: Error, Rule: "r", Message: "m"},
	}
	Sort(ds)
	ds = Dedupe(ds)
	var got []string
	for _, d := range ds {
		got = append(got, d.Location()+" "+string(d.Severity))
	}
	want := "a.yaml:2:5 error|a.yaml:2:5 warning|a.yaml:9 error|b.yaml:1 warning"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
	if e, w := Count(ds); e != 2 || w != 2 {
		t.Errorf("count %d errors, %d warnings", e, w)
	}
	if !HasErrors(ds) || HasErrors(ds[3:]) {
		t.Error("HasErrors is wrong")
	}
}
