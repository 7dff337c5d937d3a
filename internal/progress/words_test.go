package progress

import "testing"

// Every state has its own words; a new state without words would read as another.
func TestLabels(t *testing.T) {
	seen := map[string]string{}
	for _, c := range []struct{ state, label string }{
		{string(KPIOnTrack), KPIOnTrack.Label()}, {string(KPIOffTrack), KPIOffTrack.Label()}, {string(KPINoData), KPINoData.Label()},
		{string(MilestoneMet), MilestoneMet.Label()}, {string(MilestoneDue), MilestoneDue.Label()},
		{string(MilestoneOverdue), MilestoneOverdue.Label()}, {string(MilestoneUpcoming), MilestoneUpcoming.Label()},
		{string(ActionDone), ActionDone.Label()}, {string(ActionOnTime), ActionOnTime.Label()},
		{string(ActionBehind), ActionBehind.Label()}, {string(ActionCancelled), ActionCancelled.Label()},
	} {
		if prev, ok := seen[c.label]; ok && prev != c.state {
			t.Errorf("%s and %s are both worded %q", prev, c.state, c.label)
		}
		seen[c.label] = c.state
	}
	if KPIOnTrack.Label() != "on track" || MilestoneOverdue.Label() != "overdue" || ActionBehind.Label() != "behind schedule" {
		t.Errorf("labels changed: %q %q %q", KPIOnTrack.Label(), MilestoneOverdue.Label(), ActionBehind.Label())
	}
	if ReasonNotStarted.Label() == "" || ReasonPastEnd.Label() == "" || ReasonDelayed.Label() == "" {
		t.Error("a reason without words")
	}
}
