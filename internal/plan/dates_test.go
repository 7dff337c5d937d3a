package plan_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hwfplan/hwfplan/internal/plan"
	"go.yaml.in/yaml/v3"
)

func TestDatesKeepText(t *testing.T) {
	// An unquoted YAML date resolves to a timestamp; the plan keeps the text as written.
	var v struct {
		D plan.Date      `yaml:"d"`
		M plan.YearMonth `yaml:"m"`
	}
	if err := yaml.Unmarshal([]byte("d: 2025-05-14\nm: 2026-06\n"), &v); err != nil {
		t.Fatal(err)
	}
	if v.D != "2025-05-14" || v.M != "2026-06" {
		t.Fatalf("got %q %q", v.D, v.M)
	}
	if err := yaml.Unmarshal([]byte("d: [2025]\n"), &v); err == nil {
		t.Fatal("a list as a date must fail")
	}
}

func TestDateValid(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2025-02-28", true}, {"2024-02-29", true}, {"2025-02-29", false}, {"2025-13-01", false}, {"2025-1-1", false}, {"", false},
	}
	for _, tt := range tests {
		if got := plan.Date(tt.in).Valid(); got != tt.want {
			t.Errorf("Date(%q).Valid() = %v, want %v", tt.in, got, tt.want)
		}
	}
	months := map[string]bool{"2026-01": true, "2026-12": true, "2026-13": false, "2026-00": false, "26-01": false}
	for in, want := range months {
		if got := plan.YearMonth(in).Valid(); got != want {
			t.Errorf("YearMonth(%q).Valid() = %v, want %v", in, got, want)
		}
	}
}

// TestDatePatternIsDateValid: the schemas' pattern for a date accepts exactly the
// texts Date.Valid accepts, over every YYYY-MM-DD shape in four centuries'
// worth of leap-year cases (1900 and 2100 are not leap years, 2000 is).
func TestDatePatternIsDateValid(t *testing.T) {
	re := regexp.MustCompile(plan.DatePattern)
	for _, y := range []int{0, 4, 1600, 1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9996, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				if got, want := re.MatchString(s), plan.Date(s).Valid(); got != want {
					t.Errorf("%s: pattern %v, Valid %v", s, got, want)
				}
			}
		}
	}
	for _, s := range []string{"2025-5-01", "25-05-01", " 2025-05-01", "2025-05-01x", ""} {
		if re.MatchString(s) {
			t.Errorf("pattern accepts %q", s)
		}
	}
}
