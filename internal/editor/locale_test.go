package editor

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/schema"
	"go.yaml.in/yaml/v3"
)

// bundlePath is a language's message bundle, from this package's folder.
func bundlePath(lang string) string { return "../../site/i18n/" + lang + ".yaml" }

// blockStart begins the form's messages in each bundle.
const blockStart = "# editor form"

// templates are the English of the messages that put framework text into the
// engine's words, as package schema and form.go write them (TestTemplates
// holds them to it).
var templates = map[string]string{
	msgTask:        "Task {n}. {title}",
	msgTaskHelp:    "Framework task: {list}.",
	msgDataElement: "An element of the {title} as group.element; groups: {groups}.",
}

// englishWords returns every English text of the engine's own that a form of
// a country file shows, by message id: what the bundles translate.
func englishWords(t *testing.T) map[string]string {
	t.Helper()
	s := session(t, "HU")
	out := maps.Clone(templates)
	tr := &translator{record: func(id, english string) {
		if was, ok := out[id]; ok && was != english {
			t.Errorf("two texts have the message id %s: %q and %q (make MessageID longer)", id, was, english)
		}
		out[id] = english
	}}
	for _, name := range plan.CountryFiles {
		formOf(s.frameworkOf(), strings.TrimSuffix(name, ".yaml"), "HU", tr)
	}
	return out
}

// The English bundle's block "# editor form" holds the engine's English words
// exactly as the engine has them (the plan types, package schema,
// plan/words.go stay their one source): `go test -update` writes it, and the
// other bundles translate the same ids (internal/site's TestBundlesMatchEnglish).
func TestEnglishBundle(t *testing.T) {
	msgs := englishWords(t)
	var b strings.Builder
	b.WriteString(blockStart + "\n")
	b.WriteString("# The form editor's own words (labels, help, coded values), generated from the plan\n")
	b.WriteString("# types by `go test ./internal/editor -update`: change the English there, not here.\n")
	b.WriteString("# The framework's texts in a form come from schema/framework.<lang>.yaml instead.\n")
	for _, id := range slices.Sorted(maps.Keys(msgs)) {
		fmt.Fprintf(&b, "%s: '%s'\n", id, strings.ReplaceAll(msgs[id], "'", "''"))
	}
	want := b.String()
	data, err := os.ReadFile(bundlePath("en"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start, end := blockOf(text)
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if start < 0 {
			start, end = len(text), len(text)
			if !strings.HasSuffix(text, "\n\n") {
				want = "\n" + want
			}
		}
		text = text[:start] + want + text[end:]
		if err := os.WriteFile(bundlePath("en"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if start < 0 {
		t.Fatalf("%s has no block %q (run go test -update)", bundlePath("en"), blockStart)
	}
	if got := text[start:end]; got != want {
		t.Errorf("%s: the block %q differs from the engine's English (run go test -update and review the diff):\n%s", bundlePath("en"), blockStart, golden.Diff([]byte(got), []byte(want)))
	}
}

// blockOf returns where the block "# editor form" is in a bundle's text: its
// comment lines, then its messages, up to the first other line (another
// helper's block may follow). start is -1 when the text has none.
func blockOf(text string) (start, end int) {
	start = strings.Index(text, "\n"+blockStart+"\n")
	if start < 0 {
		return -1, -1
	}
	start++
	end = start
	header := true
	for end < len(text) {
		line, _, _ := strings.Cut(text[end:], "\n")
		switch {
		case header && strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, MessagePrefix):
			header = false
		default:
			return start, end
		}
		end += len(line) + 1
	}
	return start, min(end, len(text))
}

// The messages that put framework text into the engine's words give, filled
// in with the English framework, the English forms' texts exactly.
func TestTemplates(t *testing.T) {
	s := session(t, "HU")
	fw := s.frameworkOf()
	en := &translator{msgs: templates}
	for _, name := range plan.CountryFiles {
		kind := strings.TrimSuffix(name, ".yaml")
		got, want := formOf(fw, kind, "HU", en), FormOf(fw, kind, "HU")
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("%s: the templates filled in differ from the schema's English:\n%s", kind, golden.Diff(g, w))
		}
	}
	if tt := schema.Build(fw, "to-do"); !strings.Contains(string(must(schema.Encode(tt))), "Framework task: ") {
		t.Error("the to-do schema has no task choice's help")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// bundle reads a language's form messages.
func bundle(t testing.TB, lang string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(bundlePath(lang))
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]any
	if err := yaml.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for id, v := range all {
		if s, ok := v.(string); ok && strings.HasPrefix(id, MessagePrefix) {
			out[id] = s
		}
	}
	return out
}

// localSession is session(code) with its forms in lang, as the language's
// edit page starts it.
func localSession(t testing.TB, code, lang string) *Session {
	t.Helper()
	s := session(t, code)
	text, err := os.ReadFile("../../" + framework.TranslationPath(lang))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Localize(lang, string(text), bundle(t, lang)); err != nil {
		t.Fatal(err)
	}
	return s
}

// The form spec of each country file in Hungarian, and the as-is file in
// German and Italian: the framework's texts from its translation, the
// engine's words from the bundle.
func TestFormGoldenLanguages(t *testing.T) {
	for _, lang := range []string{"hu", "de", "it"} {
		s := localSession(t, "HU", lang)
		for _, name := range plan.CountryFiles {
			if lang != "hu" && name != plan.AsIsFile {
				continue
			}
			t.Run(lang+"/"+name, func(t *testing.T) { checkFormGolden(t, s, name, path.Join("testdata", "form", lang)) })
		}
	}
}

// Every English word of the engine's has its translation in each language:
// nothing English is left in a form but what the framework's translation or a
// bundle leaves out.
func TestFormWordsTranslated(t *testing.T) {
	en := englishWords(t)
	for _, lang := range []string{"de", "hu", "it"} {
		b := bundle(t, lang)
		for id := range en {
			if _, ok := b[id]; !ok {
				t.Errorf("%s: no translation of %s", bundlePath(lang), id)
			}
		}
	}
	s := localSession(t, "HU", "hu")
	f, err := s.Form("countries/HU/as-is.yaml")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		keys []string
		want string
		get  func(*Field) string
	}{
		{[]string{"tasks", "data"}, "1. feladat. A tervezési adatok és adatforrások fejlesztése", func(f *Field) string { return f.Label }},
		{[]string{"tasks", "data", "items", "timeliness"}, "Időszerűség", func(f *Field) string { return f.Label }},
		{[]string{"tasks", "data", "items", "timeliness", "score"}, "Nincs rendszeres frissítés", func(f *Field) string { return f.Options[0].Label }},
		{[]string{"assessed_on"}, "A felmérés dátuma", func(f *Field) string { return f.Label }},
	}
	for _, c := range checks {
		fl := lookup(f, c.keys...)
		if fl == nil {
			t.Errorf("no field %v", c.keys)
			continue
		}
		if got := c.get(fl); got != c.want {
			t.Errorf("%v: %q, want %q", c.keys, got, c.want)
		}
	}
	// English again: the same as a session that never had a language.
	if err := s.Localize("en", "", nil); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Form("countries/HU/as-is.yaml")
	want, _ := session(t, "HU").Form("countries/HU/as-is.yaml")
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Error("back in English, the form differs from a session's that was never localized")
	}
}

// A language's words that cannot be used are refused with what is wrong.
func TestLocalizeErrors(t *testing.T) {
	s := session(t, "HU")
	for _, tc := range []struct {
		lang, fw string
		msgs     map[string]string
		want     string
	}{
		{"en", "x: 1", nil, "the forms speak English of their own"},
		{"hu", "a: [", nil, "the framework's translation cannot be read"},
	} {
		if err := s.Localize(tc.lang, tc.fw, tc.msgs); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Localize(%q, %q): %v, want %q", tc.lang, tc.fw, err, tc.want)
		}
	}
	if err := (&Session{}).Localize("hu", "language: hu\n", nil); err == nil || !strings.Contains(err.Error(), "no files loaded yet") {
		t.Errorf("before Load: %v", err)
	}
	if got := MessageID("Assessment date"); got != "edit.form.assessment_date" {
		t.Errorf("MessageID: %q", got)
	}
}
