package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/outdir"
)

// Formats lists the export formats.
var Formats = []string{"csv", "json", "xlsx"}

// cellText renders a cell for CSV: empty for no value, numbers as num.Plain
// writes them (the shortest decimal: computed numbers were rounded by num.Machine
// when the table was built, plan values read as written), booleans as true/false,
// dates as YYYY-MM-DD and months as YYYY-MM.
func cellText(col Column, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return num.Plain(x)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		if col.Kind == Month {
			return x.Format("2006-01")
		}
		return x.Format(time.DateOnly)
	default:
		return fmt.Sprint(x)
	}
}

// CSV renders a table as RFC 4180 CSV with a header row (see SafeCell).
func CSV(t Table) ([]byte, error) {
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Name
	}
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = make([]string, len(r))
		for j, v := range r {
			rows[i][j] = cellText(t.Columns[j], v)
		}
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, header, rows); err != nil {
		return nil, fmt.Errorf("failed to write %s.csv: %w", t.Name, err)
	}
	return b.Bytes(), nil
}

// JSON renders a table as an array of records, one per line, keys in column order.
// Missing values are null; dates and months are strings as in CSV.
func JSON(t Table) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("[")
	for i, r := range t.Rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, v := range r {
			if j > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(t.Columns[j].Name)
			b.Write(k)
			b.WriteString(": ")
			if tm, ok := v.(time.Time); ok {
				v = cellText(t.Columns[j], tm)
			}
			enc, err := json.Marshal(v)
			if err != nil {
				return nil, fmt.Errorf("failed to write %s.json: %w", t.Name, err)
			}
			b.Write(enc)
		}
		b.WriteString("}")
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	return b.Bytes(), nil
}

// Files renders the tables in a format: file name → content. CSV and JSON give one
// file per table (<name>.csv, <name>.json); XLSX gives one workbook, hwfplan.xlsx.
func Files(tables []Table, format string) (map[string][]byte, error) {
	out := map[string][]byte{}
	switch format {
	case "csv", "json":
		for _, t := range tables {
			render := CSV
			if format == "json" {
				render = JSON
			}
			data, err := render(t)
			if err != nil {
				return nil, err
			}
			out[t.Name+"."+format] = data
		}
	case "xlsx":
		data, err := XLSX(tables)
		if err != nil {
			return nil, err
		}
		out[WorkbookName] = data
	default:
		return nil, fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
	}
	return out, nil
}

// Command is the command whose output folder an export is (see package outdir).
const Command = "export"

// WriteDir writes files into dir so that a reader never sees half an export: the
// set is written into a new folder next to dir, which then replaces dir (see
// package outdir; dir must be missing, empty or a previous export). Files of a
// previous export in another format (an extension none of files has) are kept, so
// CSV and a workbook can share a folder.
func WriteDir(dir string, files map[string][]byte) error {
	exts := map[string]bool{}
	for name := range files {
		exts[filepath.Ext(name)] = true
	}
	keep := func(name string) bool {
		_, ok := files[name]
		return !ok && !exts[filepath.Ext(name)]
	}
	return outdir.Replace(dir, Command, func(tmp string) error {
		for _, name := range sortedNames(files) {
			if err := os.WriteFile(filepath.Join(tmp, name), files[name], 0o644); err != nil {
				return fmt.Errorf("failed to write %s: %w", name, err)
			}
		}
		return nil
	}, keep)
}

func sortedNames(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}
