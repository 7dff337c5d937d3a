package site

import (
	"strings"

	"golang.org/x/net/html"
)

// searchSection is one chapter or section of a report in the search index: the
// search finds text inside the reports and links to the section it is in.
type searchSection struct {
	Title  string `json:"title"`
	Anchor string `json:"anchor"`
	Text   string `json:"text"`
}

// maxSectionText caps the text of one section in the search index.
const maxSectionText = 20000

// reportSections splits a report body at its numbered headings (h2 and h3 with an
// id) and returns each section's heading and plain text, in order. Charts (their
// labels repeat the tables), the style sheet and the contents are left out; the
// text before the first heading (the title page) is a section without an anchor.
func reportSections(body string) []searchSection {
	var out []searchSection
	var cur searchSection
	var text strings.Builder
	flush := func() {
		cur.Text = truncateText(strings.Join(strings.Fields(text.String()), " "), maxSectionText)
		if cur.Text != "" || cur.Anchor != "" {
			out = append(out, cur)
		}
		text.Reset()
	}
	z := html.NewTokenizer(strings.NewReader(body))
	skip := 0 // depth inside svg, style, script or the contents
	var heading *strings.Builder
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch {
			case skip > 0:
				if tt == html.StartTagToken && (t.Data == "svg" || t.Data == "nav" || t.Data == "style" || t.Data == "script") {
					skip++
				}
			case t.Data == "svg" || t.Data == "style" || t.Data == "script" || t.Data == "nav" && hasClass(t, "toc"):
				if tt == html.StartTagToken {
					skip++
				}
			case (t.Data == "h2" || t.Data == "h3") && attrOf(t, "id") != "":
				flush()
				cur = searchSection{Anchor: attrOf(t, "id")}
				heading = &strings.Builder{}
			}
		case html.EndTagToken:
			t := z.Token()
			switch {
			case skip > 0:
				if t.Data == "svg" || t.Data == "nav" || t.Data == "style" || t.Data == "script" {
					skip--
				}
			case heading != nil && (t.Data == "h2" || t.Data == "h3"):
				cur.Title = strings.Join(strings.Fields(heading.String()), " ")
				heading = nil
			case blockTags[t.Data]:
				text.WriteByte(' ')
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if heading != nil {
				heading.Write(z.Text())
			} else {
				text.Write(z.Text())
			}
		}
	}
}

// blockTags end a run of text: words on either side of them are apart.
var blockTags = map[string]bool{"p": true, "li": true, "td": true, "th": true, "tr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "div": true, "caption": true, "figcaption": true, "dt": true, "dd": true, "blockquote": true, "section": true,
	"header": true, "ul": true, "ol": true, "table": true, "figure": true}

func attrOf(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(t html.Token, class string) bool {
	for _, c := range strings.Fields(attrOf(t, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// truncateText cuts s to at most n bytes at a word boundary.
func truncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		return s[:i]
	}
	return s[:n]
}
