package num

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Locale writes numbers for people in one language's conventions: its decimal
// separator, its thousands separator and where its percent sign goes and with
// what space, all taken from CLDR (golang.org/x/text, whose tables agree with
// golocales', the dates' source; TestLocaleSymbolsAreCLDRs checks both). The
// precision of each kind and the rounding are the package's, the same in every
// language, and so is the minus sign U+2212: CLDR gives de, hu and it the ASCII
// hyphen-minus, but U+2212 is the typographically right minus in all of them and
// keeps a negative difference from reading as a dash or a hyphenated range.
//
// English keeps the package's own conventions, the ones the package-level
// functions use (byte-identical to what they wrote before the languages):
// "0.25", "1,234" as in CLDR, and "53 %" with a no-break space, a house choice
// that CLDR's "53%" does not make. German, Hungarian and Italian write "0,25",
// "1.234" (de, it) or "1 234" (hu, with CLDR's no-break space), and "53 %" (de)
// or "53%" (hu, it).
//
// Only text for people is localised. Machine output — the CSV, JSON and XLSX
// exports, `--format json`/csv, data attributes, chart coordinates, the search
// index — is always MachineText, Machine or Plain, the same in every language.
//
// The zero Locale is English.
type Locale struct {
	lang    string // "" for English
	decimal string // "" for "."
	group   string // "" for ","
	// pctBefore and pctAfter surround a whole percentage: "" and "\u00a0%" in English.
	pctBefore, pctAfter string
}

// English is the package's own conventions, those of the package-level functions.
var English = Locale{}

var locales sync.Map // language code -> Locale

// In returns the conventions of the language with the given BCP 47 code ("de",
// "hu", "it"). English, "" and a code CLDR does not know give English; so does a
// language whose CLDR numbers do not use the digits 0-9 (the site and the reports
// write those digits).
func In(lang string) Locale {
	if lang == "" || lang == "en" {
		return English
	}
	if l, ok := locales.Load(lang); ok {
		return l.(Locale)
	}
	l := cldrLocale(lang)
	locales.Store(lang, l)
	return l
}

// cldrLocale reads a language's symbols from CLDR by writing two numbers in it,
// 1234.5 and 53 %, and taking them apart.
func cldrLocale(lang string) Locale {
	tag, err := language.Parse(lang)
	if err != nil {
		return English
	}
	p := message.NewPrinter(tag)
	d := p.Sprint(number.Decimal(1234.5, number.Scale(1)))
	rest, ok := strings.CutPrefix(d, "1")
	if !ok {
		return English
	}
	group, rest, ok := strings.Cut(rest, "234")
	if !ok {
		return English
	}
	dec, ok := strings.CutSuffix(rest, "5")
	if !ok || dec == "" || hasDigit(dec) || hasDigit(group) {
		return English
	}
	before, after, ok := strings.Cut(p.Sprint(number.Percent(0.53)), "53")
	if !ok || hasDigit(before) || hasDigit(after) {
		return English
	}
	l := Locale{lang: lang, decimal: dec, group: group, pctBefore: before, pctAfter: after}
	if l.decimal == "." && l.group == "," && l.pctBefore == "" && l.pctAfter == "%" {
		// CLDR's English conventions (en-GB, en-AU …): the package's own.
		return Locale{lang: lang}
	}
	return l
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// Lang is the language code the Locale was made for ("" for English).
func (l Locale) Lang() string { return l.lang }

// English reports whether l writes numbers as the package-level functions do.
func (l Locale) English() bool {
	return l.decimal == "" && l.group == "" && l.pctBefore == "" && l.pctAfter == ""
}

// Decimal is l's decimal separator ("." in English, "," in German).
func (l Locale) Decimal() string { return or(l.decimal, ".") }

// Group is l's thousands separator ("," in English, "." in German, a no-break
// space in Hungarian).
func (l Locale) Group() string { return or(l.group, ",") }

func or(s, english string) string {
	if s == "" {
		return english
	}
	return s
}

// Score writes a score, gap or statistic for people: two decimals, "0,13".
func (l Locale) Score(v float64) string { return l.text(Score(v)) }

// People writes v for people with the given decimals and the minus sign U+2212.
func (l Locale) People(v float64, decimals int) string { return l.text(People(v, decimals)) }

// Signed writes a difference for people with its sign: "+0,13", "−0,05".
func (l Locale) Signed(v float64) string { return l.text(Signed(v)) }

// Percent writes a share (0-1) for people as a whole percentage in the
// language's pattern: "53 %", "53%".
func (l Locale) Percent(share float64) string {
	if l.English() {
		return Percent(share)
	}
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return ""
	}
	return l.pctBefore + human(round(strconv.FormatFloat(share, 'f', -1, 64), 2, 0)) + l.pctAfter
}

// PercentSign puts a number text that is already a percentage ("34,5", written
// by l) in the language's percent pattern: "34,5 %" (de), "34,5%" (hu, it),
// "34.5 %" (English).
func (l Locale) PercentSign(text string) string {
	if l.English() {
		return text + "\u00a0%"
	}
	return l.pctBefore + text + l.pctAfter
}

// Money writes an amount for people in whole units, thousands grouped:
// "350.000", "350 000".
func (l Locale) Money(amount float64) string { return l.text(Money(amount)) }

// Quantity writes a planned value for people with the decimals it has, at most
// MachineDecimals, thousands grouped: "5.200", "7,5".
func (l Locale) Quantity(v float64) string { return l.text(Quantity(v)) }

// Plain writes a value as it was written in a plan or the framework, with the
// language's decimal separator and no grouping: "0,25", "350000".
func (l Locale) Plain(v float64) string { return l.text(Plain(v)) }

// Int writes a whole number for people, thousands grouped ("1.234"): a count.
func (l Locale) Int(n int) string { return l.Quantity(float64(n)) }

// text writes a number text of the package's English form (digits, "," between
// thousands, "." before the decimals) with l's separators.
func (l Locale) text(s string) string {
	if l.English() || s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for _, r := range s {
		switch r {
		case '.':
			b.WriteString(l.Decimal())
		case ',':
			b.WriteString(l.Group())
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// RuleArgs are the placeholders of the message numbers_rule (site/i18n), the
// sentence of how numbers are written (Rule, in English), with its examples
// written in l: Decimals (2), Gap (0.125, as written) and GapShown (0,13), Share
// (0.525) and ShareShown (53 %), MachineDecimals (4), TwoThirds (0.6667, as the
// downloads give it, machine text in every language) and Threshold (0.25).
func (l Locale) RuleArgs() map[string]string {
	return map[string]string{
		"Decimals":        strconv.Itoa(ScoreDecimals),
		"Gap":             l.Plain(0.125),
		"GapShown":        l.Score(0.125),
		"Share":           l.Plain(0.525),
		"ShareShown":      l.Percent(0.525),
		"MachineDecimals": strconv.Itoa(MachineDecimals),
		"TwoThirds":       MachineText(2.0 / 3),
		"Threshold":       l.Plain(0.25),
	}
}
