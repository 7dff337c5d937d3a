package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/safewrite"
)

// Formats lists the export formats.
var Formats = []string{"csv", "json", "xlsx"}

// cellText renders a cell for CSV: empty for no value, numbers in the shortest
// exact form, booleans as true/false, dates as YYYY-MM-DD and months as YYYY-MM.
func cellText(col Column, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
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
		return nil, fmt.Errorf("unknown export format %q; use one of: %s", format, strings.Join(Formats, ", "))
	}
	return out, nil
}

// WriteDir writes files into dir so that a reader never sees half an export.
// When dir does not exist yet (or is empty), the whole set is written into a
// temporary folder next to it and renamed into place in one step. When dir
// already holds files, each file is replaced atomically on its own (other files
// in dir are left alone, so --out never deletes anything).
func WriteDir(dir string, files map[string][]byte) error {
	dir = filepath.Clean(dir)
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0):
		parent := filepath.Dir(dir)
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return fmt.Errorf("failed to create %s: %w", parent, err)
		}
		tmp, err := os.MkdirTemp(parent, ".tmp-"+filepath.Base(dir)+"-")
		if err != nil {
			return fmt.Errorf("failed to create a temporary folder next to %s: %w", dir, err)
		}
		if err := writeFiles(tmp, files); err != nil {
			os.RemoveAll(tmp)
			return err
		}
		if err := os.Chmod(tmp, 0o755); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("failed to write %s: %w", dir, err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			// An empty dir may not be replaceable (another OS, a mount point):
			// fall back to replacing file by file.
			os.RemoveAll(tmp)
			return writeFiles(dir, files)
		}
		return nil
	case err != nil:
		return fmt.Errorf("failed to read output folder %s: %w", dir, err)
	default:
		return writeFiles(dir, files)
	}
}

func writeFiles(dir string, files map[string][]byte) error {
	for _, name := range sortedNames(files) {
		if err := safewrite.WriteFile(filepath.Join(dir, name), files[name]); err != nil {
			return err
		}
	}
	return nil
}

func sortedNames(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}
