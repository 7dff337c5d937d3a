package plandiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/words"
)

// Sections of the programme files (programme/), one per file, in reading order.
const (
	SectionEUActionPlan   = "EU action plan"
	SectionDialogues      = "policy dialogues"
	SectionPolicyBoard    = "Policy Board"
	SectionSustainability = "sustainability plan"
	SectionTwinning       = "twinning"
	SectionKnowledge      = "knowledge repository"
)

// ProgrammeSections lists the programme sections in the order reports show them.
var ProgrammeSections = []string{SectionEUActionPlan, SectionDialogues, SectionPolicyBoard, SectionSustainability, SectionTwinning, SectionKnowledge}

// Entities of the programme files.
const (
	EntityProgrammeFile = "programme_file" // a programme file appeared or disappeared; id is its path
	EntityEUAction      = "eu_action"      // id EU-A1
	EntityDialogue      = "dialogue"       // id D1
	EntityBoardMember   = "board_member"   // id is the member's country
	EntityBoardMeeting  = "board_meeting"  // id PB1
	EntityDecision      = "decision"       // parent is the meeting id
	EntityPlanVersion   = "plan_version"   // id is the version
	EntityMeasure       = "measure"        // parent is the version
	EntityTwinning      = "twinning"       // id T1
	EntityKnowledge     = "knowledge"      // id K1
	EntityRetired       = "retired_ids"    // a file's retired_ids or status
)

// programmeSection is the section of a programme file.
func programmeSection(file string) string {
	switch file {
	case plan.EUActionPlanFile:
		return SectionEUActionPlan
	case plan.DialoguesFile:
		return SectionDialogues
	case plan.PolicyBoardFile:
		return SectionPolicyBoard
	case plan.SustainabilityFile:
		return SectionSustainability
	case plan.TwinningFile:
		return SectionTwinning
	}
	return SectionKnowledge
}

// IsProgramme reports whether a change is about a programme file.
func (ch Change) IsProgramme() bool { return slices.Contains(ProgrammeSections, ch.Section) }

// programme compares the programme files of two revisions.
func (d *differ) programme(old, new *model.Repo) []Change {
	op, np := old.Programme, new.Programme
	if op == nil {
		op = &model.Programme{}
	}
	if np == nil {
		np = &model.Programme{}
	}
	var out []Change
	for _, name := range plan.ProgrammeFiles {
		if d.oldBad.bad(name) || d.newBad.bad(name) {
			continue
		}
		of, nf := op.Files[name], np.Files[name]
		sec := programmeSection(name)
		switch {
		case of == nil && nf != nil:
			out = append(out, Change{Section: sec, Entity: EntityProgrammeFile, ID: name, Kind: Added, NewPos: &Pos{File: name, Line: 1, Column: 1}})
		case of != nil && nf == nil:
			out = append(out, Change{Section: sec, Entity: EntityProgrammeFile, ID: name, Kind: Removed, OldPos: &Pos{File: name, Line: 1, Column: 1}})
		}
		var a, b side
		if of != nil {
			a = side{file: of}
		}
		if nf != nil {
			b = side{file: nf}
		}
		switch name {
		case plan.EUActionPlanFile:
			out = append(out, d.euActionPlan(withValue(a, op.EUActionPlan), withValue(b, np.EUActionPlan))...)
		case plan.DialoguesFile:
			out = append(out, d.dialogues(withValue(a, op.Dialogues), withValue(b, np.Dialogues))...)
		case plan.PolicyBoardFile:
			out = append(out, d.policyBoard(withValue(a, op.PolicyBoard), withValue(b, np.PolicyBoard))...)
		case plan.SustainabilityFile:
			out = append(out, d.sustainabilityPlan(withValue(a, op.SustainabilityPlan), withValue(b, np.SustainabilityPlan))...)
		case plan.TwinningFile:
			out = append(out, d.twinnings(withValue(a, op.Twinning), withValue(b, np.Twinning))...)
		case plan.KnowledgeFile:
			out = append(out, d.knowledge(withValue(a, op.Knowledge), withValue(b, np.Knowledge))...)
		}
	}
	return out
}

// withValue puts a decoded file's value in its side; a file that did not decode
// has none.
func withValue[T any](s side, v *T) side {
	if v == nil {
		return side{file: s.file}
	}
	return side{v: v, file: s.file}
}

// header compares a programme file's own fields (status, retired_ids): the
// lists are compared entry by entry elsewhere.
type header struct {
	Status  plan.Status `yaml:"status"`
	Retired []string    `yaml:"retired_ids,omitempty"`
}

func (d *differ) header(sec string, a, b side, oh, nh *header) []Change {
	if a.file == nil || b.file == nil {
		return nil // the file added or removed says it
	}
	if ch, ok := d.entity(sec, EntityRetired, "", "", side{oh, a.file, ""}, side{nh, b.file, ""}, nil); ok {
		return []Change{ch}
	}
	return nil
}

func (d *differ) euActionPlan(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.EUActionPlan](a)
	b, nb := orEmpty[plan.EUActionPlan](b)
	out := d.header(SectionEUActionPlan, a, b, &header{oa.Status, oa.Retired}, &header{nb.Status, nb.Retired})
	return append(out, diffList(d, listSpec[plan.EUAction]{section: SectionEUActionPlan, entity: EntityEUAction,
		id: func(x *plan.EUAction) string { return x.ID },
		detail: func(v any) string {
			x := v.(*plan.EUAction)
			parts := []string{"task " + x.Task}
			if x.Start != "" || x.End != "" {
				parts = append(parts, fmt.Sprintf("%s to %s", x.Start, x.End))
			}
			return joinComma(append(parts, "status "+x.Status))
		},
		nested: func(d *differ, a, b side, id string) []Change {
			oa, na := a.v.(*plan.EUAction), b.v.(*plan.EUAction)
			return diffList(d, listSpec[plan.KPI]{section: SectionEUActionPlan, entity: EntityKPI, parent: id,
				id: func(x *plan.KPI) string { return x.ID },
				detail: func(v any) string {
					x := v.(*plan.KPI)
					return fmt.Sprintf("%s: %s → %s %s by %d", x.Indicator, FormatValue(x.Baseline), FormatValue(x.Target), x.Unit, x.TargetYear)
				},
				nested: func(d *differ, a, b side, _ string) []Change {
					return d.observations(SectionEUActionPlan, na.ID, na.Start, a.v.(*plan.KPI), b.v.(*plan.KPI), a, b)
				}}, oa.KPIs, na.KPIs, sub(a, "/kpis"), sub(b, "/kpis"))
		},
	}, oa.Actions, nb.Actions, sub(a, "/actions"), sub(b, "/actions"))...)
}

func (d *differ) dialogues(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.Dialogues](a)
	b, nb := orEmpty[plan.Dialogues](b)
	out := d.header(SectionDialogues, a, b, &header{oa.Status, oa.Retired}, &header{nb.Status, nb.Retired})
	return append(out, diffList(d, listSpec[plan.Dialogue]{section: SectionDialogues, entity: EntityDialogue,
		id: func(x *plan.Dialogue) string { return x.ID },
		detail: func(v any) string {
			x := v.(*plan.Dialogue)
			// A national dialogue's date is in its country's action plan, which a
			// diff of two revisions may not have loaded: the record says the country.
			parts := []string{x.Country}
			if x.Level == "eu" {
				parts = []string{"EU level"}
			}
			if x.Date != "" {
				parts = append(parts, string(x.Date))
			}
			return joinComma(parts)
		},
	}, oa.Dialogues, nb.Dialogues, sub(a, "/dialogues"), sub(b, "/dialogues"))...)
}

func (d *differ) policyBoard(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.PolicyBoard](a)
	b, nb := orEmpty[plan.PolicyBoard](b)
	out := d.header(SectionPolicyBoard, a, b, &header{oa.Status, oa.Retired}, &header{nb.Status, nb.Retired})
	out = append(out, diffList(d, listSpec[plan.BoardMember]{section: SectionPolicyBoard, entity: EntityBoardMember,
		id:     func(x *plan.BoardMember) string { return x.Country },
		detail: func(v any) string { return v.(*plan.BoardMember).Authority },
	}, oa.Members, nb.Members, sub(a, "/members"), sub(b, "/members"))...)
	return append(out, diffList(d, listSpec[plan.BoardMeeting]{section: SectionPolicyBoard, entity: EntityBoardMeeting,
		id: func(x *plan.BoardMeeting) string { return x.ID },
		detail: func(v any) string {
			x := v.(*plan.BoardMeeting)
			return joinComma([]string{string(x.Date), x.Title, words.CountNoun(len(x.Decisions), "decision")})
		},
		nested: func(d *differ, a, b side, id string) []Change {
			om, nm := a.v.(*plan.BoardMeeting), b.v.(*plan.BoardMeeting)
			return diffList(d, listSpec[plan.Decision]{section: SectionPolicyBoard, entity: EntityDecision, parent: id,
				id:     func(x *plan.Decision) string { return x.ID },
				detail: func(v any) string { return v.(*plan.Decision).Text },
			}, om.Decisions, nm.Decisions, sub(a, "/decisions"), sub(b, "/decisions"))
		},
	}, oa.Meetings, nb.Meetings, sub(a, "/meetings"), sub(b, "/meetings"))...)
}

func (d *differ) sustainabilityPlan(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.SustainabilityPlan](a)
	b, nb := orEmpty[plan.SustainabilityPlan](b)
	out := d.header(SectionSustainability, a, b, &header{Status: oa.Status}, &header{Status: nb.Status})
	return append(out, diffList(d, listSpec[plan.PlanVersion]{section: SectionSustainability, entity: EntityPlanVersion,
		id: func(x *plan.PlanVersion) string { return x.Version },
		detail: func(v any) string {
			x := v.(*plan.PlanVersion)
			return joinComma([]string{string(x.Date), words.CountNoun(len(x.Measures), "measure")})
		},
		nested: func(d *differ, a, b side, id string) []Change {
			ov, nv := a.v.(*plan.PlanVersion), b.v.(*plan.PlanVersion)
			return diffList(d, listSpec[plan.Measure]{section: SectionSustainability, entity: EntityMeasure, parent: id,
				id:     func(x *plan.Measure) string { return x.ID },
				detail: func(v any) string { return v.(*plan.Measure).Text },
			}, ov.Measures, nv.Measures, sub(a, "/measures"), sub(b, "/measures"))
		},
	}, oa.Versions, nb.Versions, sub(a, "/versions"), sub(b, "/versions"))...)
}

func (d *differ) twinnings(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.Twinnings](a)
	b, nb := orEmpty[plan.Twinnings](b)
	out := d.header(SectionTwinning, a, b, &header{oa.Status, oa.Retired}, &header{nb.Status, nb.Retired})
	return append(out, diffList(d, listSpec[plan.Twinning]{section: SectionTwinning, entity: EntityTwinning,
		id: func(x *plan.Twinning) string { return x.ID },
		detail: func(v any) string {
			x := v.(*plan.Twinning)
			return joinComma([]string{words.JoinAnd(x.Countries), string(x.Date), x.Topic})
		},
	}, oa.Twinnings, nb.Twinnings, sub(a, "/twinnings"), sub(b, "/twinnings"))...)
}

func (d *differ) knowledge(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.Knowledge](a)
	b, nb := orEmpty[plan.Knowledge](b)
	out := d.header(SectionKnowledge, a, b, &header{oa.Status, oa.Retired}, &header{nb.Status, nb.Retired})
	return append(out, diffList(d, listSpec[plan.KnowledgeItem]{section: SectionKnowledge, entity: EntityKnowledge,
		id: func(x *plan.KnowledgeItem) string { return x.ID },
		detail: func(v any) string {
			x := v.(*plan.KnowledgeItem)
			return joinComma([]string{x.Kind, string(x.Date), x.Title})
		},
	}, oa.Entries, nb.Entries, sub(a, "/entries"), sub(b, "/entries"))...)
}

// programmeLabel names a programme entity below its section.
func (ch Change) programmeLabel() string {
	switch ch.Entity {
	case EntityProgrammeFile, EntityEUAction:
		return ch.ID
	case EntityDialogue:
		return "policy dialogue " + ch.ID
	case EntityTwinning:
		return "twinning " + ch.ID
	case EntityBoardMember:
		return "member " + ch.ID
	case EntityBoardMeeting:
		return "meeting " + ch.ID
	case EntityDecision:
		return ch.Parent + " › decision " + ch.ID
	case EntityPlanVersion:
		return "version " + ch.ID
	case EntityMeasure:
		return "version " + ch.Parent + " › measure " + ch.ID
	case EntityKnowledge:
		return ch.ID
	case EntityKPI:
		return ch.Parent + " › KPI " + ch.ID
	}
	return ""
}

// programmePath is a programme change's section and label: "EU action plan ›
// EU-A2", "policy dialogue D3" (the label says it all), "Policy Board › meeting PB1".
func (ch Change) programmePath() string {
	l := ch.programmeLabel()
	switch {
	case l == "":
		return ch.Section
	case ch.Entity == EntityDialogue || ch.Entity == EntityTwinning:
		return strings.ToUpper(l[:1]) + l[1:]
	}
	return ch.Section + " › " + l
}
