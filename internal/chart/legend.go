package chart

// legendKind says how a legend entry draws its key.
type legendKind int

const (
	legendFill legendKind = iota // a swatch with the series' fill pattern (bars)
	legendLine                   // a line in the series' dash style with its marker
)

// legend writes the series keys left to right from x, y, wrapping at maxX; it returns
// the y below the last row.
func (s *svg) legend(names []string, kind legendKind, x, y, maxX float64) float64 {
	const size = 12.0
	s.printf(`<g font-size="12" aria-hidden="true">` + "\n")
	cx := x
	for i, name := range names {
		label := truncate(name, 220, size)
		w := 28 + textWidth(label, size) + 18
		if cx > x && cx+w > maxX {
			cx = x
			y += 20
		}
		switch kind {
		case legendFill:
			s.printf(`<rect x="%s" y="%s" width="18" height="14" fill="%s" stroke="%s"/>`+"\n",
				num(cx), num(y-11), s.seriesFill(i), seriesColour(i))
		default:
			s.printf(`<path d="M%s %sH%s" stroke="%s" stroke-width="2.5"%s fill="none"/>`,
				num(cx-2), num(y-4), num(cx+22), seriesColour(i), dashAttr(i))
			s.marker(i, cx+10, y-4, 3.5, "#ffffff")
		}
		s.text(cx+26, y, "", "", label, name)
		cx += w
	}
	s.printf("</g>\n")
	return y + 20
}
