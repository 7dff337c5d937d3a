package report

import "github.com/hwfplan/hwfplan/internal/num"

// nums are the conventions the report writes its numbers in for people: the
// language's (num.In: "0,13", "1.234", "53 %" in German), English when the
// messages are English or missing. The tables' values, charts, money and the
// methods sentence all take them; the machine numbers of a report (anchors,
// chart coordinates) never do.
func (m *messages) nums() num.Locale {
	if m == nil {
		return num.English
	}
	return num.In(m.code)
}

// numberRule is the sentence of how numbers are written (message
// numbers_rule, num.Rule in English), its examples in the report's language.
func (m *messages) numberRule() string {
	args := m.nums().RuleArgs()
	pairs := make([]any, 0, 2*len(args))
	for _, k := range []string{"Decimals", "Gap", "GapShown", "Share", "ShareShown", "MachineDecimals", "TwoThirds", "Threshold"} {
		pairs = append(pairs, k, args[k])
	}
	return m.t("numbers_rule", pairs...)
}
