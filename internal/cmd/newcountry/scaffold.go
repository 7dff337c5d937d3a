package newcountry

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/validate"
	"go.yaml.in/yaml/v3"
)

// Params describe the country to scaffold.
type Params struct {
	Code        string   // ISO 3166-1 alpha-2, upper case
	Name        string   // country name in English
	Cluster     string   // cluster id
	Maintainers []string // GitHub handles
	Languages   []string // ISO 639-1 codes
	Today       string   // YYYY-MM-DD, the date placeholders use
}

// EUCode returns the EU country code of an ISO code (they differ only for Greece).
func EUCode(code string) string {
	if code == "GR" {
		return "EL"
	}
	return code
}

// Scaffold returns the five files of a new country folder, by file name: every
// framework item is present and marked not assessed, the status is draft, and
// every placeholder starts with validate.Placeholder, so the folder validates
// with a warning for each placeholder left and no error.
func Scaffold(fw *framework.Framework, p Params) map[string][]byte {
	return map[string][]byte{
		plan.CountryFile:    countryFile(p),
		plan.AsIsFile:       asIsFile(fw, p),
		plan.ToBeFile:       toBeFile(p),
		plan.ToDoFile:       toDoFile(),
		plan.ActionPlanFile: actionPlanFile(fw, p),
	}
}

func modeline(kind string) string {
	return "# yaml-language-server: $schema=../../schema/" + kind + ".schema.json\n"
}

// q renders a string as a YAML scalar, quoted when YAML needs it.
func q(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

func list(items []string) string {
	qs := make([]string, len(items))
	for i, s := range items {
		qs[i] = q(s)
	}
	return "[" + strings.Join(qs, ", ") + "]"
}

func countryFile(p Params) []byte {
	var b bytes.Buffer
	b.WriteString(modeline("country"))
	fmt.Fprintf(&b, "code: %s\neu_code: %s\nname: %s\ncluster: %s\n", q(p.Code), q(EUCode(p.Code)), q(p.Name), q(p.Cluster))
	b.WriteString("# draft: the country team is working on it; set submitted when it is sent for review.\nstatus: draft\n")
	fmt.Fprintf(&b, "competent_authority:\n  name: %s # the body that represents the country in the programme\n", validate.Placeholder)
	fmt.Fprintf(&b, "maintainers: %s\nlanguages: %s\n", list(p.Maintainers), list(p.Languages))
	return b.Bytes()
}

func asIsFile(fw *framework.Framework, p Params) []byte {
	var b bytes.Buffer
	b.WriteString(modeline("as-is"))
	b.WriteString("# Replace each not_assessed with a score on the item's scale (see schema/framework.yaml)\n# and the evidence it rests on.\n")
	fmt.Fprintf(&b, "assessed_on: \"%s\" # the date of the assessment (in quotes, so every YAML reader reads text)\n", p.Today)
	b.WriteString("tasks:\n")
	for _, t := range fw.Tasks {
		fmt.Fprintf(&b, "  %s:\n    items:\n", t.ID)
		for _, it := range t.Items {
			fmt.Fprintf(&b, "      %s:\n        not_assessed: To be assessed.\n", it.ID)
		}
	}
	return b.Bytes()
}

func toBeFile(p Params) []byte {
	var b bytes.Buffer
	b.WriteString(modeline("to-be"))
	fmt.Fprintf(&b, "vision: %s\n", q(validate.Placeholder+": where "+p.Name+" wants its health workforce planning to be."))
	b.WriteString("# For each item to improve: task: {item: {score: N, year: YYYY, rationale: ...}}\ntargets: {}\n")
	return b.Bytes()
}

func toDoFile() []byte {
	var b bytes.Buffer
	b.WriteString(modeline("to-do"))
	b.WriteString("# Road map steps: {id: XX-S1, title, task, items: [task.item], priority, milestones, stakeholders}\nsteps: []\n")
	return b.Bytes()
}

func actionPlanFile(fw *framework.Framework, p Params) []byte {
	var b bytes.Buffer
	b.WriteString(modeline("action-plan"))
	b.WriteString("# Placeholders until the national policy dialogue has taken place.\n")
	fmt.Fprintf(&b, "policy_dialogue:\n  date: \"%s\" # the date of the dialogue\n  participants: [%s]\n  outcome: %s.\n", p.Today, validate.Placeholder, validate.Placeholder)
	b.WriteString("actions: []\n")
	b.WriteString("# The HEROES sustainability domains, scored once assessed (a domain left out is\n# not scored; validate reminds you). Add each as:\n")
	for _, d := range fw.Sustainability.Domains {
		fmt.Fprintf(&b, "#   %s: {score: 0-2, evidence: ...}\n", d.ID)
	}
	b.WriteString("sustainability_factors: {}\n")
	return b.Bytes()
}

// AddToCluster adds code to the countries list of a cluster file by editing the
// text at the position yaml.v3 reports for the list, so comments, order and
// formatting stay exactly as they were. added is false when the code was
// already listed.
func AddToCluster(data []byte, code string) (out []byte, added bool, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, false, fmt.Errorf("failed to read the cluster file: %w", err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, false, fmt.Errorf("failed to find the countries list: the cluster file is not a mapping")
	}
	var seq *yaml.Node
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "countries" {
			seq = m.Content[i+1]
		}
	}
	if seq == nil || seq.Kind != yaml.SequenceNode || len(seq.Content) == 0 {
		return nil, false, fmt.Errorf("failed to find a non-empty countries list in the cluster file")
	}
	for _, n := range seq.Content {
		if n.Value == code {
			return data, false, nil
		}
	}
	last := seq.Content[len(seq.Content)-1]
	lines := bytes.SplitAfter(data, []byte("\n"))
	if last.Line < 1 || last.Line > len(lines) || last.Style&^(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return nil, false, fmt.Errorf("failed to edit the countries list: write %s into it by hand", code)
	}
	line := lines[last.Line-1]
	// The last entry as written: plain, or in quotes ("NO", which YAML 1.1
	// readers would otherwise read as false).
	tok := last.Value
	switch last.Style {
	case yaml.DoubleQuotedStyle:
		tok = `"` + tok + `"`
	case yaml.SingleQuotedStyle:
		tok = "'" + tok + "'"
	}
	entry := q(code) // quoted where a YAML 1.1 reader would not read text
	if seq.Style&yaml.FlowStyle != 0 {
		// countries: [HR, HU] — insert after the last entry on its line.
		at := runeOffset(line, last.Column-1) + len(tok)
		if at > len(line) || string(line[runeOffset(line, last.Column-1):at]) != tok {
			return nil, false, fmt.Errorf("failed to edit the countries list: write %s into it by hand", code)
		}
		edited := append([]byte{}, line[:at]...)
		edited = append(edited, ", "+entry...)
		edited = append(edited, line[at:]...)
		lines[last.Line-1] = edited
	} else {
		// countries:\n  - HR\n  - HU — add a line like the last one.
		col := runeOffset(line, last.Column-1)
		newLine := append(append([]byte{}, line[:col]...), entry+"\n"...)
		if !bytes.HasSuffix(line, []byte("\n")) {
			lines[last.Line-1] = append(append([]byte{}, line...), '\n')
		}
		lines = append(lines[:last.Line], append([][]byte{newLine}, lines[last.Line:]...)...)
	}
	return bytes.Join(lines, nil), true, nil
}

// runeOffset converts a 0-based column in runes to a byte offset in line.
func runeOffset(line []byte, col int) int {
	off := 0
	for i := 0; i < col && off < len(line); i++ {
		_, size := utf8.DecodeRune(line[off:])
		off += size
	}
	return off
}
