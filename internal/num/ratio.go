package num

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Ratio is an exact rational number n/d, kept in lowest terms with d > 0. A
// normalised ordinal score, (score − min) / (max − min), is one; so are means,
// medians and differences of them. The zero value is not a number (OK is false),
// and so is the result of arithmetic that would overflow int64: callers then fall
// back to floats. Ratio is a value (no allocation), unlike math/big's Rat, so the
// scores of hundreds of countries cost nothing extra to keep exact.
type Ratio struct{ n, d int64 }

// Frac returns n/d in lowest terms; not OK when d is 0 or either is math.MinInt64.
func Frac(n, d int64) Ratio {
	if d == 0 || n == math.MinInt64 || d == math.MinInt64 {
		return Ratio{}
	}
	if d < 0 {
		n, d = -n, -d
	}
	g := gcd(abs(n), uint64(d))
	return Ratio{n / int64(g), d / int64(g)}
}

// OK reports whether r is a number.
func (r Ratio) OK() bool { return r.d > 0 }

// Num and Den are r's numerator and (positive) denominator in lowest terms.
func (r Ratio) Num() int64 { return r.n }

// Den is r's denominator; 0 when r is not OK.
func (r Ratio) Den() int64 { return r.d }

// String writes r as "n/d" ("3/8", "-1/4", "2/1"), or "NaN" when it is not OK.
func (r Ratio) String() string {
	if !r.OK() {
		return "NaN"
	}
	return strconv.FormatInt(r.n, 10) + "/" + strconv.FormatInt(r.d, 10)
}

// Float64 is the float64 nearest to r (NaN when r is not OK).
func (r Ratio) Float64() float64 {
	if !r.OK() {
		return math.NaN()
	}
	const exact = 1 << 53 // integers up to 2^53 are exact in a float64
	if abs(r.n) <= exact && r.d <= exact {
		return float64(r.n) / float64(r.d) // one correctly rounded division
	}
	f, _ := new(big.Rat).SetFrac64(r.n, r.d).Float64()
	return f
}

// Add returns r + s; not OK when either is not, or on overflow.
func (r Ratio) Add(s Ratio) Ratio {
	if !r.OK() || !s.OK() {
		return Ratio{}
	}
	g := int64(gcd(uint64(r.d), uint64(s.d)))
	a, ok1 := mul(r.n, s.d/g)
	b, ok2 := mul(s.n, r.d/g)
	n, ok3 := add(a, b)
	d, ok4 := mul(r.d/g, s.d)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return Ratio{}
	}
	return Frac(n, d)
}

// Sub returns r − s; not OK when either is not, or on overflow.
func (r Ratio) Sub(s Ratio) Ratio {
	if !s.OK() {
		return Ratio{}
	}
	return r.Add(Ratio{-s.n, s.d})
}

// Div returns r / k for a whole number k; not OK when k is 0 or on overflow.
func (r Ratio) Div(k int64) Ratio {
	if !r.OK() || k == 0 || k == math.MinInt64 {
		return Ratio{}
	}
	if k < 0 {
		r, k = Ratio{-r.n, r.d}, -k
	}
	g := int64(gcd(abs(r.n), uint64(k)))
	d, ok := mul(r.d, k/g)
	if !ok {
		return Ratio{}
	}
	return Frac(r.n/g, d)
}

// Abs returns |r|.
func (r Ratio) Abs() Ratio {
	if r.n < 0 {
		return Ratio{-r.n, r.d}
	}
	return r
}

// Sign is -1, 0 or +1.
func (r Ratio) Sign() int { return cmp.Compare(r.n, 0) }

// Cmp compares r and s exactly (by cross-multiplication in 128 bits, which cannot
// overflow): -1 when r < s, 0 when equal, +1 when r > s. A Ratio that is not OK
// sorts before every number, and equal to another that is not.
func (r Ratio) Cmp(s Ratio) int {
	if !r.OK() || !s.OK() {
		return cmp.Compare(b2i(r.OK()), b2i(s.OK()))
	}
	if c := cmp.Compare(r.Sign(), s.Sign()); c != 0 || r.n == 0 {
		return c
	}
	// Same sign: compare |r.n|·s.d with |s.n|·r.d.
	ah, al := bits.Mul64(abs(r.n), uint64(s.d))
	bh, bl := bits.Mul64(abs(s.n), uint64(r.d))
	c := cmp.Or(cmp.Compare(ah, bh), cmp.Compare(al, bl))
	if r.n < 0 {
		return -c
	}
	return c
}

// Mean returns the mean of rs; not OK when rs is empty, any is not OK, or on
// overflow.
func Mean(rs []Ratio) Ratio {
	if len(rs) == 0 {
		return Ratio{}
	}
	sum := Frac(0, 1)
	for _, r := range rs {
		sum = sum.Add(r)
	}
	return sum.Div(int64(len(rs)))
}

// Decimal returns the exact value of the decimal Plain writes for v (what a plan
// or the framework wrote, e.g. 0.25 is 1/4), or a Ratio that is not OK when v is
// not finite or the decimal has more than 18 digits.
func Decimal(v float64) Ratio {
	s := Plain(v)
	if s == "" {
		return Ratio{}
	}
	ip, fp, _ := strings.Cut(s, ".")
	if len(strings.TrimLeft(ip, "-0"))+len(fp) > 18 {
		return Ratio{}
	}
	n, err := strconv.ParseInt(ip+fp, 10, 64)
	if err != nil {
		return Ratio{}
	}
	d := int64(1)
	for range fp {
		d *= 10
	}
	return Frac(n, d)
}

func abs(n int64) uint64 {
	if n < 0 {
		return uint64(-n)
	}
	return uint64(n)
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}

// mul returns a·b and whether it fits in an int64 other than math.MinInt64.
func mul(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(abs(a), abs(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// add returns a+b and whether it fits in an int64 other than math.MinInt64.
func add(a, b int64) (int64, bool) {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) || s == math.MinInt64 {
		return 0, false
	}
	return s, true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
