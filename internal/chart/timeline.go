package chart

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// Status is where an action stands; the values match the plan format.
type Status string

// The action statuses, in the order the legend lists them.
const (
	StatusPlanned    Status = "planned"
	StatusInProgress Status = "in_progress"
	StatusDone       Status = "done"
	StatusDelayed    Status = "delayed"
	StatusCancelled  Status = "cancelled"
)

// Statuses lists the valid statuses in legend order.
var Statuses = []Status{StatusPlanned, StatusInProgress, StatusDone, StatusDelayed, StatusCancelled}

// label is the status as a chart shows it, in the words every page and report
// uses (plan.ActionStatuses).
func (s Status) label() string { return plan.CellOf(plan.ActionStatuses, string(s)) }

func (s Status) valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Action is one row of a timeline. Start and End are months: only their year and
// month count, and the bar runs from the first day of Start to the last day of End.
// A zero Start or End is unknown: with only one of them the row shows a diamond at
// that month, with neither it says "no dates".
type Action struct {
	ID     string
	Label  string
	Start  time.Time
	End    time.Time
	Status Status
}

// Timeline is a Gantt chart of an action plan: one row per action, a bar from its
// start to its end month styled by status (pattern and outline as well as colour,
// and the status written after the bar), year ticks, and an optional vertical marker
// such as the programme end.
type Timeline struct {
	Meta
	Actions []Action
	// Marker, if not zero, draws a vertical line at the end of that month (the
	// programme ended on 31 January 2026, so Marker 2026-01 puts the line there).
	Marker time.Time
	// MarkerLabel names the marker, e.g. "Programme end (Jan 2026)".
	MarkerLabel string
	// ReportDate, if not zero, draws a solid line at that day: the date progress
	// is measured at, so a reader sees which bars should have started or ended.
	ReportDate time.Time
	// ReportDateLabel names it, e.g. "Report date (30 Nov 2026)".
	ReportDateLabel string
}

// Timeline layout, in SVG user units.
const (
	tlRowH      = 26.0
	tlRowH2     = 38.0
	tlBarH      = 14.0
	tlPlotW     = 480.0
	tlMaxLabelW = 260.0
	tlStatusW   = 76.0
)

// monthIndex counts months since year 0, so months can be subtracted.
func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

func (tl Timeline) check() error {
	if err := tl.Meta.check(); err != nil {
		return err
	}
	if len(tl.Actions) == 0 {
		return fmt.Errorf("timeline %s: needs at least one action", tl.ID)
	}
	for _, a := range tl.Actions {
		if !a.Status.valid() {
			names := make([]string, len(Statuses))
			for i, s := range Statuses {
				names[i] = string(s)
			}
			return fmt.Errorf("timeline %s: action %s: unknown status %q (valid: %s)", tl.ID, a.ID, a.Status, strings.Join(names, ", "))
		}
		if !a.Start.IsZero() && !a.End.IsZero() && monthIndex(a.End) < monthIndex(a.Start) {
			return fmt.Errorf("timeline %s: action %s ends (%s) before it starts (%s)", tl.ID, a.ID, a.End.Format("2006-01"), a.Start.Format("2006-01"))
		}
	}
	return nil
}

// span is the first and last month shown: whole years around every date and the marker.
func (tl Timeline) span() (first, last int) {
	lo, hi := math.MaxInt, math.MinInt
	see := func(t time.Time) {
		if t.IsZero() {
			return
		}
		lo, hi = min(lo, monthIndex(t)), max(hi, monthIndex(t))
	}
	for _, a := range tl.Actions {
		see(a.Start)
		see(a.End)
	}
	see(tl.Marker)
	see(tl.ReportDate)
	if lo == math.MaxInt {
		y := monthIndex(tl.Marker) / 12
		return y * 12, y*12 + 11
	}
	return lo / 12 * 12, hi/12*12 + 11
}

// Render draws the timeline as SVG.
func (tl Timeline) Render() ([]byte, error) {
	if err := tl.check(); err != nil {
		return nil, err
	}
	showMarker := !tl.Marker.IsZero()
	if !showMarker && !tl.hasDates() {
		tl.Marker = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // any year, for an axis
	}
	first, last := tl.span()
	months := float64(last - first + 1)

	labels := make([]string, len(tl.Actions))
	for i, a := range tl.Actions {
		labels[i] = strings.TrimSpace(a.ID + "  " + a.Label)
	}
	labelW := math.Min(maxWidth(labels, 12.5), tlMaxLabelW) + 16
	// Long labels wrap onto a second line; then every row is taller.
	wrapped := make([][]string, len(labels))
	rowH := tlRowH
	for i, l := range labels {
		wrapped[i] = wrap(l, labelW-16, 12.5, 2)
		if len(wrapped[i]) > 1 {
			rowH = tlRowH2
		}
	}
	plotX := 16 + labelW
	plotW := tlPlotW
	width := plotX + plotW + tlStatusW + 16
	plotY := 72.0
	if showMarker && tl.MarkerLabel != "" {
		plotY += 22 // a row for the marker label above the year labels
	}
	showReport := !tl.ReportDate.IsZero()
	if showReport && tl.ReportDateLabel != "" {
		plotY += 22 // and one for the report date's, above it
	}
	plotH := float64(len(tl.Actions)) * rowH
	height := plotY + plotH + 26 + 56
	xOf := func(month int) float64 { return plotX + plotW*float64(month-first)/months }

	s := begin(tl.Meta, width, height)
	s.timelineDefs()

	// Alternate row bands help the eye follow a row to its bar.
	for i := range tl.Actions {
		if i%2 == 1 {
			s.printf(`<rect x="16" y="%s" width="%s" height="%s" fill="#f5f5f5"/>`+"\n",
				num(plotY+float64(i)*rowH), num(width-32), num(rowH))
		}
	}

	// Year grid and labels above and below; quarter ticks on the axis.
	s.printf(`<g font-size="12" fill="%s">`+"\n", colMuted)
	for m := first; m <= last+1; m++ {
		x := xOf(m)
		switch {
		case m%12 == 0:
			s.printf(`<path d="M%s %sV%s" stroke="%s"/>`+"\n", num(x), num(plotY-6), num(plotY+plotH+6), colAxis)
			if m <= last {
				mid := xOf(m + 6)
				year := strconv.Itoa(m / 12)
				s.text(mid, plotY-10, "middle", `font-weight="600"`, year, "")
				s.text(mid, plotY+plotH+20, "middle", `font-weight="600"`, year, "")
			}
		case m%3 == 0:
			s.printf(`<path d="M%s %sV%s" stroke="%s" stroke-dasharray="2 3"/>`+"\n", num(x), num(plotY), num(plotY+plotH), colGrid)
		}
	}
	s.printf("</g>\n")

	// A status written after a bar, or "no dates", moves past the marker line
	// and the report date's rather than run across them (a longer word in
	// another language crosses them where the English did not).
	markerX := math.NaN()
	var lines []float64
	if showMarker {
		markerX = xOf(monthIndex(tl.Marker) + 1)
		lines = append(lines, markerX)
	}
	if showReport {
		lines = append(lines, tl.reportX(xOf))
		slices.Sort(lines)
	}
	clear := func(x, w float64) float64 {
		const pad = 3.0
		for _, lx := range lines { // left to right, so a move past one sees the next
			if x-pad < lx && lx < x+w+pad {
				x = lx + pad + 2
			}
		}
		return x
	}

	// Rows: label, bar, status.
	for i, a := range tl.Actions {
		y := plotY + float64(i)*rowH
		by := y + (rowH-tlBarH)/2
		ty := y + rowH/2 + 4
		s.printf("<g>")
		s.printf("<title>%s</title>", esc(tl.describe(a, s.words)))
		s.actionLabel(a.ID, wrapped[i], 24, ty-float64(len(wrapped[i])-1)*7.5)
		var end float64
		switch {
		case a.Start.IsZero() && a.End.IsZero():
			x := clear(plotX+6, textWidth(s.words.noDates(), 11))
			s.text(x, ty, "", `font-size="11" font-style="italic" fill="`+colMuted+`"`, s.words.noDates(), "")
			end = x + math.Max(54, textWidth(s.words.noDates(), 11)+4)
		case a.Start.IsZero() || a.End.IsZero():
			t := a.Start
			if t.IsZero() {
				t = a.End
			}
			cx := (xOf(monthIndex(t)) + xOf(monthIndex(t)+1)) / 2
			s.printf(`<path d="M%s %sl7 7l-7 7l-7 -7Z" %s/>`+"\n", num(cx), num(by), statusStyle(s.id, a.Status))
			end = cx + 8
		default:
			x0, x1 := xOf(monthIndex(a.Start)), xOf(monthIndex(a.End)+1)
			s.printf(`<rect x="%s" y="%s" width="%s" height="%s" rx="2" %s/>`+"\n", num(x0), num(by), num(x1-x0), num(tlBarH), statusStyle(s.id, a.Status))
			if a.Status == StatusCancelled {
				s.printf(`<path d="M%s %sH%s" stroke="%s" stroke-width="1.5"/>`+"\n", num(x0), num(by+tlBarH/2), num(x1), colText)
			}
			end = x1
		}
		s.text(clear(end+5, textWidth(s.words.status(a.Status), 11)), ty, "", `font-size="11" fill="`+colMuted+`"`, s.words.status(a.Status), "")
		s.printf("</g>\n")
	}

	// The marker goes last so that no bar hides it.
	if showMarker {
		x := markerX
		s.printf(`<path d="M%s %sV%s" stroke="%s" stroke-width="2" stroke-dasharray="6 3"/>`+"\n", num(x), num(plotY-36), num(plotY+plotH+6), colText)
		if tl.MarkerLabel != "" {
			label := truncate(tl.MarkerLabel, 260, 12*bold)
			anchor, lx := "end", x-4
			if x-plotX < textWidth(label, 12*bold)+8 {
				anchor, lx = "start", x+4
			}
			s.text(lx, plotY-30, anchor, `font-size="12" font-weight="600"`, label, tl.MarkerLabel)
		}
	}
	if showReport {
		x := tl.reportX(xOf)
		top := plotY - 14
		if tl.ReportDateLabel != "" {
			top = plotY - 58
		}
		s.printf(`<path d="M%s %sV%s" stroke="%s" stroke-width="2"/>`+"\n", num(x), num(top), num(plotY+plotH+6), colReport)
		if tl.ReportDateLabel != "" {
			label := truncate(tl.ReportDateLabel, 260, 12*bold)
			anchor, lx := "end", x-4
			if x-plotX < textWidth(label, 12*bold)+8 {
				anchor, lx = "start", x+4
			}
			s.text(lx, top+6, anchor, `font-size="12" font-weight="600" fill="`+colReport+`"`, label, tl.ReportDateLabel)
		}
	}
	s.statusLegend(16, plotY+plotH+50, width-16)
	return s.end()
}

// reportX is the report date's x: its day within its month.
func (tl Timeline) reportX(xOf func(month int) float64) float64 {
	d := tl.ReportDate
	days := float64(time.Date(d.Year(), d.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
	return xOf(monthIndex(d)) + (xOf(monthIndex(d)+1)-xOf(monthIndex(d)))*float64(d.Day())/days
}

func (tl Timeline) hasDates() bool {
	for _, a := range tl.Actions {
		if !a.Start.IsZero() || !a.End.IsZero() {
			return true
		}
	}
	return false
}

// describe is the row's tooltip: id, label, months and status in words.
func (tl Timeline) describe(a Action, w Words) string {
	when := w.noDates()
	f := func(t time.Time) string {
		if t.IsZero() {
			return "?"
		}
		return t.Format("2006-01")
	}
	if !a.Start.IsZero() || !a.End.IsZero() {
		when = f(a.Start) + " " + w.to() + " " + f(a.End)
	}
	return strings.TrimSpace(a.ID+" "+a.Label) + ": " + when + ", " + w.statusInText(a.Status)
}

// statusStyle is the fill and stroke of a bar with the given status: planned is an
// outline only, in progress is hatched, done is solid, delayed is cross-hatched in
// vermillion, cancelled is grey and struck through.
func statusStyle(id string, st Status) string {
	switch st {
	case StatusPlanned:
		return `fill="#ffffff" stroke="#0072B2" stroke-width="1.5" stroke-dasharray="4 2"`
	case StatusInProgress:
		return fmt.Sprintf(`fill="url(#%s-st-in_progress)" stroke="#0072B2" stroke-width="1.5"`, id)
	case StatusDone:
		return `fill="#009E73" stroke="#006b4e" stroke-width="1.5"`
	case StatusDelayed:
		return fmt.Sprintf(`fill="url(#%s-st-delayed)" stroke="#D55E00" stroke-width="1.5"`, id)
	default:
		return `fill="#d9d9d9" stroke="#737373" stroke-width="1.5"`
	}
}

func (s *svg) timelineDefs() {
	s.printf("<defs>\n")
	s.printf(`<pattern id="%s-st-in_progress" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#56B4E9"/><path d="M0 0V6" stroke="#0072B2" stroke-width="2.5"/></pattern>`+"\n", s.id)
	s.printf(`<pattern id="%s-st-delayed" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#E69F00"/><path d="M0 0L6 6M6 0L0 6" stroke="#8a3200" stroke-width="1.2"/></pattern>`+"\n", s.id)
	s.printf("</defs>\n")
}

// statusLegend writes one key per status from x, y.
func (s *svg) statusLegend(x, y, maxX float64) {
	s.printf(`<g font-size="12" aria-hidden="true">` + "\n")
	cx := x
	for _, st := range Statuses {
		w := 34 + textWidth(s.words.status(st), 12) + 18
		if cx > x && cx+w > maxX {
			cx = x
			y += 20
		}
		s.printf(`<rect x="%s" y="%s" width="28" height="12" rx="2" %s/>`, num(cx), num(y-10), statusStyle(s.id, st))
		if st == StatusCancelled {
			s.printf(`<path d="M%s %sH%s" stroke="%s" stroke-width="1.5"/>`, num(cx), num(y-4), num(cx+28), colText)
		}
		s.text(cx+34, y, "", "", s.words.status(st), "")
		cx += w
	}
	s.printf("</g>\n")
}

// actionLabel writes an action's wrapped label from x, y, line by line, the action id
// at the start of the first line in bold.
func (s *svg) actionLabel(id string, lines []string, x, y float64) {
	s.printf(`<text font-size="12">`)
	for j, l := range lines {
		s.printf(`<tspan x="%s" y="%s">`, num(x), num(y+float64(j)*15))
		if j == 0 && id != "" && strings.HasPrefix(l, id) {
			s.printf(`<tspan font-weight="600">%s</tspan>%s`, esc(id), esc(l[len(id):]))
		} else {
			s.printf("%s", esc(l))
		}
		s.printf("</tspan>")
	}
	s.printf("</text>\n")
}
