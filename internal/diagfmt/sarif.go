package diagfmt

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/escape"
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
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     *sarifText     `json:"shortDescription,omitempty"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifMultiText `json:"help"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifDefault   `json:"defaultConfiguration"`
}

type sarifMultiText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifDefault struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
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
	version, semver := sarifVersion(w.opts.ToolVersion)
	driver := sarifDriver{Name: name, Version: version, SemanticVersion: semver,
		InformationURI: "https://github.com/hwfplan/hwfplan", Rules: []sarifRule{}}
	for i, r := range rules {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	results := []sarifResult{}
	seen := map[string]int{}
	for _, d := range w.ds {
		loc := sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(d.File), URIBaseID: "%SRCROOT%"}}
		if d.Line > 0 {
			loc.Region = &sarifRegion{StartLine: d.Line, StartColumn: d.Column}
		} else {
			// A finding about the whole file (missing, too large, a refused link):
			// code scanning needs a region, so it points at the first line.
			loc.Region = &sarifRegion{StartLine: 1}
		}
		results = append(results, sarifResult{RuleID: d.Rule, RuleIndex: index[d.Rule], Level: sarifLevel(d.Severity),
			Message: sarifText{Text: d.Message}, Locations: []sarifLocation{{PhysicalLocation: loc}},
			PartialFingerprints: map[string]string{fingerprintKey: fingerprint(d, seen)}})
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0",
		Runs: []sarifRun{{Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: results}}}
	enc := json.NewEncoder(w.opts.Out)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifRuleOf describes a rule from the rule catalogue, the one source of the
// rule descriptions: the summary, the description (summary and what a finding
// does) and the link to the rule's section in the documentation.
func sarifRuleOf(r diag.RuleInfo) sarifRule {
	sr := sarifRule{ID: r.ID, Name: friendlyName(r.ID), HelpURI: r.HelpURI,
		FullDescription:      sarifText{Text: r.Description()},
		DefaultConfiguration: sarifDefault{Level: sarifLevel(r.Severity)}}
	if r.Summary != "" {
		sr.ShortDescription = &sarifText{Text: r.Summary}
	}
	sr.Help.Text = r.Description()
	var md []string
	if r.Summary != "" {
		md = append(md, escape.Markdown(r.Summary))
	}
	md = append(md, escape.Markdown(r.Consequence()))
	if r.HelpURI != "" {
		sr.Help.Text += " Documentation: " + r.HelpURI
		md = append(md, fmt.Sprintf("[Rule `%s` in the documentation](%s)", r.ID, r.HelpURI))
	}
	sr.Help.Markdown = strings.Join(md, "\n\n")
	return sr
}

// friendlyName is SARIF's "friendly name" of a rule: its kebab-case id in
// Pascal case (score-range: ScoreRange). A one-word id has none ("" leaves the
// optional name out): a name equal to the id but for case is what the SARIF
// multitool warns about (SARIF1001), as the id must stay an opaque identifier.
func friendlyName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	if strings.EqualFold(b.String(), id) {
		return ""
	}
	return b.String()
}

// sarifVersion returns the tool version as SARIF wants it, starting with a
// number so versions compare: a release's "v1.2.3" is "1.2.3" (also its
// semantic version); a development build ("dev", "dev-<commit>") comes before
// every release as "0.0.0-dev...".
func sarifVersion(v string) (version, semantic string) {
	switch {
	case v == "":
		return "", ""
	case semverRe.MatchString(v):
		v = strings.TrimPrefix(v, "v")
		return v, v
	case v[0] >= '0' && v[0] <= '9':
		return v, ""
	}
	return "0.0.0-" + v, ""
}

var semverRe = regexp.MustCompile(`^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// sarifURI makes a relative slash path a URI reference: each segment
// percent-encoded (a colon too, so a first segment cannot read as a scheme).
func sarifURI(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// fingerprintKey names hwfplan's fingerprint among a result's partial
// fingerprints; the version changes if the way it is computed ever does.
const fingerprintKey = "hwfplanFinding/v1"

// lineRefs are the line and column numbers a message may quote ("first at line
// 3"): they move when lines are added above, so they are not part of a finding.
var lineRefs = regexp.MustCompile(`\b(line|column|col)s? [0-9]+`)

// fingerprint identifies a finding across runs, so code scanning keeps one alert
// as lines above it change: a hash of the rule, the file and the message with
// line numbers taken out, never the position. Findings alike in all three are
// told apart by their order in the file.
func fingerprint(d diag.Diagnostic, seen map[string]int) string {
	msg := strings.Join(strings.Fields(lineRefs.ReplaceAllString(d.Message, "$1")), " ")
	sum := sha256.Sum256([]byte(d.Rule + "\x00" + d.File + "\x00" + msg))
	key := hex.EncodeToString(sum[:16])
	seen[key]++
	return fmt.Sprintf("%s:%d", key, seen[key])
}
