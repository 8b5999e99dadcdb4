package grouping

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// referenceCluster is average-link done the slow, obvious way on a dense
// matrix, with the same tie order, for checking clusterComponent.
func referenceCluster(n int, weight []int, edges []edge, apart, together [][2]int) [][]int {
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for _, e := range edges {
		sim[e.u][e.v], sim[e.v][e.u] = e.sim, e.sim
	}
	cluster := make([]int, n) // lesson → cluster label (its first lesson)
	for i := range cluster {
		cluster[i] = i
	}
	members := func(c int) []int {
		var out []int
		for i, x := range cluster {
			if x == c {
				out = append(out, i)
			}
		}
		return out
	}
	blocked := func(a, b int) bool {
		for _, p := range apart {
			x, y := cluster[p[0]], cluster[p[1]]
			if x == a && y == b || x == b && y == a {
				return true
			}
		}
		return false
	}
	join := func(a, b int) {
		f := min(a, b)
		for i := range cluster {
			if cluster[i] == a || cluster[i] == b {
				cluster[i] = f
			}
		}
	}
	for _, p := range together {
		a, b := cluster[p[0]], cluster[p[1]]
		if a != b && !blocked(a, b) {
			join(a, b)
		}
	}
	size := func(c int) int {
		s := 0
		for _, m := range members(c) {
			s += weight[m]
		}
		return s
	}
	for {
		best, ba, bb := -1.0, -1, -1
		labels := slices.Compact(slices.Sorted(slices.Values(slices.Clone(cluster))))
		for x, a := range labels {
			for _, b := range labels[x+1:] {
				if blocked(a, b) {
					continue
				}
				var s float64
				for _, i := range members(a) {
					for _, j := range members(b) {
						s += float64(weight[i]*weight[j]) * sim[i][j]
					}
				}
				avg := s / float64(size(a)*size(b))
				if avg > best+1e-12 {
					best, ba, bb = avg, a, b
				}
			}
		}
		if ba < 0 || best < mergeMin {
			break
		}
		join(ba, bb)
	}
	var out [][]int
	for _, c := range slices.Compact(slices.Sorted(slices.Values(slices.Clone(cluster)))) {
		if size(c) > 1 {
			out = append(out, members(c))
		}
	}
	return out
}

// TestClusterMatchesReference checks the fast clustering (lazy adjacency,
// one queue entry per cluster) against the plain dense algorithm on random
// components with weights, apart and together pairs.
func TestClusterMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 400; round++ {
		n := 2 + rng.IntN(25)
		weight := make([]int, n)
		for i := range weight {
			weight[i] = 1
			if rng.IntN(5) == 0 {
				weight[i] = 1 + rng.IntN(4)
			}
		}
		var edges []edge
		for u := 0; u < n; u++ {
			for v := u + 1; v < n; v++ {
				if rng.IntN(3) == 0 {
					// Distinct values: no ties, whatever the order of sums.
					edges = append(edges, edge{u, v, 0.16 + rng.Float64()*0.8})
				}
			}
		}
		var apart, together [][2]int
		for k := rng.IntN(3); k > 0; k-- {
			a, b := rng.IntN(n), rng.IntN(n)
			if a != b {
				apart = append(apart, [2]int{min(a, b), max(a, b)})
			}
		}
		for k := rng.IntN(3); k > 0; k-- {
			a, b := rng.IntN(n), rng.IntN(n)
			if a != b {
				together = append(together, [2]int{min(a, b), max(a, b)})
			}
		}
		sortPairs(apart)
		sortPairs(together)
		got := clusterComponent(n, weight, edges, apart, together)
		want := referenceCluster(n, weight, edges, apart, together)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("round %d n %d: got %v want %v\nedges %v apart %v together %v weight %v", round, n, got, want, edges, apart, together, weight)
		}
	}
}
