package comparefmt

import (
	"bytes"
	"strings"
	"testing"
)

// Plan text with terminal escapes is shown, not obeyed, in both table formats.
func TestTablesEscapeControlCharacters(t *testing.T) {
	tables := []table{{title: "t\x1b]0;title\x07", header: []string{"h"}, rows: [][]string{{"Hun\x1b[2Jgary\u202e"}}}}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return writeText(b, tables) },
		"markdown": func(b *bytes.Buffer) error { return writeMarkdown(b, tables) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "\x1b\x07\u202e") {
			t.Errorf("%s: raw control character in %q", name, b.String())
		}
		if !strings.Contains(b.String(), `x1b`) || !strings.Contains(b.String(), "gary") {
			t.Errorf("%s: the text is not shown: %q", name, b.String())
		}
	}
}

func TestMarkdownEscapesPlanText(t *testing.T) {
	var b bytes.Buffer
	err := writeMarkdown(&b, []table{{title: "t", header: []string{"h"}, rows: [][]string{{"a|b <script>\n*x*"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `| a\|b &lt;script&gt; \*x\* |`; !strings.Contains(b.String(), want) {
		t.Errorf("got %s, want %s", b.String(), want)
	}
}
