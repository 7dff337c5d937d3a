package chart

import (
	"fmt"
	"math"

	numfmt "github.com/hwfplan/hwfplan/internal/num"
)

// HeatMap is a matrix of values in [0,1], such as countries (rows) × tasks (columns).
// Each cell is coloured on a single-hue ramp and shows its value; a nil value is drawn
// hatched and labelled "n/a". Values outside [0,1] are printed as they are and
// coloured as the nearest end of the ramp.
type HeatMap struct {
	Meta
	// Rows and Cols label the matrix; Values[r][c] belongs to Rows[r] and Cols[c].
	Rows   []string
	Cols   []string
	Values [][]*float64
	// Gap switches to the orange ramp used for gaps (to-be minus as-is), so a gap map
	// is not read as a score map.
	Gap bool
	// Legend names the value, e.g. "As-is score (0 = none, 1 = complete)".
	Legend string
	// RowGroups, when set, split the rows into labelled groups in order (items by
	// task, say): each group's label heads its rows. The sizes add up to len(Rows).
	RowGroups []RowGroup
}

// RowGroup is a run of consecutive heat map rows under one label.
type RowGroup struct {
	Label string
	Rows  int
}

// Heat map layout, in SVG user units.
const (
	hmPad        = 16.0
	hmCellH      = 28.0
	hmLabelSize  = 12.0
	hmLineH      = 14.0
	hmTop        = 44.0
	hmMaxRowText = 200.0
	hmMaxColText = 160.0
	hmMaxGridW   = 720.0
	hmNarrowCol  = 46.0
	// Columns whose labels are all this narrow (country codes) get compact columns
	// just wide enough for a value, laid side by side without rotating the labels.
	hmCompactLabel = 30.0
	hmCompactCol   = 38.0
	hmGroupH       = 24.0
)

func (h HeatMap) check() error {
	if err := h.Meta.check(); err != nil {
		return err
	}
	if len(h.Rows) == 0 || len(h.Cols) == 0 {
		return fmt.Errorf("heat map %s: needs at least one row and one column", h.ID)
	}
	if len(h.Values) != len(h.Rows) {
		return fmt.Errorf("heat map %s: %d rows of values for %d row labels", h.ID, len(h.Values), len(h.Rows))
	}
	if len(h.RowGroups) > 0 {
		n := 0
		for _, g := range h.RowGroups {
			if g.Rows < 1 {
				return fmt.Errorf("heat map %s: row group %q has no rows", h.ID, g.Label)
			}
			n += g.Rows
		}
		if n != len(h.Rows) {
			return fmt.Errorf("heat map %s: row groups hold %d rows for %d row labels", h.ID, n, len(h.Rows))
		}
	}
	for r, row := range h.Values {
		if len(row) != len(h.Cols) {
			return fmt.Errorf("heat map %s: row %q has %d values for %d columns", h.ID, h.Rows[r], len(row), len(h.Cols))
		}
		for c, v := range row {
			if err := checkValue(v, fmt.Sprintf("heat map %s, %s × %s", h.ID, h.Rows[r], h.Cols[c])); err != nil {
				return err
			}
		}
	}
	return nil
}

// Render draws the heat map as SVG.
func (h HeatMap) Render() ([]byte, error) {
	if err := h.check(); err != nil {
		return nil, err
	}
	classes := blues
	if h.Gap {
		classes = oranges
	}
	rowW := math.Min(maxWidth(h.Rows, hmLabelSize), hmMaxRowText) + 12
	colW := clamp(math.Max(maxWidth(h.Cols, hmLabelSize*bold)/2+16, widestWord(h.Cols, hmLabelSize*bold)+16), 64, 140)
	heads := make([][]string, len(h.Cols))
	headH := hmLineH
	// Many columns (items rather than tasks) would make the grid too wide for a page:
	// then columns are narrow and their headers run diagonally, cut to hmMaxColText.
	compact := maxWidth(h.Cols, hmLabelSize*bold) <= hmCompactLabel
	if compact {
		colW = hmCompactCol
	}
	rotated := !compact && float64(len(h.Cols))*colW > hmMaxGridW
	extraRight := 0.0
	if rotated {
		colW = hmNarrowCol
		longest := 0.0
		for i, c := range h.Cols {
			heads[i] = []string{truncate(c, hmMaxColText, hmLabelSize*bold)}
			longest = math.Max(longest, textWidth(heads[i][0], hmLabelSize*bold))
		}
		headH = longest*math.Sin(math.Pi/4) + 4
		extraRight = math.Max(0, longest*math.Cos(math.Pi/4)-colW/2)
	} else {
		lines := 1
		for i, c := range h.Cols {
			heads[i] = wrap(c, colW-12, hmLabelSize*bold, 3)
			lines = max(lines, len(heads[i]))
		}
		headH = float64(lines) * hmLineH
	}
	gridX := hmPad + rowW
	gridY := hmTop + headH + 8
	gridW := float64(len(h.Cols)) * colW
	// rowY is the top of each row; a group's label takes a band above its rows.
	rowY := make([]float64, len(h.Rows))
	groupAt := map[int]RowGroup{}
	rowGroup := make([]string, len(h.Rows))
	y, r0 := gridY, 0
	for _, g := range h.RowGroups {
		groupAt[r0] = g
		for k := range g.Rows {
			rowGroup[r0+k] = g.Label
		}
		r0 += g.Rows
	}
	for r := range h.Rows {
		if _, ok := groupAt[r]; ok {
			y += hmGroupH
		}
		rowY[r] = y
		y += hmCellH
	}
	gridH := y - gridY
	cellName := func(r int) string {
		if rowGroup[r] != "" {
			return rowGroup[r] + " › " + h.Rows[r]
		}
		return h.Rows[r]
	}
	width := math.Max(gridX+gridW+extraRight+hmPad, 420)
	height := gridY + gridH + 64

	s := begin(h.Meta, width, height)
	s.printf("<defs>\n")
	s.naPatternDef()
	s.printf(`<linearGradient id="%s-grad">`, s.id)
	for i := range 9 {
		t := float64(i) / 8
		s.printf(`<stop offset="%s" stop-color="%s"/>`, numfmt.Fixed(t, 3), ramp(classes, t).hex())
	}
	s.printf("</linearGradient>\n</defs>\n")

	// Column headers, bottom-aligned above the grid.
	s.printf(`<g font-size="%s" font-weight="600">`+"\n", num(hmLabelSize))
	for i, head := range heads {
		x := gridX + (float64(i)+0.5)*colW
		if rotated {
			s.printf(`<text transform="translate(%s %s) rotate(-45)">`, num(x-4), num(gridY-6))
			if head[0] != h.Cols[i] {
				s.printf("<title>%s</title>", esc(h.Cols[i]))
			}
			s.printf("%s</text>\n", esc(head[0]))
			continue
		}
		for j, l := range head {
			y := gridY - 8 - float64(len(head)-1-j)*hmLineH
			s.text(x, y, "middle", "", l, h.Cols[i])
		}
	}
	s.printf("</g>\n")

	// Row labels, and the group labels with a rule across the grid.
	s.printf(`<g font-size="%s">`+"\n", num(hmLabelSize))
	for r, label := range h.Rows {
		if g, ok := groupAt[r]; ok {
			gy := rowY[r] - hmGroupH
			s.printf(`<path d="M%s %sH%s" stroke="%s" stroke-width="1"/>`+"\n", num(hmPad), num(gy+hmGroupH-3), num(gridX+gridW), colAxis)
			s.text(hmPad, gy+hmGroupH-8, "", `font-weight="600"`, truncate(g.Label, rowW+gridW-8, hmLabelSize*bold), g.Label)
		}
		// A label too long for its column takes a smaller size, then two lines,
		// before it is cut.
		if textWidth(label, hmLabelSize) > hmMaxRowText {
			lines := wrap(label, hmMaxRowText, hmLabelSize-1, 2)
			if len(lines) == 1 {
				s.text(gridX-8, rowY[r]+hmCellH/2+4, "end", `font-size="11"`, lines[0], label)
			} else {
				s.text(gridX-8, rowY[r]+12, "end", `font-size="11"`, lines[0], label)
				s.text(gridX-8, rowY[r]+24, "end", `font-size="11"`, lines[1], "")
			}
			continue
		}
		y := rowY[r] + hmCellH/2 + 4
		s.text(gridX-8, y, "end", "", truncate(label, hmMaxRowText, hmLabelSize), label)
	}
	s.printf("</g>\n")

	// Cells.
	valueSize := "12"
	if rotated || compact {
		valueSize = "11"
	}
	s.printf(`<g font-size="%s" text-anchor="middle">`+"\n", valueSize)
	for r, row := range h.Values {
		for c, v := range row {
			x := gridX + float64(c)*colW
			y := rowY[r]
			cx, cy := x+colW/2, y+hmCellH/2+4
			if v == nil {
				s.printf(`<g><title>%s, %s: %s</title><rect x="%s" y="%s" width="%s" height="%s" fill="url(#%s-na)" stroke="#ffffff"/>`,
					esc(cellName(r)), esc(h.Cols[c]), esc(s.words.noValue()), num(x), num(y), num(colW), num(hmCellH), s.id)
				s.printf(`<text x="%s" y="%s" fill="%s" font-style="italic">%s</text></g>`+"\n", num(cx), num(cy), colMuted, numfmt.Missing)
				continue
			}
			bg := ramp(classes, *v)
			val := s.fmtValue(*v, 2)
			s.printf(`<g><title>%s, %s: %s</title><rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#ffffff"/>`,
				esc(cellName(r)), esc(h.Cols[c]), val, num(x), num(y), num(colW), num(hmCellH), bg.hex())
			s.printf(`<text x="%s" y="%s" fill="%s">%s</text></g>`+"\n", num(cx), num(cy), textOn(bg).hex(), val)
		}
	}
	s.printf("</g>\n")

	// Legend: the ramp from 0 to 1 and the n/a swatch.
	ly := gridY + gridH + 22
	lx := hmPad
	legend := h.Legend
	if legend == "" {
		legend = s.words.value()
		if h.Gap {
			legend = s.words.gap()
		}
	}
	s.printf(`<g font-size="11" aria-hidden="true">` + "\n")
	s.text(lx, ly, "", `font-weight="600"`, truncate(legend, width-2*hmPad, 11*bold), legend)
	barY := ly + 8
	s.printf(`<rect x="%s" y="%s" width="160" height="12" fill="url(#%s-grad)" stroke="%s" stroke-width="0.5"/>`+"\n", num(lx), num(barY), s.id, colAxis)
	for _, t := range []float64{0, 0.5, 1} {
		x := lx + 160*t
		s.printf(`<path d="M%s %sV%s" stroke="%s"/>`, num(x), num(barY+12), num(barY+16), colAxis)
		s.text(x, barY+27, "middle", "", s.fmtValue(t, 1), "")
	}
	nx := lx + 196
	s.printf(`<rect x="%s" y="%s" width="24" height="12" fill="url(#%s-na)" stroke="%s" stroke-width="0.5"/>`+"\n", num(nx), num(barY), s.id, colAxis)
	s.text(nx+30, barY+10, "", "", numfmt.Missing+": "+s.words.notAssessed(), "")
	s.printf("</g>\n")
	return s.end()
}
