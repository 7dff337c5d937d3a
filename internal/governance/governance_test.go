package governance

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/diag"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		want    []string // coordinators when valid
		wantErr string   // "line:col message part" of the first diagnostic when invalid
	}{
		{name: "users and teams", yaml: "coordinators: [alice, heroes/coordinators]\n", want: []string{"alice", "heroes/coordinators"}},
		{name: "with notes", yaml: "coordinators:\n  - bob-smith\nnotes: AGENAS leads.\n", want: []string{"bob-smith"}},
		{name: "missing list", yaml: "notes: nobody\n", wantErr: "1:1 missing coordinators"},
		{name: "empty list", yaml: "coordinators: []\n", wantErr: "1:15 coordinators: list at least one coordinator"},
		{name: "leading at", yaml: "coordinators:\n  - alice\n  - \"@bob\"\n", wantErr: "3:5 coordinators.1: \"@bob\": write the GitHub handle without @ (bob)"},
		{name: "e-mail", yaml: "coordinators: [ana@example.org]\n", wantErr: "1:16 coordinators.0: \"ana@example.org\" looks like an e-mail address"},
		{name: "space injects a second owner", yaml: "coordinators: [\"alice *\"]\n", wantErr: "1:16 coordinators.0: \"alice *\" is not a GitHub handle"},
		{name: "trailing hyphen", yaml: "coordinators: [alice-]\n", wantErr: "is not a GitHub handle"},
		{name: "repeated", yaml: "coordinators: [alice, alice]\n", wantErr: "1:15 coordinators: entries 1 and 2 are the same"},
		{name: "not a list", yaml: "coordinators: alice\n", wantErr: "1:15 coordinators: expected array, found string"},
		{name: "unknown key", yaml: "coordinators: [alice]\nowners: [bob]\n", wantErr: "2:1 governance.yaml: unknown key owners"},
		{name: "syntax error", yaml: "coordinators: [alice\n", wantErr: "yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, ds := Parse([]byte(tt.yaml))
			if tt.wantErr == "" {
				if len(ds) > 0 || g == nil {
					t.Fatalf("Parse() = %v, %v; want no diagnostics", g, ds)
				}
				if strings.Join(g.Coordinators, ",") != strings.Join(tt.want, ",") {
					t.Errorf("coordinators = %v, want %v", g.Coordinators, tt.want)
				}
				return
			}
			if g != nil || !diag.HasErrors(ds) {
				t.Fatalf("Parse() = %v, %v; want an error", g, ds)
			}
			got := ds[0].String()
			loc, msg, _ := strings.Cut(tt.wantErr, " ")
			if strings.Contains(loc, ":") {
				if !strings.Contains(got, File+":"+loc+": error: ") || !strings.Contains(got, msg) {
					t.Errorf("diagnostic = %s\nwant at %s containing %q", got, loc, msg)
				}
			} else if !strings.Contains(got, tt.wantErr) {
				t.Errorf("diagnostic = %s\nwant it to contain %q", got, tt.wantErr)
			}
		})
	}
}

func TestValidHandle(t *testing.T) {
	tests := map[string]bool{
		"a": true, "hu-hwf-team": true, "A1": true, "heroes/coordinators": true, "org/team_name": true,
		strings.Repeat("a", 39): true, strings.Repeat("a", 40): false,
		"": false, "-a": false, "a-": false, "a--b": false, "@a": false, "a b": false, "a/b/c": false,
		"a/": false, "a\n* @evil": false, "ä": false,
	}
	for h, want := range tests {
		t.Run(h, func(t *testing.T) {
			if got := ValidHandle(h); got != want {
				t.Errorf("ValidHandle(%q) = %v, want %v", h, got, want)
			}
		})
	}
}
