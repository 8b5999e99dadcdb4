// Package disclosure decides which counts of distinct cases a researcher
// may see, and how: small cells are suppressed, the rest rounded. It is
// pure (no database), so that every aggregate of Leerlus (pattern queries,
// search counts, exports) applies the same rules. docs/research.md
// explains the rules and the attacks they are built against.
package disclosure

// MinK is the smallest threshold an operator may set: below three
// distinct cases a cell points too easily at one family.
const MinK = 3

// DefaultK is the threshold when the operator sets none.
const DefaultK = 5

// Base is what shown counts are rounded to.
const Base = 5

// Rules are the disclosure rules of one deployment: the threshold k.
type Rules struct {
	k int
}

// New returns the rules for threshold k; values below MinK become MinK.
func New(k int) Rules {
	return Rules{k: max(k, MinK)}
}

// K is the threshold: cells on fewer distinct cases are suppressed.
func (r Rules) K() int {
	if r.k == 0 {
		return DefaultK // the zero value is the default
	}
	return r.k
}

// Cell is a count as shown: a rounded value, or suppressed (no value).
type Cell struct {
	Value      int
	Suppressed bool
}

// Show is the published form of one true count n of distinct cases:
// suppressed below k (zero included: an exact zero next to "fewer than
// k" narrows what a suppressed cell can be), otherwise rounded to the
// nearest multiple of Base but never below k rounded up to Base, so that
// the lowest shown value always stands for several true counts (with
// k = 7 a shown 5 would otherwise mean exactly 7).
func (r Rules) Show(n int) Cell {
	k := r.K()
	if n < k {
		return Cell{Suppressed: true}
	}
	return Cell{Value: max(roundTo(n), ceilTo(k))}
}

// Hidden reports whether the true count n is suppressed on its own
// (primary suppression).
func (r Rules) Hidden(n int) bool { return n < r.K() }

func roundTo(n int) int { return (n + Base/2) / Base * Base }

func ceilTo(n int) int { return (n + Base - 1) / Base * Base }

// Partition decides secondary suppression for cells that together make up
// a total shown beside them (the outcomes of a code, the age bands, the
// networks or the quarters of a row: every case lies in exactly one
// cell). Rounding alone does not protect a suppressed cell there: with
// the total and the other cells at the edges of their rounding intervals,
// the total minus the others pins it (a suppressed 4 beside 7 and 12 under
// a total of 23: 25 − 5 − 10 leaves [4, 12], and suppressed means at most
// 4). Hiding one more cell does not settle it either: an attacker who
// knows the rules also knows that the second hidden cell is the smallest
// shown one, and three primary cells at the top of their range sum to a
// total just as exactly. So when any cell of a partition is suppressed,
// every cell of it is: the partition then shows only its total, and every
// split of that total into cells with at least one below k publishes the
// same — no cell can be told from another.
//
// It returns, per cell, whether it is hidden.
func (r Rules) Partition(cells []int) []bool {
	hidden := make([]bool, len(cells))
	for _, n := range cells {
		if r.Hidden(n) {
			for i := range hidden {
				hidden[i] = true
			}
			break
		}
	}
	return hidden
}

// Group publishes a partition: every cell with Show, then the cells that
// Partition hides as suppressed. The total is shown from its own true
// value, never summed from the rounded cells.
func (r Rules) Group(total int, cells []int) (Cell, []Cell) {
	hidden := r.Partition(cells)
	out := make([]Cell, len(cells))
	for i, n := range cells {
		out[i] = r.Show(n)
		if hidden[i] {
			out[i] = Cell{Suppressed: true}
		}
	}
	return r.Show(total), out
}
