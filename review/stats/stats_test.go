package stats

import (
	"math"
	"testing"
)

func near(got, want, rel float64) bool {
	if want == 0 {
		return math.Abs(got) < rel
	}
	return math.Abs(got-want)/math.Abs(want) < rel
}

// The expected p-values: R's fisher.test documentation (TeaTasting
// 0.4857, Convictions 0.0005367), the example of Fisher's exact test on
// Wikipedia (0.002759), the rest from the hypergeometric sum written out
// in Python with math.comb and R's tolerance rule (exact rationals).
func TestFisherExact(t *testing.T) {
	tests := []struct {
		name string
		t    Table
		want float64
	}{
		{"R TeaTasting", Table{3, 1, 1, 3}, 0.4857142857},
		{"R Convictions", Table{2, 15, 10, 3}, 0.0005367241191},
		{"Wikipedia", Table{1, 9, 11, 3}, 0.002759456185},
		{"a zero cell", Table{10, 0, 3, 7}, 0.003095975232},
		{"an empty row", Table{0, 0, 5, 5}, 1},
		{"larger", Table{50, 20, 30, 60}, 2.915994188e-06},
		{"symmetric", Table{5, 5, 5, 5}, 1},
	}
	for _, tt := range tests {
		if got := FisherExact(tt.t); !near(got, tt.want, 1e-8) {
			t.Errorf("%s: FisherExact(%v) = %.10g, want %.10g", tt.name, tt.t, got, tt.want)
		}
	}
	if got := FisherExact(Table{-1, 2, 3, 4}); !math.IsNaN(got) {
		t.Errorf("negative cell: %v, want NaN", got)
	}
}

// TestFisherExactLarge checks a table of the benchmark's size against the
// same sum done with log-gamma terms: the recurrence must not drift.
func TestFisherExactLarge(t *testing.T) {
	tb := Table{900, 15000, 700, 16000}
	r1, c1, n := tb.A+tb.B, tb.A+tb.C, tb.A+tb.B+tb.C+tb.D
	lp := func(x int) float64 {
		lg := func(v int) float64 { r, _ := math.Lgamma(float64(v + 1)); return r }
		return lg(r1) - lg(x) - lg(r1-x) + lg(n-r1) - lg(c1-x) - lg(n-r1-c1+x) - lg(n) + lg(c1) + lg(n-c1)
	}
	obs := lp(tb.A)
	want := 0.0
	for x := max(0, c1-(n-r1)); x <= min(r1, c1); x++ {
		if l := lp(x); l <= obs+math.Log1p(1e-7) {
			want += math.Exp(l)
		}
	}
	if got := FisherExact(tb); !near(got, want, 1e-6) {
		t.Errorf("FisherExact(%v) = %.10g, want %.10g", tb, got, want)
	}
}

// The expected intervals are Woolf's formula worked out by hand (with
// Python as the calculator): exp(ln OR ± 1.959964 · √(1/a+1/b+1/c+1/d)),
// with 0.5 added to every cell when one is zero.
func TestOddsRatio(t *testing.T) {
	tests := []struct {
		t             Table
		or, low, high float64
		ok            bool
	}{
		{Table{3, 1, 1, 3}, 9, 0.3666369319, 220.9270069, true},
		{Table{2, 15, 10, 3}, 0.04, 0.005634539764, 0.2839628554, true},
		{Table{10, 0, 3, 7}, 45, 2.011429627, 1006.746631, true},
		{Table{1, 9, 11, 3}, 0.0303030303, 0.002671575637, 0.3437198755, true},
		{Table{0, 0, 3, 7}, 0, 0, 0, false},
		{Table{0, 5, 0, 7}, 0, 0, 0, false},
	}
	for _, tt := range tests {
		or, low, high, ok := OddsRatio(tt.t, 0.95)
		if ok != tt.ok || (ok && (!near(or, tt.or, 1e-8) || !near(low, tt.low, 1e-8) || !near(high, tt.high, 1e-8))) {
			t.Errorf("OddsRatio(%v) = %g [%g, %g] %v, want %g [%g, %g] %v", tt.t, or, low, high, ok, tt.or, tt.low, tt.high, tt.ok)
		}
	}
}

func TestLift(t *testing.T) {
	tests := []struct {
		t    Table
		want float64
		ok   bool
	}{
		{Table{30, 70, 10, 90}, 3, true},
		{Table{10, 90, 10, 90}, 1, true},
		{Table{5, 15, 10, 10}, 0.5, true},
		{Table{5, 15, 0, 10}, 0, false},
		{Table{0, 0, 1, 1}, 0, false},
	}
	for _, tt := range tests {
		got, ok := Lift(tt.t)
		if ok != tt.ok || (ok && !near(got, tt.want, 1e-12)) {
			t.Errorf("Lift(%v) = %g %v, want %g %v", tt.t, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNormalQuantile(t *testing.T) {
	for p, want := range map[float64]float64{0.975: 1.959963984540054, 0.5: 0, 0.995: 2.5758293035489} {
		if got := normalQuantile(p); math.Abs(got-want) > 1e-9 {
			t.Errorf("normalQuantile(%g) = %.15g, want %.15g", p, got, want)
		}
	}
}
