package site

import (
	"bytes"
	"strings"
	"sync"
	"unicode"

	"github.com/hwfplan/hwfplan/internal/weburl"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// richText is plan text already rendered to HTML by markdownHTML: the layouts
// print it with safeHTML. Plan text reaches Hugo only in this form, never as
// content or through markdownify, so Hugo never reads it as shortcodes or
// templates.
type richText string

// planMarkdown is the Markdown the project allows in plan text: CommonMark with
// GFM tables, strikethrough and autolinks, and typographic quotes. Raw HTML is
// omitted (goldmark's default), and safeLinks keeps only links and images whose
// addresses weburl.Href allows; images become links, so a page never loads
// anything named in plan text.
var planMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Typographer),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(safeLinks{}, 0))),
)

// markdownHTML renders plan text. A text that is one paragraph loses the
// paragraph tags, as Hugo's markdownify did, so it fits a list item or a cell.
func markdownHTML(s string) richText {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	// Control characters are not text in HTML: show each as U+FFFD.
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			return '\uFFFD'
		}
		return r
	}, s)
	var b bytes.Buffer
	if err := planMarkdown.Convert([]byte(s), &b); err != nil {
		// goldmark fails only when writing fails, which a buffer does not.
		return richText("<p>" + htmlEscape(s) + "</p>")
	}
	out := strings.TrimSpace(b.String())
	if strings.HasPrefix(out, "<p>") && strings.HasSuffix(out, "</p>") && strings.Count(out, "<p>") == 1 {
		out = strings.TrimSuffix(strings.TrimPrefix(out, "<p>"), "</p>")
	}
	return richText(out)
}

// markdownMemo keeps the HTML of the plan texts rendered for one language, for
// the others: plan text stays in English where a country has no translation,
// so every language's pages show most of the same texts.
type markdownMemo struct {
	mu   sync.Mutex
	html map[string]richText
}

// markdown is markdownHTML, rendered once for the pages of every language that
// share m.md.
func (m msgs) markdown(s string) richText {
	if m.md == nil {
		return markdownHTML(s)
	}
	m.md.mu.Lock()
	h, ok := m.md.html[s]
	m.md.mu.Unlock()
	if !ok {
		h = markdownHTML(s)
		m.md.mu.Lock()
		m.md.html[s] = h
		m.md.mu.Unlock()
	}
	return h
}

// markdownList renders each entry of a list of plan texts.
func (m msgs) markdownList(ss []string) []richText {
	if len(ss) == 0 {
		return nil
	}
	out := make([]richText, len(ss))
	for i, s := range ss {
		out[i] = m.markdown(s)
	}
	return out
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func htmlEscape(s string) string { return htmlEscaper.Replace(s) }

// safeLinks unwraps every link whose address weburl.Href refuses (its text stays,
// as text) and turns every image into a link to it, or into its alt text.
type safeLinks struct{}

func (safeLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var todo []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Link, *ast.Image, *ast.AutoLink:
			todo = append(todo, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range todo {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		switch v := n.(type) {
		case *ast.Link:
			if _, ok := weburl.Href(string(v.Destination)); !ok {
				unwrap(parent, v)
			}
		case *ast.Image:
			link := ast.NewLink()
			link.Destination, link.Title = v.Destination, v.Title
			for c := v.FirstChild(); c != nil; {
				next := c.NextSibling()
				link.AppendChild(link, c)
				c = next
			}
			parent.ReplaceChild(parent, v, link)
			if _, ok := weburl.Href(string(link.Destination)); !ok {
				unwrap(parent, link)
			}
		case *ast.AutoLink:
			url := string(v.URL(src))
			if v.AutoLinkType == ast.AutoLinkEmail {
				url = "mailto:" + url
			} else if v.Protocol == nil && strings.HasPrefix(strings.ToLower(url), "www.") {
				url = "http://" + url // what goldmark's linkify writes
			}
			if _, ok := weburl.Href(url); !ok {
				parent.ReplaceChild(parent, v, ast.NewString(v.Label(src)))
			}
		}
	}
}

// unwrap replaces n by its children.
func unwrap(parent, n ast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}
