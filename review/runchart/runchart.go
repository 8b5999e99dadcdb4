// Package runchart holds the run-chart arithmetic of improvement work:
// the median of a series, the shift and trend rules marked per point, and
// a plain verdict when there are too few points to conclude anything
// (docs/actions.md). It knows no database and no HTTP.
package runchart

import "sort"

// The rules' thresholds, as quality-improvement run charts use them
// (Perla, Provost & Murray 2011).
const (
	ShiftLength = 6  // consecutive points on one side of the median
	TrendLength = 5  // consecutive points going up, or down
	MinUseful   = 10 // points off the median needed before concluding anything
)

// Point is one value of a series with what the rules say about it.
type Point struct {
	Label string
	Value float64
	// Side is +1 above the median, -1 below, 0 on it.
	Side int
	// Shift: the point is part of a run of ShiftLength or more points on
	// one side of the median.
	Shift bool
	// Trend: the point is part of TrendLength or more points each higher
	// (or each lower) than the one before.
	Trend bool
}

// Chart is a series analysed as a run chart.
type Chart struct {
	Points []Point
	Median float64
	// Useful counts the points off the median: the rules can only judge
	// those.
	Useful int
	// TooFew says plainly that the series is too short to conclude
	// anything (fewer than MinUseful points off the median).
	TooFew bool
}

// Analyse builds the run chart of values (labels[i] names values[i]):
// the median of all points, and the shift and trend rules marked per
// point. Points on the median neither break nor count towards a shift;
// a value equal to the one before neither breaks nor counts towards a
// trend.
func Analyse(labels []string, values []float64) Chart {
	c := Chart{Points: make([]Point, len(values))}
	if len(values) == 0 {
		c.TooFew = true
		return c
	}
	c.Median = Median(values)
	for i, v := range values {
		c.Points[i] = Point{Label: labels[i], Value: v, Side: side(v, c.Median)}
		if c.Points[i].Side != 0 {
			c.Useful++
		}
	}
	markShifts(c.Points)
	markTrends(c.Points)
	c.TooFew = c.Useful < MinUseful
	return c
}

// Median is the middle value of values (the mean of the two middle ones
// for an even count); 0 for none.
func Median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	s := append([]float64(nil), values...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func side(v, median float64) int {
	switch {
	case v > median:
		return 1
	case v < median:
		return -1
	}
	return 0
}

// markShifts marks runs of ShiftLength or more points on one side of the
// median, skipping the points on it.
func markShifts(ps []Point) {
	var run []int // indexes of the current run's points off the median
	flush := func() {
		if len(run) >= ShiftLength {
			for _, i := range run {
				ps[i].Shift = true
			}
		}
		run = run[:0]
	}
	for i, p := range ps {
		if p.Side == 0 {
			continue
		}
		if len(run) > 0 && ps[run[0]].Side != p.Side {
			flush()
		}
		run = append(run, i)
	}
	flush()
}

// markTrends marks runs of TrendLength or more points each higher, or
// each lower, than the one before; a repeated value is skipped.
func markTrends(ps []Point) {
	var run []int // indexes of the current run's points, repeats left out
	dir := 0      // +1 rising, -1 falling, 0 not known yet
	flush := func() {
		if len(run) >= TrendLength {
			for _, i := range run {
				ps[i].Trend = true
			}
		}
	}
	for i, p := range ps {
		if len(run) == 0 {
			run = append(run, i)
			continue
		}
		prev := ps[run[len(run)-1]].Value
		d := side(p.Value, prev)
		switch {
		case d == 0:
			continue // equal neighbours neither break nor count
		case dir == 0 || d == dir:
			dir = d
			run = append(run, i)
		default:
			flush()
			// The turning point starts the next run from the last point.
			run, dir = []int{run[len(run)-1], i}, d
		}
	}
	flush()
}
