package num_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/hwfplan/hwfplan/internal/num"
)

func TestFracLowestTerms(t *testing.T) {
	for _, c := range []struct {
		n, d int64
		want string
	}{
		{2, 8, "1/4"}, {-2, 8, "-1/4"}, {2, -8, "-1/4"}, {0, 5, "0/1"}, {6, 3, "2/1"},
		{1, 0, "NaN"}, {math.MinInt64, 1, "NaN"}, {1, math.MinInt64, "NaN"},
	} {
		if got := num.Frac(c.n, c.d).String(); got != c.want {
			t.Errorf("Frac(%d, %d) = %s, want %s", c.n, c.d, got, c.want)
		}
	}
	if (num.Ratio{}).OK() || !math.IsNaN(num.Ratio{}.Float64()) {
		t.Error("the zero Ratio must not be a number")
	}
}

// TestGapsOfOrdinalScores: a gap the floats got wrong is exact as a Ratio.
// Hungary's stakeholders task has six items on a 0-2 scale: as-is 1,1,1,0,1,1
// (mean 5/12), to-be 1,1,1,2,1,2 (mean 8/12). The float means differ by
// 0.24999999999999994, below the threshold 0.25; the Ratios by exactly 1/4.
func TestGapsOfOrdinalScores(t *testing.T) {
	quarter := num.Decimal(0.25)
	if quarter != num.Frac(1, 4) {
		t.Fatalf("Decimal(0.25) = %s, want 1/4", quarter)
	}
	mean := func(scores ...int64) (num.Ratio, float64) {
		rs := make([]num.Ratio, len(scores))
		f := 0.0
		for i, s := range scores {
			rs[i] = num.Frac(s, 2)
			f += float64(s) / 2
		}
		return num.Mean(rs), f / float64(len(scores))
	}
	asIs, asIsF := mean(1, 1, 1, 0, 1, 1)
	toBe, toBeF := mean(1, 1, 1, 2, 1, 2)
	if toBeF-asIsF >= 0.25 {
		t.Fatalf("the float gap is %v; this test needs the one that misses 0.25", toBeF-asIsF)
	}
	gap := toBe.Sub(asIs)
	if gap.Cmp(quarter) != 0 || gap.Float64() != 0.25 {
		t.Errorf("gap %s (%v), want exactly 1/4", gap, gap.Float64())
	}
}

func TestArithmetic(t *testing.T) {
	a, b := num.Frac(7, 12), num.Frac(1, 3)
	for _, c := range []struct {
		got  num.Ratio
		want string
	}{
		{a.Add(b), "11/12"},
		{a.Sub(b), "1/4"},
		{b.Sub(a), "-1/4"},
		{a.Div(7), "1/12"},
		{a.Div(-2), "-7/24"},
		{a.Div(0), "NaN"},
		{b.Sub(a).Abs(), "1/4"},
		{a.Abs(), "7/12"},
		{a.Add(num.Ratio{}), "NaN"},
		{num.Mean(nil), "NaN"},
		{num.Mean([]num.Ratio{num.Frac(1, 4), num.Frac(1, 2)}), "3/8"},
		// Overflow is not a number, never a wrong one.
		{num.Frac(math.MaxInt64, 1).Add(num.Frac(1, 1)), "NaN"},
		{num.Frac(1, math.MaxInt64).Add(num.Frac(1, math.MaxInt64-1)), "NaN"},
		{num.Frac(1, math.MaxInt64).Div(2), "NaN"},
	} {
		if got := c.got.String(); got != c.want {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
}

func TestCmpIsExact(t *testing.T) {
	big1 := num.Frac(math.MaxInt64-1, math.MaxInt64)
	big2 := num.Frac(math.MaxInt64-2, math.MaxInt64-1)
	// Both are 1 − ε and round to the same float64; only the exact comparison
	// tells them apart (the products overflow 64 bits).
	if big1.Float64() != big2.Float64() {
		t.Fatalf("test needs two Ratios with the same float")
	}
	want := new(big.Rat).SetFrac64(math.MaxInt64-1, math.MaxInt64).Cmp(new(big.Rat).SetFrac64(math.MaxInt64-2, math.MaxInt64-1))
	if got := big1.Cmp(big2); got != want || want != 1 {
		t.Errorf("Cmp = %d, want %d", got, want)
	}
	for _, c := range []struct {
		a, b num.Ratio
		want int
	}{
		{num.Frac(1, 4), num.Frac(2, 8), 0},
		{num.Frac(1, 4), num.Frac(1, 3), -1},
		{num.Frac(-1, 4), num.Frac(-1, 3), 1},
		{num.Frac(-1, 4), num.Frac(1, 3), -1},
		{num.Frac(0, 1), num.Frac(-1, 3), 1},
		{num.Frac(0, 1), num.Frac(0, 7), 0},
		{num.Ratio{}, num.Frac(-5, 1), -1},
		{num.Ratio{}, num.Ratio{}, 0},
	} {
		if got := c.a.Cmp(c.b); got != c.want {
			t.Errorf("%s Cmp %s = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestFloat64IsNearest(t *testing.T) {
	for _, r := range []num.Ratio{num.Frac(1, 3), num.Frac(math.MaxInt64-1, 3), num.Frac(5, math.MaxInt64)} {
		want, _ := new(big.Rat).SetFrac64(r.Num(), r.Den()).Float64()
		if got := r.Float64(); got != want {
			t.Errorf("%s.Float64() = %v, want %v", r, got, want)
		}
	}
}

func TestDecimal(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.25, "1/4"}, {0.125, "1/8"}, {0.1, "1/10"}, {-0.3, "-3/10"}, {1, "1/1"}, {0, "0/1"},
		{1e-10 / 3, "NaN"}, // 0.0000000000333…: more digits than an int64 holds
		{math.Inf(1), "NaN"},
	} {
		if got := num.Decimal(c.v).String(); got != c.want {
			t.Errorf("Decimal(%v) = %s, want %s", c.v, got, c.want)
		}
	}
}
