package site

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/weburl"
	"golang.org/x/net/html"
)

// FuzzGenerate puts arbitrary text into every text field of the test plans and
// programme files (and every URL field, and the commit data of a revision) and
// prepares the site's input from them: it must never panic, every page must be
// valid JSON, and every piece of rendered plan text must be HTML of the allowed
// elements only, with links only to addresses weburl.Href allows.
func FuzzGenerate(f *testing.F) {
	for _, s := range []string{
		"plain", "<script>alert(1)</script>", "[x](javascript:alert(1))", "{{< youtube x >}}", "\x1b[2J\x1b]0;title\x07",
		"<img src=x onerror=alert(1)>", "![x](https://evil.example/p.png)", "a\n\n* b\n* c\n\n| a | b |\n|---|---|\n| 1 | 2 |",
		"<https://x.org> www.x.org a@b.org", "[x](<javascript:alert(1)>)", "[x][r]\n\n[r]: javascript:alert(1)", "- [ ] task",
	} {
		f.Add(s, "javascript:alert(1)", false)
		f.Add(s, "https://example.org/", true)
	}
	f.Fuzz(func(t *testing.T, text, url string, ids bool) {
		fsys := repoFS(t, plans+programmePlans)
		repo, _ := load.Load(fsys, load.Options{})
		pr := repo.Programme
		for _, p := range []any{pr.EUActionPlan, pr.Dialogues, pr.PolicyBoard, pr.SustainabilityPlan, pr.Twinning, pr.Knowledge} {
			setText(reflect.ValueOf(p), text, url, ids)
		}
		for _, c := range repo.Countries {
			for _, p := range []any{c.Country, c.AsIs, c.ToBe, c.ToDo, c.ActionPlan} {
				setText(reflect.ValueOf(p), text, url, ids)
			}
		}
		for _, cl := range repo.Clusters {
			setText(reflect.ValueOf(cl.Cluster), text, url, ids)
		}
		in := Input{Repo: repo, SourceTime: sourceTime, Revisions: map[string][]Revision{
			"HU": {{Hash: text, Date: time.Unix(0, 0), Author: text, Subject: text, Summary: text}},
		}}
		err := generateTo(in, func(name string, data []byte) error {
			var page struct {
				Params map[string]any `json:"params"`
			}
			if err := json.Unmarshal(data, &page); err != nil {
				t.Fatalf("%s is not valid JSON: %v", name, err)
			}
			checkRich(t, name, "", page.Params)
			return nil
		})
		if err != nil && !ids {
			// With ids and references intact the plans stay consistent, so text
			// alone must never stop the build; broken ids may, without a panic.
			t.Fatalf("text in the plans stopped the site input: %v", err)
		}
	})
}

// setText sets every string of v (a pointer to a plan struct) to text, URL fields
// to url; identities, references and enums (ids, codes, tasks, dates, statuses)
// only when ids.
func setText(v reflect.Value, text, url string, ids bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			setText(v.Elem(), text, url, ids)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fld := v.Type().Field(i)
			name := fld.Name
			if !ids && (strings.Contains(fld.Tag.Get("jsonschema"), "enum=") || name == "ID" || name == "Code" || name == "Cluster" || name == "Task" || name == "Items" || name == "Implements") {
				continue
			}
			setText(v.Field(i), text, url, ids)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			setText(v.Index(i), text, url, ids)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			setText(e, text, url, ids)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		if !v.CanSet() {
			return
		}
		switch v.Type() {
		case reflect.TypeFor[plan.URL]():
			v.SetString(url)
		case reflect.TypeFor[plan.Date](), reflect.TypeFor[plan.YearMonth](), reflect.TypeFor[plan.Status]():
			if ids {
				v.SetString(text)
			}
		default:
			v.SetString(text)
		}
	}
}

// richKeys are the params that hold rendered plan text (richText).
var richKeys = map[string]bool{"notes": true, "summary": true, "evidence": true, "rationale": true, "vision": true,
	"description": true, "outcome": true, "strengths": true, "weaknesses": true, "challenges": true,
	"text": true, "dropped": true} // the programme's decisions and measures

func checkRich(t *testing.T, page, key string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if k == "revisions" || k == "search" {
				continue // commit data and search text: plain text, escaped by the layouts
			}
			checkRich(t, page, k, e)
		}
	case []any:
		for _, e := range v {
			checkRich(t, page, key, e)
		}
	case string:
		if strings.ContainsFunc(v, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' }) {
			t.Fatalf("%s: %s: a raw control character in %q", page, key, v)
		}
		if richKeys[key] && (!strings.HasPrefix(page, "content/methods") && !strings.HasPrefix(page, "content/_index")) {
			if err := safeHTML(v); err != nil {
				t.Fatalf("%s: %s: %v in %q", page, key, err, v)
			}
		}
	}
}

// allowedTags is what planMarkdown may write.
var allowedTags = map[string]bool{"p": true, "em": true, "strong": true, "a": true, "code": true, "pre": true, "ul": true, "ol": true,
	"li": true, "blockquote": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true, "br": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "del": true, "input": true}

// safeHTML reports the first element, attribute or link that rendered plan text
// must not hold.
func safeHTML(s string) error {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.CommentToken:
			if c := string(z.Text()); c != " raw HTML omitted " {
				return errorf("comment %q", c)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if !allowedTags[tok.Data] {
				return errorf("element <%s>", tok.Data)
			}
			for _, a := range tok.Attr {
				switch {
				case a.Key == "href" && tok.Data == "a":
					if _, ok := weburl.Href(a.Val); !ok {
						return errorf("link to %q", a.Val)
					}
				case a.Key == "title" && tok.Data == "a", a.Key == "start" && tok.Data == "ol",
					a.Key == "style" && (tok.Data == "th" || tok.Data == "td") && strings.HasPrefix(a.Val, "text-align:"),
					tok.Data == "input" && (a.Key == "checked" || a.Key == "disabled" || (a.Key == "type" && a.Val == "checkbox")),
					a.Key == "class" && tok.Data == "code" && strings.HasPrefix(a.Val, "language-") && !strings.ContainsAny(a.Val, "\"'<>"):
				default:
					return errorf("attribute %s=%q on <%s>", a.Key, a.Val, tok.Data)
				}
			}
		case html.TextToken:
			if strings.ContainsFunc(string(z.Text()), func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f }) {
				return errorf("a control character")
			}
		}
	}
}

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

// The oracle catches what it is for.
func TestSafeHTMLOracle(t *testing.T) {
	for _, bad := range []string{"<script>x</script>", `<a href="javascript:x">x</a>`, `<p onclick="x">x</p>`, "<iframe src=x>", "<img src=x>", "a\x1bb", "<!-- x -->"} {
		if safeHTML(bad) == nil {
			t.Errorf("safeHTML(%q) = nil", bad)
		}
	}
	if err := safeHTML(`<p><em>a</em> <a href="https://x.org/">b</a></p><!-- raw HTML omitted -->`); err != nil {
		t.Error(err)
	}
}
