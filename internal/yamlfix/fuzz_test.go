package yamlfix

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/load"
)

// FuzzFix feeds arbitrary bytes to Fix: it never panics; a second run changes
// nothing; and a file hwfplan reads without errors reads to the same values
// after the fix, with nothing but quotes added.
func FuzzFix(f *testing.F) {
	for _, in := range golden.Sections(f, "../load/testdata/parse/*.txtar", "in.yaml") {
		f.Add(in)
	}
	f.Add([]byte("a: 2024-01-01\nb: [NO, yes, 1:30]\nc: |\n  2024-01-01\n"))
	f.Add([]byte("a:\n\tb: 2024-01-01\n\u00a0 c: on\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := Fix("in.yaml", data)
		if r.Changed() {
			if again := Fix("in.yaml", r.Data); again.Changed() {
				t.Errorf("a second run changes %q: %q", again.Changes, r.Data)
			}
		}
		before, ds := load.Parse("in.yaml", data)
		if before == nil || before.Value == nil || diag.HasErrors(ds) {
			return
		}
		after, ds := load.Parse("in.yaml", r.Data)
		if after == nil || diag.HasErrors(ds) {
			t.Fatalf("a file that read no longer reads after %q: %v", r.Changes, ds)
		}
		if !reflect.DeepEqual(before.Value, after.Value) {
			t.Errorf("values differ after %q:\n%v\n%v", r.Changes, before.Value, after.Value)
		}
		if !bytes.Equal(bytes.ReplaceAll(r.Data, []byte(`"`), nil), bytes.ReplaceAll(bytes.TrimPrefix(data, []byte("\ufeff")), []byte(`"`), nil)) {
			t.Errorf("changed more than quotes: %q → %q", data, r.Data)
		}
	})
}
