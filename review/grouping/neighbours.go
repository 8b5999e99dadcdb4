package grouping

import (
	"slices"
	"strings"
)

// neighbours is how many of its strong edges a lesson keeps for joining
// components: its most similar lessons, ties by id.
const neighbours = 10

// nearOf lists a lesson's neighbours: the ends of its strong edges with
// the highest similarity, ties to the smaller id, at most g.k of them. It
// depends on the lesson's edges alone, and the edges on the two lessons of
// each pair alone, so an update changes the neighbours only of lessons
// whose edges it changed.
func (g *Grouper) nearOf(i int) []int {
	var out []int
	for j, sim := range g.nodes[i].edges {
		if strong(sim) {
			out = append(out, j)
		}
	}
	e := g.nodes[i].edges
	slices.SortFunc(out, func(a, b int) int {
		if e[a] != e[b] {
			if e[a] > e[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(g.nodes[a].id, g.nodes[b].id)
	})
	if len(out) > g.k {
		out = out[:g.k:g.k]
	}
	return out
}

// joined reports whether two lessons are in each other's neighbours: only
// such mutual pairs (and the facilitators' together pairs) join a
// component. Mutual neighbours keep components small where one lesson is
// similar to very many: a chain of lessons each a little like the next no
// longer pulls a whole theme into one component that every update must
// re-cluster.
func (g *Grouper) joined(a, b int) bool {
	return slices.Contains(g.nodes[a].near, b) && slices.Contains(g.nodes[b].near, a)
}

// touch notes that a lesson's edges changed, so its neighbours must be
// looked at again.
func (g *Grouper) touch(i int) { g.dirty = append(g.dirty, i) }

// settle brings the neighbours of every touched lesson up to date and
// returns the lessons around a change of neighbours: the lesson with its
// old and new neighbours. Every pair that joins or stops joining a
// component is among them.
func (g *Grouper) settle() []int {
	var seeds []int
	for _, i := range g.dirty {
		if !g.nodes[i].present {
			continue
		}
		near := g.nearOf(i)
		if slices.Equal(near, g.nodes[i].near) {
			continue
		}
		seeds = append(seeds, i)
		seeds = append(seeds, g.nodes[i].near...)
		seeds = append(seeds, near...)
		g.nodes[i].near = near
	}
	g.dirty = g.dirty[:0]
	return seeds
}
