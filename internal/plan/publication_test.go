package plan

import (
	"regexp"
	"testing"
)

func TestCite(t *testing.T) {
	p := &Publication{Version: "1.2", Date: "2026-01-31", Citation: "HEROES ({year}). {title}. Version {version}, {date}."}
	got := p.Cite("As-is report")
	want := "HEROES (2026). As-is report. Version 1.2, 2026-01-31."
	if got != want {
		t.Errorf("Cite = %q, want %q", got, want)
	}
}

func TestCitationPattern(t *testing.T) {
	re := regexp.MustCompile(CitationPattern)
	for s, ok := range map[string]bool{
		"HEROES ({year}). {title}.": true,
		"plain text":                true,
		"{author}":                  false,
		"a { b":                     false,
		"{title":                    false,
	} {
		if re.MatchString(s) != ok {
			t.Errorf("CitationPattern on %q = %v, want %v", s, !ok, ok)
		}
	}
}
