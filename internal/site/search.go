package site

import (
	"slices"
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
		cur.Text = truncateText(oneSpaced(text.String()), maxSectionText)
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
			// The tag's name and only the attribute asked for: the SVG of
			// the charts has thousands of elements, each with attributes.
			name, _ := z.TagName()
			switch tag := string(name); {
			case skip > 0:
				if tt == html.StartTagToken && (tag == "svg" || tag == "nav" || tag == "style" || tag == "script") {
					skip++
				}
			case tag == "svg" || tag == "style" || tag == "script" || tag == "nav" && hasClass(tagAttr(z, "class"), "toc"):
				if tt == html.StartTagToken {
					skip++
				}
			case tag == "h2" || tag == "h3":
				if id := tagAttr(z, "id"); id != "" {
					flush()
					cur = searchSection{Anchor: id}
					heading = &strings.Builder{}
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case skip > 0:
				if tag == "svg" || tag == "nav" || tag == "style" || tag == "script" {
					skip--
				}
			case heading != nil && (tag == "h2" || tag == "h3"):
				cur.Title = oneSpaced(heading.String())
				heading = nil
			case blockTags[tag]:
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

// tagAttr is the value of the current tag's first attribute key, or "".
func tagAttr(z *html.Tokenizer, key string) string {
	for {
		k, v, more := z.TagAttr()
		if string(k) == key {
			return string(v)
		}
		if !more {
			return ""
		}
	}
}

// hasClass reports whether class is one of the classes of a class attribute.
func hasClass(classes, class string) bool {
	return slices.Contains(strings.Fields(classes), class)
}

// oneSpaced is strings.Join(strings.Fields(s), " ") without the slice of the
// words (a report's section has thousands).
func oneSpaced(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for w := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
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
