package chart

import (
	"fmt"
	numfmt "github.com/hwfplan/hwfplan/internal/num"
	"math"
)

// Series is one named series of optional values, one per category (a group of bars,
// a radar axis, a date).
type Series struct {
	Name   string
	Values []*float64
}

// Bars is a grouped bar chart: one group per category (e.g. a cluster, or "All
// countries" as a last group) and within it one bar per series (e.g. a task). Each
// series has its Okabe-Ito colour and a fill pattern, and every bar carries its value;
// a nil value is marked "n/a".
type Bars struct {
	Meta
	// Groups label the groups; Series[i].Values[g] is the bar of series i in group g.
	Groups []string
	Series []Series
	// YLabel names the value axis, e.g. "Mean as-is score (0-1)".
	YLabel string
	// Max is the top of the value axis; 0 means 1, or the largest value if that is
	// larger.
	Max float64
	// Decimals is how many decimals the bar labels show; 0 means 2.
	Decimals int
	// ReferenceLast marks the last group as a reference for the others, such as "All
	// countries": a dashed rule sets it apart and its label is italic.
	ReferenceLast bool
}

// Bar chart layout, in SVG user units.
const (
	barW      = 30.0
	barGap    = 3.0
	barPlotH  = 260.0
	barLeft   = 72.0
	barMinW   = 560.0
	barGroupP = 30.0
)

func (b Bars) check() error {
	if err := b.Meta.check(); err != nil {
		return err
	}
	if len(b.Groups) == 0 || len(b.Series) == 0 {
		return fmt.Errorf("bar chart %s: needs at least one group and one series", b.ID)
	}
	for _, sr := range b.Series {
		if len(sr.Values) != len(b.Groups) {
			return fmt.Errorf("bar chart %s: series %q has %d values for %d groups", b.ID, sr.Name, len(sr.Values), len(b.Groups))
		}
		for g, v := range sr.Values {
			if err := checkValue(v, fmt.Sprintf("bar chart %s, %s × %s", b.ID, b.Groups[g], sr.Name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// valueAxis is a value axis from 0: its top, the step between ticks and the number
// of steps, and the decimals its labels need.
type valueAxis struct {
	bottom, top, step float64
	steps             int
	decimals          int
}

// newAxis fits a value axis to max (0 means 1) or the largest value if larger, with a
// "nice" step (1, 2, 2.5 or 5 times a power of ten) giving at most seven steps.
func newAxis(max float64, series []Series) valueAxis {
	if max <= 0 {
		max = 1
	}
	for _, sr := range series {
		for _, v := range sr.Values {
			if v != nil && *v > max {
				max = *v
			}
		}
	}
	raw := max / 7
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * pow
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*pow >= raw-1e-12 {
			step = m * pow
			break
		}
	}
	steps := int(math.Ceil(max/step - 1e-9))
	dec := 0
	for dec < 3 && math.Abs(step*math.Pow(10, float64(dec))-math.Round(step*math.Pow(10, float64(dec)))) > 1e-9 {
		dec++
	}
	return valueAxis{top: step * float64(steps), step: step, steps: steps, decimals: dec}
}

// tick is the value of tick k and its label, written in s's language.
func (a valueAxis) tick(s *svg, k int) (float64, string) {
	v := a.bottom + a.step*float64(k)
	return v, s.fmtValue(v, a.decimals)
}

// from moves the axis's bottom up to a nice value at or below lo, keeping the
// top, with a step fitted to the range left: a line chart of values between 105
// and 112 shows them apart instead of as one flat line near the top.
func (a valueAxis) from(lo float64) valueAxis {
	if lo <= 0 || lo >= a.top {
		return a
	}
	r := newAxis(a.top-lo, nil) // a nice step for the span
	bottom := math.Floor(lo/r.step) * r.step
	steps := int(math.Ceil((a.top-bottom)/r.step - 1e-9))
	return valueAxis{bottom: bottom, top: bottom + r.step*float64(steps), step: r.step, steps: steps, decimals: r.decimals}
}

// Render draws the grouped bars as SVG.
func (b Bars) Render() ([]byte, error) {
	if err := b.check(); err != nil {
		return nil, err
	}
	dec := b.Decimals
	if dec <= 0 {
		dec = 2
	}
	ax := newAxis(b.Max, b.Series)
	top := ax.top
	n := float64(len(b.Series))
	groupW := n*barW + (n-1)*barGap + barGroupP
	groupW = math.Max(groupW, math.Max(widestWord(b.Groups, 12)+16, (barMinW-barLeft-16)/float64(len(b.Groups))))
	width := barLeft + groupW*float64(len(b.Groups)) + 16

	names := make([]string, len(b.Series))
	for i, sr := range b.Series {
		names[i] = sr.Name
	}
	// The legend's height is known only once it is laid out; lay it out on a scratch
	// writer first.
	scratch := &svg{id: b.ID}
	legendEnd := scratch.legend(names, legendFill, 16, 54, width-16)
	plotY := legendEnd + 16
	baseY := plotY + barPlotH
	heads := make([][]string, len(b.Groups))
	lines := 1
	for g, label := range b.Groups {
		heads[g] = wrap(label, groupW-8, 12, 2)
		lines = max(lines, len(heads[g]))
	}
	height := baseY + 12 + float64(lines)*15 + 12

	s := begin(b.Meta, width, height)
	s.patternDefs(len(b.Series))
	s.legend(names, legendFill, 16, 54, width-16)

	// Value axis with a grid line at every tick.
	s.printf(`<g font-size="11" fill="%s">`+"\n", colMuted)
	for k := 0; k <= ax.steps; k++ {
		v, label := ax.tick(s, k)
		y := baseY - barPlotH*v/top
		colour := colGrid
		if k == 0 {
			colour = colAxis
		}
		s.printf(`<path d="M%s %sH%s" stroke="%s"/>`, num(barLeft), num(y), num(width-16), colour)
		s.text(barLeft-6, y+4, "end", "", label, "")
	}
	if b.YLabel != "" {
		cy := baseY - barPlotH/2
		s.printf(`<text transform="translate(26 %s) rotate(-90)" text-anchor="middle" font-size="12" fill="%s">%s</text>`+"\n",
			num(cy), colText, esc(truncate(b.YLabel, barPlotH, 12)))
	}
	s.printf("</g>\n")

	// Bars, group by group.
	for g, label := range b.Groups {
		gx := barLeft + float64(g)*groupW
		x0 := gx + (groupW-(n*barW+(n-1)*barGap))/2
		s.printf("<g>\n")
		for i, sr := range b.Series {
			x := x0 + float64(i)*(barW+barGap)
			v := sr.Values[g]
			if v == nil {
				s.printf(`<g><title>%s, %s: %s</title><rect x="%s" y="%s" width="%s" height="16" fill="url(#%s-na)"/>`,
					esc(label), esc(sr.Name), esc(s.words.noValue()), num(x), num(baseY-16), num(barW), s.id)
				s.printf(`<text x="%s" y="%s" text-anchor="middle" font-size="10" font-style="italic" fill="%s">%s</text></g>`+"\n",
					num(x+barW/2), num(baseY-20), colMuted, numfmt.Missing)
				continue
			}
			h := barPlotH * clamp(*v, 0, top) / top
			val := s.fmtValue(*v, dec)
			s.printf(`<g><title>%s, %s: %s</title><rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s"/>`,
				esc(label), esc(sr.Name), val, num(x), num(baseY-h), num(barW), num(h), s.seriesFill(i), seriesColour(i))
			s.printf(`<text x="%s" y="%s" text-anchor="middle" font-size="10">%s</text></g>`+"\n",
				num(x+barW/2), num(baseY-h-4), val)
		}
		attrs := `font-size="12"`
		if b.ReferenceLast && g == len(b.Groups)-1 && g > 0 {
			attrs += ` font-style="italic"`
			s.printf(`<path d="M%s %sV%s" stroke="%s" stroke-dasharray="4 3"/>`+"\n", num(gx), num(baseY-barPlotH), num(baseY+8), colAxis)
		}
		for j, l := range heads[g] {
			s.text(gx+groupW/2, baseY+18+float64(j)*15, "middle", attrs, l, label)
		}
		s.printf("</g>\n")
	}
	return s.end()
}
