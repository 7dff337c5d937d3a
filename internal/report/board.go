package report

import "github.com/hwfplan/hwfplan/internal/plan"

// BoardView is the Policy Board as the sustainability report shows it, from
// programme/policy-board.yaml: members in name order and what is known of them.
type BoardView struct {
	Status   plan.Status
	Members  []plan.BoardMember // in the order of their countries' names
	Meetings []plan.BoardMeeting
	// Sourced counts the members with a published source (public facts);
	// Placeholders those whose authority is not known yet.
	Sourced, Placeholders int
}

// Board returns the Policy Board recorded in the plans repository, or nil when
// there is none (the chapter then says that no data is recorded).
func (d *Data) Board() *BoardView {
	if d.programme == nil || d.programme.PolicyBoard == nil || len(d.programme.PolicyBoard.Members) == 0 {
		return nil
	}
	pb := d.programme.PolicyBoard
	b := &BoardView{Status: pb.Status, Meetings: pb.Meetings}
	codes := make([]string, len(pb.Members))
	for i, m := range pb.Members {
		codes[i] = m.Country
	}
	byCode := map[string][]plan.BoardMember{}
	for _, m := range pb.Members {
		byCode[m.Country] = append(byCode[m.Country], m)
	}
	seen := map[string]bool{}
	for _, code := range codesByName(d, codes) {
		if seen[code] {
			continue
		}
		seen[code] = true
		b.Members = append(b.Members, byCode[code]...)
	}
	for _, m := range b.Members {
		if m.Placeholder {
			b.Placeholders++
		} else if m.Source != "" {
			b.Sourced++
		}
	}
	return b
}
