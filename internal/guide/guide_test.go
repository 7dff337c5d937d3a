package guide

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/rogpeppe/go-internal/txtar"
)

func defaultFramework(t *testing.T) *framework.Framework {
	t.Helper()
	fw, err := framework.Parse(hwfplan.DefaultFramework)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// TestReferenceLevels: an item without levels of its own shows its scale's labels,
// an item with its own shows those, and every value of the scale is listed.
func TestReferenceLevels(t *testing.T) {
	r := NewReference(defaultFramework(t))
	items := map[string]Item{}
	for _, task := range r.Tasks {
		for _, it := range task.Items {
			items[it.Key] = it
		}
	}
	for key, want := range map[string]string{
		"data.linkage":                    "0 Not at all · 1 Somehow · 2 Completely",
		"data.timeliness":                 "1 No regular update · 2 Annual update · 3 Real-time update · 4 Integrated information system",
		"skills.finance":                  "0 Absent · 1 Partly · 2 Fully",
		"stakeholders.policy_uptake":      "0 Not at all · 1 Somehow · 2 Completely",
		"models.methodology":              "0 Not at all · 1 Somehow · 2 Completely",
		"stakeholders.planning_committee": "0 Not at all · 1 Somehow · 2 Completely",
	} {
		it, ok := items[key]
		if !ok {
			t.Errorf("%s: missing", key)
			continue
		}
		if got := LevelsText(it.Levels); got != want {
			t.Errorf("%s: levels %q, want %q", key, got, want)
		}
	}
	if n := len(items); n != 26 {
		t.Errorf("%d items, want the framework's 26", n)
	}
	if got := LevelsText(r.Sustainability.Levels); got != "0 Not at all · 1 Somehow · 2 Completely" {
		t.Errorf("sustainability levels %q", got)
	}
	if r.DataSet == nil || r.DataSet.Groups[0].Elements[0].ID != "stock.headcount" {
		t.Errorf("data set: %+v", r.DataSet)
	}
}

// TestMarkdownEscapes: framework text is data; a table cell never breaks and no
// HTML reaches the page.
func TestMarkdownEscapes(t *testing.T) {
	src := strings.Replace(string(hwfplan.DefaultFramework), "title: Linked data sources", `title: "Linked | <script>alert(1)</script> *sources*"`, 1)
	fw, err := framework.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	md := string(Markdown(fw))
	want := `| Linked \| &lt;script&gt;alert(1)&lt;/script&gt; \*sources\* | ` + "`data.linkage`"
	if !strings.Contains(md, want) {
		t.Errorf("escaped row %q not in\n%s", want, md)
	}
	if strings.Contains(md, "<script>") {
		t.Error("raw HTML in the reference")
	}
}

// TestLevelWithoutLabel: a level the framework does not name is its number alone.
func TestLevelWithoutLabel(t *testing.T) {
	if got := LevelsText([]Level{{0, "None"}, {1, ""}, {2, "Full"}}); got != "0 None · 1 · 2 Full" {
		t.Errorf("got %q", got)
	}
}

// TestCommittedReference: docs/planners-guide/framework.md is what `hwfplan docs`
// makes of the committed framework; run `go run ./cmd/hwfplan docs` after
// changing either.
func TestCommittedReference(t *testing.T) {
	root := filepath.Join("..", "..")
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(framework.DefaultPath)))
	if err != nil {
		t.Fatal(err)
	}
	fw, err := framework.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(FrameworkDoc)))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(Markdown(fw)) {
		t.Errorf("%s is out of date: run 'go run ./cmd/hwfplan docs' and commit the result", FrameworkDoc)
	}
}

// messageRe is a validate message as the guide quotes it.
var messageRe = regexp.MustCompile(`^countries/\S+:\d+:\d+: (error|warning): .*\[[a-z0-9-]+\]$`)

// TestGuideMessages: every validate message docs/planners-guide.md quotes is one
// the planners-guide script of internal/cmd/validate gets from hwfplan for the
// mistake the guide describes, and the guide quotes every one of them, so
// neither the guide nor the tool can change its wording alone.
func TestGuideMessages(t *testing.T) {
	root := filepath.Join("..", "..")
	doc, err := os.ReadFile(filepath.Join(root, "docs", "planners-guide.md"))
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile(filepath.Join(root, "internal", "cmd", "validate", "testdata", "script", "planners-guide.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			continue
		}
		for _, l := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
			want[l] = true
		}
	}
	if len(want) < 10 {
		t.Fatalf("only %d messages in the script", len(want))
	}
	quoted := map[string]bool{}
	for _, l := range strings.Split(string(doc), "\n") {
		if messageRe.MatchString(l) {
			quoted[l] = true
			if !want[l] {
				t.Errorf("the guide quotes a message the script does not check:\n%s", l)
			}
		}
	}
	for l := range want {
		if !quoted[l] {
			t.Errorf("the guide does not quote this message of the script:\n%s", l)
		}
	}
}
