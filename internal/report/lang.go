package report

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/words"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// BundleDir holds the message bundles the reports share with the site: one
// <lang>.yaml per language (Hugo's i18n format: an id and its text, or its plural
// forms zero/one/two/few/many/other, with {{ .Name }} placeholders). The reports'
// messages are the ids that start with "report.". They are read here, not with
// Hugo's go-i18n, which hwfplan does not link (see internal/cli's deps test); the
// plural form is chosen by the same CLDR rules (golang.org/x/text/feature/plural),
// and the text is filled as go-i18n fills it, as a Go text/template.
const BundleDir = "site/i18n"

// English is the language of the plans and the default of every report.
const English = "en"

// Languages lists the languages a report can be written in: those with a message
// bundle, by code, English first.
func Languages() []string {
	entries, err := fs.ReadDir(hwfplan.Site, BundleDir)
	if err != nil {
		return []string{English}
	}
	out := []string{English}
	for _, e := range entries {
		code, ok := strings.CutSuffix(e.Name(), ".yaml")
		if ok && code != English && !e.IsDir() {
			out = append(out, code)
		}
	}
	slices.Sort(out[1:])
	return out
}

// UnknownLanguage is the error for a language with no bundle: it suggests the
// closest code and lists the languages there are.
func UnknownLanguage(code string) error {
	langs := Languages()
	hint := "; the languages are "
	if s := words.Closest(code, langs); s != "" {
		hint = fmt.Sprintf("; did you mean %q? The languages are ", s)
	}
	return fmt.Errorf("no report messages in language %q (no %s/%s.yaml)%s%s", code, BundleDir, code, hint, words.JoinAnd(langs))
}

// message is one message of a bundle: a text, or its plural forms.
type message struct {
	text  string
	forms map[string]string // "one", "other", ...
}

// messages are one language's messages, falling back to English message by
// message (the bundle tests keep every bundle complete).
type messages struct {
	code string
	tag  language.Tag
	own  map[string]message
	en   map[string]message
}

var (
	bundleMu sync.Mutex
	bundles  = map[string]map[string]message{}
	parsed   sync.Map // message text -> *template.Template
)

// readBundle reads site/i18n/<code>.yaml once.
func readBundle(code string) (map[string]message, error) {
	bundleMu.Lock()
	defer bundleMu.Unlock()
	if b, ok := bundles[code]; ok {
		return b, nil
	}
	p := path.Join(BundleDir, code+".yaml")
	data, err := fs.ReadFile(hwfplan.Site, p)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", p, err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", p, err)
	}
	b := map[string]message{}
	for id, v := range raw {
		switch v := v.(type) {
		case string:
			b[id] = message{text: v}
		case map[string]any:
			m := message{forms: map[string]string{}}
			for form, t := range v {
				s, ok := t.(string)
				if !ok {
					return nil, fmt.Errorf("%s: %s.%s is not text", p, id, form)
				}
				m.forms[form] = s
			}
			b[id] = m
		}
	}
	bundles[code] = b
	return b, nil
}

// newMessages returns the messages of one language ("" is English).
func newMessages(code string) (*messages, error) {
	if code == "" {
		code = English
	}
	if !slices.Contains(Languages(), code) {
		return nil, UnknownLanguage(code)
	}
	tag, err := language.Parse(code)
	if err != nil {
		return nil, fmt.Errorf("language %q: %w", code, err)
	}
	en, err := readBundle(English)
	if err != nil {
		return nil, err
	}
	own, err := readBundle(code)
	if err != nil {
		return nil, err
	}
	return &messages{code: code, tag: tag, own: own, en: en}, nil
}

// englishMessages are the English messages; a bundle that cannot be read (a
// broken build) leaves every message an error that T reports.
func englishMessages() *messages {
	m, err := newMessages(English)
	if err != nil {
		return &messages{code: English, tag: language.English}
	}
	return m
}

// formNames are CLDR's plural categories by x/text's Form.
var formNames = map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two",
	plural.Few: "few", plural.Many: "many", plural.Other: "other"}

// PluralForm is the CLDR plural category ("one", "other", ...) of the count n
// in the language tag: the form of a message the site and the reports show.
func PluralForm(tag language.Tag, n int) string {
	if n < 0 {
		n = -n
	}
	return formNames[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
}

// FillMessage fills a message's placeholders as go-i18n (Hugo's T) does: the
// text as a Go text/template over the named values, each text parsed once. The
// values go in as given, never parsed: plan text stays text. id names the
// message in an error.
func FillMessage(id, text string, data map[string]any) (string, error) {
	if !strings.Contains(text, "{{") {
		return text, nil
	}
	var tmpl *template.Template
	if t, ok := parsed.Load(text); ok {
		tmpl = t.(*template.Template)
	} else {
		t, err := template.New(id).Option("missingkey=error").Parse(text)
		if err != nil {
			return "", fmt.Errorf("message %s: %w", id, err)
		}
		parsed.Store(text, t)
		tmpl = t
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, data); err != nil {
		return "", fmt.Errorf("message %s: %w", id, err)
	}
	return b.String(), nil
}

// T writes message id in the language. Its arguments are either one int, the
// count that picks the plural form (and {{ .Count }}), or pairs of name and
// value for the message's placeholders ({{ .Name }}); a "Count" pair that is an
// int picks the plural form too. Values go in as given: a template escapes plan
// text (md) before it passes it.
func (m *messages) T(id string, args ...any) (string, error) {
	data := map[string]any{}
	count, counted := 0, false
	switch {
	case len(args) == 1:
		n, ok := args[0].(int)
		if !ok {
			return "", fmt.Errorf("message %s: one argument is a count, not %T", id, args[0])
		}
		data["Count"], count, counted = n, n, true
	case len(args) > 0:
		if len(args)%2 != 0 {
			return "", fmt.Errorf("message %s: arguments come in pairs of name and value", id)
		}
		for i := 0; i < len(args); i += 2 {
			k, ok := args[i].(string)
			if !ok {
				return "", fmt.Errorf("message %s: argument %d is a name, not %T", id, i+1, args[i])
			}
			data[k] = args[i+1]
			if n, ok := args[i+1].(int); ok && k == "Count" {
				count, counted = n, true
			}
		}
	}
	msg, tag, ok := m.own[id], m.tag, true
	if _, has := m.own[id]; !has {
		msg, ok = m.en[id]
		tag = language.English
	}
	if !ok {
		return "", fmt.Errorf("message %s is in no bundle (%s/en.yaml)", id, BundleDir)
	}
	text := msg.text
	if msg.forms != nil {
		if !counted {
			return "", fmt.Errorf("message %s has plural forms: give it a count", id)
		}
		form := PluralForm(tag, count)
		t, ok := msg.forms[form]
		if !ok {
			if t, ok = msg.forms["other"]; !ok {
				return "", fmt.Errorf("message %s has no %q form", id, form)
			}
		}
		text = t
	}
	return FillMessage(id, text, data)
}

// t is T for the package's own Go code, whose ids and arguments are fixed: a
// failure is a missing message, which the bundle tests rule out.
func (m *messages) t(id string, args ...any) string {
	s, err := m.T(id, args...)
	if err != nil {
		return "[" + id + "]"
	}
	return s
}

// english reports whether the messages are the English ones.
func (m *messages) english() bool { return m.code == English }

// FullTitle is a report's title with the programme's name, as the language joins
// them ("HEROES As-is report", "HEROES-Bericht zur Ausgangslage"); English when
// the language has no bundle. It is the title of the report's page and PDF.
func FullTitle(programme, name, lang string) string {
	m, err := newMessages(lang)
	if err != nil {
		m = englishMessages()
	}
	return m.fullTitle(programme, m.t("report.title."+name))
}

func (m *messages) fullTitle(programme, title string) string {
	return m.t("report.full_title", "Programme", programme, "Title", title)
}

// IllustrativeHeader is the running header's notice of illustrative data in a
// language: "Illustrative data: HU, IT".
func IllustrativeHeader(codes []string, lang string) string {
	m, err := newMessages(lang)
	if err != nil {
		m = englishMessages()
	}
	return m.t("report.illustrative_header", "Codes", strings.Join(codes, ", "))
}
