package disclosure

import (
	"fmt"
	"testing"
)

func TestShow(t *testing.T) {
	tests := []struct {
		k, n int
		want Cell
	}{
		{5, 0, Cell{Suppressed: true}},
		{5, 4, Cell{Suppressed: true}},
		{5, 5, Cell{Value: 5}},
		{5, 7, Cell{Value: 5}},
		{5, 8, Cell{Value: 10}},
		{5, 12, Cell{Value: 10}},
		{5, 13, Cell{Value: 15}},
		{5, 1234, Cell{Value: 1235}},
		{3, 2, Cell{Suppressed: true}},
		{3, 3, Cell{Value: 5}},
		{1, 2, Cell{Suppressed: true}}, // k never below 3
		{7, 7, Cell{Value: 10}},        // never below k rounded up
		{7, 12, Cell{Value: 10}},
		{6, 6, Cell{Value: 10}},
		{0, 4, Cell{Suppressed: true}}, // the zero value is the default 5
	}
	for _, tt := range tests {
		r := New(tt.k)
		if tt.k == 0 {
			r = Rules{}
		}
		if got := r.Show(tt.n); got != tt.want {
			t.Errorf("k=%d Show(%d) = %+v, want %+v", tt.k, tt.n, got, tt.want)
		}
	}
}

func TestPartition(t *testing.T) {
	r := New(5)
	tests := []struct {
		cells []int
		want  []bool
	}{
		{[]int{20, 30, 40}, []bool{false, false, false}},
		{[]int{4, 7, 12}, []bool{true, true, true}},
		{[]int{12, 4, 7, 7}, []bool{true, true, true, true}},
		{[]int{3, 2, 40}, []bool{true, true, true}},
		{[]int{5, 5}, []bool{false, false}},
		{[]int{0, 9}, []bool{true, true}},
		{[]int{3}, []bool{true}},
	}
	for _, tt := range tests {
		got := r.Partition(tt.cells)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Partition(%v) = %v, want %v", tt.cells, got, tt.want)
		}
	}
}

// published is what an attacker sees of one group.
func published(r Rules, cells []int) string {
	total := 0
	for _, n := range cells {
		total += n
	}
	tc, cs := r.Group(total, cells)
	return fmt.Sprint(tc, cs)
}

// TestNoSmallCellDerivableFromTotals carries out the subtraction attack
// on every table of two to five cells with values up to a bound: an
// attacker who knows the rules exactly (rounding intervals, suppression
// below k, which cell secondary suppression picks) collects every true
// table that publishes the same output as the victim's. A suppressed
// cell is derived when all those tables agree on its value. The test
// fails on any such cell.
func TestNoSmallCellDerivableFromTotals(t *testing.T) {
	for _, k := range []int{3, 5, 7} {
		r := New(k)
		for m, bound := range map[int]int{2: 40, 3: 30, 4: 20, 5: 12} {
			t.Run(fmt.Sprintf("k=%d cells=%d", k, m), func(t *testing.T) {
				classes := map[string][][]int{}
				cells := make([]int, m)
				var walk func(i int)
				walk = func(i int) {
					if i == m {
						key := published(r, cells)
						classes[key] = append(classes[key], append([]int(nil), cells...))
						return
					}
					for v := 0; v <= bound; v++ {
						cells[i] = v
						walk(i + 1)
					}
				}
				walk(0)
				pins := 0
				for key, tables := range classes {
					// Only victims whose every candidate lies inside the
					// enumerated range: their total stays Base below the bound.
					complete := true
					for _, tb := range tables {
						sum := 0
						for _, v := range tb {
							sum += v
						}
						if sum > bound-Base {
							complete = false
						}
					}
					if !complete {
						continue
					}
					for i := 0; i < m; i++ {
						v := tables[0][i]
						same := true
						for _, tb := range tables[1:] {
							same = same && tb[i] == v
						}
						if same && v < k {
							pins++
							if pins < 5 {
								t.Errorf("cell %d = %d derived from %s (%d candidates)", i, v, key, len(tables))
							}
						}
					}
				}
			})
		}
	}
}

// TestRoundingAloneIsNotEnough shows the attack that secondary suppression
// is there for: with every cell merely shown or suppressed, total minus
// the others pins the small cell.
func TestRoundingAloneIsNotEnough(t *testing.T) {
	r := New(5)
	// 4 + 7 + 12 = 23: published 25 | suppressed, 5, 10.
	lo := 23 - 0    // the total's interval is [23, 27]
	upper := 7 + 12 // the shown cells at most 7 and 12
	if got := lo - upper; got != 4 || !r.Hidden(4) || r.Show(23).Value != 25 || r.Show(7).Value != 5 || r.Show(12).Value != 10 {
		t.Fatalf("the example no longer holds: %d", got)
	}
	if got := r.Partition([]int{4, 7, 12}); !got[0] || !got[1] || !got[2] {
		t.Errorf("Partition(4, 7, 12) = %v: the lone small cell stays derivable", got)
	}
}

// TestTwoQueriesDifferingInOneFilter carries out the differencing attack
// on two counts, one of a set and one of a subset of it (the same query
// with one more filter): the difference, and each count, must never be
// derived exactly when it is small.
func TestTwoQueriesDifferingInOneFilter(t *testing.T) {
	for _, k := range []int{3, 4, 5, 6, 7, 8, 10} {
		r := New(k)
		type pair struct{ a, b int }
		classes := map[[2]Cell][]pair{}
		const bound = 80
		for a := 0; a <= bound; a++ {
			for b := 0; b <= a; b++ {
				key := [2]Cell{r.Show(a), r.Show(b)}
				classes[key] = append(classes[key], pair{a, b})
			}
		}
		for key, ps := range classes {
			if ps[len(ps)-1].a > bound-2*Base {
				continue // candidates may lie beyond the bound
			}
			diff, a, b := map[int]bool{}, map[int]bool{}, map[int]bool{}
			for _, p := range ps {
				diff[p.a-p.b], a[p.a], b[p.b] = true, true, true
			}
			for name, set := range map[string]map[int]bool{"difference": diff, "set": a, "subset": b} {
				if len(set) == 1 {
					for v := range set {
						if v < k {
							t.Errorf("k=%d: %s = %d derived from %v", k, name, v, key)
						}
					}
				}
			}
		}
	}
}
