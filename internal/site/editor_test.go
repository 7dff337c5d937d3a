package site

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/editorwasm"
)

// Each country has an edit page with the files its editor loads beside it, as
// read; the engine is published when the build has it, and a build without it
// says so once, and its pages say the editor is missing.
func TestEditPages(t *testing.T) {
	fake := map[string][]byte{editorwasm.WasmFile: []byte("\x00asm fake"), editorwasm.LoaderFile: []byte("// loader")}
	for _, withEngine := range []bool{true, false} {
		engine = func() (map[string][]byte, bool) {
			if withEngine {
				return fake, true
			}
			return nil, false
		}
		t.Cleanup(func() { engine = editorwasm.Engine })
		var warnings strings.Builder
		out := build(t, "", Options{Warnings: func(s string) { warnings.WriteString(s) }})
		for _, code := range []string{"hu", "si"} {
			if _, ok := out["edit/"+code+"/index.html"]; !ok {
				t.Errorf("no edit page for %s", code)
			}
		}
		var files map[string]string
		if err := json.Unmarshal(out["edit/hu/files.json"], &files); err != nil {
			t.Fatalf("edit/hu/files.json: %v", err)
		}
		want := []string{"clusters/wp6.yaml", "countries/HU/action-plan.yaml", "countries/HU/as-is.yaml", "countries/HU/country.yaml", "countries/HU/to-be.yaml", "countries/HU/to-do.yaml"}
		if got := slices.Sorted(maps.Keys(files)); !slices.Equal(got, want) {
			t.Errorf("edit/hu/files.json holds %v, want %v", got, want)
		}
		// the texts exactly as in the repository, markup and all
		if !strings.Contains(files["countries/HU/as-is.yaml"], `"EVIDENCE <script>alert('x')</script> and [a link](javascript:alert(1)) and <img src=x onerror=alert(2)>"`) {
			t.Errorf("as-is.yaml is not as read:\n%s", files["countries/HU/as-is.yaml"])
		}
		if bytes.Contains(out["edit/hu/files.json"], []byte("<script>")) {
			t.Error("files.json holds raw markup")
		}
		if withEngine {
			if !bytes.Equal(out["editor/hwfplan.wasm"], fake[editorwasm.WasmFile]) || !bytes.Equal(out["editor/wasm_exec.js"], fake[editorwasm.LoaderFile]) {
				t.Error("the engine is not published under editor/")
			}
			if strings.Contains(warnings.String(), "form editor") {
				t.Errorf("a warning with the engine: %s", warnings.String())
			}
			continue
		}
		if _, ok := out["editor/hwfplan.wasm"]; ok {
			t.Error("an engine that was not built")
		}
		if strings.Count(warnings.String(), NoEngineWarning) != 1 {
			t.Errorf("not one warning without the engine: %q", warnings.String())
		}
	}
}

// The editor's pages are published in each language too (/de/edit/hu/): their
// interface from site/i18n/de.yaml, the same files.json (fetched from the
// English page's folder) and engine, the switcher leading from one to the other.
// The form's words in the language are in edit/form.de.json: the framework's
// translation and the messages edit.form.* the engine takes.
func TestEditPagesInALanguage(t *testing.T) {
	files := build(t, german, Options{})
	de := string(files["de/edit/hu/index.html"])
	for _, want := range []string{
		`<html lang="de">`,
		`<h1>Den Plan von Ungarn bearbeiten</h1>`,
		`Die Plandateien von Ungarn in einem Formular ändern.`,
		`data-files="/edit/hu/files.json"`,
		`&#34;move_up&#34;:&#34;Nach oben&#34;`,
		`<a href="/edit/hu/" hreflang="en" lang="en">English</a>`,
		`<a href="/de/countries/hu/">Ungarn</a>`,
		`bleiben englisch`,
		`data-form="/edit/form.de.json"`,
		`Ist-Bewertung`, // a file's title in the links to GitHub's editor
	} {
		if !strings.Contains(de, want) {
			t.Errorf("de/edit/hu/index.html lacks %q", want)
		}
	}
	if _, ok := files["de/edit/hu/files.json"]; ok {
		t.Error("a second files.json under de/")
	}
	var words struct {
		Lang, Framework string
		Messages        map[string]string
	}
	if err := json.Unmarshal(files["edit/"+FormJSON("de")], &words); err != nil {
		t.Fatalf("edit/form.de.json: %v", err)
	}
	if words.Lang != "de" || !strings.Contains(words.Framework, "Planungsdaten und Datenquellen optimieren") ||
		words.Messages["edit.form.assessment_date"] != "Datum der Bewertung" || words.Messages["edit.title"] != "" {
		t.Errorf("edit/form.de.json: language %q, the framework's translation %.60q..., %d messages", words.Lang, words.Framework, len(words.Messages))
	}
	if _, ok := files["edit/"+FormJSON("en")]; ok {
		t.Error("form words for English: the engine has its own")
	}
	en := string(files["edit/hu/index.html"])
	if strings.Contains(en, "data-form") {
		t.Error("the English page loads form words")
	}
	for _, want := range []string{`data-files="files.json"`, `<a href="/de/edit/hu/" hreflang="de" lang="de">Deutsch</a>`, `&#34;move_up&#34;:&#34;Move up&#34;`} {
		if !strings.Contains(en, want) {
			t.Errorf("edit/hu/index.html lacks %q", want)
		}
	}
	if !strings.Contains(string(files["de/countries/hu/index.html"]), `href="/de/edit/hu/"`) {
		t.Error("the German country page does not lead to the German editor")
	}
}
