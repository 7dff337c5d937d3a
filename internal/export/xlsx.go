package export

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// WorkbookName is the file the XLSX export writes.
const WorkbookName = "hwfplan.xlsx"

// fixedTime is the creation and modification time written into the workbook's
// document properties, so that two exports of the same data are byte-identical
// (the data's own dates are in the sheets; the file's age is in the file system).
const fixedTime = "2000-01-01T00:00:00Z"

// Column width limits, in characters.
const (
	minWidth = 8
	maxWidth = 60
)

// XLSX renders the tables as one workbook with a sheet per table: a bold header
// row, frozen below the header, an auto-filter, column widths fitted to the
// content, numbers and integers as numbers, booleans as booleans, and dates and
// months as real dates (formatted yyyy-mm-dd and yyyy-mm). Text cells are written as
// strings, never as formulas.
func XLSX(tables []Table) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	fail := func(err error) ([]byte, error) { return nil, fmt.Errorf("failed to build %s: %w", WorkbookName, err) }
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "hwfplan", LastModifiedBy: "hwfplan", Title: "hwfplan export",
		Created: fixedTime, Modified: fixedTime,
	}); err != nil {
		return fail(err)
	}
	st, err := newStyles(f)
	if err != nil {
		return fail(err)
	}
	for i, t := range tables {
		if i == 0 {
			err = f.SetSheetName("Sheet1", t.Name)
		} else {
			_, err = f.NewSheet(t.Name)
		}
		if err != nil {
			return fail(err)
		}
		if err := writeSheet(f, st, t); err != nil {
			return fail(fmt.Errorf("sheet %s: %w", t.Name, err))
		}
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fail(err)
	}
	return buf.Bytes(), nil
}

type styles struct{ header, date, month int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	dateFmt, monthFmt := "yyyy-mm-dd", "yyyy-mm"
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return s, err
	}
	if s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return s, err
	}
	if s.month, err = f.NewStyle(&excelize.Style{CustomNumFmt: &monthFmt}); err != nil {
		return s, err
	}
	return s, nil
}

func writeSheet(f *excelize.File, st styles, t Table) error {
	sheet := t.Name
	widths := make([]int, len(t.Columns))
	for j, c := range t.Columns {
		cell, _ := excelize.CoordinatesToCellName(j+1, 1)
		if err := f.SetCellStr(sheet, cell, c.Name); err != nil {
			return err
		}
		widths[j] = utf8.RuneCountInString(c.Name) + 3 // room for the filter button
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Columns), 1)
	if err := f.SetCellStyle(sheet, "A1", last, st.header); err != nil {
		return err
	}
	for i, r := range t.Rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			if err := setCell(f, st, sheet, cell, t.Columns[j], v); err != nil {
				return err
			}
			widths[j] = max(widths[j], utf8.RuneCountInString(cellText(t.Columns[j], v)))
		}
	}
	for j, w := range widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		if err := f.SetColWidth(sheet, col, col, float64(min(max(w+1, minWidth), maxWidth))); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if len(t.Rows) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(t.Columns), len(t.Rows)+1)
		if err := f.AutoFilter(sheet, "A1:"+end, nil); err != nil {
			return err
		}
	}
	return nil
}

func setCell(f *excelize.File, st styles, sheet, cell string, col Column, v any) error {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		// SetCellStr stores text as text: a leading "=" is never read as a formula.
		return f.SetCellStr(sheet, cell, x)
	case float64:
		// General number format: Excel's "0.####" would show 300 as "300.".
		return f.SetCellFloat(sheet, cell, x, -1, 64)
	case int:
		return f.SetCellInt(sheet, cell, int64(x))
	case bool:
		return f.SetCellBool(sheet, cell, x)
	case time.Time:
		if err := f.SetCellFloat(sheet, cell, excelSerial(x), -1, 64); err != nil {
			return err
		}
		style := st.date
		if col.Kind == Month {
			style = st.month
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	default:
		return f.SetCellStr(sheet, cell, fmt.Sprint(x))
	}
}

// excelSerial is the day number Excel stores for a date (1900 date system):
// days since 1899-12-30, which absorbs Excel's 1900 leap-year quirk for dates
// after February 1900.
func excelSerial(t time.Time) float64 {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return float64(d.Sub(base).Hours() / 24)
}
