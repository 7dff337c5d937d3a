package report

import (
	"testing"
	"time"
)

func TestStampDates(t *testing.T) {
	in := []byte("<</Producer (Skia/PDF m156)\n/CreationDate (D:20261124214411+00'00')\n/ModDate (D:20261124214411+00'00')>>")
	want := "<</Producer (Skia/PDF m156)\n/CreationDate (D:20250514100000+00'00')\n/ModDate (D:20250514100000+00'00')>>"
	got := stampDates(in, time.Date(2025, 5, 14, 10, 0, 0, 0, time.UTC))
	if string(got) != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if len(got) != len(in) {
		t.Fatal("the length must not change (xref offsets)")
	}
}
