package progress

// The words every output uses for the states: the site, the progress report and
// diff say "on track", "overdue" and "behind schedule" the same way.

// Label is the state in words: "on track", "off track", "not observed yet".
func (s KPIState) Label() string {
	switch s {
	case KPIOnTrack:
		return "on track"
	case KPIOffTrack:
		return "off track"
	}
	return "not observed yet"
}

// Label is the state in words: "met", "due this month", "overdue", "upcoming".
func (s MilestoneState) Label() string {
	switch s {
	case MilestoneMet:
		return "met"
	case MilestoneDue:
		return "due this month"
	case MilestoneOverdue:
		return "overdue"
	}
	return "upcoming"
}

// Label is the state in words: "done", "on schedule", "behind schedule", "cancelled".
func (s ActionState) Label() string {
	switch s {
	case ActionDone:
		return "done"
	case ActionOnTime:
		return "on schedule"
	case ActionCancelled:
		return "cancelled"
	}
	return "behind schedule"
}

// Label says why an action is behind: "status delayed", "not started though its
// start month has passed", "not done though its end month has passed".
func (r Reason) Label() string {
	switch r {
	case ReasonDelayed:
		return "status delayed"
	case ReasonNotStarted:
		return "not started though its start month has passed"
	case ReasonPastEnd:
		return "not done though its end month has passed"
	}
	return ""
}
