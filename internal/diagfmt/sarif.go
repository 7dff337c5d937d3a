package diagfmt

import (
	"encoding/json"

	"github.com/hwfplan/hwfplan/internal/diag"
)

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html),
// the parts code-scanning tools read: the driver with its rules, and results with
// a rule id, level, message and location.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     *sarifText   `json:"shortDescription,omitempty"`
	DefaultConfiguration sarifDefault `json:"defaultConfiguration"`
}

type sarifDefault struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifWriter struct {
	opts Options
	collector
}

func sarifLevel(s diag.Severity) string {
	if s == diag.Error {
		return "error"
	}
	return "warning"
}

// Flush writes the log. Columns count characters (code points), as yaml.v3 does,
// so the run says so instead of SARIF's default of UTF-16 code units.
func (w *sarifWriter) Flush() error {
	name := w.opts.ToolName
	if name == "" {
		name = "hwfplan"
	}
	rules := ruleList(w.opts.Rules, w.ds)
	index := map[string]int{}
	driver := sarifDriver{Name: name, Version: w.opts.ToolVersion, InformationURI: "https://github.com/hwfplan/hwfplan", Rules: []sarifRule{}}
	for i, r := range rules {
		index[r.ID] = i
		sr := sarifRule{ID: r.ID, DefaultConfiguration: sarifDefault{Level: sarifLevel(r.Severity)}}
		if r.Summary != "" {
			sr.ShortDescription = &sarifText{Text: r.Summary}
		}
		driver.Rules = append(driver.Rules, sr)
	}
	results := []sarifResult{}
	for _, d := range w.ds {
		loc := sarifPhysical{ArtifactLocation: sarifArtifact{URI: d.File, URIBaseID: "%SRCROOT%"}}
		if d.Line > 0 {
			loc.Region = &sarifRegion{StartLine: d.Line, StartColumn: d.Column}
		}
		results = append(results, sarifResult{RuleID: d.Rule, RuleIndex: index[d.Rule], Level: sarifLevel(d.Severity),
			Message: sarifText{Text: d.Message}, Locations: []sarifLocation{{PhysicalLocation: loc}}})
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0",
		Runs: []sarifRun{{Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: results}}}
	enc := json.NewEncoder(w.opts.Out)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
