package chart

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words are the words a chart writes of its own, beside the caller's titles,
// labels and values, in the language of the page or report it is on
// (Meta.Words, which the site and the reports fill from the message bundles):
// a field left empty is the English given beside it, so the zero value is the
// English every chart wrote before. The mark of a missing number is num.Missing
// ("n/a") in every language, as the tables and the charts' descriptions write it.
type Words struct {
	NoValue     string // a mark without a value, in its tooltip: "no value"
	NotAssessed string // the heat map legend's hatched cell: "not assessed"
	NoDates     string // a timeline row without months: "no dates"
	To          string // between a timeline row's months: "to"
	// Status is a timeline action's status by its code, as a sentence
	// writes it ("in progress"; a label starts with a capital letter);
	// plan's words where it has none.
	Status map[string]string
	// Value and Gap name a heat map's legend when the caller gives none.
	Value string // "Value (0–1)"
	Gap   string // "Gap, to-be minus as-is (0–1)"
	// The strip chart's key, what a dot, the box and the line mean, and the
	// word before a strip's median value.
	OneCountry string // "one country"
	StripKey   string // "box: middle half of the countries; line: median"
	Median     string // "median"
}

// english are the English words, those of the zero Words.
var english = Words{
	NoValue:     "no value",
	NotAssessed: "not assessed",
	NoDates:     "no dates",
	To:          "to",
	Value:       "Value (0–1)",
	Gap:         "Gap, to-be minus as-is (0–1)",
	OneCountry:  "one country",
	StripKey:    "box: middle half of the countries; line: median",
	Median:      "median",
}

func or(s, english string) string {
	if s == "" {
		return english
	}
	return s
}

func (w Words) noValue() string     { return or(w.NoValue, english.NoValue) }
func (w Words) notAssessed() string { return or(w.NotAssessed, english.NotAssessed) }
func (w Words) noDates() string     { return or(w.NoDates, english.NoDates) }
func (w Words) to() string          { return or(w.To, english.To) }
func (w Words) value() string       { return or(w.Value, english.Value) }
func (w Words) gap() string         { return or(w.Gap, english.Gap) }
func (w Words) oneCountry() string  { return or(w.OneCountry, english.OneCountry) }
func (w Words) stripKey() string    { return or(w.StripKey, english.StripKey) }
func (w Words) median() string      { return or(w.Median, english.Median) }

// status is a timeline action's status as a label writes it: "In progress".
func (w Words) status(s Status) string {
	t, ok := w.Status[string(s)]
	if !ok || t == "" {
		return s.label()
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// statusInText is the status inside a sentence: "in progress".
func (w Words) statusInText(s Status) string {
	if t := w.Status[string(s)]; t != "" {
		return t
	}
	return strings.ToLower(s.label())
}

// EnglishWordsIn lists the English chart words that a page or a chart in
// another language holds where a chart writes them (a legend, a tooltip, a
// timeline's status), for the tests of translated pages and reports: a chart
// word left English there is missing from Meta.Words. Plan text elsewhere on
// the page, English or not, is not looked at.
func EnglishWordsIn(doc string) []string {
	var marks []string
	add := func(before, word, after string) { marks = append(marks, before+esc(word)+after) }
	add(": ", english.NoValue, "</title>")
	add(": ", english.NotAssessed, "<")
	for _, w := range []string{english.Value, english.Gap, english.OneCountry, english.StripKey, english.NoDates} {
		add(">", w, "<")
	}
	add(">", english.Median, " ")
	add(": ", english.NoDates, ", ")
	for _, st := range Statuses {
		add(">", english.status(st), "<")
		add(", ", english.statusInText(st), "</title>")
	}
	var found []string
	for _, m := range marks {
		if strings.Contains(doc, m) {
			found = append(found, m)
		}
	}
	if r := englishRange.FindString(doc); r != "" {
		found = append(found, r)
	}
	return found
}

// englishRange is a timeline tooltip's months in English ("2025-03 to 2026-01,").
var englishRange = regexp.MustCompile(`(\?|[0-9]{4}-[0-9]{2}) to (\?|[0-9]{4}-[0-9]{2}),`)
