package plan

import "strings"

// PercentUnit reports whether a KPI unit is a percentage ("%", "percent",
// "per cent", "% of doctors"): its values run from 0 to 100 and are written
// with a % sign.
func PercentUnit(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	return u == "%" || u == "percent" || u == "per cent" || strings.HasPrefix(u, "% ")
}

// RateUnit reports whether a KPI unit is a rate per some population ("per 10
// 000", "per 1,000 population"): its values are not negative.
func RateUnit(unit string) bool {
	return !PercentUnit(unit) && strings.HasPrefix(strings.ToLower(strings.TrimSpace(unit)), "per ")
}
