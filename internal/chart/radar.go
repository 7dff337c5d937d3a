package chart

import (
	"fmt"
	numfmt "github.com/hwfplan/hwfplan/internal/num"
	"math"
)

// Radar is a radar (spider) chart for one country: one axis per task (three or more)
// and a polygon per series, typically "As is" and "To be". Series differ by colour,
// dash style and marker shape. A nil value leaves that vertex out and the axis label
// says "n/a" for that series.
type Radar struct {
	Meta
	// Axes label the spokes, clockwise from the top; Series[i].Values[k] lies on Axes[k].
	Axes   []string
	Series []Series
	// Max is the value at the outer ring; 0 means 1.
	Max float64
}

// Radar layout, in SVG user units.
const (
	radarR      = 150.0
	radarLabelW = 150.0
)

func (r Radar) check() error {
	if err := r.Meta.check(); err != nil {
		return err
	}
	if len(r.Axes) < 3 {
		return fmt.Errorf("radar %s: needs at least 3 axes, got %d", r.ID, len(r.Axes))
	}
	if len(r.Series) == 0 {
		return fmt.Errorf("radar %s: needs at least one series", r.ID)
	}
	for _, sr := range r.Series {
		if len(sr.Values) != len(r.Axes) {
			return fmt.Errorf("radar %s: series %q has %d values for %d axes", r.ID, sr.Name, len(sr.Values), len(r.Axes))
		}
		for k, v := range sr.Values {
			if err := checkValue(v, fmt.Sprintf("radar %s, %s × %s", r.ID, r.Axes[k], sr.Name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Render draws the radar as SVG.
func (r Radar) Render() ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	ax := newAxis(r.Max, r.Series)
	top := ax.top
	n := len(r.Axes)
	labelW := math.Min(maxWidth(r.Axes, 12*bold), radarLabelW)
	width := math.Max(2*(radarR+16+labelW)+32, 480)
	names := make([]string, len(r.Series))
	for i, sr := range r.Series {
		names[i] = sr.Name
	}
	scratch := &svg{id: r.ID}
	legendEnd := scratch.legend(names, legendLine, 16, 54, width-16)
	// Axis labels: wrapped lines plus one "n/a" line per series without a value.
	labels := make([][]string, n)
	for k, label := range r.Axes {
		labels[k] = wrap(label, labelW, 12*bold, 3)
		for _, sr := range r.Series {
			if sr.Values[k] == nil {
				labels[k] = append(labels[k], truncate(sr.Name+": "+numfmt.Missing, labelW, 12))
			}
		}
	}
	angle := func(k int) float64 { return -math.Pi/2 + 2*math.Pi*float64(k)/float64(n) }
	// labelTop is the baseline of an axis label's first line, relative to the centre:
	// above the spoke's end at the top, below it at the bottom, centred at the sides.
	labelTop := func(k int) float64 {
		sin := math.Sin(angle(k))
		ly := (radarR + 12) * sin
		h := float64(len(labels[k])) * 15
		switch {
		case sin < -0.5:
			return ly - h + 12
		case sin > 0.5:
			return ly + 12
		}
		return ly + 4 - h/2 + 7.5
	}
	// Fit the drawing's height to what is drawn: the spokes and the labels.
	minY, maxY := 0.0, 0.0
	for k := range n {
		y := radarR * math.Sin(angle(k))
		t := labelTop(k)
		minY = math.Min(minY, math.Min(y, t-12))
		maxY = math.Max(maxY, math.Max(y, t+float64(len(labels[k])-1)*15+4))
	}
	cx := width / 2
	cy := legendEnd + 12 - minY
	height := cy + maxY + 16
	point := func(k int, v float64) (float64, float64) {
		d := radarR * clamp(v, 0, top) / top
		a := angle(k)
		return cx + d*math.Cos(a), cy + d*math.Sin(a)
	}

	s := begin(r.Meta, width, height)
	s.legend(names, legendLine, 16, 54, width-16)

	// Rings at every tick of the axis, spokes, and ring values along the top spoke.
	s.printf(`<g fill="none" stroke="%s">`+"\n", colGrid)
	for ring := 1; ring <= ax.steps; ring++ {
		v, _ := ax.tick(s, ring)
		s.printf(`<path d="`)
		for k := range n {
			x, y := point(k, v)
			cmd := "L"
			if k == 0 {
				cmd = "M"
			}
			s.printf("%s%s %s", cmd, num(x), num(y))
		}
		stroke := ""
		if ring == ax.steps {
			stroke = ` stroke="` + colAxis + `"`
		}
		s.printf(`Z"%s/>`+"\n", stroke)
	}
	for k := range n {
		x, y := point(k, top)
		s.printf(`<path d="M%s %sL%s %s"/>`+"\n", num(cx), num(cy), num(x), num(y))
	}
	s.printf("</g>\n")
	s.printf(`<g font-size="10" fill="%s" stroke="#ffffff" stroke-width="3" style="paint-order:stroke" aria-hidden="true">`+"\n", colMuted)
	for ring := 1; ring <= ax.steps; ring++ {
		v, label := ax.tick(s, ring)
		_, y := point(0, v)
		s.text(cx+7, y+12, "", "", label, "")
	}
	s.printf("</g>\n")

	// Axis labels, anchored away from the centre.
	s.printf(`<g font-size="12" font-weight="600">` + "\n")
	for k, label := range r.Axes {
		a := angle(k)
		cos := math.Cos(a)
		lx := cx + (radarR+12)*cos
		anchor := "middle"
		switch {
		case cos > 0.2:
			anchor = "start"
		case cos < -0.2:
			anchor = "end"
		}
		lines := labels[k]
		y0 := cy + labelTop(k)
		for j, l := range lines {
			attrs := ""
			if j >= len(lines)-countNA(r.Series, k) {
				attrs = `font-weight="400" font-style="italic" fill="` + colMuted + `"`
			}
			s.text(lx, y0+float64(j)*15, anchor, attrs, l, label)
		}
	}
	s.printf("</g>\n")

	// Series polygons: translucent fill, dashed outline by series, markers at vertices.
	for i, sr := range r.Series {
		s.printf(`<g><title>%s</title>`+"\n", esc(sr.Name))
		s.printf(`<path d="`)
		first := true
		for k, v := range sr.Values {
			if v == nil {
				continue
			}
			x, y := point(k, *v)
			cmd := "L"
			if first {
				cmd, first = "M", false
			}
			s.printf("%s%s %s", cmd, num(x), num(y))
		}
		s.printf(`Z" fill="%s" fill-opacity="0.12" stroke="%s" stroke-width="2.5"%s stroke-linejoin="round"/>`+"\n",
			seriesColour(i), seriesColour(i), dashAttr(i))
		for k, v := range sr.Values {
			if v == nil {
				continue
			}
			x, y := point(k, *v)
			s.printf(`<g><title>%s, %s: %s</title>`, esc(sr.Name), esc(r.Axes[k]), s.fmtValue(*v, 2))
			s.marker(i, x, y, 4, "#ffffff")
			s.printf("</g>\n")
		}
		s.printf("</g>\n")
	}
	return s.end()
}

// countNA counts the series without a value on axis k.
func countNA(series []Series, k int) int {
	c := 0
	for _, sr := range series {
		if sr.Values[k] == nil {
			c++
		}
	}
	return c
}
