package words

import "testing"

func TestClosest(t *testing.T) {
	tests := []struct {
		got   string
		known []string
		want  string
	}{
		{"lwo", []string{"high", "medium", "low"}, "low"},
		{"hgih", []string{"high", "medium", "low"}, "high"},
		{"mediun", []string{"high", "medium", "low"}, "medium"},
		{"evidense", []string{"score", "evidence", "sources"}, "evidence"},
		{"scroe", []string{"score", "not_assessed"}, "score"},
		{"assesed_on", []string{"assessed_on", "assessors"}, "assessed_on"},
		{"sustainabilty", []string{"as-is", "sustainability", "models"}, "sustainability"},
		{"asis", []string{"as-is", "sustainability", "models"}, "as-is"},
		{"xyz", []string{"high", "medium", "low"}, ""},
		{"low", []string{"low"}, ""}, // exact: nothing to suggest
		{"", []string{"a"}, "a"},
		{"totally_different", []string{"score"}, ""},
		{"ab", []string{"ac", "ad"}, "ac"}, // equally close: the first known
		{"x", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.got, func(t *testing.T) {
			if got := Closest(tt.got, tt.known); got != tt.want {
				t.Errorf("Closest(%q) = %q, want %q", tt.got, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"lwo", "low", 1},
		{"ab", "ba", 1},
		{"kitten", "sitting", 3},
		{"ÖKFŐ", "OKFŐ", 1},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
