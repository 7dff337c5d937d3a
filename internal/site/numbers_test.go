package site

import (
	"html/template"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/num"
)

// TestMethodsPageSaysHowNumbersAreWritten: the methods page's sentence on
// numbers is num.Rule in English, word for word, and in German its examples
// are German numbers (the message numbers_rule filled with num.In("de")).
func TestMethodsPageSaysHowNumbersAreWritten(t *testing.T) {
	files := build(t, german, Options{})
	want := `<li id="precision">` + template.HTMLEscapeString(num.Rule()) + `</li>`
	if en := string(files["methods/index.html"]); !strings.Contains(en, want) {
		t.Errorf("methods/index.html lacks\n%s", want)
	}
	de := string(files["de/methods/index.html"])
	for _, want := range []string{"eine Lücke von 0,125 erscheint als 0,13", "ein Anteil von 0,525 als 53\u00a0%", "(0.6667 für zwei Drittel)", "Schwellenwert von 0,25"} {
		if !strings.Contains(de, want) {
			t.Errorf("de/methods/index.html lacks %q", want)
		}
	}
}
