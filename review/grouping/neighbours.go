package grouping

import "slices"

// neighbours is how many of its strong edges a lesson keeps for joining
// components: its most similar lessons, ties by id.
const neighbours = 10

// nearOf lists a lesson's neighbours: the ends of its strong edges with
// the highest similarity, ties to the smaller id, at most g.k of them. It
// depends on the lesson's edges alone, and the edges on the two lessons of
// each pair alone, so an update changes the neighbours only of lessons
// whose edges it changed.
func (g *Grouper) nearOf(i int) []int {
	type cand struct {
		j   int
		sim float64
	}
	// before orders by similarity, then id: a total order.
	before := func(a, b cand) bool {
		if a.sim != b.sim {
			return a.sim > b.sim
		}
		return g.nodes[a.j].id < g.nodes[b.j].id
	}
	top := make([]cand, 0, min(g.k, 16)+1)
	for _, e := range g.nodes[i].edges {
		c := cand{int(e.j), e.sim}
		sim := e.sim
		if !strong(sim) || len(top) == g.k && !before(c, top[len(top)-1]) {
			continue
		}
		// Insert in order, dropping the last when full.
		at := len(top)
		for at > 0 && before(c, top[at-1]) {
			at--
		}
		top = slices.Insert(top, at, c)
		if len(top) > g.k {
			top = top[:g.k]
		}
	}
	if len(top) == 0 {
		return nil
	}
	out := make([]int, len(top))
	for x, c := range top {
		out[x] = c.j
	}
	return out
}

// joined reports whether one of two lessons is among the other's
// neighbours: such pairs (and the facilitators' together pairs) join a
// component. Keeping only each lesson's nearest keeps components small
// where one lesson is similar to very many. Mutual neighbours would keep
// them smaller still, but then a lesson said the same way by more than
// neighbours people finds no mutual neighbour among them (theirs are each
// other) and is left out of the very lesson that recurs most.
func (g *Grouper) joined(a, b int) bool {
	return slices.Contains(g.nodes[a].near, b) && slices.Contains(g.nodes[b].near, a)
}

// touch notes that a lesson's edges changed, so its neighbours must be
// looked at again.
func (g *Grouper) touch(i int) { g.dirty = append(g.dirty, i) }

// settle brings the neighbours of every touched lesson up to date and
// returns the two lessons of every pair that joined or stopped joining a
// component: a change of neighbours that joins or parts no pair changes
// no component.
func (g *Grouper) settle() []int {
	slices.Sort(g.dirty)
	old := map[int][]int{}
	for _, i := range slices.Compact(g.dirty) {
		if !g.nodes[i].present {
			continue
		}
		near := g.nearOf(i)
		if !slices.Equal(near, g.nodes[i].near) {
			old[i] = g.nodes[i].near
			g.nodes[i].near = near
		}
	}
	g.dirty = g.dirty[:0]
	was := func(a int) []int {
		if o, ok := old[a]; ok {
			return o
		}
		return g.nodes[a].near
	}
	var seeds []int
	for i, before := range old {
		for _, list := range [][]int{before, g.nodes[i].near} {
			for _, j := range list {
				then := slices.Contains(before, j) && slices.Contains(was(j), i)
				if then != g.joined(i, j) {
					seeds = append(seeds, i, j)
				}
			}
		}
	}
	return seeds
}
