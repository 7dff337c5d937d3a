package load

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/hwfplan/hwfplan/internal/golden"
)

// FuzzParse feeds arbitrary bytes to Parse: it must never panic or hang, every
// diagnostic must point inside the file, and whatever it returns as Value must be
// plain JSON data (the schema validator reads it).
func FuzzParse(f *testing.F) {
	for _, in := range golden.Sections(f, "testdata/parse/*.txtar", "in.yaml") {
		f.Add(in)
	}
	f.Add([]byte("code: HU\neu_code: HU\nname: Hungary\ncluster: wp6\nmaintainers: [a]\n"))
	f.Add([]byte("steps:\n  - id: HU-S1\n    items: [data.linkage]\n    milestones:\n      - {id: m1, date: 2025-06}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, ds := Parse("in.yaml", data)
		// YAML breaks lines at \n, \r\n and a lone \r.
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
		for _, d := range ds {
			if d.Line < 0 || d.Line > lines+1 || d.Column < 0 {
				t.Errorf("diagnostic outside the file (%d lines): %s", lines, d)
			}
			if d.Message == "" || d.Rule == "" {
				t.Errorf("diagnostic without message or rule: %#v", d)
			}
		}
		if file == nil || file.Value == nil {
			return
		}
		if _, err := json.Marshal(file.Value); err != nil {
			t.Errorf("value is not JSON data: %v", err)
		}
		if file.Node == nil {
			t.Error("a file with a value has no node")
		}
	})
}
