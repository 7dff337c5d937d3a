package planhistory

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func sampleHistory() *History {
	half, one := 0.5, 1.0
	return &History{
		Code:  "HU",
		Tasks: []string{"data", "models"},
		Entries: []Entry{
			{Short: "bbbbbbb", Date: time.Date(2026, 3, 2, 23, 30, 0, 0, time.FixedZone("x", -2*3600)), Author: "Ann \x1b[31mRed", Subject: "Raise <linkage> & more", Summary: "HU › as-is › data.linkage 1 → 2",
				AsIs: map[string]*float64{"data": &one}, ToBe: map[string]*float64{"data": &one}},
			{Short: "aaaaaaa", Date: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC), Author: "Bo", Subject: "Start", Summary: "HU added",
				AsIs: map[string]*float64{"data": &half}},
		},
	}
}

func TestWriteTextIsSafeAndOldestFirstInTheScores(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sampleHistory()); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	want := `History of HU: 2 revisions

bbbbbbb  2026-03-03  Ann \x1b[31mRed  Raise <linkage> & more
         HU › as-is › data.linkage 1 → 2
aaaaaaa  2026-01-05  Bo  Start
         HU added

Task scores, as-is → to-be (0-1), oldest first
date        commit   data           models
2026-01-05  aaaaaaa  0.50 →   —       — →   —
2026-03-03  bbbbbbb  1.00 → 1.00      — →   —
`
	if strings.Contains(got, "\x1b") {
		t.Errorf("a control character reached the terminal:\n%q", got)
	}
	if got != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteJSONKeepsMarkup(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, sampleHistory()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"subject": "Raise <linkage> & more"`) {
		t.Errorf("JSON escaped the subject's markup:\n%s", b.String())
	}
	var back History
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back.Entries) != 2 || *back.Entries[0].AsIs["data"] != 1 {
		t.Errorf("JSON does not read back: %v %+v", err, back)
	}
}
