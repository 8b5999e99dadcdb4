// Package stats holds the statistics of the pattern queries on 2×2
// tables: Fisher's exact test, the odds ratio with its confidence
// interval, and the lift. It is pure; callers pass the counts they may
// publish (rounded), never the true ones, so that no statistic reveals a
// count the disclosure rules hide.
package stats

import "math"

// Table is a 2×2 table of distinct cases:
//
//	             with code   without code
//	exposed      A           B
//	reference    C           D
//
// In the pattern queries the exposed row is the stuck trajectories and
// the reference row the good ones.
type Table struct {
	A, B, C, D int
}

func (t Table) valid() bool { return t.A >= 0 && t.B >= 0 && t.C >= 0 && t.D >= 0 }

// FisherExact is the two-sided p-value of Fisher's exact test: the sum of
// the probabilities of every table with the same margins that is no more
// likely than the observed one (with R's relative tolerance of 1e-7, so
// that ties in floating point count as ties), under the hypergeometric
// distribution. It returns NaN for a table with a negative cell.
func FisherExact(t Table) float64 {
	if !t.valid() {
		return math.NaN()
	}
	r1, c1 := t.A+t.B, t.A+t.C
	n := t.A + t.B + t.C + t.D
	lo, hi := max(0, c1-(n-r1)), min(r1, c1)
	if lo == hi {
		return 1
	}
	// Probabilities relative to the mode, by the ratio of neighbours,
	// P(x+1)/P(x) = (r1−x)(c1−x) / ((x+1)(n−r1−c1+x+1)): linear in the
	// table's size, without a log-gamma per term. Far tails underflow to
	// zero, which is what they add.
	mode := int(float64(r1+1) * float64(c1+1) / float64(n+2))
	mode = min(max(mode, lo), hi)
	prob := make([]float64, hi-lo+1)
	prob[mode-lo] = 1
	for x := mode; x < hi; x++ {
		p := prob[x-lo] * float64(r1-x) * float64(c1-x) / (float64(x+1) * float64(n-r1-c1+x+1))
		if p < 1e-300 {
			break
		}
		prob[x+1-lo] = p
	}
	for x := mode; x > lo; x-- {
		// P(x−1) = P(x) · x(n−r1−c1+x) / ((r1−x+1)(c1−x+1))
		p := prob[x-lo] * float64(x) * float64(n-r1-c1+x) / (float64(r1-x+1) * float64(c1-x+1))
		if p < 1e-300 {
			break
		}
		prob[x-1-lo] = p
	}
	observed := prob[t.A-lo] * (1 + 1e-7)
	var total, tail float64
	for _, p := range prob {
		total += p
		if p <= observed {
			tail += p
		}
	}
	return min(tail/total, 1)
}

// OddsRatio is the sample odds ratio AD/BC with Woolf's (logit) confidence
// interval at the given level (0.95 for 95 %). When a cell is zero,
// Haldane and Anscombe's correction adds 0.5 to every cell first, so that
// the ratio and its interval are finite. ok is false for a table with an
// empty row or column, where the ratio says nothing.
func OddsRatio(t Table, level float64) (or, low, high float64, ok bool) {
	if !t.valid() || t.A+t.B == 0 || t.C+t.D == 0 || t.A+t.C == 0 || t.B+t.D == 0 {
		return 0, 0, 0, false
	}
	a, b, c, d := float64(t.A), float64(t.B), float64(t.C), float64(t.D)
	if t.A == 0 || t.B == 0 || t.C == 0 || t.D == 0 {
		a, b, c, d = a+0.5, b+0.5, c+0.5, d+0.5
	}
	or = a * d / (b * c)
	se := math.Sqrt(1/a + 1/b + 1/c + 1/d)
	z := normalQuantile(0.5 + level/2)
	return or, math.Exp(math.Log(or) - z*se), math.Exp(math.Log(or) + z*se), true
}

// Lift is how many times more often the code is named in the exposed row
// than in the reference row: (A/(A+B)) / (C/(C+D)). ok is false when the
// reference share is zero or a row is empty.
func Lift(t Table) (float64, bool) {
	if !t.valid() || t.A+t.B == 0 || t.C+t.D == 0 || t.C == 0 {
		return 0, false
	}
	return (float64(t.A) / float64(t.A+t.B)) / (float64(t.C) / float64(t.C+t.D)), true
}

// normalQuantile is the standard normal quantile, by bisection on the
// error function: exact to float precision and only ever called with a
// handful of levels.
func normalQuantile(p float64) float64 {
	lo, hi := -40.0, 40.0
	for range 200 {
		mid := (lo + hi) / 2
		if 0.5*math.Erfc(-mid/math.Sqrt2) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}
