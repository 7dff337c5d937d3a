package chart

import (
	"fmt"
	"time"
)

// Lines is a small line chart of values over time, such as each task's score across
// the revisions of a plan. Series differ by colour, dash style and marker; a nil value
// breaks the line.
type Lines struct {
	Meta
	// Dates are the x positions, in ascending order; Series[i].Values[k] is at Dates[k].
	Dates  []time.Time
	Series []Series
	// YLabel names the value axis, e.g. "Score (0-1)".
	YLabel string
	// Max is the top of the value axis; 0 means 1, or the largest value if that is
	// larger.
	Max float64
	// Min, when above 0, lets the value axis start above zero, at a round value
	// at or below Min (and below every value), for values far from zero.
	Min float64
}

// Line chart layout, in SVG user units.
const (
	lnLeft  = 72.0
	lnPlotW = 480.0
	lnPlotH = 200.0
)

func (l Lines) check() error {
	if err := l.Meta.check(); err != nil {
		return err
	}
	if len(l.Dates) == 0 || len(l.Series) == 0 {
		return fmt.Errorf("line chart %s: needs at least one date and one series", l.ID)
	}
	for k := 1; k < len(l.Dates); k++ {
		if l.Dates[k].Before(l.Dates[k-1]) {
			return fmt.Errorf("line chart %s: dates are not in ascending order (%s after %s)",
				l.ID, l.Dates[k].Format(time.DateOnly), l.Dates[k-1].Format(time.DateOnly))
		}
	}
	for _, sr := range l.Series {
		if len(sr.Values) != len(l.Dates) {
			return fmt.Errorf("line chart %s: series %q has %d values for %d dates", l.ID, sr.Name, len(sr.Values), len(l.Dates))
		}
		for k, v := range sr.Values {
			if err := checkValue(v, fmt.Sprintf("line chart %s, %s at %s", l.ID, sr.Name, l.Dates[k].Format(time.DateOnly))); err != nil {
				return err
			}
		}
	}
	return nil
}

// Render draws the line chart as SVG.
func (l Lines) Render() ([]byte, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	ax := newAxis(l.Max, l.Series)
	if l.Min > 0 {
		lo := l.Min
		for _, sr := range l.Series {
			for _, v := range sr.Values {
				if v != nil && *v < lo {
					lo = *v
				}
			}
		}
		ax = ax.from(lo)
	}
	bottom, top := ax.bottom, ax.top
	width := lnLeft + lnPlotW + 40
	names := make([]string, len(l.Series))
	for i, sr := range l.Series {
		names[i] = sr.Name
	}
	scratch := &svg{id: l.ID}
	plotY := scratch.legend(names, legendLine, 16, 54, width-16) + 12
	baseY := plotY + lnPlotH
	height := baseY + 40

	// x is proportional to time; a single date sits in the middle.
	t0, t1 := l.Dates[0], l.Dates[len(l.Dates)-1]
	span := t1.Sub(t0).Seconds()
	xOf := func(t time.Time) float64 {
		if span == 0 {
			return lnLeft + lnPlotW/2
		}
		return lnLeft + 12 + (lnPlotW-24)*t.Sub(t0).Seconds()/span
	}
	yOf := func(v float64) float64 { return baseY - lnPlotH*(clamp(v, bottom, top)-bottom)/(top-bottom) }

	s := begin(l.Meta, width, height)
	s.legend(names, legendLine, 16, 54, width-16)

	s.printf(`<g font-size="11" fill="%s">`+"\n", colMuted)
	for k := 0; k <= ax.steps; k++ {
		v, label := ax.tick(s, k)
		colour := colGrid
		if k == 0 {
			colour = colAxis
		}
		s.printf(`<path d="M%s %sH%s" stroke="%s"/>`, num(lnLeft), num(yOf(v)), num(lnLeft+lnPlotW), colour)
		s.text(lnLeft-6, yOf(v)+4, "end", "", label, "")
	}
	// Date labels: left to right, skipping any that would touch the previous one;
	// the last date always shows.
	const labelW = 78.0
	shown := []int{}
	for k := range l.Dates {
		if k > 0 && l.Dates[k].Equal(l.Dates[k-1]) {
			continue
		}
		if n := len(shown); n > 0 && xOf(l.Dates[k])-xOf(l.Dates[shown[n-1]]) < labelW {
			if k != len(l.Dates)-1 {
				continue
			}
			if n > 1 {
				shown = shown[:n-1]
			} else {
				continue // only two close dates: keep the first
			}
		}
		shown = append(shown, k)
	}
	for _, k := range shown {
		x := xOf(l.Dates[k])
		s.printf(`<path d="M%s %sV%s" stroke="%s"/>`, num(x), num(baseY), num(baseY+4), colAxis)
		s.text(x, baseY+18, "middle", "", l.Dates[k].Format(time.DateOnly), "")
	}
	if l.YLabel != "" {
		s.printf(`<text transform="translate(26 %s) rotate(-90)" text-anchor="middle" font-size="12" fill="%s">%s</text>`+"\n",
			num(baseY-lnPlotH/2), colText, esc(truncate(l.YLabel, lnPlotH, 12)))
	}
	s.printf("</g>\n")

	for i, sr := range l.Series {
		s.printf(`<g><title>%s</title>`+"\n", esc(sr.Name))
		s.printf(`<path d="`)
		pen := false
		for k, v := range sr.Values {
			if v == nil {
				pen = false
				continue
			}
			cmd := "L"
			if !pen {
				cmd, pen = "M", true
			}
			s.printf("%s%s %s", cmd, num(xOf(l.Dates[k])), num(yOf(*v)))
		}
		s.printf(`" fill="none" stroke="%s" stroke-width="2.5"%s stroke-linejoin="round"/>`+"\n", seriesColour(i), dashAttr(i))
		for k, v := range sr.Values {
			if v == nil {
				continue
			}
			s.printf(`<g><title>%s, %s: %s</title>`, esc(sr.Name), l.Dates[k].Format(time.DateOnly), s.fmtValue(*v, 2))
			s.marker(i, xOf(l.Dates[k]), yOf(*v), 3.5, "#ffffff")
			s.printf("</g>\n")
		}
		s.printf("</g>\n")
	}
	return s.end()
}
