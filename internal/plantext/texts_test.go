package plantext_test

import (
	"os"
	"slices"
	"testing"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plantext"
)

// shippedHU loads Hungary from the shipped plans, with its Hungarian translation.
func shippedHU(t *testing.T) *model.Country {
	t.Helper()
	repo, _ := load.Load(os.DirFS("../.."), load.Options{})
	c := repo.Country("HU")
	if c == nil || len(c.Translations) != 1 || c.Translations[0].Language != "hu" {
		t.Fatalf("HU's translations did not load: %+v", c)
	}
	return c
}

func TestText(t *testing.T) {
	c := shippedHU(t)
	texts := plantext.Of(c)
	title := plantext.Key("action-plan", "actions", "HU-A1", "title")
	tests := []struct {
		lang, key, want string
		fellBack        bool
	}{
		{"hu", title, "Jogalap a nyilvántartási és HR-adatok összekapcsolásához", false},
		{"en", title, "Legal basis for linking register and HR data", false},
		// HU-A3 is not translated: the English, and the page says so.
		{"hu", plantext.Key("action-plan", "actions", "HU-A3", "title"), "Nurse supply and demand projection", true},
		// No German translation at all.
		{"de", title, "Legal basis for linking register and HR data", true},
		// Not a text of the plan.
		{"hu", plantext.Key("action-plan", "actions", "HU-A99", "title"), "", false},
	}
	for _, tt := range tests {
		got, fb := texts.Text(tt.lang, tt.key)
		if got != tt.want || fb != tt.fellBack {
			t.Errorf("Text(%s, %s) = %q, %v; want %q, %v", tt.lang, tt.key, got, fb, tt.want, tt.fellBack)
		}
	}
	if r, ok := texts.Review("hu"); !ok || r.Reviewed {
		t.Errorf("Review(hu) = %+v, %v; want the shipped sample unreviewed", r, ok)
	}
	if n, total := texts.Coverage("hu"); n == 0 || n >= total {
		t.Errorf("Coverage(hu) = %d of %d; want a partial translation", n, total)
	}
}

// TestLocalized: a localized copy has the translated texts, keeps the English
// where there is none (and lists those keys), and never writes the loaded plan.
func TestLocalized(t *testing.T) {
	c := shippedHU(t)
	before := c.ActionPlan.Actions[0].Title
	lc, fellBack := plantext.Of(c).Localized(c, "hu")
	if got := lc.ActionPlan.Actions[0].Title; got != "Jogalap a nyilvántartási és HR-adatok összekapcsolásához" {
		t.Errorf("localized HU-A1 title = %q", got)
	}
	if got := lc.ToBe.Targets["data"]["linkage"].Rationale; got != "A nyilvántartás és a HR-adatok összekapcsolása személyes azonosító alapján." {
		t.Errorf("localized data.linkage rationale = %q", got)
	}
	if got := lc.ActionPlan.Actions[2].Title; got != "Nurse supply and demand projection" {
		t.Errorf("untranslated HU-A3 title = %q, want the English", got)
	}
	if !slices.Contains(fellBack, plantext.Key("action-plan", "actions", "HU-A3", "title")) {
		t.Errorf("fell back = %v, want HU-A3's title among them", fellBack)
	}
	if c.ActionPlan.Actions[0].Title != before || c.ToBe.Targets["data"]["linkage"].Rationale == lc.ToBe.Targets["data"]["linkage"].Rationale {
		t.Error("Localized wrote the loaded country")
	}
}

// TestKeysFollowIDs: moving an entry in English keeps its key (keys are ids,
// never positions).
func TestKeysFollowIDs(t *testing.T) {
	c := shippedHU(t)
	moved := *c
	ap := *c.ActionPlan
	ap.Actions = slices.Clone(ap.Actions)
	slices.Reverse(ap.Actions)
	moved.ActionPlan = &ap
	got, _ := plantext.Of(&moved).Text("hu", plantext.Key("action-plan", "actions", "HU-A1", "title"))
	if got != "Jogalap a nyilvántartási és HR-adatok összekapcsolásához" {
		t.Errorf("after a move, HU-A1's title = %q", got)
	}
}
