package report

import (
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/progress/progresstest"
)

// TestFollowUpWordsEnglish keeps the English words of the coded values and of
// the progress states the ones plan.LabelOf and package progress give, so an
// English report reads as it always did and the one wording stays one.
func TestFollowUpWordsEnglish(t *testing.T) {
	en := englishMessages()
	for list, choices := range choiceLists {
		for _, c := range choices {
			if got := en.choice(list, c.Code); got != c.Label {
				t.Errorf("choice %s %s = %q, plan's word %q", list, c.Code, got, c.Label)
			}
		}
		if got := en.choice(list, "no_such_code"); got != "no_such_code" {
			t.Errorf("choice %s of an unknown code = %q", list, got)
		}
	}
	for _, s := range []progress.ActionState{progress.ActionDone, progress.ActionOnTime, progress.ActionBehind, progress.ActionCancelled} {
		if got := en.t("report.progress.state." + string(s)); got != s.Label() {
			t.Errorf("action state %s = %q, progress's %q", s, got, s.Label())
		}
	}
	for _, s := range []progress.KPIState{progress.KPIOnTrack, progress.KPIOffTrack, progress.KPINoData} {
		if got := en.t("report.progress.kpi." + string(s)); got != s.Label() {
			t.Errorf("KPI state %s = %q, progress's %q", s, got, s.Label())
		}
	}
	for _, r := range []progress.Reason{progress.ReasonDelayed, progress.ReasonNotStarted, progress.ReasonPastEnd} {
		if got := en.t("report.progress.reason." + string(r)); got != r.Label() {
			t.Errorf("reason %s = %q, progress's %q", r, got, r.Label())
		}
	}
	for _, from := range []string{progress.FromFlag, progress.FromPublication, progress.FromEpoch, progress.FromCommit} {
		if got := en.fromText(from); got != from {
			t.Errorf("fromText(%q) = %q", from, got)
		}
	}
	hu, err := newMessages("hu")
	if err != nil {
		t.Fatal(err)
	}
	if got := hu.choice("action_status", "in_progress"); got == plan.LabelOf(plan.ActionStatuses, "in_progress") {
		t.Errorf("Hungarian action status is English: %q", got)
	}
	for _, c := range []struct{ lang, in, want string }{
		{"en", "Data Protection", "data protection"}, {"de", "Datenschutz", "Datenschutz"},
		{"hu", "Adatvédelem", "adatvédelem"}, {"it", "NHWA data", "NHWA data"},
	} {
		m, _ := newMessages(c.lang)
		if got := m.inSentence(c.in); got != c.want {
			t.Errorf("%s inSentence(%q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

// translatedTemplates are the templates marked `translated: yes`: all their
// text goes through the message bundles.
func translatedTemplates(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range KindNames() {
		src, err := fs.ReadFile(hwfplan.Templates, path.Join("templates", name+".md.tmpl"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "/* translated: yes */") {
			out[name] = string(src)
		}
	}
	return out
}

var (
	templateAction = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	quoted         = regexp.MustCompile(`"([^"\\]*)"`)
	yesNoArgs      = regexp.MustCompile(`yesNo (?:\([^)]*\)|\S+) "([^"]*)" "([^"]*)"`)
	englishWords   = regexp.MustCompile(`[A-Za-z]{2,}(?:[ ',-]+[A-Za-z]{2,})*`)
)

// englishLeft lists the English text a template writes itself instead of
// through a message: words outside its actions, and words in the actions'
// quoted arguments (printf formats, plural and wordOf forms, yesNo words).
func englishLeft(src string) []string {
	var left []string
	for _, lit := range templateAction.Split(src, -1) {
		left = append(left, englishWords.FindAllString(lit, -1)...)
	}
	for _, act := range templateAction.FindAllString(src, -1) {
		if strings.HasPrefix(act, "{{/*") || strings.HasPrefix(act, "{{- /*") {
			continue
		}
		if strings.Contains(act, "printf ") {
			for _, q := range quoted.FindAllStringSubmatch(act, -1) {
				if f := strings.ReplaceAll(q[1], "%s", ""); strings.Contains(f, " ") && englishWords.MatchString(f) {
					left = append(left, q[1])
				}
			}
		}
		if strings.Contains(act, "plural ") || strings.Contains(act, "wordOf ") {
			left = append(left, act) // English plural forms, whatever their arguments
		}
		if strings.Contains(act, "yesNo ") {
			for _, q := range yesNoArgs.FindAllStringSubmatch(act, -1) {
				for _, w := range q[1:] {
					if !strings.HasPrefix(w, "report.") && englishWords.MatchString(w) {
						left = append(left, w) // a word, not a message id
					}
				}
			}
		}
	}
	return left
}

// TestTranslatedTemplatesHaveNoEnglish: a template that says it is translated
// writes no English of its own, and its reports in the other languages say
// nothing of parts in English.
func TestTranslatedTemplatesHaveNoEnglish(t *testing.T) {
	tmpls := translatedTemplates(t)
	for _, want := range []string{"progress"} {
		if _, ok := tmpls[want]; !ok {
			t.Errorf("templates/%s.md.tmpl is not marked translated: yes", want)
		}
	}
	for name, src := range tmpls {
		for _, s := range englishLeft(src) {
			t.Errorf("templates/%s.md.tmpl writes English itself, not through a message: %q", name, s)
		}
	}
	if got := englishLeft(`{{T "x"}} | **All** | {{plural 2 "action" "actions"}} {{printf "%s: road map" .Name}} {{ref (printf "tab-%s" .ID)}} {{yesNo .X "report.a" "report.b"}} {{yesNo (eq 1 2) "" ", "}}`); len(got) != 3 {
		t.Errorf("englishLeft finds %q, want the three pieces of English", got)
	}
}

// TestProgressGoldenLanguages keeps the progress report of the two-round
// fixture in German and Hungarian (testdata/golden/progress-rounds.<lang>.md):
// every sentence in the language, no notice that parts are English, and none
// of the English report's own sentences left in it.
func TestProgressGoldenLanguages(t *testing.T) {
	repo := progresstest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	build := func(lang string) string {
		files, err := Build(repo, res, ProgressReport, Options{Source: fixtureSource, Lang: lang,
			Progress: progress.Compute(repo, progresstest.AsOf), AsOfFrom: progress.FromFlag})
		if err != nil {
			t.Fatal(err)
		}
		return string(files["progress.md"])
	}
	en := build(English)
	for _, lang := range []string{"de", "hu"} {
		md := build(lang)
		golden.Check(t, "testdata/golden/progress-rounds."+lang+".md", []byte(md))
		for _, s := range englishSentences(t, "progress") {
			if strings.Contains(md, s) {
				t.Errorf("progress in %s has English: %q", lang, s)
			}
		}
		if !strings.Contains(en, "on schedule") || strings.Contains(md, "on schedule") || strings.Contains(md, "behind schedule") {
			t.Errorf("progress in %s: a state is in English", lang)
		}
	}
}

// englishSentences are the English messages of a report kind
// (report.<kind>.*, headings aside) long enough to be recognised, with their placeholders cut
// out: none of them may show in a report in another language.
func englishSentences(t *testing.T, kind string) []string {
	t.Helper()
	en, err := readBundle(English)
	if err != nil {
		t.Fatal(err)
	}
	place := regexp.MustCompile(`\{\{ \.[A-Za-z]+ \}\}`)
	var out []string
	for id, m := range en {
		if !strings.HasPrefix(id, "report."+kind+".") || strings.HasPrefix(id, "report."+kind+".h.") {
			continue // a heading's words may be a plan's title too ("Policy Board on Sustainability")
		}
		texts := []string{m.text}
		if m.forms != nil {
			texts = nil
			for _, f := range m.forms {
				texts = append(texts, f)
			}
		}
		for _, s := range texts {
			for _, piece := range place.Split(s, -1) {
				piece = strings.TrimSpace(strings.Trim(piece, "*()"))
				if strings.Count(piece, " ") >= 3 {
					out = append(out, escapeMarkdown(piece))
				}
			}
		}
	}
	return out
}

// TestFollowUpReportsHoldNoEnglish: the sustainability and progress reports
// in German, Hungarian and Italian hold none of their English sentences.
func TestFollowUpReportsHoldNoEnglish(t *testing.T) {
	repo, res := loadFixture(t)
	for _, kind := range []string{"sustainability", "progress"} {
		sentences := englishSentences(t, kind)
		if len(sentences) < 40 {
			t.Fatalf("%d English sentences of the %s report, want its messages", len(sentences), kind)
		}
		for _, lang := range []string{"de", "hu", "it"} {
			files, err := Build(repo, res, kind, Options{Source: fixtureSource, Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			md := string(files[kind+".md"])
			for _, s := range sentences {
				if strings.Contains(md, s) {
					t.Errorf("%s in %s has English: %q", kind, lang, s)
				}
			}
		}
	}
}
