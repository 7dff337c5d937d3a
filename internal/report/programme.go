package report

import (
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// The programme level of the sustainability report: what programme/ holds
// besides the Policy Board (board.go).

// EUActionPlan returns programme/eu-action-plan.yaml, or nil when there is none.
func (d *Data) EUActionPlan() *plan.EUActionPlan {
	if d.programme == nil || d.programme.EUActionPlan == nil || len(d.programme.EUActionPlan.Actions) == 0 {
		return nil
	}
	return d.programme.EUActionPlan
}

// EUActions sums up the EU action plan as the national plans are summed up
// (compare.EUActions).
func (d *Data) EUActions() compare.EUActionSummary {
	return compare.EUActions(d.Framework, d.EUActionPlan())
}

// SustainabilityPlan returns programme/sustainability-plan.yaml, or nil.
func (d *Data) SustainabilityPlan() *plan.SustainabilityPlan {
	if d.programme == nil || d.programme.SustainabilityPlan == nil || len(d.programme.SustainabilityPlan.Versions) == 0 {
		return nil
	}
	return d.programme.SustainabilityPlan
}

// PlanVersions lists the sustainability plan's versions, oldest first, each with
// what it changed against the one before (compare.PlanVersions).
func (d *Data) PlanVersions() []compare.VersionChange {
	return compare.PlanVersions(d.SustainabilityPlan())
}

// LatestPlan returns the newest version of the sustainability plan (the last
// listed), or nil.
func (d *Data) LatestPlan() *plan.PlanVersion {
	sp := d.SustainabilityPlan()
	if sp == nil {
		return nil
	}
	return &sp.Versions[len(sp.Versions)-1]
}

// MeasureSince returns the version of the sustainability plan that added a
// measure (by id) most recently, or "".
func (d *Data) MeasureSince(id string) string {
	since := ""
	for _, v := range d.PlanVersions() {
		for _, m := range v.Added {
			if m.ID == id {
				since = v.Version
			}
		}
	}
	return since
}

// EUDialogues returns the EU-level policy dialogues of
// programme/policy-dialogues.yaml in the file's order: the EU action plan's
// origin.
func (d *Data) EUDialogues() []plan.Dialogue {
	if d.programme == nil || d.programme.Dialogues == nil {
		return nil
	}
	var out []plan.Dialogue
	for _, dl := range d.programme.Dialogues.Dialogues {
		if dl.Level == "eu" {
			out = append(out, dl)
		}
	}
	return out
}

// DialoguesStatus is the data status of programme/policy-dialogues.yaml, or "".
func (d *Data) DialoguesStatus() plan.Status {
	if d.programme == nil || d.programme.Dialogues == nil {
		return ""
	}
	return d.programme.Dialogues.Status
}
