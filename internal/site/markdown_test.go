package site

import (
	"strings"
	"testing"
)

func TestMarkdownHTML(t *testing.T) {
	tests := []struct {
		in   string
		want []string // substrings; "! s" must be absent
	}{
		{"Registers cover the *sectoral* professions.", []string{"Registers cover the <em>sectoral</em> professions.", "! <p>"}},
		{"one\n\ntwo", []string{"<p>one</p>", "<p>two</p>"}},
		{"<script>alert(1)</script>", []string{"! <script", "! alert(1)</script>"}},
		{"x <img src=x onerror=alert(2)> y", []string{"! <img", "x ", " y"}},
		{"[a link](javascript:alert(1))", []string{"a link", "! href", "! javascript:"}},
		{"[a link](JAVASCRIPT:alert(1))", []string{"a link", "! href"}},
		{"[a link](&#106;avascript:alert(1))", []string{"a link", "! href"}},
		{"[a link](java&#x09;script:alert(1))", []string{"a link", "! href"}},
		{"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", []string{"x", "! href"}},
		{"[x](vbscript:msgbox)", []string{"! href"}},
		{"[x](//evil.example/)", []string{"! href"}},
		{"<javascript:alert(1)>", []string{"! href"}},
		{"[ok](https://example.org/a?b=1&c=2)", []string{`<a href="https://example.org/a?b=1&amp;c=2">ok</a>`}},
		{"mail <someone@example.org>", []string{`href="mailto:someone@example.org"`}},
		{"see www.example.org", []string{`href="http://www.example.org"`}},
		{"![chart](https://evil.example/pixel.png)", []string{`<a href="https://evil.example/pixel.png">chart</a>`, "! <img"}},
		{"![chart](javascript:alert(1))", []string{"chart", "! <img", "! href"}},
		{`{{< youtube dQw4w9WgXcQ >}} {{% no-such %}} {{< x user="a" id="1" >}}`, []string{"{{&lt; youtube dQw4w9WgXcQ &gt;}}", "{{% no-such %}}", "! <iframe"}},
		{"{{ .Site.Params }} {{ os.Getenv \"HOME\" }}", []string{"{{ .Site.Params }}"}},
		{"a\x1b[31mred\u0085", []string{"a\uFFFD[31mred\uFFFD", "! \x1b"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := string(markdownHTML(tt.in))
		for _, w := range tt.want {
			if absent, ok := strings.CutPrefix(w, "! "); ok {
				if strings.Contains(got, absent) {
					t.Errorf("markdownHTML(%q) = %q, holds %q", tt.in, got, absent)
				}
			} else if !strings.Contains(got, w) {
				t.Errorf("markdownHTML(%q) = %q, lacks %q", tt.in, got, w)
			}
		}
	}
}

func TestNoControls(t *testing.T) {
	tests := map[string]string{
		`{"a":"x\u001b[2Jy\n\t\\u001b\u0000"}`:  `{"a":"x\ufffd[2Jy\n\t\\u001b\ufffd"}`,
		"{\"a\":\"del\x7f c1\u0085 ok\u00e9\"}": `{"a":"del\ufffd c1\ufffd ok` + "\u00e9" + `"}`,
		`{"a":"\u0020\u00e9"}`:                  `{"a":"\u0020\u00e9"}`,
		`{"a":"\b\f\\b\\f"}`:                    `{"a":"\ufffd\ufffd\\b\\f"}`,
	}
	for in, want := range tests {
		if got := string(noControls([]byte(in))); got != want {
			t.Errorf("noControls(%s) = %s, want %s", in, got, want)
		}
	}
}
