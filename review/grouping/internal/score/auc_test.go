package score

import (
	"math"
	"testing"
)

func TestAUC(t *testing.T) {
	for _, c := range []struct {
		name          string
		higher, lower []float64
		want          float64
	}{
		{"separated", []float64{0.8, 0.9}, []float64{0.1, 0.2, 0.3}, 1},
		{"reversed", []float64{0.1}, []float64{0.5, 0.6}, 0},
		{"all tied", []float64{0.5, 0.5}, []float64{0.5}, 0.5},
		// pairs (h, l): (0.2, 0.1) above, (0.2, 0.3) below, (0.4, 0.1)
		// above, (0.4, 0.3) above: 3 of 4.
		{"mixed", []float64{0.2, 0.4}, []float64{0.1, 0.3}, 0.75},
		// (0.3, 0.3) is a tie: 0.5 + 1 of 2.
		{"one tie", []float64{0.3, 0.5}, []float64{0.3}, 0.75},
		{"empty side", nil, []float64{0.3}, 0},
	} {
		if got := AUC(c.higher, c.lower); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: AUC %v, want %v", c.name, got, c.want)
		}
	}
}
