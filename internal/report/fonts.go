package report

import (
	"encoding/base64"
	"fmt"
	"io/fs"
	"strings"

	"github.com/hwfplan/hwfplan"
)

// FontFamily and MonoFamily are the families of the shipped fonts (fonts/, see
// its README): the report style sheet and the site's name them first.
const (
	FontFamily = "Noto Sans"
	MonoFamily = "Noto Sans Mono"
)

// FontFace is one shipped font file and the face it provides.
type FontFace struct {
	File   string // file name in fonts/
	Family string
	Weight string // CSS font-weight: a number or a range
	Style  string // normal or italic
	// UnicodeRange limits the face to some characters ("" for all it has).
	UnicodeRange string
}

// FontFaces lists the shipped fonts. Weights are ranges, so a style sheet's 600
// or 650 uses the bold face rather than a synthesised one.
var FontFaces = []FontFace{
	{File: "NotoSans-Regular.woff2", Family: FontFamily, Weight: "100 549", Style: "normal"},
	{File: "NotoSans-Italic.woff2", Family: FontFamily, Weight: "100 549", Style: "italic"},
	{File: "NotoSans-Bold.woff2", Family: FontFamily, Weight: "550 900", Style: "normal"},
	// Noto Sans has no minus sign: these take it from Noto Sans Mono.
	{File: "NotoSans-Minus-Regular.woff2", Family: FontFamily, Weight: "100 549", Style: "normal", UnicodeRange: "U+2212"},
	{File: "NotoSans-Minus-Bold.woff2", Family: FontFamily, Weight: "550 900", Style: "normal", UnicodeRange: "U+2212"},
	{File: "NotoSansMono-Regular.woff2", Family: MonoFamily, Weight: "100 900", Style: "normal"},
}

// FontFaceCSS writes an @font-face rule per shipped font, each loading its file
// from url(file).
func FontFaceCSS(url func(file string) string) string {
	var b strings.Builder
	for _, f := range FontFaces {
		writeFontFace(&b, f, url(f.File))
	}
	return b.String()
}

func writeFontFace(b *strings.Builder, f FontFace, url string) {
	fmt.Fprintf(b, "@font-face { font-family: %q; src: url(%s) format(\"woff2\"); font-weight: %s; font-style: %s; font-display: swap;", f.Family, url, f.Weight, f.Style)
	if f.UnicodeRange != "" {
		fmt.Fprintf(b, " unicode-range: %s;", f.UnicodeRange)
	}
	b.WriteString(" }\n")
}

// fontCSS writes the @font-face rules of the shipped fonts that keep accepts,
// each inlined as a data: URL.
func fontCSS(keep func(FontFace) bool) (string, error) {
	var b strings.Builder
	for _, f := range FontFaces {
		if !keep(f) {
			continue
		}
		data, err := fs.ReadFile(hwfplan.Fonts, "fonts/"+f.File)
		if err != nil {
			return "", fmt.Errorf("failed to read the built-in font %s: %w", f.File, err)
		}
		writeFontFace(&b, f, "data:font/woff2;base64,"+base64.StdEncoding.EncodeToString(data))
	}
	return b.String(), nil
}

// embeddedFontCSS is the @font-face CSS of every shipped font inlined as a data:
// URL, for the self-contained report page (its Content-Security-Policy allows
// fonts from data: only). A style sheet that names no shipped family gets
// nothing, so a plans repository's own report.css with fonts of its own carries
// no dead weight.
func embeddedFontCSS(css string) (string, error) {
	if !strings.Contains(css, FontFamily) && !strings.Contains(css, MonoFamily) {
		return "", nil
	}
	return fontCSS(func(FontFace) bool { return true })
}
