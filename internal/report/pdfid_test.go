package report

import (
	"bytes"
	"testing"
)

// TestRenumberNodeIDs: Chromium numbers the structure elements of a tagged PDF
// from its DOM node ids, which start elsewhere on every run; after renumbering,
// two runs give the same bytes, of the same length, in the same order.
func TestRenumberNodeIDs(t *testing.T) {
	run1 := []byte("<</S /TH /ID (node00000204)>> <</S /TD /ID (node00000206)>>\n/IDTree <</Names [(node00000204) 9 0 R (node00000206) 10 0 R]>>")
	run2 := []byte("<</S /TH /ID (node00000202)>> <</S /TD /ID (node00000204)>>\n/IDTree <</Names [(node00000202) 9 0 R (node00000204) 10 0 R]>>")
	want := "<</S /TH /ID (node00000001)>> <</S /TD /ID (node00000002)>>\n/IDTree <</Names [(node00000001) 9 0 R (node00000002) 10 0 R]>>"
	for _, in := range [][]byte{run1, run2} {
		got := renumberNodeIDs(bytes.Clone(in))
		if string(got) != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
		if len(got) != len(in) {
			t.Errorf("length changed from %d to %d", len(in), len(got))
		}
	}
}
