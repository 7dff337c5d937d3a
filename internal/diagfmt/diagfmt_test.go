package diagfmt

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/golden"
)

// sample has an error and a warning with positions, a whole-file error, and a
// message full of characters each format must escape.
var sample = []diag.Diagnostic{
	{File: "countries/HU/as-is.yaml", Line: 12, Column: 16, Pointer: "/tasks/data/items/linkage/score", Severity: diag.Error, Rule: "score-range",
		Message: "score 3 is above the maximum 2 of item data.linkage (scale 0-2)"},
	{File: "countries/HU/to-do.yaml", Severity: diag.Error, Rule: "missing-file", Message: "the file is missing"},
	{File: "countries/X,Y:Z/to-be.yaml", Line: 3, Column: 5, Severity: diag.Warning, Rule: "gap-addressed",
		Message: "100% | <b>bold</b> *not* [a](javascript:x)\nsecond line\r: a, b"},
}

var rules = []diag.RuleInfo{
	{ID: "score-range", Severity: diag.Error, Summary: "Scores are on the item's scale.", HelpURI: "https://example.org/rules.md#score-range"},
	{ID: "gap-addressed", Severity: diag.Warning, Summary: "Gaps are addressed by a step."},
}

func TestGolden(t *testing.T) {
	for _, format := range Formats {
		for _, strict := range []bool{false, true} {
			name := format
			if strict {
				name += "-strict"
			}
			t.Run(name, func(t *testing.T) {
				var out, status, summary bytes.Buffer
				w, err := New(format, Options{Out: &out, Status: &status, Strict: strict, Rules: rules, ToolVersion: "test", Summary: &summary})
				if err != nil {
					t.Fatal(err)
				}
				if err := WriteAll(w, sample); err != nil {
					t.Fatal(err)
				}
				got := out.String()
				if status.Len() > 0 {
					got += "-- status --\n" + status.String()
				}
				if summary.Len() > 0 {
					got += "-- summary --\n" + summary.String()
				}
				golden.Check(t, filepath.Join("testdata", name+".golden"), []byte(got))
			})
		}
	}
}

func TestNewRejectsUnknownFormat(t *testing.T) {
	_, err := New("yaml", Options{})
	if err == nil || err.Error() != `unknown format "yaml": use one of text, json, github, sarif, markdown` {
		t.Errorf("got %v", err)
	}
}

func TestTextColour(t *testing.T) {
	var out bytes.Buffer
	w, _ := New("text", Options{Out: &out, Status: &bytes.Buffer{}, Color: true})
	if err := WriteAll(w, sample[:1]); err != nil {
		t.Fatal(err)
	}
	want := "\x1b[1mcountries/HU/as-is.yaml:12:16\x1b[0m: \x1b[31merror\x1b[0m: score 3 is above the maximum 2 of item data.linkage (scale 0-2) \x1b[2m[score-range]\x1b[0m\n"
	if out.String() != want {
		t.Errorf("got %q\nwant %q", out.String(), want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		d    diag.Diagnostic
		want string
	}{
		{diag.Diagnostic{File: "a.yaml", Line: 1, Column: 2, Severity: diag.Error, Rule: "r", Message: "m"},
			"::error file=a.yaml,line=1,col=2,title=r::m"},
		{diag.Diagnostic{File: "a,b:c%.yaml", Severity: diag.Warning, Rule: "r:1", Message: "50% done\nnext\r, a: b"},
			"::warning file=a%2Cb%3Ac%25.yaml,title=r%3A1::50%25 done%0Anext%0D, a: b"},
	}
	for _, tt := range tests {
		if got := githubCommand(tt.d); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestJSONShape(t *testing.T) {
	for _, ds := range [][]diag.Diagnostic{nil, sample} {
		var out bytes.Buffer
		w, _ := New("json", Options{Out: &out})
		if err := WriteAll(w, ds); err != nil {
			t.Fatal(err)
		}
		var r struct {
			Valid       *bool             `json:"valid"`
			Errors      *int              `json:"errors"`
			Warnings    *int              `json:"warnings"`
			Diagnostics []json.RawMessage `json:"diagnostics"`
		}
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Valid == nil || r.Errors == nil || r.Warnings == nil || r.Diagnostics == nil {
			t.Errorf("missing fields in %s", out.String())
		}
		if *r.Valid != (len(ds) == 0) || len(r.Diagnostics) != len(ds) {
			t.Errorf("wrong content: %s", out.String())
		}
	}
}

func TestSARIFRulesIndexed(t *testing.T) {
	var out bytes.Buffer
	w, _ := New("sarif", Options{Out: &out, Rules: rules})
	if err := WriteAll(w, sample); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if log.Version != "2.1.0" || len(run.Results) != len(sample) {
		t.Fatalf("bad log: %s", out.String())
	}
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s points at rule %s", r.RuleID, run.Tool.Driver.Rules[r.RuleIndex].ID)
		}
	}
}

// No format writes a control character from the data raw: an escape sequence in
// a message (quoting plan text) or a file name must not reach the terminal, the
// job log or the pull-request comment.
func TestControlCharacters(t *testing.T) {
	ds := []diag.Diagnostic{{File: "countries/HU/\x1b[2Jas-is.yaml", Line: 1, Column: 1, Severity: diag.Error, Rule: "schema",
		Message: "\x1b]0;pwned\x07 \x1b[31mred\u009b \u202eevil \x00nul"}}
	for _, format := range []string{"text", "github", "markdown"} {
		var out, status, summary bytes.Buffer
		w, err := New(format, Options{Out: &out, Status: &status, Rules: rules, ToolVersion: "test", Summary: &summary})
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteAll(w, ds); err != nil {
			t.Fatal(err)
		}
		got := out.String() + summary.String()
		if strings.ContainsAny(got, "\x1b\x07\x00\u009b\u202e") {
			t.Errorf("%s writes a raw control character: %q", format, got)
		}
		if !strings.Contains(got, "x1b") || !strings.Contains(got, "31mred") {
			t.Errorf("%s drops the text: %q", format, got)
		}
	}
}
