package report

import (
	"encoding/base64"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
)

// TestFonts: every shipped font file is listed once in FontFaces and the other
// way round, and a report page embeds each, byte for byte, in an @font-face rule
// of its family, weight and style; its Content-Security-Policy allows fonts from
// data: URLs and nothing else.
func TestFonts(t *testing.T) {
	files, err := fs.Glob(hwfplan.Fonts, "fonts/*.woff2")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fonts embedded: %v", err)
	}
	listed := map[string]bool{}
	for _, f := range FontFaces {
		if listed[f.File] {
			t.Errorf("%s is listed twice", f.File)
		}
		listed[f.File] = true
	}
	for _, f := range files {
		name := strings.TrimPrefix(f, "fonts/")
		if !listed[name] {
			t.Errorf("fonts/%s is shipped but not in FontFaces", name)
		}
		delete(listed, name)
	}
	for name := range listed {
		t.Errorf("FontFaces lists %s, which is not in fonts/", name)
	}
	if _, err := fs.ReadFile(hwfplan.Fonts, "fonts/OFL.txt"); err != nil {
		t.Errorf("the fonts' licence is not shipped with them: %v", err)
	}

	page := string(build(t, "as-is")["as-is.html"])
	if !strings.Contains(page, "font-src data:") {
		t.Errorf("the page's Content-Security-Policy does not allow data: fonts")
	}
	for _, f := range FontFaces {
		data, err := fs.ReadFile(hwfplan.Fonts, "fonts/"+f.File)
		if err != nil {
			t.Fatal(err)
		}
		rule := regexp.QuoteMeta(`@font-face { font-family: "` + f.Family + `"; src: url(data:font/woff2;base64,` + base64.StdEncoding.EncodeToString(data) + `) format("woff2"); font-weight: ` + f.Weight + `; font-style: ` + f.Style + `;`)
		if !regexp.MustCompile(rule).MatchString(page) {
			t.Errorf("the page does not embed %s as %s %s %s", f.File, f.Family, f.Weight, f.Style)
		}
	}
	if !strings.Contains(page, `font-family: "Noto Sans", `) {
		t.Errorf("the page's style sheet does not use the shipped font first")
	}
}

// TestFontsOnlyWhenUsed: a plans repository's own style sheet that names no
// shipped font gets none embedded.
func TestFontsOnlyWhenUsed(t *testing.T) {
	css, err := embeddedFontCSS("body { font-family: Georgia, serif; }")
	if err != nil || css != "" {
		t.Errorf("embeddedFontCSS for a sheet without the shipped fonts = %d bytes, %v", len(css), err)
	}
}
