package editor

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// The form spec of each kind of country file, as generated from the shipped
// framework and the plan types.
func TestFormGolden(t *testing.T) {
	s := session(t, "HU")
	for _, name := range plan.CountryFiles {
		t.Run(name, func(t *testing.T) { checkFormGolden(t, s, name, path.Join("testdata", "form")) })
	}
}

// checkFormGolden compares the form spec of HU's file name in s with the golden
// file of that name (.json) in dir.
func checkFormGolden(t *testing.T, s *Session, name, dir string) {
	t.Helper()
	f, err := s.Form("countries/HU/" + name)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, path.Join(dir, strings.TrimSuffix(name, ".yaml")+".json"), append(b, '\n'))
}

// Scores are choices among their scale's levels, with the item's words.
func TestFormScore(t *testing.T) {
	s := session(t, "HU")
	f, err := s.Form("countries/HU/as-is.yaml")
	if err != nil {
		t.Fatal(err)
	}
	score := lookup(f, "tasks", "data", "items", "linkage", "score")
	if score == nil || score.Type != TypeScore {
		t.Fatalf("linkage score: %+v", score)
	}
	if score.Scale != "0 Not at all · 1 Somehow · 2 Completely" || !strings.Contains(score.Help, "linked") {
		t.Errorf("linkage score: scale %q, help %q", score.Scale, score.Help)
	}
	timeliness := lookup(f, "tasks", "data", "items", "timeliness", "score")
	if timeliness.Options[0].Label != "No regular update" || timeliness.Options[0].Value != 1 {
		t.Errorf("timeliness levels: %+v", timeliness.Options)
	}
	if item := lookup(f, "tasks", "data", "items", "linkage"); item.Label != "Linked data sources" {
		t.Errorf("linkage label %q", item.Label)
	}
	round := lookup(f, "rounds")
	if round.Item.IDPrefix != "round-" {
		t.Errorf("rounds prefix %q", round.Item.IDPrefix)
	}
	if rs := lookup(round.Item, "tasks", "skills", "items", "finance", "score"); rs == nil || rs.Type != TypeScore || rs.Options[2].Label != "Fully" {
		t.Errorf("a round's score: %+v", rs)
	}
	ap, _ := s.Form("countries/HU/action-plan.yaml")
	if sf := lookup(ap, "sustainability_factors", "governance", "score"); sf == nil || sf.Type != TypeScore {
		t.Errorf("sustainability factor score: %+v", sf)
	}
	actions := lookup(ap, "actions")
	if actions.IDPrefix != "HU-A" || actions.Item.IDPattern != "^[A-Z]{2}-A[0-9]+$" {
		t.Errorf("actions ids: %q %q", actions.IDPrefix, actions.Item.IDPattern)
	}
	for key, want := range map[string]string{"start": TypeMonth, "status": TypeEnum, "title": TypeText} {
		if got := lookup(actions.Item, key); got.Type != want {
			t.Errorf("actions[].%s: %s, want %s", key, got.Type, want)
		}
	}
	if c := lookup(actions.Item, "budget", "currency"); c.Type != TypeCurrency || c.Format != "currency" {
		t.Errorf("currency: %+v", c)
	}
	if st := lookup(actions.Item, "status"); st.Options[1].Label != "In progress" {
		t.Errorf("status options %+v", st.Options)
	}
}

// Every field of every shipped country's files has a place in its form.
func TestFormCoversShippedFiles(t *testing.T) {
	for _, code := range countries(t) {
		s := session(t, code)
		for _, p := range s.Paths() {
			f, err := s.Form(p)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := s.Document(p)
			if err != nil {
				t.Fatal(err)
			}
			covered(t, p, f, doc, nil)
		}
	}
}

func covered(t *testing.T, file string, f *Field, v any, at []any) {
	switch v := v.(type) {
	case map[string]any:
		if f.Type != TypeObject {
			t.Errorf("%s %v: a mapping where the form has a %s", file, at, f.Type)
			return
		}
		for k, sub := range v {
			sf := lookup(f, k)
			if sf == nil {
				t.Errorf("%s %v: the form has no field %s", file, at, k)
				continue
			}
			covered(t, file, sf, sub, append(at, k))
		}
	case []any:
		if f.Type != TypeList {
			t.Errorf("%s %v: a list where the form has a %s", file, at, f.Type)
			return
		}
		for i, sub := range v {
			covered(t, file, f.Item, sub, append(at, i))
		}
	default:
		if f.Type == TypeObject || f.Type == TypeList {
			t.Errorf("%s %v: a value (%v) where the form has a %s", file, at, v, f.Type)
		}
		if f.Type == TypeScore || f.Type == TypeEnum {
			ok := false
			for _, o := range f.Options {
				ok = ok || fmt.Sprint(o.Value) == fmt.Sprint(v)
			}
			if !ok {
				t.Errorf("%s %v: %v is not one of the options", file, at, v)
			}
		}
	}
}

func lookup(f *Field, keys ...string) *Field {
	for _, k := range keys {
		var next *Field
		for _, sub := range f.Fields {
			if sub.Key == k {
				next = sub
			}
		}
		if next == nil {
			return nil
		}
		f = next
	}
	return f
}

// References to other files' entries offer those the files hold now.
func TestFormReferences(t *testing.T) {
	s := session(t, "HU")
	ap, _ := s.Form("countries/HU/action-plan.yaml")
	impl := lookup(ap, "actions").Item
	impl = lookup(impl, "implements").Item
	if len(impl.Suggestions) != 5 || impl.Suggestions[0] != (Option{Value: "HU-S1", Label: "Link the professional register with hospital HR records"}) {
		t.Errorf("implements: %+v", impl.Suggestions)
	}
	if err := s.Apply("countries/HU/to-do.yaml", []byte(`[{"op":"delete","path":["steps",4]}]`)); err != nil {
		t.Fatal(err)
	}
	ap, _ = s.Form("countries/HU/action-plan.yaml")
	if n := len(lookup(lookup(ap, "actions").Item, "implements").Item.Suggestions); n != 4 {
		t.Errorf("after removing a step, %d suggestions", n)
	}
	c, _ := s.Form("countries/HU/country.yaml")
	if cl := lookup(c, "cluster"); len(cl.Suggestions) != 3 || cl.Suggestions[1].Value != "wp6" {
		t.Errorf("cluster: %+v", cl.Suggestions)
	}
	td, _ := s.Form("countries/HU/to-do.yaml")
	if st := lookup(lookup(td, "steps").Item, "stakeholders").Item; len(st.Suggestions) != 3 || st.Suggestions[0].Value != "ministry" {
		t.Errorf("stakeholders: %+v", st.Suggestions)
	}
}
