package num_test

import (
	"math"
	"strings"
	"testing"

	"github.com/bep/golocales"
	"github.com/hwfplan/hwfplan/internal/num"
)

// TestLocaleSymbolsAreCLDRs: the separators and the percent pattern of each
// shipped language are CLDR's, as golocales (the dates' source, from Hugo) writes
// them, not typed here: a number written by a Locale is golocales' own text with
// our minus sign U+2212. English keeps "53 %" (the package's house style; CLDR's
// en writes "53%").
func TestLocaleSymbolsAreCLDRs(t *testing.T) {
	for _, lang := range []string{"en", "de", "hu", "it"} {
		l, cldr := num.In(lang), golocales.New(lang)
		if cldr == nil {
			t.Fatalf("golocales has no %s", lang)
		}
		cldrText := func(s string) string { return strings.Replace(s, "-", "\u2212", 1) }
		for _, v := range []float64{1234567.5, 0.25, 12, 1234, -1200, 999.5} { // not -0.125: golocales writes −0, we never show a negative zero
			if got, want := l.Money(v), cldrText(cldr.FormatNumber(math.Round(v), 0)); got != want {
				t.Errorf("%s: Money(%v) = %q, CLDR writes %q", lang, v, got, want)
			}
		}
		for _, v := range []float64{0.25, 0.5, 1, -0.75} {
			if got, want := l.Score(v), cldrText(cldr.FormatNumber(v, 2)); got != want {
				t.Errorf("%s: Score(%v) = %q, CLDR writes %q", lang, v, got, want)
			}
		}
		for _, v := range []float64{1234.25, 5200.5, 7.5} {
			if got, want := l.Quantity(v), cldrText(cldr.FormatNumber(v, len(num.Plain(v))-strings.Index(num.Plain(v), ".")-1)); got != want {
				t.Errorf("%s: Quantity(%v) = %q, CLDR writes %q", lang, v, got, want)
			}
		}
		for _, share := range []float64{0.53, 0, 1, -0.25} {
			want := cldrText(cldr.FormatPercent(math.Round(share*100), 0))
			if lang == "en" {
				want = strings.Replace(want, "%", "\u00a0%", 1)
			}
			if got := l.Percent(share); got != want {
				t.Errorf("%s: Percent(%v) = %q, CLDR writes %q", lang, share, got, want)
			}
		}
	}
}

func TestLocaleText(t *testing.T) {
	de, hu, it := num.In("de"), num.In("hu"), num.In("it")
	for _, c := range []struct{ got, want string }{
		{de.Score(0.25), "0,25"},
		{de.Score(0.125), "0,13"}, // the rounding is the package's
		{de.Score(-0.125), "\u22120,13"},
		{de.Signed(0.125), "+0,13"},
		{de.Signed(-0.004), "0,00"},
		{de.Money(1234), "1.234"},
		{de.Money(-1200), "\u22121.200"},
		{de.Quantity(5200.5), "5.200,5"},
		{de.Plain(0.25), "0,25"},
		{de.Plain(350000), "350000"},
		{de.Percent(0.525), "53\u00a0%"},
		{de.Percent(-0.004), "0\u00a0%"},
		{de.Int(1234), "1.234"},
		{de.People(0.5, 1), "0,5"},
		{hu.Score(0.25), "0,25"},
		{hu.Money(1234), "1\u00a0234"},
		{hu.Money(1234567), "1\u00a0234\u00a0567"},
		{hu.Percent(0.525), "53%"},
		{hu.Signed(-0.1), "\u22120,10"},
		{it.Score(0.25), "0,25"},
		{it.Money(1234), "1.234"},
		{it.Percent(0.525), "53%"},
		{de.PercentSign(de.Quantity(34.5)), "34,5\u00a0%"},
		{hu.PercentSign(hu.Quantity(34.5)), "34,5%"},
		{num.English.PercentSign("34.5"), "34.5\u00a0%"},
		{de.Score(math.NaN()), ""},
		{de.Percent(math.Inf(1)), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestEnglishIsThePackages: In("en"), In("") and the zero Locale write exactly
// what the package-level functions write; so does a language CLDR does not know.
func TestEnglishIsThePackages(t *testing.T) {
	for _, l := range []num.Locale{num.In("en"), num.In(""), {}, num.English, num.In("xx-not-a-tag!"), num.In("en-GB")} {
		for _, v := range []float64{0.125, -0.125, 1234567.5, 0.525, 0, math.NaN()} {
			for _, c := range []struct{ got, want string }{
				{l.Score(v), num.Score(v)}, {l.Signed(v), num.Signed(v)}, {l.Percent(v), num.Percent(v)},
				{l.Money(v), num.Money(v)}, {l.Quantity(v), num.Quantity(v)}, {l.Plain(v), num.Plain(v)},
				{l.People(v, 3), num.People(v, 3)},
			} {
				if c.got != c.want {
					t.Errorf("%q: got %q, want %q", l.Lang(), c.got, c.want)
				}
			}
		}
		if !l.English() {
			t.Errorf("%q is not English", l.Lang())
		}
	}
	if num.In("de").English() || num.In("de").Lang() != "de" || num.In("de").Decimal() != "," || num.In("hu").Group() != "\u00a0" {
		t.Error("German and Hungarian must have their own conventions")
	}
}

func TestRuleArgs(t *testing.T) {
	en, de := num.English.RuleArgs(), num.In("de").RuleArgs()
	for k, want := range map[string]string{"Decimals": "2", "Gap": "0.125", "GapShown": "0.13", "Share": "0.525", "ShareShown": "53\u00a0%", "MachineDecimals": "4", "TwoThirds": "0.6667", "Threshold": "0.25"} {
		if en[k] != want {
			t.Errorf("English %s = %q, want %q", k, en[k], want)
		}
	}
	for k, want := range map[string]string{"Gap": "0,125", "GapShown": "0,13", "ShareShown": "53\u00a0%", "TwoThirds": "0.6667", "Threshold": "0,25"} {
		if de[k] != want {
			t.Errorf("German %s = %q, want %q", k, de[k], want)
		}
	}
	// Rule is the English sentence; every example in it is an English argument.
	for _, k := range []string{"Gap", "GapShown", "ShareShown", "TwoThirds", "Threshold"} {
		if !strings.Contains(num.Rule(), en[k]) {
			t.Errorf("Rule() lacks %s %q", k, en[k])
		}
	}
}
