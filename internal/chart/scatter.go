package chart

import (
	"fmt"
	"math"
	"strconv"
)

// Scatter places labelled items on a grid of two whole-number scores, such as a
// stakeholder map's willingness (across) and power (up), each from Min to Max.
// Every item is a numbered marker; items on the same spot sit side by side, so
// none hides another, and each marker names its item and scores in a tooltip.
// Two optional regions shade the corners a reader looks for first (HighHigh:
// both scores at least High; HighLow: the vertical score at least High and the
// horizontal one at most Low), each with its label printed inside.
type Scatter struct {
	Meta
	// XLabel and YLabel name the axes ("Willingness (1 = low, 5 = high)").
	XLabel, YLabel string
	// Min and Max bound both axes; ticks are at every whole number.
	Min, Max int
	Points   []ScatterPoint
	// High and Low are the scores the shaded corners start at (0: no regions);
	// HighHighLabel and HighLowLabel are printed inside them.
	High, Low                   int
	HighHighLabel, HighLowLabel string
}

// ScatterPoint is one item: its number on the marker, its name and its scores.
type ScatterPoint struct {
	Mark  string // a short text in the marker, such as "3"
	Label string // the item's name, for the tooltip
	X, Y  int
}

// Scatter layout, in SVG user units.
const (
	scW     = 720.0
	scLeft  = 74.0
	scRight = 24.0
	scTop   = 56.0
	scPlotH = 230.0
	scR     = 11.0
	scStep  = 2*scR + 3
	scPerRw = 4
)

func (c Scatter) check() error {
	if err := c.Meta.check(); err != nil {
		return err
	}
	if c.Max <= c.Min {
		return fmt.Errorf("scatter chart %s: the axes run from %d to %d", c.ID, c.Min, c.Max)
	}
	for _, p := range c.Points {
		if p.X < c.Min || p.X > c.Max || p.Y < c.Min || p.Y > c.Max {
			return fmt.Errorf("scatter chart %s, %s: (%d, %d) is outside %d-%d", c.ID, p.Label, p.X, p.Y, c.Min, c.Max)
		}
	}
	return nil
}

// Render draws the chart as SVG.
func (c Scatter) Render() ([]byte, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	span := float64(c.Max - c.Min)
	x0, x1 := scLeft, scW-scRight
	y0, y1 := scTop, scTop+scPlotH // y0 top (Max), y1 bottom (Min)
	pad := 0.5                     // half a step of room beyond Min and Max
	xOf := func(v float64) float64 { return x0 + (v-float64(c.Min)+pad)/(span+2*pad)*(x1-x0) }
	yOf := func(v float64) float64 { return y1 - (v-float64(c.Min)+pad)/(span+2*pad)*(y1-y0) }
	height := y1 + 58

	s := begin(c.Meta, scW, height)
	s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="#ffffff" stroke="%s"/>`+"\n", num(x0), num(y0), num(x1-x0), num(y1-y0), colAxis)
	if c.High > 0 {
		hx, hy := xOf(float64(c.High)-0.5), yOf(float64(c.High)-0.5)
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", num(hx), num(y0), num(x1-hx), num(hy-y0), scAllies)
		s.text(x1-6, y0+16, "end", `font-size="12" font-weight="600"`, truncate(c.HighHighLabel, x1-hx-10, 12*bold), c.HighHighLabel)
		if c.Low > 0 {
			lx := xOf(float64(c.Low) + 0.5)
			s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", num(x0), num(y0), num(lx-x0), num(hy-y0), scResist)
			s.text(x0+6, y0+16, "", `font-size="12" font-weight="600"`, truncate(c.HighLowLabel, lx-x0-10, 12*bold), c.HighLowLabel)
		}
	}
	// Grid and ticks at every whole number.
	s.printf(`<g font-size="12" fill="%s">`+"\n", colMuted)
	for v := c.Min; v <= c.Max; v++ {
		x, y := xOf(float64(v)), yOf(float64(v))
		s.printf(`<path d="M%s %sV%sM%s %sH%s" stroke="%s" stroke-dasharray="2 3"/>`+"\n", num(x), num(y0), num(y1), num(x0), num(y), num(x1), colGrid)
		s.text(x, y1+16, "middle", "", strconv.Itoa(v), "")
		s.text(x0-8, y+4, "end", "", strconv.Itoa(v), "")
	}
	s.printf("</g>\n")
	s.text((x0+x1)/2, y1+40, "middle", `font-size="13"`, truncate(c.XLabel, x1-x0, 13), c.XLabel)
	s.printf(`<text transform="translate(%s %s) rotate(-90)" text-anchor="middle" font-size="13">`, num(22), num((y0+y1)/2))
	if t := truncate(c.YLabel, y1-y0, 13); t != c.YLabel {
		s.printf("<title>%s</title>%s</text>\n", esc(c.YLabel), esc(t))
	} else {
		s.printf("%s</text>\n", esc(t))
	}

	// Markers: the items on one spot side by side, in rows of scPerRw.
	type spot struct{ x, y int }
	at := map[spot][]int{}
	var order []spot
	for i, p := range c.Points {
		k := spot{p.X, p.Y}
		if len(at[k]) == 0 {
			order = append(order, k)
		}
		at[k] = append(at[k], i)
	}
	for _, k := range order {
		idx := at[k]
		rows := (len(idx) + scPerRw - 1) / scPerRw
		for j, i := range idx {
			row, col := j/scPerRw, j%scPerRw
			inRow := min(scPerRw, len(idx)-row*scPerRw)
			cx := xOf(float64(k.x)) + (float64(col)-float64(inRow-1)/2)*scStep
			cy := yOf(float64(k.y)) + (float64(row)-float64(rows-1)/2)*scStep
			p := c.Points[i]
			s.printf(`<g><title>%s: %s %d, %s %d</title>`, esc(p.Label), esc(c.YLabelShort()), p.Y, esc(c.XLabelShort()), p.X)
			s.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="#ffffff" stroke-width="1.5"/>`, num(cx), num(cy), num(scR), scDot)
			mark := p.Mark
			size := 11.0
			if textWidth(mark, size) > 2*scR-4 {
				size = math.Max(7, size*(2*scR-4)/textWidth(mark, size))
			}
			s.printf(`<text x="%s" y="%s" text-anchor="middle" font-size="%s" font-weight="600" fill="#ffffff" aria-hidden="true">%s</text></g>`+"\n",
				num(cx), num(cy+size*0.36), num(size), esc(mark))
		}
	}
	return s.end()
}

// XLabelShort and YLabelShort are the axis names up to their first bracket, for
// tooltips: "Willingness (1 = low, 5 = high)" gives "Willingness".
func (c Scatter) XLabelShort() string { return shortLabel(c.XLabel) }

// YLabelShort: see XLabelShort.
func (c Scatter) YLabelShort() string { return shortLabel(c.YLabel) }

func shortLabel(s string) string {
	for i, r := range s {
		if r == '(' {
			for i > 0 && s[i-1] == ' ' {
				i--
			}
			return s[:i]
		}
	}
	return s
}

// Scatter colours: markers in the heat map's dark blue (white numbers on it
// reach 5:1), the allies' corner in its lightest blue, the corner of those to
// win over in the lightest orange of the gap ramp.
const (
	scDot    = "#2171b5"
	scAllies = "#deebf7"
	scResist = "#fee6ce"
)
