package runchart

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{7}, 7},
	} {
		if got := Median(tc.in); got != tc.want {
			t.Errorf("Median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// marked lists the indexes of the points a rule marked.
func marked(c Chart, rule func(Point) bool) []int {
	out := []int{}
	for i, p := range c.Points {
		if rule(p) {
			out = append(out, i)
		}
	}
	return out
}

func isShift(p Point) bool { return p.Shift }
func isTrend(p Point) bool { return p.Trend }

func TestAnalyse(t *testing.T) {
	for _, tc := range []struct {
		name     string
		values   []float64
		median   float64
		useful   int
		tooFew   bool
		shift    []int
		trend    []int
		sidesOff []int // the points on the median
	}{
		{
			// Six 5s and six 1s: median 3, a shift on each side.
			name: "two shifts", values: []float64{5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1},
			median: 3, useful: 12, shift: []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, trend: []int{}, sidesOff: []int{},
		},
		{
			// Sorted: 1 2 2 3 4 5 5 6 6 6 7 7 7, median 5. Above: 0 1 2, then
			// 3 is on the median (skipped, no break), then 4 5 6: a shift
			// of six. Below: 7 to 11, five points: no shift. No run of five
			// rises or falls.
			name: "a point on the median neither breaks nor counts", values: []float64{6, 7, 6, 5, 7, 6, 7, 1, 2, 3, 4, 2, 5},
			median: 5, useful: 11, shift: []int{0, 1, 2, 4, 5, 6}, trend: []int{}, sidesOff: []int{3, 12},
		},
		{
			// 1 2 (2) 3 4 5: five rises, the repeated 2 skipped, then a fall.
			// Median of 1 2 2 3 4 5 3 is 3.
			name: "equal neighbours neither break nor count", values: []float64{1, 2, 2, 3, 4, 5, 3},
			median: 3, useful: 5, tooFew: true, shift: []int{}, trend: []int{0, 1, 3, 4, 5}, sidesOff: []int{3, 6},
		},
		{
			name: "four falls are no trend", values: []float64{5, 4, 3, 2, 6},
			median: 4, useful: 4, tooFew: true, shift: []int{}, trend: []int{}, sidesOff: []int{1},
		},
		{
			// Up five, down five, sharing the top point.
			name: "two trends share their turning point", values: []float64{1, 2, 3, 4, 5, 4, 3, 2, 1},
			median: 3, useful: 7, tooFew: true, shift: []int{}, trend: []int{0, 1, 2, 3, 4, 5, 6, 7, 8}, sidesOff: []int{2, 6},
		},
		{
			name: "empty", values: nil, median: 0, useful: 0, tooFew: true, shift: []int{}, trend: []int{}, sidesOff: []int{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			labels := make([]string, len(tc.values))
			for i := range labels {
				labels[i] = fmt.Sprint(i)
			}
			c := Analyse(labels, tc.values)
			if c.Median != tc.median || c.Useful != tc.useful || c.TooFew != tc.tooFew {
				t.Errorf("median %v useful %d too few %v, want %v %d %v", c.Median, c.Useful, c.TooFew, tc.median, tc.useful, tc.tooFew)
			}
			if got := marked(c, isShift); !slices.Equal(got, tc.shift) {
				t.Errorf("shift at %v, want %v", got, tc.shift)
			}
			if got := marked(c, isTrend); !slices.Equal(got, tc.trend) {
				t.Errorf("trend at %v, want %v", got, tc.trend)
			}
			if got := marked(c, func(p Point) bool { return p.Side == 0 }); !slices.Equal(got, tc.sidesOff) {
				t.Errorf("on the median: %v, want %v", got, tc.sidesOff)
			}
		})
	}
}

func TestPeriods(t *testing.T) {
	if p := PeriodOf(time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)); p != 20264 || p.String() != "2026 Q4" {
		t.Errorf("period %d %s", p, p)
	}
	if p := PeriodOf(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)); p != 20262 {
		t.Errorf("period %d", p)
	}
	if Period(20244).Next() != 20251 || Period(20243).Next() != 20244 {
		t.Error("next quarter")
	}
}

// quarters fills n quarters from first with the same counts.
func quarters(cases, with map[Period]int, first Period, n, total, withLesson int) Period {
	p := first
	for range n {
		cases[p], with[p] = total, withLesson
		p = p.Next()
	}
	return p
}

func TestEffect(t *testing.T) {
	t.Run("the lesson recurs less after the start", func(t *testing.T) {
		cases, with := map[Period]int{}, map[Period]int{}
		// Six quarters before 2024 Q3 at 5 in 10, the start quarter at 3
		// in 10, six quarters after at 1 in 10.
		start := quarters(cases, with, 20231, 6, 10, 5)
		cases[start], with[start] = 10, 3
		quarters(cases, with, start.Next(), 6, 10, 1)
		e := EffectOf(EffectInput{Cases: cases, WithLesson: with, Started: 20243})
		// Rates: six 0.5, 0.3, six 0.1: the median is 0.3 (the start
		// quarter, on it); six above, then six below: two shifts.
		if e.Chart.Median != 0.3 || e.Chart.Useful != 12 || e.Chart.TooFew {
			t.Errorf("chart median %v useful %d", e.Chart.Median, e.Chart.Useful)
		}
		if got := marked(e.Chart, isShift); !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12}) {
			t.Errorf("shift at %v", got)
		}
		if e.Before.Cases != 60 || e.Before.WithLesson != 30 || *e.Before.Rate != 0.5 ||
			e.After.Cases != 60 || e.After.WithLesson != 6 || *e.After.Rate != 0.1 {
			t.Errorf("before %+v after %+v", e.Before, e.After)
		}
		if len(e.Quarters) != 13 || e.Quarters[0].Period != 20231 || e.Quarters[6].When != "during" || e.Quarters[12].Period != 20261 {
			t.Errorf("quarters %+v", e.Quarters)
		}
		if e.Verdict != VerdictLowerAfter {
			t.Errorf("verdict %s", e.Verdict)
		}
	})
	t.Run("too few cases to conclude", func(t *testing.T) {
		cases := map[Period]int{20241: 2, 20242: 1, 20251: 3}
		with := map[Period]int{20241: 1, 20251: 1}
		e := EffectOf(EffectInput{Cases: cases, WithLesson: with, Started: 20243})
		// 2024 Q1 to 2025 Q1: five quarters, two without cases (no point).
		if len(e.Quarters) != 5 || e.Quarters[2].Rate != nil || e.Quarters[3].Rate != nil || len(e.Chart.Points) != 3 {
			t.Errorf("quarters %+v points %d", e.Quarters, len(e.Chart.Points))
		}
		if e.Before.Cases != 3 || e.After.Cases != 3 || e.Verdict != VerdictTooFew || !e.Chart.TooFew {
			t.Errorf("before %+v after %+v verdict %s", e.Before, e.After, e.Verdict)
		}
	})
	t.Run("no signal", func(t *testing.T) {
		cases, with := map[Period]int{}, map[Period]int{}
		// Alternating 2 and 4 in 10 over fourteen quarters: no runs.
		p := Period(20221)
		for i := range 14 {
			cases[p], with[p] = 10, 2+2*(i%2)
			p = p.Next()
		}
		e := EffectOf(EffectInput{Cases: cases, WithLesson: with, Started: 20241})
		if e.Verdict != VerdictNoSignal || e.Chart.TooFew {
			t.Errorf("verdict %s, chart %+v", e.Verdict, e.Chart)
		}
	})
	t.Run("no cases at all", func(t *testing.T) {
		e := EffectOf(EffectInput{Started: 20264})
		if len(e.Quarters) != 1 || e.Before.Rate != nil || e.After.Rate != nil || e.Verdict != VerdictTooFew {
			t.Errorf("effect %+v", e)
		}
	})
}

func TestMeasurements(t *testing.T) {
	c := Measurements([]Dated{{"2026-01-01", 40}, {"2026-02-01", 38}, {"2026-03-01", 35}, {"2026-04-01", 30}, {"2026-05-01", 22}})
	// Five falls in a row: a trend; the median is 35; four points off it.
	if c.Median != 35 || c.Useful != 4 || !c.TooFew || len(marked(c, isTrend)) != 5 || c.Points[0].Label != "2026-01-01" {
		t.Errorf("chart %+v", c)
	}
}
