package num_test

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/num"
)

func TestFixedRoundsHalfAwayFromZeroOnTheDecimalValue(t *testing.T) {
	for _, c := range []struct {
		v        float64
		decimals int
		want     string
	}{
		{0.125, 2, "0.13"}, // exact in binary; strconv's 'f', 2 would say 0.12
		{-0.125, 2, "-0.13"},
		{0.375, 2, "0.38"},
		{0.145, 2, "0.15"}, // binary 0.14499999999999999
		{1.005, 2, "1.01"}, // binary 1.00499999999999989
		{2.675, 2, "2.68"},
		{0.124, 2, "0.12"},
		{0.25, 2, "0.25"},
		{1, 2, "1.00"},
		{0.995, 2, "1.00"},
		{9.995, 2, "10.00"},
		{-0.004, 2, "0.00"}, // no negative zero
		{math.Copysign(0, -1), 2, "0.00"},
		{0.33333333333333337, 4, "0.3333"},
		{2.0 / 3, 4, "0.6667"},
		{0.00005, 4, "0.0001"},
		{0.5, 0, "1"},
		{-0.5, 0, "-1"},
		{1.5, 0, "2"},
		{2.5, 0, "3"},
		{349999.5, 0, "350000"},
		{1e21, 0, "1000000000000000000000"},
		{0.1, 0, "0"},
		{0.1, 3, "0.100"},
		{math.NaN(), 2, ""},
		{math.Inf(1), 2, ""},
	} {
		if got := num.Fixed(c.v, c.decimals); got != c.want {
			t.Errorf("Fixed(%v, %d) = %q, want %q", c.v, c.decimals, got, c.want)
		}
	}
}

// TestRoundingIsExact: for every fraction n/d a score can be (denominators up to
// 240, numerators from -d to 2d), rounding the nearest float64 gives what rounding
// the exact fraction half away from zero gives (math/big's FloatString, the
// oracle), at every precision used.
func TestRoundingIsExact(t *testing.T) {
	for d := int64(1); d <= 240; d++ {
		for n := -d; n <= 2*d; n++ {
			r := num.Frac(n, d)
			f := r.Float64()
			exact := big.NewRat(n, d)
			for dec := range num.MachineDecimals + 1 {
				want := exact.FloatString(dec)
				if strings.Trim(want, "-0.") == "" {
					want = strings.TrimPrefix(want, "-")
				}
				if got := num.Fixed(f, dec); got != want {
					t.Fatalf("Fixed(%d/%d, %d) = %q, want %q", n, d, dec, got, want)
				}
			}
			want := new(big.Rat).Mul(exact, big.NewRat(100, 1)).FloatString(0)
			if want == "-0" {
				want = "0"
			}
			want = strings.Replace(want, "-", "\u2212", 1) + "\u00a0%"
			if got := num.Percent(f); got != want {
				t.Fatalf("Percent(%d/%d) = %q, want %q", n, d, got, want)
			}
		}
	}
}

func TestPeopleText(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{num.Score(0.125), "0.13"},
		{num.Score(-0.125), "\u22120.13"},
		{num.Score(-0.001), "0.00"},
		{num.People(0.5, 1), "0.5"},
		{num.Signed(0.125), "+0.13"},
		{num.Signed(-0.1), "\u22120.10"},
		{num.Signed(0.004), "0.00"},
		{num.Signed(-0.004), "0.00"},
		{num.Signed(math.NaN()), ""},
		{num.Percent(0.525), "53\u00a0%"},
		{num.Percent(0.285), "29\u00a0%"}, // 0.285*100 is 28.499999999999996 in floats
		{num.Percent(1), "100\u00a0%"},
		{num.Percent(0), "0\u00a0%"},
		{num.Percent(-0.004), "0\u00a0%"},
		{num.Percent(math.NaN()), ""},
		{num.Money(350000), "350,000"},
		{num.Money(1234567.5), "1,234,568"},
		{num.Money(999.5), "1,000"},
		{num.Money(-1200), "\u22121,200"},
		{num.Money(0), "0"},
		{num.Money(12), "12"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestMachine(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.33333333333333337, "0.3333"},
		{0.125, "0.125"},
		{0.12345, "0.1235"},
		{0.25, "0.25"},
		{1, "1"},
		{0, "0"},
		{-0.00004, "0"},
		{-0.125, "-0.125"},
		{0.58333333333333326, "0.5833"},
		{100, "100"},
	} {
		if got := num.MachineText(c.v); got != c.want {
			t.Errorf("MachineText(%v) = %q, want %q", c.v, got, c.want)
		}
		// Machine gives the float whose shortest decimal is that text, so JSON
		// and CSV writers print it without noise.
		if got := strconv.FormatFloat(num.Machine(c.v), 'f', -1, 64); got != c.want {
			t.Errorf("Machine(%v) prints as %q, want %q", c.v, got, c.want)
		}
	}
	if !math.IsNaN(num.Machine(math.NaN())) || num.MachineText(math.Inf(-1)) != "" {
		t.Error("a number that is not finite must stay so (Machine) or be empty (MachineText)")
	}
}

func TestPlain(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.25, "0.25"}, {350000, "350000"}, {0.00012, "0.00012"}, {1e21, "1000000000000000000000"},
		{math.Copysign(0, -1), "0"}, {-2.5, "-2.5"}, {math.NaN(), ""},
	} {
		if got := num.Plain(c.v); got != c.want {
			t.Errorf("Plain(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestRuleShowsItsExamples(t *testing.T) {
	r := num.Rule()
	for _, want := range []string{"2 decimals", "0.125 shows as 0.13", "0.525 as 53\u00a0%", "up to 4 decimals", "(0.6667 for two thirds)"} {
		if !strings.Contains(r, want) {
			t.Errorf("Rule() lacks %q:\n%s", want, r)
		}
	}
}
