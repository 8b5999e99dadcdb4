package grouping

import "slices"

// neighbours is how many of its strong edges an item keeps for joining
// components: its most similar items, ties by id. An item with more than
// denseDegree strong edges lies in a dense region (a theme written about
// by very many) and keeps half as many: its closest few are already
// strongly joined, and reaching further there is what made one component
// span most of a large network (with 10 neighbours everywhere the
// benchmark's 10,000 lessons had a component of 2,239 items). In the
// labelled sets no item has more than 28 strong edges, so they keep 10.
// Like the neighbours themselves, the count depends on the item's own
// edges alone, so an update changes it only for items whose edges it
// changed.
const (
	neighbours  = 10
	denseDegree = 32
)

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
	k, strongs := g.k, 0
	for _, e := range g.nodes[i].edges {
		if strong(e.sim) {
			strongs++
		}
	}
	if strongs > g.dense {
		k = (g.k + 1) / 2
	}
	top := make([]cand, 0, min(k, 16)+1)
	for _, e := range g.nodes[i].edges {
		c := cand{int(e.j), e.sim}
		if !strong(e.sim) || len(top) == k && !before(c, top[len(top)-1]) {
			continue
		}
		// Insert in order, dropping the last when full.
		at := len(top)
		for at > 0 && before(c, top[at-1]) {
			at--
		}
		top = slices.Insert(top, at, c)
		if len(top) > k {
			top = top[:k]
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
