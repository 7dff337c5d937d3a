package words

import (
	"strings"
	"testing"
)

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 errors"}, {1, "1 error"}, {2, "2 errors"}} {
		if got := Count(tt.n, "error", "errors"); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if got := Plural(1, "is", "are"); got != "is" {
		t.Errorf("Plural(1) = %q", got)
	}
	if got := Plural(3, "is", "are"); got != "are" {
		t.Errorf("Plural(3) = %q", got)
	}
}

func TestCountNoun(t *testing.T) {
	for _, tt := range []struct {
		n          int
		noun, want string
	}{
		{1, "country", "1 country"},
		{2, "country", "2 countries"},
		{2, "key", "2 keys"},
		{0, "change", "0 changes"},
		{3, "y", "3 ys"},
	} {
		if got := CountNoun(tt.n, tt.noun); got != tt.want {
			t.Errorf("CountNoun(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}

func TestJoinAnd(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"HU"}, "HU"},
		{[]string{"HU", "IT"}, "HU and IT"},
		{[]string{"HU", "IT", "ES"}, "HU, IT and ES"},
	} {
		if got := JoinAnd(tt.in); got != tt.want {
			t.Errorf("JoinAnd(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestByName(t *testing.T) {
	names := []string{"Zambia", "Österreich", "Oman", "Czechia", "Czechia"}
	codes := []string{"ZM", "AT", "OM", "XZ", "CZ"}
	var got []string
	for _, i := range ByName(names, codes) {
		got = append(got, codes[i])
	}
	if want := "CZ XZ OM AT ZM"; strings.Join(got, " ") != want {
		t.Errorf("ByName order = %v, want %v", got, want)
	}
}
