package runchart

import (
	"fmt"
	"time"
)

// Period is a quarter as cases store it: year*10 + quarter (20243 is
// 2024 Q3).
type Period int

// PeriodOf is the quarter a date falls in.
func PeriodOf(t time.Time) Period {
	return Period(t.Year()*10 + (int(t.Month())-1)/3 + 1)
}

// Next is the quarter after p.
func (p Period) Next() Period {
	if p%10 >= 4 {
		return Period((int(p)/10+1)*10 + 1)
	}
	return p + 1
}

// String names the quarter: "2024 Q3".
func (p Period) String() string { return fmt.Sprintf("%d Q%d", int(p)/10, int(p)%10) }

// MinCasesPerSide is how many cases each side of the action's start
// needs before the rates before and after say anything (the small-cell
// rule of the aggregates, k = 5).
const MinCasesPerSide = 5

// EffectInput is what the effect of an action rests on: per quarter, the
// cases of the network whose period starts then, and how many of them
// have the recurring lesson; and the quarter the action started in.
type EffectInput struct {
	Cases      map[Period]int
	WithLesson map[Period]int
	Started    Period
}

// QuarterRate is one quarter of the effect series.
type QuarterRate struct {
	Period     Period
	Cases      int
	WithLesson int
	// Rate is WithLesson / Cases; quarters without cases have none and
	// are left out of the chart.
	Rate *float64
	// When: "before" the action's start quarter, "during" it (cases
	// dated by quarter cannot say which side they fall on), or "after".
	When string
}

// Side totals of the effect.
type Side struct {
	Cases, WithLesson int
	Rate              *float64
}

// The verdicts of an effect.
const (
	VerdictTooFew      = "too_few"      // too few cases or points to conclude anything
	VerdictLowerAfter  = "lower_after"  // a shift below the median after the start: it recurs less
	VerdictHigherAfter = "higher_after" // a shift above the median after the start: it recurs more
	VerdictNoSignal    = "no_signal"    // enough data, no shift after the start
)

// Effect is how often a recurring lesson appears in cases before and
// after an action began, as a run chart per quarter.
type Effect struct {
	Quarters []QuarterRate
	Chart    Chart // the quarters with cases, in order
	Before   Side
	After    Side
	Verdict  string
}

// EffectOf computes the per-quarter rate series from the first to the
// last quarter with cases (the start quarter included), its run chart,
// the rates before and after the start, and the verdict.
func EffectOf(in EffectInput) Effect {
	var out Effect
	first, last := in.Started, in.Started
	for p := range in.Cases {
		first, last = min(first, p), max(last, p)
	}
	var labels []string
	var values []float64
	var after []bool
	for p := first; p <= last; p = p.Next() {
		q := QuarterRate{Period: p, Cases: in.Cases[p], WithLesson: min(in.WithLesson[p], in.Cases[p]), When: "during"}
		switch {
		case p < in.Started:
			q.When = "before"
			out.Before.Cases, out.Before.WithLesson = out.Before.Cases+q.Cases, out.Before.WithLesson+q.WithLesson
		case p > in.Started:
			q.When = "after"
			out.After.Cases, out.After.WithLesson = out.After.Cases+q.Cases, out.After.WithLesson+q.WithLesson
		}
		if q.Cases > 0 {
			r := float64(q.WithLesson) / float64(q.Cases)
			q.Rate = &r
			labels, values, after = append(labels, p.String()), append(values, r), append(after, q.When == "after")
		}
		out.Quarters = append(out.Quarters, q)
	}
	out.Before.Rate, out.After.Rate = rate(out.Before), rate(out.After)
	out.Chart = Analyse(labels, values)
	out.Verdict = verdict(out, after)
	return out
}

func rate(s Side) *float64 {
	if s.Cases == 0 {
		return nil
	}
	r := float64(s.WithLesson) / float64(s.Cases)
	return &r
}

// verdict reads the chart: too few to say, or a shift among the points
// after the start, below (recurs less) or above (recurs more) the median.
func verdict(e Effect, after []bool) string {
	if e.Chart.TooFew || e.Before.Cases < MinCasesPerSide || e.After.Cases < MinCasesPerSide {
		return VerdictTooFew
	}
	below, above := false, false
	for i, p := range e.Chart.Points {
		if after[i] && p.Shift {
			below, above = below || p.Side < 0, above || p.Side > 0
		}
	}
	switch {
	case below && !above:
		return VerdictLowerAfter
	case above && !below:
		return VerdictHigherAfter
	}
	return VerdictNoSignal
}

// Dated is a goal's measurement for its chart.
type Dated struct {
	On    string // YYYY-MM-DD
	Value float64
}

// Measurements is the run chart of a goal's measurements, in date order
// as given.
func Measurements(ms []Dated) Chart {
	labels := make([]string, len(ms))
	values := make([]float64, len(ms))
	for i, m := range ms {
		labels[i], values[i] = m.On, m.Value
	}
	return Analyse(labels, values)
}
