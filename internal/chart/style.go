package chart

import (
	"fmt"
	"math"
)

// blues is ColorBrewer's 9-class sequential Blues ramp, light to dark. Its lightness
// falls steadily, so values still order correctly in greyscale and for every kind of
// colour-vision deficiency.
var blues = [][3]float64{
	{0xf7, 0xfb, 0xff}, {0xde, 0xeb, 0xf7}, {0xc6, 0xdb, 0xef}, {0x9e, 0xca, 0xe1},
	{0x6b, 0xae, 0xd6}, {0x42, 0x92, 0xc6}, {0x21, 0x71, 0xb5}, {0x08, 0x51, 0x9c},
	{0x08, 0x30, 0x6b},
}

// oranges is ColorBrewer's 9-class sequential Oranges ramp, used for gaps so a gap
// map is not mistaken for a score map.
var oranges = [][3]float64{
	{0xff, 0xf5, 0xeb}, {0xfe, 0xe6, 0xce}, {0xfd, 0xd0, 0xa2}, {0xfd, 0xae, 0x6b},
	{0xfd, 0x8d, 0x3c}, {0xf1, 0x69, 0x13}, {0xd9, 0x48, 0x01}, {0xa6, 0x36, 0x03},
	{0x7f, 0x27, 0x04},
}

// rgb is a colour with 0-255 channels.
type rgb [3]float64

func (c rgb) hex() string {
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(c[0])), int(math.Round(c[1])), int(math.Round(c[2])))
}

// ramp maps t in [0,1] onto a 9-class ramp by linear interpolation between classes.
func ramp(classes [][3]float64, t float64) rgb {
	t = clamp(t, 0, 1) * float64(len(classes)-1)
	i := int(math.Floor(t))
	if i >= len(classes)-1 {
		return rgb(classes[len(classes)-1])
	}
	f := t - float64(i)
	var c rgb
	for k := range 3 {
		c[k] = classes[i][k] + f*(classes[i+1][k]-classes[i][k])
	}
	return c
}

// luminance is the WCAG 2 relative luminance.
func (c rgb) luminance() float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

var (
	black = rgb{0, 0, 0}
	white = rgb{255, 255, 255}
)

// textOn returns black or white, whichever contrasts more with bg; either way the
// ratio is at least 4.58:1, above WCAG AA's 4.5:1.
func textOn(bg rgb) rgb {
	if contrast(bg, black) >= contrast(bg, white) {
		return black
	}
	return white
}

func parseHex(h string) rgb {
	var r, g, b int
	_, _ = fmt.Sscanf(h, "#%02x%02x%02x", &r, &g, &b)
	return rgb{float64(r), float64(g), float64(b)}
}

// okabeIto is the Okabe-Ito colour-blind safe palette, ordered so that neighbouring
// series differ most: blue, orange, bluish green, vermillion, reddish purple, sky
// blue, yellow, black.
var okabeIto = []string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"}

// seriesColour is the colour of series i.
func seriesColour(i int) string { return okabeIto[i%len(okabeIto)] }

// dashes are the stroke dash styles of line series, so lines differ without colour.
var dashes = []string{"", "7 4", "2 3", "9 3 2 3", "4 4", "1 4", "12 4", "6 2 2 2 2 2"}

func seriesDash(i int) string { return dashes[i%len(dashes)] }

// dashAttr returns the stroke-dasharray attribute for series i, or nothing for solid.
func dashAttr(i int) string {
	if d := seriesDash(i); d != "" {
		return fmt.Sprintf(` stroke-dasharray="%s"`, d)
	}
	return ""
}

// marker writes the marker shape of series i centred on x, y: circle, square,
// triangle, diamond, cross, then repeating with the next palette round.
func (s *svg) marker(i int, x, y, r float64, fill string) {
	c := seriesColour(i)
	switch i % 5 {
	case 0:
		s.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="1.5"/>`, num(x), num(y), num(r), fill, c)
	case 1:
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s" stroke-width="1.5"/>`, num(x-r), num(y-r), num(2*r), num(2*r), fill, c)
	case 2:
		s.printf(`<path d="M%s %sL%s %sL%s %sZ" fill="%s" stroke="%s" stroke-width="1.5"/>`,
			num(x), num(y-r*1.2), num(x+r*1.1), num(y+r*0.8), num(x-r*1.1), num(y+r*0.8), fill, c)
	case 3:
		s.printf(`<path d="M%s %sL%s %sL%s %sL%s %sZ" fill="%s" stroke="%s" stroke-width="1.5"/>`,
			num(x), num(y-r*1.3), num(x+r*1.3), num(y), num(x), num(y+r*1.3), num(x-r*1.3), num(y), fill, c)
	default:
		s.printf(`<path d="M%s %sL%s %sM%s %sL%s %s" stroke="%s" stroke-width="2.5"/>`,
			num(x-r), num(y-r), num(x+r), num(y+r), num(x-r), num(y+r), num(x+r), num(y-r), c)
	}
	s.printf("\n")
}

// patternDefs writes one fill pattern per series, n of them: the series colour with
// an overlay (none, diagonal, dots, cross-hatch, horizontal, vertical, back-diagonal,
// grid) in black or white, whichever shows on the colour.
func (s *svg) patternDefs(n int) {
	s.printf("<defs>\n")
	for i := range n {
		c := seriesColour(i)
		ink := textOn(parseHex(c)).hex()
		s.printf(`<pattern id="%s-p%d" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="%s"/>`, s.id, i, c)
		switch i % 8 {
		case 1:
			s.printf(`<path d="M-2 2L2 -2M0 8L8 0M6 10L10 6" stroke="%s" stroke-width="1.5" stroke-opacity="0.7"/>`, ink)
		case 2:
			s.printf(`<circle cx="2" cy="2" r="1.4" fill="%s" fill-opacity="0.7"/><circle cx="6" cy="6" r="1.4" fill="%s" fill-opacity="0.7"/>`, ink, ink)
		case 3:
			s.printf(`<path d="M0 0L8 8M8 0L0 8" stroke="%s" stroke-width="1.2" stroke-opacity="0.7"/>`, ink)
		case 4:
			s.printf(`<path d="M0 2H8M0 6H8" stroke="%s" stroke-width="1.4" stroke-opacity="0.7"/>`, ink)
		case 5:
			s.printf(`<path d="M2 0V8M6 0V8" stroke="%s" stroke-width="1.4" stroke-opacity="0.7"/>`, ink)
		case 6:
			s.printf(`<path d="M-2 6L2 10M0 0L8 8M6 -2L10 2" stroke="%s" stroke-width="1.5" stroke-opacity="0.7"/>`, ink)
		case 7:
			s.printf(`<path d="M0 4H8M4 0V8" stroke="%s" stroke-width="1.2" stroke-opacity="0.7"/>`, ink)
		}
		s.printf("</pattern>\n")
	}
	s.naPatternDef()
	s.printf("</defs>\n")
}

// naPatternDef writes the grey hatch that marks a missing value.
func (s *svg) naPatternDef() {
	s.printf(`<pattern id="%s-na" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><path d="M0 0V6" stroke="#a6a6a6" stroke-width="1.5"/></pattern>`+"\n", s.id)
}

// seriesFill is the fill of series i's bars and legend swatches.
func (s *svg) seriesFill(i int) string { return fmt.Sprintf("url(#%s-p%d)", s.id, i) }
