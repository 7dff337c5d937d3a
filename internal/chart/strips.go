package chart

import (
	"fmt"
	"math"
	"slices"
)

// Strips shows distributions side by side, so that a reader sees the spread of a
// few values and not only their mean: for each panel (a task, say) one strip per
// group (a cluster), with one dot per value on a shared 0-1 axis, the box from the
// lower to the upper quartile and a line at the median. Dots of equal or nearly
// equal values stack, so every value stays visible; each dot names its value in a
// tooltip, and the median is printed at the end of its strip.
type Strips struct {
	Meta
	Panels []StripPanel
	// Axis names the value axis, e.g. "As-is score (0 = lowest level, 1 = highest)".
	Axis string
	// ReferenceLast draws each panel's last strip (such as "All countries") as a
	// reference: grey instead of blue, set apart by a dashed rule.
	ReferenceLast bool
}

// StripPanel is one block of strips under a heading.
type StripPanel struct {
	Title  string
	Strips []Strip
}

// Strip is one distribution: its points and, optionally, its quartiles.
type Strip struct {
	Label  string
	Points []Point
	// Q1, Median and Q3 draw the box and the median line; nil leaves them out.
	Q1, Median, Q3 *float64
}

// Point is one labelled value.
type Point struct {
	Label string
	Value float64
}

// Strip chart layout, in SVG user units.
const (
	stW        = 720.0
	stPad      = 16.0
	stTop      = 70.0
	stPanelH   = 24.0
	stMinRow   = 30.0
	stDotR     = 4.5
	stStack    = 9.0
	stRight    = 92.0
	stMaxLabel = 170.0
	stTicks    = 4
)

func (c Strips) check() error {
	if err := c.Meta.check(); err != nil {
		return err
	}
	if len(c.Panels) == 0 {
		return fmt.Errorf("strip chart %s: needs at least one panel", c.ID)
	}
	for _, p := range c.Panels {
		if len(p.Strips) == 0 {
			return fmt.Errorf("strip chart %s: panel %q has no strips", c.ID, p.Title)
		}
		for _, st := range p.Strips {
			where := fmt.Sprintf("strip chart %s, %s › %s", c.ID, p.Title, st.Label)
			for _, v := range []*float64{st.Q1, st.Median, st.Q3} {
				if err := checkValue(v, where); err != nil {
					return err
				}
			}
			for _, pt := range st.Points {
				if err := checkValue(&pt.Value, where+" › "+pt.Label); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// stacks assigns each point a stack position: points closer than a dot's width on
// the axis share a stack. It returns, per point in the given order, its offset
// from the strip's centre line (in stack steps), and the height of the tallest stack.
func stacks(xs []float64) ([]float64, int) {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case xs[a] < xs[b]:
			return -1
		case xs[a] > xs[b]:
			return 1
		}
		return 0
	})
	off := make([]float64, len(xs))
	tallest := 0
	for i := 0; i < len(idx); {
		j := i + 1
		for j < len(idx) && xs[idx[j]]-xs[idx[i]] < 2*stDotR {
			j++
		}
		n := j - i
		tallest = max(tallest, n)
		for k := range n {
			off[idx[i+k]] = float64(k) - float64(n-1)/2
		}
		i = j
	}
	return off, tallest
}

// Render draws the strips as SVG.
func (c Strips) Render() ([]byte, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	var labels []string
	for _, p := range c.Panels {
		for _, st := range p.Strips {
			labels = append(labels, st.Label)
		}
	}
	labelW := math.Min(maxWidth(labels, 12), stMaxLabel) + 14
	x0 := stPad + labelW + stDotR + 4
	x1 := stW - stPad - stRight
	xOf := func(v float64) float64 { return x0 + clamp(v, 0, 1)*(x1-x0) }

	// Lay out the rows first: a strip is as tall as its tallest stack needs.
	type row struct {
		y, h float64
		off  []float64
	}
	rows := make([][]row, len(c.Panels))
	panelY := make([]float64, len(c.Panels))
	y := stTop
	for pi, p := range c.Panels {
		panelY[pi] = y
		y += stPanelH
		for _, st := range p.Strips {
			xs := make([]float64, len(st.Points))
			for i, pt := range st.Points {
				xs[i] = xOf(pt.Value)
			}
			off, tallest := stacks(xs)
			h := math.Max(stMinRow, float64(tallest)*stStack+14)
			rows[pi] = append(rows[pi], row{y: y, h: h, off: off})
			y += h
		}
		y += 10
	}
	plotBottom := y - 10
	height := plotBottom + 56

	s := begin(c.Meta, stW, height)

	// Legend: what a dot, the box and the line mean.
	ly := 48.0
	s.printf(`<g font-size="12" aria-hidden="true">` + "\n")
	s.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="#ffffff"/>`+"\n", num(stPad+5), num(ly-4), num(stDotR), stDot)
	s.text(stPad+14, ly, "", "", s.words.oneCountry(), "")
	bx := stPad + 14 + textWidth(s.words.oneCountry(), 12) + 22
	s.printf(`<rect x="%s" y="%s" width="26" height="14" fill="%s" stroke="%s"/>`+"\n", num(bx), num(ly-11), stBox, stBoxLine)
	s.printf(`<path d="M%s %sV%s" stroke="%s" stroke-width="2.5"/>`+"\n", num(bx+13), num(ly-13), num(ly+5), stMedian)
	s.text(bx+32, ly, "", "", truncate(s.words.stripKey(), stW-stPad-bx-32, 12), s.words.stripKey())
	s.printf("</g>\n")

	// Grid lines and axis ticks, shared by all panels.
	s.printf(`<g font-size="11" fill="%s">`+"\n", colMuted)
	for k := 0; k <= stTicks; k++ {
		v := float64(k) / stTicks
		x := xOf(v)
		s.printf(`<path d="M%s %sV%s" stroke="%s" stroke-dasharray="2 3"/>`+"\n", num(x), num(stTop+stPanelH-6), num(plotBottom), colGrid)
		s.text(x, plotBottom+16, "middle", "", s.fmtValue(v, 2), "")
	}
	s.printf("</g>\n")
	if c.Axis != "" {
		s.text((x0+x1)/2, plotBottom+36, "middle", `font-size="12"`, truncate(c.Axis, x1-x0+stRight, 12), c.Axis)
	}

	for pi, p := range c.Panels {
		s.text(stPad, panelY[pi]+stPanelH-8, "", `font-size="13" font-weight="600"`, truncate(p.Title, stW-2*stPad, 13*bold), p.Title)
		s.printf(`<path d="M%s %sH%s" stroke="%s"/>`+"\n", num(stPad), num(panelY[pi]+stPanelH-3), num(stW-stPad), colAxis)
		for si, st := range p.Strips {
			rw := rows[pi][si]
			cy := rw.y + rw.h/2
			ref := c.ReferenceLast && si == len(p.Strips)-1 && len(p.Strips) > 1
			dot, box, line, med := stDot, stBox, stBoxLine, stMedian
			if ref {
				dot, box, line, med = colMuted, "#ececec", colAxis, colText
				s.printf(`<path d="M%s %sH%s" stroke="%s" stroke-dasharray="4 3"/>`+"\n", num(stPad), num(rw.y), num(stW-stPad), colGrid)
			}
			s.printf("<g>")
			attrs := `font-size="12"`
			if ref {
				attrs += ` font-style="italic"`
			}
			s.text(stPad+labelW-10, cy+4, "end", attrs, truncate(st.Label, stMaxLabel, 12), st.Label)
			if len(st.Points) > 1 {
				lo, hi := st.Points[0].Value, st.Points[0].Value
				for _, pt := range st.Points {
					lo, hi = math.Min(lo, pt.Value), math.Max(hi, pt.Value)
				}
				s.printf(`<path d="M%s %sH%s" stroke="%s"/>`+"\n", num(xOf(lo)), num(cy), num(xOf(hi)), line)
			}
			if st.Q1 != nil && st.Q3 != nil {
				bh := math.Min(rw.h-8, 20)
				s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s"/>`+"\n",
					num(xOf(*st.Q1)), num(cy-bh/2), num(math.Max(xOf(*st.Q3)-xOf(*st.Q1), 1)), num(bh), box, line)
			}
			if st.Median != nil {
				mh := math.Min(rw.h-4, 24)
				s.printf(`<path d="M%s %sV%s" stroke="%s" stroke-width="2.5"/>`+"\n", num(xOf(*st.Median)), num(cy-mh/2), num(cy+mh/2), med)
				s.text(x1+14, cy+4, "", `font-size="11" fill="`+colMuted+`"`, s.words.median()+" "+s.fmtValue(*st.Median, 2), "")
			}
			for i, pt := range st.Points {
				s.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="#ffffff" stroke-width="1"><title>%s: %s</title></circle>`+"\n",
					num(xOf(pt.Value)), num(cy+rw.off[i]*stStack), num(stDotR), dot, esc(st.Label+", "+pt.Label), s.fmtValue(pt.Value, 2))
			}
			s.printf("</g>\n")
		}
	}
	return s.end()
}

// Strip chart colours: the dots and the median in the darker blues of the heat map
// ramp, the box in its lightest shades.
const (
	stDot     = "#2171b5"
	stBox     = "#deebf7"
	stBoxLine = "#6baed6"
	stMedian  = "#08306b"
)
