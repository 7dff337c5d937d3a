package iso3166

import (
	"slices"
	"testing"
)

func TestName(t *testing.T) {
	for code, want := range map[string]string{"HU": "Hungary", "GB": "United Kingdom", "GR": "Greece", "DE": "Germany"} {
		if got, ok := Name(code); !ok || got != want {
			t.Errorf("Name(%s) = %q, %v; want %q", code, got, ok, want)
		}
	}
	// Reserved, user-assigned, EU and withdrawn codes are not ISO 3166-1 countries.
	for _, code := range []string{"UK", "EL", "XZ", "XK", "EU", "YU", "TP", "AA", "ZZ", "hu"} {
		if _, ok := Name(code); ok {
			t.Errorf("%s is taken as an ISO 3166-1 code", code)
		}
	}
	if n := len(Codes()); n != 249 {
		t.Errorf("%d codes, want the 249 of ISO 3166-1", n)
	}
}

func TestSuggest(t *testing.T) {
	for code, want := range map[string][]string{
		"UK": {"GB"},
		"el": {"GR"},
		"HV": {"BV", "CV", "HK", "HM", "HN", "HR", "HT", "HU", "LV", "MV", "SV", "TV"},
	} {
		if got := Suggest(code); !slices.Equal(got, want) {
			t.Errorf("Suggest(%s) = %v, want %v", code, got, want)
		}
	}
	if got := Close("UH", []string{"HU", "AT", "UA"}); !slices.Equal(got, []string{"HU", "UA"}) {
		t.Errorf("Close(UH) = %v", got)
	}
}

func TestNameIn(t *testing.T) {
	for _, tc := range []struct{ code, lang, want string }{
		{"HU", "hu", "Magyarország"},
		{"HU", "de", "Ungarn"},
		{"DE", "it", "Germania"},
		{"EL", "de", "Griechenland"}, // the EU's code for Greece
		{"UK", "hu", "Egyesült Királyság"},
		{"HU", "en", "Hungary"},
	} {
		if got, ok := NameIn(tc.code, tc.lang); !ok || got != tc.want {
			t.Errorf("NameIn(%s, %s) = %q, %v; want %q", tc.code, tc.lang, got, ok, tc.want)
		}
	}
	for _, tc := range []struct{ code, lang string }{{"ZZZ", "hu"}, {"HU", "not a language"}} {
		if got, ok := NameIn(tc.code, tc.lang); ok {
			t.Errorf("NameIn(%s, %s) = %q, true; want false", tc.code, tc.lang, got)
		}
	}
}
