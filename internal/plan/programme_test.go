package plan

import (
	"reflect"
	"testing"
)

// TestEUActionAction keeps EUAction.Action complete: every field of Action but
// Region has a field of the same name and type in EUAction, and Action copies it.
// A field added to Action is either added to EUAction (and copied) or named here.
func TestEUActionAction(t *testing.T) {
	notInEU := map[string]bool{"Region": true}
	after := 100.0
	eu := EUAction{
		ID: "EU-A1", Title: "t", Task: "data", Level: "eu", Implements: []string{"HU-S1"},
		Items: []string{"data.linkage"}, Countries: []string{"HU"}, Responsible: "r",
		Partners: []string{"p"}, Start: "2025-01", End: "2026-06",
		Budget: &Budget{Amount: 1, Currency: "EUR", Source: "eu", AfterProgramme: &after},
		KPIs:   []KPI{{ID: "k1"}}, Status: "planned",
		Sustainability: &Sustainability{Continues: true, Anchoring: "none"},
	}
	ev := reflect.ValueOf(eu)
	for i := range ev.NumField() {
		if ev.Field(i).IsZero() {
			t.Fatalf("the test leaves EUAction.%s empty; fill it", ev.Type().Field(i).Name)
		}
	}
	got := reflect.ValueOf(eu.Action())
	at := got.Type()
	for i := range at.NumField() {
		name := at.Field(i).Name
		if notInEU[name] {
			continue
		}
		src, ok := ev.Type().FieldByName(name)
		if !ok || src.Type != at.Field(i).Type {
			t.Errorf("Action.%s has no field of the same name and type in EUAction", name)
			continue
		}
		if !reflect.DeepEqual(got.Field(i).Interface(), ev.FieldByName(name).Interface()) {
			t.Errorf("EUAction.Action does not copy %s", name)
		}
	}
}
