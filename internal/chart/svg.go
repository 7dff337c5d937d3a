// Package chart renders the reports' and the site's charts as deterministic,
// accessible SVG: a country × task heat map, grouped bars, a radar per country, an
// action-plan timeline, a small line chart of scores over time and a map of items
// by two whole-number scores (a stakeholder map's power and willingness).
//
// Every chart is plain data in, SVG bytes out. The input types depend on no other
// hwfplan package; values are written by package num, the one number formatter. Every SVG has role="img", a <title> and a <desc> referenced by
// aria-labelledby, ids prefixed with the caller's ID so several charts can share one
// HTML page, a viewBox with width="100%" so it scales, a system sans-serif font stack,
// and XML-escaped text. The same input gives byte-identical output.
//
// Colours: heat maps use a single-hue sequential ramp (ColorBrewer Blues), darker for
// higher values, so they read in greyscale, with each value printed in a text colour
// chosen for WCAG AA contrast against its cell. Series use the Okabe-Ito palette and,
// on top of colour, a fill pattern, a dash style or a marker shape, so that no series is
// told apart by colour alone.
package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	numfmt "github.com/hwfplan/hwfplan/internal/num"
)

// fontStack is the system sans-serif stack used by every chart; no web fonts.
const fontStack = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif`

// Text colours and neutral greys shared by all charts.
const (
	colText  = "#1a1a1a"
	colMuted = "#595959" // 7:1 on white
	colGrid  = "#d9d9d9"
	colAxis  = "#737373"
	// colReport draws the report date on a timeline: a blue apart from the status colours, 7:1 on white.
	colReport = "#005a9c"
)

// Value returns a pointer to v, for filling the optional values of chart data.
func Value(v float64) *float64 { return &v }

// Meta is what every chart needs besides its data: the id prefix that makes the
// element ids in the SVG unique on an HTML page, and the accessible title and
// description.
type Meta struct {
	// ID prefixes every id in the SVG ("<ID>-title", "<ID>-desc", patterns). It must
	// start with a letter and hold only ASCII letters, digits, '-' and '_'.
	ID string
	// Title is the chart's short accessible name, also shown above the chart.
	Title string
	// Desc is the longer accessible description (what the chart shows, how to read it).
	Desc string
	// Numbers are the conventions of the numbers the chart writes for people (tick
	// and value labels, each mark's title): num.In(lang) on a page or report in
	// that language; the zero value is English. Coordinates stay machine numbers.
	Numbers numfmt.Locale
	// Words are the chart's own words (a legend's key, a missing value's
	// tooltip, a timeline's statuses) in that language; the zero value is English.
	Words Words
}

func (m Meta) check() error {
	if m.ID == "" {
		return errors.New("chart id is empty")
	}
	for i, r := range m.ID {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' ||
			i > 0 && (r >= '0' && r <= '9' || r == '-' || r == '_')
		if !ok {
			return fmt.Errorf("chart id %q: must start with a letter and hold only letters, digits, '-' and '_'", m.ID)
		}
	}
	if strings.TrimSpace(m.Title) == "" {
		return fmt.Errorf("chart %s: title is empty", m.ID)
	}
	return nil
}

// svg accumulates the output of one chart.
type svg struct {
	b     bytes.Buffer
	id    string
	loc   numfmt.Locale // the numbers' language (Meta.Numbers)
	words Words         // the chart's own words (Meta.Words)
	w     float64
	h     float64
	err   error
}

// num formats a coordinate with one decimal, the fixed format that keeps output
// deterministic; a trailing ".0" is dropped.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// fmtValue formats a data value for display with the given number of decimals,
// as every report, page and table writes it (package num: half away from zero
// on the decimal value, so 0.125 is 0.13 here as in the data table), in the
// chart's language (Meta.Numbers: 0,13 in German).
func (s *svg) fmtValue(v float64, decimals int) string { return s.loc.People(v, decimals) }

// esc returns s escaped for XML text and attribute values; characters XML cannot hold
// become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// printf appends formatted raw SVG; callers escape user text with esc.
func (s *svg) printf(format string, args ...any) {
	fmt.Fprintf(&s.b, format, args...)
}

// begin writes the root element with its accessible name and description, the title
// line, and the shared pattern definitions.
func begin(m Meta, w, h float64) *svg {
	s := &svg{id: m.ID, loc: m.Numbers, words: m.Words, w: w, h: h}
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="%s-title %s-desc" font-family="%s" font-size="13" fill="%s">`+"\n",
		num(w), num(h), m.ID, m.ID, fontStack, colText)
	s.printf(`<title id="%s-title">%s</title>`+"\n", m.ID, esc(m.Title))
	s.printf(`<desc id="%s-desc">%s</desc>`+"\n", m.ID, esc(m.Desc))
	s.printf(`<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(w), num(h))
	s.printf(`<text x="16" y="26" font-size="16" font-weight="600" aria-hidden="true">%s</text>`+"\n",
		esc(truncate(m.Title, w-32, 16*bold)))
	return s
}

// end closes the root element and returns the bytes.
func (s *svg) end() ([]byte, error) {
	if s.err != nil {
		return nil, s.err
	}
	s.b.WriteString("</svg>\n")
	return s.b.Bytes(), nil
}

// text writes a text element; anchor is start, middle or end. A label cut to fit
// keeps its full wording in a <title> child, shown as a tooltip.
func (s *svg) text(x, y float64, anchor, attrs, body, full string) {
	s.printf(`<text x="%s" y="%s"`, num(x), num(y))
	if anchor != "" && anchor != "start" {
		s.printf(` text-anchor="%s"`, anchor)
	}
	if attrs != "" {
		s.printf(" %s", attrs)
	}
	s.printf(">")
	if full != "" && full != body {
		s.printf("<title>%s</title>", esc(full))
	}
	s.printf("%s</text>\n", esc(body))
}

// textWidth estimates the rendered width of s at the given font size in a typical
// sans-serif face. The widths are those of DejaVu Sans, the widest common fallback
// (what Linux browsers and rsvg use for system-ui), so labels fit narrower fonts too.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune("iljI.,:;'|!`", r):
			w += 0.32
		case strings.ContainsRune("ftr()[] -", r):
			w += 0.40
		case strings.ContainsRune("mwMW@%", r):
			w += 0.98
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			w += 0.70
		case r >= 0x2E80: // CJK and other wide scripts
			w += 1.0
		default:
			w += 0.62
		}
	}
	return w * size
}

// bold scales a font size for width estimates of bold text, about 10 % wider.
const bold = 1.1

// truncate shortens s with an ellipsis so that it fits max at the font size.
func truncate(s string, max, size float64) string {
	if textWidth(s, size) <= max {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && textWidth(string(r)+"…", size) > max {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

// wrap breaks s into at most maxLines lines that each fit width at the font size; the
// last line is truncated if the words do not fit.
func wrap(s string, width, size float64, maxLines int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	cur := ""
	for i, w := range words {
		cand := w
		if cur != "" {
			cand = cur + " " + w
		}
		if textWidth(cand, size) <= width || cur == "" {
			cur = cand
			continue
		}
		if len(lines) == maxLines-1 {
			cur = cur + " " + strings.Join(words[i:], " ")
			break
		}
		lines = append(lines, cur)
		cur = w
	}
	lines = append(lines, cur)
	for i, l := range lines {
		lines[i] = truncate(l, width, size)
	}
	return lines
}

// maxWidth is the widest estimated width of the labels.
func maxWidth(labels []string, size float64) float64 {
	m := 0.0
	for _, l := range labels {
		m = math.Max(m, textWidth(l, size))
	}
	return m
}

// widestWord is the estimated width of the longest single word in the labels, the
// narrowest a wrapped label can be without cutting a word.
func widestWord(labels []string, size float64) float64 {
	m := 0.0
	for _, l := range labels {
		m = math.Max(m, maxWidth(strings.Fields(l), size))
	}
	return m
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// checkValue rejects values that cannot be drawn.
func checkValue(v *float64, where string) error {
	if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
		return fmt.Errorf("%s: value is not a finite number", where)
	}
	return nil
}
