package plandiff

import (
	"io"
)

// textWriter prints one line per change, prefixed with the country:
//
//	HU › as-is › data.linkage: score 1 → 2
type textWriter struct{}

func (textWriter) Write(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	ew.printf("Plan changes %s → %s\n", revLabel(r.Old), revLabel(r.New))
	for _, u := range r.Unreadable {
		ew.printf("unreadable at %s: %s\n", revLabel(u.Revision), u)
	}
	for _, p := range r.Problems {
		ew.printf("warning: %s\n", p)
	}
	if r.Empty() {
		ew.printf("%s\n", noChanges(r))
		return ew.err
	}
	for _, cd := range r.Countries {
		switch cd.Kind {
		case Added, Removed:
			ew.printf("%s %s (%s)\n", cd.Code, cd.Kind, cd.Detail)
			continue
		case Renamed:
			ew.printf("%s renamed from %s\n", cd.Code, cd.OldCode)
		}
		for _, ch := range cd.Changes {
			ew.printf("%s › %s\n", cd.Code, ch.Describe())
			writeWordDiffs(ew, ch, "    ")
		}
	}
	for _, ch := range r.Changes {
		ew.printf("%s\n", ch.Describe())
	}
	return ew.err
}

func writeWordDiffs(ew *errWriter, ch Change, indent string) {
	for _, f := range ch.Fields {
		if f.Words != nil && f.Words.Diff != "" {
			ew.printf("%s%s: %s\n", indent, f.Field, f.Words.Diff)
		}
	}
}
