package plandiff

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/num"
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

// Amount renders money with thousands separators and, when it has any, cents
// rounded as package num rounds (half away from zero on the decimal value):
// 120000 → "120,000", 1234.5 → "1,234.50". A diff shows what was written, so it
// keeps the cents the reports' whole units leave out.
func Amount(v float64) string {
	s := num.Fixed(v, 2)
	neg := strings.HasPrefix(s, "-")
	whole, cents, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if cents != "00" && cents != "" {
		b.WriteString("." + cents)
	}
	return b.String()
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
		if p := num.Plain(x); p != "" {
			return p
		}
		return strconv.FormatFloat(x, 'f', -1, 64) // NaN, ±Inf: a YAML file can hold them
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
