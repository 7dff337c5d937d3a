package diagfmt

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/validate"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema compiles the vendored SARIF 2.1.0 schema, asserting formats too
// (artifact URIs are uri-references, helpUri a uri).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema/sarif-2.1.0-rtm.5.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://json.schemastore.org/sarif-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// sarifOf writes diagnostics as SARIF with the real rule catalogue.
func sarifOf(t *testing.T, ds []diag.Diagnostic, opts Options) []byte {
	t.Helper()
	var out bytes.Buffer
	opts.Out = &out
	opts.Rules = validate.Rules()
	w, err := New("sarif", opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAll(w, ds); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// findings covers what SARIF consumers trip on: a whole-file finding, paths that
// need percent-encoding (a space, a percent sign, a comma, a colon, non-ASCII),
// and two findings alike but for their line.
var findings = []diag.Diagnostic{
	{File: "countries/HU/to-do.yaml", Severity: diag.Error, Rule: "missing-file", Message: "the file is missing"},
	{File: "plans/my plans/100%/countries/HU/as-is.yaml", Line: 3, Column: 9, Severity: diag.Error, Rule: "duplicate-key",
		Message: `key "score" appears twice; the first is at line 2`},
	{File: "a:b,c/ŐÜ.yaml", Line: 7, Column: 1, Severity: diag.Warning, Rule: "placeholder", Message: "the vision is still the placeholder"},
	{File: "a:b,c/ŐÜ.yaml", Line: 9, Column: 1, Severity: diag.Warning, Rule: "placeholder", Message: "the vision is still the placeholder"},
}

type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Version         string `json:"version"`
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID              string                          `json:"id"`
					Name            string                          `json:"name"`
					HelpURI         string                          `json:"helpUri"`
					FullDescription struct{ Text string }           `json:"fullDescription"`
					Help            struct{ Text, Markdown string } `json:"help"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					Region           *struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

// TestSARIFSchemaValid validates the output, findings and the full rule
// catalogue, against the SARIF 2.1.0 schema, and checks what code scanning and
// the SARIF multitool ask beyond it: every rule has a friendly name unless its
// id is one word (then it would be the id again), a full
// description, help in text and Markdown and a helpUri; every result has a
// region; URIs are percent-encoded; the tool version starts with a number.
func TestSARIFSchemaValid(t *testing.T) {
	sch := sarifSchema(t)
	for _, version := range []string{"v1.4.0", "dev-0123456789ab", "dev"} {
		out := sarifOf(t, findings, Options{ToolVersion: version})
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Fatalf("version %s: the SARIF output is not schema-valid: %v\n%s", version, err, out)
		}
		var log sarifDoc
		if err := json.Unmarshal(out, &log); err != nil {
			t.Fatal(err)
		}
		d := log.Runs[0].Tool.Driver
		if d.Version == "" || d.Version[0] < '0' || d.Version[0] > '9' {
			t.Errorf("tool version %q for %s does not start with a number", d.Version, version)
		}
		if version == "v1.4.0" && (d.Version != "1.4.0" || d.SemanticVersion != "1.4.0") {
			t.Errorf("release version = %q, semantic %q; want 1.4.0", d.Version, d.SemanticVersion)
		}
		if len(d.Rules) != len(validate.Rules()) {
			t.Errorf("%d rules, want the catalogue's %d", len(d.Rules), len(validate.Rules()))
		}
		for _, r := range d.Rules {
			if strings.EqualFold(r.Name, r.ID) || (strings.Contains(r.ID, "-") && r.Name == "") {
				t.Errorf("rule %s: friendly name %q (SARIF1001: not the id again)", r.ID, r.Name)
			}
			if r.FullDescription.Text == "" || r.Help.Text == "" || r.Help.Markdown == "" ||
				!strings.HasSuffix(r.HelpURI, "validate-rules.md#"+r.ID) {
				t.Errorf("rule %s lacks a name, description, help or helpUri: %+v", r.ID, r)
			}
		}
	}
	var log sarifDoc
	if err := json.Unmarshal(sarifOf(t, findings, Options{}), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if r := res[0].Locations[0].PhysicalLocation.Region; r == nil || r.StartLine != 1 {
		t.Errorf("whole-file result: region %+v, want startLine 1", r)
	}
	wantURIs := []string{"countries/HU/to-do.yaml", "plans/my%20plans/100%25/countries/HU/as-is.yaml",
		"a%3Ab%2Cc/%C5%90%C3%9C.yaml", "a%3Ab%2Cc/%C5%90%C3%9C.yaml"}
	for i, want := range wantURIs {
		if got := res[i].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != want {
			t.Errorf("result %d: uri %q, want %q", i, got, want)
		}
	}
	if res[2].PartialFingerprints[fingerprintKey] == res[3].PartialFingerprints[fingerprintKey] {
		t.Error("two findings alike but for their line share a fingerprint")
	}
}

// TestSARIFFingerprintsStable: a finding keeps its fingerprint when lines are
// added above it (its line and the line its message quotes move); it changes
// with the rule, the file or the message.
func TestSARIFFingerprintsStable(t *testing.T) {
	fp := func(ds ...diag.Diagnostic) []string {
		var log sarifDoc
		if err := json.Unmarshal(sarifOf(t, ds, Options{}), &log); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range log.Runs[0].Results {
			out = append(out, r.PartialFingerprints[fingerprintKey])
		}
		return out
	}
	base := findings[1]
	moved := base
	moved.Line, moved.Column = 13, 2
	moved.Message = `key "score" appears twice; the first is at line 12`
	if a, b := fp(base), fp(moved); a[0] != b[0] {
		t.Errorf("moving a finding changed its fingerprint: %s, %s", a[0], b[0])
	}
	for _, change := range []func(d *diag.Diagnostic){
		func(d *diag.Diagnostic) { d.Rule = "unknown-key" },
		func(d *diag.Diagnostic) { d.File = "countries/SI/as-is.yaml" },
		func(d *diag.Diagnostic) { d.Message = `key "evidence" appears twice; the first is at line 2` },
	} {
		other := base
		change(&other)
		if fp(base)[0] == fp(other)[0] {
			t.Errorf("%+v and %+v share a fingerprint", base, other)
		}
	}
	// The same findings in the same order: the same fingerprints, run after run.
	if a, b := strings.Join(fp(findings...), " "), strings.Join(fp(findings...), " "); a != b {
		t.Errorf("fingerprints differ between runs: %s / %s", a, b)
	}
}
