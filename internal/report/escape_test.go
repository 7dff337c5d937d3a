package report

import (
	"bytes"
	"github.com/hwfplan/hwfplan/internal/num"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
)

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"<script>alert(1)</script>", `&lt;script&gt;alert(1)&lt;/script&gt;`},
		{"[x](javascript:alert(1))", `\[x\](javascript:alert(1))`},
		{"a | b", `a \| b`},
		{"# title", `\# title`},
		{"- item", `\- item`},
		{"1. first", `1\. first`},
		{"12) x", `12\) x`},
		{"v1.2", "v1.2"},
		{"line\nbreak\t tab", "line break tab"},
		{"{#id onclick=x}", `\{\#id onclick=x\}`},
		{"&amp; *b* _i_ `c` ~d~ !", `&amp;amp; \*b\* \_i\_ \` + "`" + `c\` + "`" + ` \~d\~ \!`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := escapeMarkdown(tt.in)
			if got != tt.want {
				t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
			// Rendered, the escaped text is the input again (whitespace collapsed).
			var b bytes.Buffer
			if err := markdown.Convert([]byte("x "+got), &b); err != nil {
				t.Fatal(err)
			}
			want := "<p>x " + htmlEscape(strings.Join(strings.Fields(tt.in), " ")) + "</p>\n"
			if b.String() != want {
				t.Errorf("rendered %q, want %q", b.String(), want)
			}
		})
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func TestAnchorID(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"country", "HU"}, "country-hu"},
		{[]string{"cluster", "wp_6"}, "cluster-wp-6"},
		{[]string{"task", `data"><script>`}, "task-datascript"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := anchorID(tt.parts...); got != tt.want {
				t.Errorf("anchorID(%q) = %q, want %q", tt.parts, got, tt.want)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"signed positive", signed(num.English, compare.Some(0.254)), "+0.25"},
		{"signed negative", signed(num.English, compare.Some(-0.1)), "−0.10"},
		{"signed zero", signed(num.English, compare.Some(-0.001)), "0.00"},
		{"signed missing", signed(num.English, compare.Num{}), "n/a"},
		{"pct", pct(num.English, compare.Some(0.625)), "63\u00a0%"},
		{"pct missing", pct(num.English, compare.Num{}), "n/a"},
		{"money", money(num.English, 1234567.4, "EUR"), "EUR\u00a01,234,567"},
		{"money small", money(num.English, 950, "HUF"), "HUF\u00a0950"},
		{"money hu", money(num.In("hu"), 1234567.4, "HUF"), "HUF\u00a01\u00a0234\u00a0567"},
		{"pct de", pct(num.In("de"), compare.Some(0.625)), "63\u00a0%"},
		{"pct hu", pct(num.In("hu"), compare.Some(0.625)), "63%"},
		{"signed it", signed(num.In("it"), compare.Some(-0.1)), "−0,10"},
		{"status", statusLabel("in_progress"), "In progress"},
		{"status plain", statusLabel("delayed"), "Delayed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// TestNumbering checks chapter, section, annex, figure and table numbers, that
// references resolve forward, and that the one pass resolves into both outputs.
func TestNumbering(t *testing.T) {
	figs := map[string]figureFunc{"f": func(title string) ([]byte, error) { return []byte("<svg/>"), nil }}
	d := newDoc("r", "m-", figs, nil, englishMessages())
	var pass []string
	add := func(s string, err error) {
		if err != nil {
			t.Fatal(err)
		}
		pass = append(pass, s)
	}
	add(d.Ref("tab-t"))
	add(d.Chapter("One", "one"))
	add(d.Section("One a", "one-a"))
	add(d.Chapter("Two", "two"))
	add(d.Figure("f", "Fig"))
	add(d.Table("t", "Tab"))
	add(d.Annex("Methods", "methods"))
	add(d.Section("Scales", "scales"))
	add(d.Ref("scales"))
	add(d.Ref("two"))
	add(d.Ref("methods"))
	resolved := func(m mode) []string {
		var got []string
		for _, s := range pass {
			b, err := d.resolve([]byte(s), m)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, strings.TrimSpace(string(b)))
		}
		return got
	}
	a := func(id, h string) string { return `<a id="` + id + `"></a>` + "\n\n" + h }
	want := []string{"Table 1", a("one", "## 1. One"), a("one-a", "### 1.1 One a"), a("two", "## 2. Two"),
		"![Figure 1. Fig](r-figures/fig-f.svg)", "**Table 1.** Tab", a("methods", "## Annex A. Methods"),
		a("scales", "### A.1 Scales"), "Section A.1", "Chapter 2", "Annex A"}
	if got := resolved(modeMarkdown); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Markdown: got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	want = []string{"[Table 1](#tab-t)", "## 1. One {#one}", "### 1.1 One a {#one-a}", "## 2. Two {#two}",
		"m-fig-fig-f", "m-cap-tab-t", "## Annex A. Methods {#methods}", "### A.1 Scales {#scales}",
		"[Section A.1](#scales)", "[Chapter 2](#two)", "[Annex A](#methods)"}
	if got := resolved(modeHTML); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("HTML: got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := d.resolve([]byte("m-ref(nowhere)"), modeMarkdown); err == nil || !strings.Contains(err.Error(), `unknown figure, table or section "nowhere"`) {
		t.Errorf("a reference to nothing: err = %v", err)
	}
}

// TestNumberRuleIsNumRule: the English message numbers_rule, filled, is num.Rule,
// the one English sentence; the other languages write its examples their way.
func TestNumberRuleIsNumRule(t *testing.T) {
	en, err := newMessages("en")
	if err != nil {
		t.Fatal(err)
	}
	if got := en.numberRule(); got != num.Rule() {
		t.Errorf("numbers_rule in English:\n%s\nnum.Rule():\n%s", got, num.Rule())
	}
	for lang, want := range map[string][]string{
		"de": {"0,125", "0,13", "0,525", "53\u00a0%", "0.6667", "0,25"},
		"hu": {"0,125", "0,13", "0,525", "53%", "0.6667", "0,25"},
		"it": {"0,125", "0,13", "0,525", "53%", "0.6667", "0,25"},
	} {
		m, err := newMessages(lang)
		if err != nil {
			t.Fatal(err)
		}
		got := m.numberRule()
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: numbers_rule lacks %q:\n%s", lang, w, got)
			}
		}
		if strings.Contains(got, "0.13") || strings.Contains(got, "{{") {
			t.Errorf("%s: numbers_rule has an English decimal or a placeholder left:\n%s", lang, got)
		}
	}
}
