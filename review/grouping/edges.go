package grouping

import "slices"

// nbr is an edge as one of its items holds it: the other item and their
// similarity. An item's edges are a slice sorted by the other item — a
// tenth of a map's memory, and read in order.
type nbr struct {
	j   int32
	sim float64
}

func findNbr(list []nbr, j int) (int, bool) {
	return slices.BinarySearchFunc(list, int32(j), func(e nbr, j int32) int { return int(e.j) - int(j) })
}

// setEdge records the edge of item i to item j (one direction).
func (g *Grouper) setEdge(i, j int, sim float64) {
	n := &g.nodes[i]
	at, ok := findNbr(n.edges, j)
	if ok {
		n.edges[at].sim = sim
		return
	}
	n.edges = slices.Insert(n.edges, at, nbr{int32(j), sim})
}

// dropEdge forgets the edge of item i to item j (one direction).
func (g *Grouper) dropEdge(i, j int) {
	n := &g.nodes[i]
	if at, ok := findNbr(n.edges, j); ok {
		n.edges = slices.Delete(n.edges, at, at+1)
	}
}
