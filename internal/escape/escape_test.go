package escape

import (
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	tests := map[string]string{
		"plain text, ünïcode ✓":        "plain text, ünïcode ✓",
		"\x1b[2J\x1b]0;pwned\x07":      `\x1b[2J\x1b]0;pwned\x07`,
		"a\nb\r\tc":                    `a\nb\r\tc`,
		"x\u009b31my\x7f":              `x\x9b31my\x7f`,
		"abc\u202edcba\u2066":          `abc\u202edcba\u2066`,
		"no\u00a0break stays":          "no\u00a0break stays",
		"zero\u200dwidth joiner stays": "zero\u200dwidth joiner stays",
	}
	for in, want := range tests {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := map[string]string{
		"plain":                         "plain",
		"*em* _u_ `c` [l](x) <b> a|b &": `\*em\* \_u\_ \` + "`" + `c\` + "`" + ` \[l\](x) &lt;b&gt; a\|b &amp;`,
		"# h":                           `\# h`,
		"- item":                        `\- item`,
		"1. one":                        `1\. one`,
		"2)":                            `2\)`,
		"0.29 -0.04 +0.1":               "0.29 -0.04 +0.1",
		"-0.04":                         "-0.04",
		"---":                           `\---`,
		"= x":                           `\= x`,
		"a\n\n- b\r\nc\td":              `a - b c d`,
		"\x1b[31mred":                   `\\x1b\[31mred`,
		"{{< youtube x >}}":             `\{\{&lt; youtube x &gt;\}\}`,
		"rtl\u202eevil":                 `rtl\\u202eevil`,
	}
	for in, want := range tests {
		if got := Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWorkflow(t *testing.T) {
	msg := "line1\nline2\r::error::injected 100%\x1b[0m"
	if got, want := WorkflowData(msg), `line1%0Aline2%0D::error::injected 100%25\x1b[0m`; got != want {
		t.Errorf("WorkflowData = %q, want %q", got, want)
	}
	if got, want := WorkflowProperty("a,b:c\n\x07"), `a%2Cb%3Ac%0A\x07`; got != want {
		t.Errorf("WorkflowProperty = %q, want %q", got, want)
	}
	for _, s := range []string{WorkflowData(msg), WorkflowProperty(msg)} {
		if strings.ContainsAny(s, "\n\r\x1b") {
			t.Errorf("%q keeps a raw control character", s)
		}
	}
}

func TestLines(t *testing.T) {
	if got, want := Lines("error: x\x1b[2J\r\n\thint\u202e"), `error: x\x1b[2J\r`+"\n\thint"+`\u202e`; got != want {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}
