// Package num is the one place a number becomes text. Every number hwfplan shows
// or exports (charts, the reports' tables and text, site pages, `hwfplan compare`,
// the CSV, JSON and XLSX exports) is written by a function of this package, at the
// precision of its kind:
//
//	kind of number                          people (charts, reports, site, terminal)   machines (CSV, JSON, XLSX)
//	score, gap, statistic on the 0-1 scale  Score: 2 decimals, 0.13                     Machine: at most 4 decimals, 0.125
//	difference of two scores                Signed: 2 decimals and a sign, +0.13         Machine
//	share (completeness, funding secured)   Percent: whole percent, 53 %                Machine, as the share: 0.525
//	amount of money                         Money: whole units, grouped, 350,000        Plain: as written in the plan
//	value written in a plan or framework    Plain: as written, 0.25                     Plain
//
// Rounding is half away from zero on the number's decimal value: 0.125 is 0.13 and
// −0.125 is −0.13 to two decimals. A float64 is read as the shortest decimal that
// identifies it (strconv's 'f', -1 form: 0.145, not the binary 0.14499999…), so
// 0.125 reads the same in a chart, a table and a sentence. Text for people writes
// a negative number with the minus sign U+2212; machine text uses the ASCII
// hyphen-minus. No output shows a negative zero.
//
// The numbers rounded here are exact: a normalised score, a mean or median of such
// scores and a difference of them is a Ratio of integers, and its Float64 is the
// nearest float64, whose shortest decimal rounds like the exact value (for every
// denominator up to 10⁹ and at most 4 decimals; see TestRoundingIsExact). Thresholds
// are compared on Ratios (Cmp), never with a tolerance.
//
// Languages. The package-level functions write English. Text for people in
// another language comes from a Locale, In(lang): the same kinds, precision,
// rounding and minus sign, with the language's decimal and thousands separators
// and percent pattern from CLDR ("0,13", "1.234", "1 234", "53 %", "53%"); see
// Locale. Machine output is never localised: the CSV, JSON and XLSX exports,
// `--format json` and csv, data attributes, chart coordinates and the search
// index use MachineText, Machine or Plain in every language, so a download reads
// the same wherever it came from.
package num

import (
	"math"
	"strconv"
	"strings"
)

// Precision of each kind of number, in decimals.
const (
	// ScoreDecimals is the precision of scores, gaps, statistics and differences
	// on the 0-1 scale shown to people.
	ScoreDecimals = 2
	// MachineDecimals is the precision of computed numbers in machine-readable
	// output: `hwfplan compare --format csv/json` and the exports. Trailing zeros
	// are dropped (0.25, 1).
	MachineDecimals = 4
)

const minus = "\u2212"

// Missing is how every output for people writes a number that is not there (an
// item not assessed, a share of nothing): in charts, reports, site pages and
// `hwfplan compare`. Machine output leaves the field empty instead.
const Missing = "n/a"

// Fixed writes v with exactly decimals digits after the point, rounded half away
// from zero on its decimal value, with an ASCII minus ("-0.13"); "" when v is not
// a finite number. A value that rounds to zero has no sign.
func Fixed(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return round(strconv.FormatFloat(v, 'f', -1, 64), 0, max(decimals, 0))
}

// Score writes a score, gap or statistic for people: two decimals, "−0.13".
func Score(v float64) string { return People(v, ScoreDecimals) }

// People writes v for people with the given decimals and the minus sign U+2212.
func People(v float64, decimals int) string { return human(Fixed(v, decimals)) }

// Signed writes a difference for people with its sign: "+0.13", "−0.05", and
// "0.00" when it rounds to zero.
func Signed(v float64) string {
	s := Score(v)
	if s == "" || strings.HasPrefix(s, minus) || isZero(s) {
		return s
	}
	return "+" + s
}

// Percent writes a share (0-1) for people as a whole percentage, "53 %" with a
// no-break space; the share is multiplied by 100 on its decimal value, so 0.525
// is 53 %, not 52 %.
func Percent(share float64) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return ""
	}
	return human(round(strconv.FormatFloat(share, 'f', -1, 64), 2, 0)) + "\u00a0%"
}

// Money writes an amount for people in whole units, thousands separated by
// commas: "350,000", "−1,200".
func Money(amount float64) string { return group(People(amount, 0)) }

// Quantity writes a planned value (a KPI's baseline or target) for people with
// the decimals it has, at most MachineDecimals, thousands separated: "5,200", "7.5".
func Quantity(v float64) string { return group(human(MachineText(v))) }

// group separates the thousands of a number text's whole part with commas.
func group(s string) string {
	sign := ""
	if rest, ok := strings.CutPrefix(s, minus); ok {
		sign, s = minus, rest
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}

// MachineText writes a computed number for machines: at most MachineDecimals
// decimals, rounded half away from zero, trailing zeros dropped ("0.3333",
// "0.25", "1", "-0.125"); "" when v is not a finite number.
func MachineText(v float64) string {
	s := Fixed(v, MachineDecimals)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Machine is v rounded as MachineText writes it, as the float64 whose shortest
// decimal is that text, for writers that take numbers (JSON, XLSX). NaN and the
// infinities are returned as they are.
func Machine(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	f, _ := strconv.ParseFloat(MachineText(v), 64)
	return f
}

// Plain writes a value as it was written in a plan or the framework: the shortest
// decimal that identifies the float64, never an exponent or a negative zero
// ("0.25", "350000", "0.00012"); "" when v is not a finite number.
func Plain(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// human gives a machine number text the minus sign U+2212.
func human(s string) string {
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		return minus + rest
	}
	return s
}

func isZero(s string) bool { return strings.Trim(s, "0.") == "" }

// round rounds the plain decimal s ("-12.345": optional sign, digits, optional
// point and digits), multiplied by 10^shift, to decimals places, half away from
// zero, and writes it with exactly decimals places.
func round(s string, shift, decimals int) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	// d holds the digits without the point; the first point of them are whole.
	d := make([]byte, 0, len(s)+shift+decimals+1)
	point := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			point = len(d)
			continue
		}
		d = append(d, s[i])
	}
	if point < 0 {
		point = len(d)
	}
	point += shift
	keep := point + decimals
	for len(d) < keep {
		d = append(d, '0')
	}
	up := len(d) > keep && d[keep] >= '5' // the dropped digits are at least half a unit
	d = d[:keep]
	if up {
		i := keep - 1
		for ; i >= 0 && d[i] == '9'; i-- {
			d[i] = '0'
		}
		if i < 0 {
			d = append([]byte{'1'}, d...)
			point++
		} else {
			d[i]++
		}
	}
	if point == 0 {
		d, point = append([]byte{'0'}, d...), 1
	}
	for point > 1 && d[0] == '0' {
		d, point = d[1:], point-1
	}
	zero := true
	for _, c := range d {
		zero = zero && c == '0'
	}
	out := make([]byte, 0, len(d)+2)
	if neg && !zero {
		out = append(out, '-')
	}
	out = append(out, d[:point]...)
	if decimals > 0 {
		out = append(append(out, '.'), d[point:]...)
	}
	return string(out)
}

// Rule says in one sentence of plain text how numbers are written and compared,
// for the methods sections of the reports and the site; its examples are written
// by the functions it describes. It is English: the site's and the reports'
// message numbers_rule (site/i18n) says it in every language, filled with
// Locale.RuleArgs, and its English text is this sentence (a test in
// internal/report keeps them the same).
func Rule() string {
	return "Scores, gaps and statistics on the 0-1 scale are shown with " + strconv.Itoa(ScoreDecimals) +
		" decimals, differences with their sign, shares as whole percentages and amounts in whole currency units, " +
		"all rounded half away from zero on the exact value (a gap of 0.125 shows as " + Score(0.125) + ", a share of 0.525 as " + Percent(0.525) + "); " +
		"the downloads (CSV, JSON, Excel) and hwfplan compare's CSV and JSON give the same numbers with up to " + strconv.Itoa(MachineDecimals) +
		" decimals (" + MachineText(2.0/3) + " for two thirds). Scores are kept as exact fractions, so thresholds are compared exactly: " +
		"a gap of 0.25 meets a threshold of 0.25 however it was computed."
}
