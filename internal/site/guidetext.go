package site

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// guideFiles is where the guide's links to the project's other files point (the
// guide lives in docs/): the project's own repository, wherever the plans
// repository lives.
const guideFiles = DefaultRepoURL + "/blob/" + DefaultBranch + "/"

// guideMarkdown renders docs/planners-guide.md for the site: CommonMark with GFM,
// headings with ids (the guide's contents link to them, as on GitHub), raw HTML
// omitted, links to the framework reference turned into the site's page and
// links to other docs into the project's docs on GitHub; then safeLinks, as for
// plan text, so the guide can link nowhere plan text could not.
var guideMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithASTTransformers(
		util.Prioritized(guideLinks{}, 200), util.Prioritized(safeLinks{}, 100))),
)

// guideHTML renders the guide without its title (the page has its own).
func guideHTML(md []byte) (string, error) {
	if i := bytes.IndexByte(md, '\n'); bytes.HasPrefix(md, []byte("# ")) && i > 0 {
		md = md[i+1:]
	}
	var b bytes.Buffer
	if err := guideMarkdown.Convert(md, &b); err != nil {
		return "", fmt.Errorf("failed to render the planner's guide: %w", err)
	}
	// A code block keeps its lines and scrolls sideways on a phone, so it must
	// be reachable by keyboard; messages (text blocks) wrap instead (see
	// site.css). The guide has no raw HTML, so every <pre> is goldmark's.
	out := strings.ReplaceAll(b.String(), "<pre><code", `<pre tabindex="0"><code`)
	out = strings.ReplaceAll(out, `<pre tabindex="0"><code class="language-text">`, `<pre class="messages"><code class="language-text">`)
	return out, nil
}

// guideLinks points the guide's relative links at the site: the framework
// reference at the guide's own page for it (relative, so any base URL works),
// any other file of docs/ at the project's docs.
type guideLinks struct{}

func (guideLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		file, frag, _ := strings.Cut(dest, "#")
		switch {
		case strings.Contains(dest, ":") || !strings.HasSuffix(file, ".md"):
		case file == "planners-guide/framework.md":
			l.Destination = []byte(joinFrag("framework/", frag))
		default:
			l.Destination = []byte(joinFrag(guideFiles+path.Join("docs", file), frag))
		}
		return ast.WalkContinue, nil
	})
}

func joinFrag(u, frag string) string {
	if frag == "" {
		return u
	}
	return u + "#" + frag
}
