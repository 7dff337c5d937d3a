package site

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"html"
	"io/fs"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
	"go.yaml.in/yaml/v3"
)

// goMessage is a message the generator writes (msgs.t, tf or tn) with the
// English given beside its id in the Go code.
type goMessage struct {
	pos     string
	id      string
	english []string // the text, or the forms one and other
}

// goMessages finds every msgs call with a literal id in the package's Go files.
func goMessages(t *testing.T) []goMessage {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []goMessage
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		lit := func(e ast.Expr) (string, bool) {
			b, ok := e.(*ast.BasicLit)
			if !ok || b.Kind != token.STRING {
				return "", false
			}
			s, err := strconv.Unquote(b.Value)
			return s, err == nil
		}
		ast.Inspect(af, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := c.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			var at []int // the arguments that hold the English
			switch sel.Sel.Name {
			case "t", "tf":
				at = []int{1}
			case "tn":
				at = []int{2, 3}
			default:
				return true
			}
			if len(c.Args) <= at[len(at)-1] {
				return true
			}
			id, ok := lit(c.Args[0])
			if !ok {
				return true
			}
			m := goMessage{pos: fset.Position(c.Pos()).String(), id: id}
			for _, i := range at {
				s, ok := lit(c.Args[i])
				if !ok {
					t.Errorf("%s: the English of %s is not a literal text", m.pos, id)
					return true
				}
				m.english = append(m.english, s)
			}
			out = append(out, m)
			return true
		})
	}
	if len(out) < 50 {
		t.Fatalf("found %d messages in the generator's code, want many more", len(out))
	}
	return out
}

func englishBundle(t *testing.T) map[string]any {
	t.Helper()
	data, err := fs.ReadFile(hwfplan.Site, "site/i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b map[string]any
	if err := yaml.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGoMessagesMatchEnglish keeps the English the generator's code gives
// beside each message id equal to the message in site/i18n/en.yaml, so the
// English pages and the bundle say the same and a translator translates what
// English readers see; and every progress state and plan label the site
// shows by a computed id has its message with progress's and plan's words.
func TestGoMessagesMatchEnglish(t *testing.T) {
	en := englishBundle(t)
	for _, m := range goMessages(t) {
		v, ok := en[m.id]
		if !ok {
			t.Errorf("%s: message %q is not in site/i18n/en.yaml", m.pos, m.id)
			continue
		}
		var want []string
		switch v := v.(type) {
		case string:
			want = []string{v}
		case map[string]any:
			one, _ := v["one"].(string)
			other, _ := v["other"].(string)
			want = []string{one, other}
		}
		if strings.Join(want, "\x00") != strings.Join(m.english, "\x00") {
			t.Errorf("%s: %s is %q in the code, %q in site/i18n/en.yaml", m.pos, m.id, m.english, want)
		}
	}
	states := map[string]string{}
	for _, s := range []progress.ActionState{progress.ActionDone, progress.ActionOnTime, progress.ActionBehind, progress.ActionCancelled} {
		states["state.action."+string(s)] = s.Label()
	}
	for _, s := range []progress.MilestoneState{progress.MilestoneMet, progress.MilestoneDue, progress.MilestoneOverdue, progress.MilestoneUpcoming} {
		states["state.milestone."+string(s)] = s.Label()
	}
	for _, s := range []progress.KPIState{progress.KPIOnTrack, progress.KPIOffTrack, progress.KPINoData} {
		states["state.kpi."+string(s)] = s.Label()
	}
	for _, r := range []progress.Reason{progress.ReasonDelayed, progress.ReasonNotStarted, progress.ReasonPastEnd} {
		states["state.reason."+string(r)] = r.Label()
	}
	states["from_publication"], states["from_commit"] = progress.FromPublication, progress.FromCommit
	for id, want := range states {
		if got, _ := en[id].(string); got != want {
			t.Errorf("site/i18n/en.yaml: %s is %q, progress says %q", id, got, want)
		}
	}
	for _, s := range []plan.Status{plan.StatusIllustrative, plan.StatusDraft, plan.StatusSubmitted, plan.StatusApproved} {
		if (msgs{}).status(string(s)) == "" {
			t.Errorf("the generator has no words for data status %s", s)
		}
	}
	// A plan label's message, where a bundle has one, says plan's words.
	lists := map[string][]plan.Choice{"action_status": plan.ActionStatuses, "funding_source": plan.FundingSources, "anchoring": plan.Anchorings,
		"priority": plan.Priorities, "level": plan.Levels, "source_kind": plan.SourceKinds, "model_type": plan.ModelTypes,
		"stakeholder_type": plan.StakeholderTypes, "update_frequency": plan.UpdateFrequencies,
		"dialogue_level": plan.DialogueLevels, "knowledge_kind": plan.KnowledgeKinds}
	for list, choices := range lists {
		for _, c := range choices {
			id := "report.choice." + list + "." + c.Code
			got, ok := en[id].(string)
			if !ok && (list == "dialogue_level" || list == "knowledge_kind") { // the site's own lists
				t.Errorf("site/i18n/en.yaml has no message %s", id)
			}
			if ok && got != c.Label {
				t.Errorf("site/i18n/en.yaml: %s is %q, plan says %q", id, got, c.Label)
			}
		}
	}
}

// TestMsgs checks the language-aware pieces: plural forms by the language's
// rules, placeholders filled with plan text as text, lists joined and months
// and language names from CLDR, and English as the zero value.
func TestMsgs(t *testing.T) {
	en, de, hu := msgs{}, msgs{lang: "de"}, msgs{lang: "hu"}
	for _, c := range []struct{ got, want string }{
		{en.nOf(7, 8), "7 of 8"},
		{de.nOf(7, 8), "7 von 8"},
		{en.progressSentence(progress.Counts{Actions: 1, ActionsOnTime: 1}), "1 of 1 action on schedule or done."},
		{de.progressSentence(progress.Counts{Actions: 2, ActionsOnTime: 1, Milestones: 3, MilestonesMet: 1}), "1 von 2 Maßnahmen im Zeitplan oder erledigt und 1 von 3 Meilensteinen erreicht."},
		{en.joinAnd([]string{"A", "B", "C"}), "A, B and C"},
		{hu.joinAnd([]string{"A", "B", "C"}), "A, B és C"},
		{de.tf("radar_title", "As is and to be by task, {{ .Name }}", "Name", "{{ .X }}"), "Ist und Soll nach Aufgabe, {{ .X }}"},
		{hu.monthText(month("2026-01")), "2026. jan."},
		{de.monthText(month("2026-03")), "März 2026"},
		{en.monthText(month("2026-03")), "Mar 2026"},
		{strings.Join(hu.languageNames([]string{"hu", "en"}), ", "), "magyar, angol"},
		{strings.Join(en.languageNames([]string{"hu", "en"}), ", "), "Hungarian, English"},
		{hu.actionState(progress.ActionBehind), "lemaradásban"},
		{en.actionState(progress.ActionBehind), "behind schedule"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestLanguagePagesHaveNoGoEnglish builds the shipped plans (this repository's
// countries and framework translations) and checks that no page of the
// German, Hungarian and Italian sites shows an English sentence the generator
// writes: every text given beside a message id in the Go code (split at its
// placeholders, pieces of three words or more), so a new English string in
// the generator that skips the bundles fails here. The English pages show
// them, which proves the check finds what it looks for.
func TestLanguagePagesHaveNoGoEnglish(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the shipped site")
	}
	placeholder := regexp.MustCompile(`\{\{[^}]*\}\}`)
	pieces := map[string]string{} // English piece -> message id
	for _, m := range goMessages(t) {
		for _, e := range m.english {
			for _, p := range placeholder.Split(e, -1) {
				p = strings.Trim(p, " ,.;:()")
				if len(strings.Fields(p)) >= 3 && len(p) >= 16 {
					pieces[p] = m.id
				}
			}
		}
	}
	files := shippedSite(t, nil)
	foundInEnglish := map[string]bool{}
	langs := map[string]int{}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		lang, _, _ := strings.Cut(name, "/")
		switch lang {
		case "de", "hu", "it":
		default:
			lang = "en"
		}
		if strings.Contains(name, "edit/") { // the form editor's pages: their own notice and check
			continue
		}
		text := html.UnescapeString(string(files[name]))
		for p, id := range pieces {
			if !strings.Contains(text, p) {
				continue
			}
			if lang == "en" {
				foundInEnglish[id] = true
				continue
			}
			if own := fmt.Sprint(bundles()[lang][id]); strings.Contains(own, p) {
				continue // the language writes it so too ("as_of in publication.yaml")
			}
			t.Errorf("%s shows the English of message %s: %q", name, id, p)
		}
		langs[lang]++
	}
	for _, l := range []string{"de", "hu", "it"} {
		if langs[l] < 20 {
			t.Errorf("%d pages in %s, want the whole site", langs[l], l)
		}
	}
	if len(foundInEnglish) < 40 {
		t.Errorf("only %d of the generator's messages found on the English pages: the check finds nothing", len(foundInEnglish))
	}
}

// TestGeneratorWritesNoRawEnglish keeps every sentence the generator writes on
// a page in the bundles: a text literal of two words or more in its Go code is
// a message's English (msgs.t, tf, tn), an error, markup or a name, never text
// a reader sees unrouted. The English-only pages (the planner's guide) and
// the site's configuration are left out.
func TestGeneratorWritesNoRawEnglish(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	words := regexp.MustCompile(`\b[a-zA-Z]{2,}\b`)
	for _, f := range files {
		switch {
		case strings.HasSuffix(f, "_test.go"), strings.HasPrefix(f, "guide"), f == "languages.go":
			continue
		}
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		routed := map[ast.Node]bool{}
		ast.Inspect(af, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
					switch sel.Sel.Name {
					case "t", "tf", "tn", "Errorf", "New":
						for _, a := range c.Args {
							routed[a] = true
						}
					}
				}
			}
			b, ok := n.(*ast.BasicLit)
			if !ok || b.Kind != token.STRING || routed[n] {
				return true
			}
			s, err := strconv.Unquote(b.Value)
			if err != nil || strings.ContainsAny(s, "<>{}=/`") { // markup, paths, patterns
				return true
			}
			if strings.Contains(s, " ") && len(words.FindAllString(s, -1)) >= 2 {
				t.Errorf("%s: %q is English a page shows: give it a message (g.t, g.tf, g.tn) in site/i18n/*.yaml", fset.Position(b.Pos()), s)
			}
			return true
		})
	}
}
