package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/model"
)

func TestHiddenText(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string // line:col of each diagnostic, then its message's start
	}{
		{"none, typography is fine", "a: «é» — “x” ‘y’ \u200e\n", nil},
		{"CRLF lines", "a: 1\r\nb: x\u202ey\r\n", []string{"2:5 invisible control character U+202E"}},
		{"lone CR is a line break", "a: 1\rb: \u2067\r", []string{"2:4 invisible control character U+2067"}},
		{"invalid UTF-8 counts one column a byte", "a: \xff\u202a", []string{"1:5 invisible control character U+202A"}},
		{"more than ten are counted", strings.Repeat("\u202d", 12), []string{
			"1:1 ", "1:2 ", "1:3 ", "1:4 ", "1:5 ", "1:6 ", "1:7 ", "1:8 ", "1:9 ", "1:10 ", "1:1 2 more invisible"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := hiddenText(&model.File{Path: "x.yaml", Data: []byte(tt.data)})
			if len(ds) != len(tt.want) {
				t.Fatalf("got %d diagnostics %v, want %d", len(ds), ds, len(tt.want))
			}
			for i, d := range ds {
				got := strings.Join([]string{fmt.Sprintf("%d:%d", d.Line, d.Column), d.Message}, " ")
				if !strings.HasPrefix(got, tt.want[i]) || d.Rule != RuleBidiControl {
					t.Errorf("diagnostic %d = %q [%s], want it to start %q", i, got, d.Rule, tt.want[i])
				}
			}
		})
	}
}
