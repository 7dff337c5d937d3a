package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// SafeCell protects a CSV cell against formula injection: a spreadsheet would run a
// cell starting with = + - @ (or a tab or carriage return, which some strip first)
// as a formula, so such a cell gets a leading single quote and is shown as text.
// Plain numbers such as -0.25 are left alone: they are data, and a spreadsheet reads
// them as numbers.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "\t\r") {
			return s
		}
		return "'" + s
	}
	return s
}

// WriteCSV writes a header row and the rows as RFC 4180 CSV (CRLF line ends,
// quotes where needed), every cell passed through SafeCell.
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	safe := func(r []string) []string {
		out := make([]string, len(r))
		for i, c := range r {
			out[i] = SafeCell(c)
		}
		return out
	}
	if err := cw.Write(safe(header)); err != nil {
		return fmt.Errorf("failed to write csv: %w", err)
	}
	for _, r := range rows {
		if err := cw.Write(safe(r)); err != nil {
			return fmt.Errorf("failed to write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("failed to write csv: %w", err)
	}
	return nil
}
