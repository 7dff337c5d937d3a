package plandiff

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

func itoa(i int) string { return strconv.Itoa(i) }

func joinComma(parts []string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, ", ")
}

// Amount renders money with thousands separators: 120000 → "120,000".
func Amount(v float64) string {
	neg := v < 0
	v = math.Abs(v)
	whole := int64(v)
	frac := v - float64(whole)
	s := strconv.FormatInt(whole, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac >= 0.005 {
		out += strings.TrimPrefix(strconv.FormatFloat(frac, 'f', 2, 64), "0")
	}
	if neg {
		out = "-" + out
	}
	return out
}

// FormatValue renders a field value for people: lists joined, absent as "—".
func FormatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case string:
		return x
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = FormatValue(e)
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		// A list entry without an id: its name, then its other fields, so an edit of
		// any field shows ("Sciensano (role: research institute)").
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(x)) {
			if k != "name" {
				parts = append(parts, k+": "+FormatValue(x[k]))
			}
		}
		n, named := x["name"]
		switch {
		case !named:
			return strings.Join(parts, ", ")
		case len(parts) == 0:
			return FormatValue(n)
		}
		return FormatValue(n) + " (" + strings.Join(parts, ", ") + ")"
	}
	return fmt.Sprint(v)
}
