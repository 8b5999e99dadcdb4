package grouping

import (
	"runtime"
	"slices"
	"strings"
)

// Components are joined by strong edges only: edges of similarity ≥
// mergeMin, and the facilitators' together pairs. That changes no group.
// Average-link merges two clusters when the mean similarity of their pairs
// (a pair without an edge counting 0) reaches mergeMin, and a mean is never
// above its largest term, so every merge joins two clusters that have a
// strong edge between them: each group lies inside one strong component.
// Clusters in different strong components never merge, and a merge in one
// strong component changes no average inside another, so clustering each
// strong component on its own (with all its edges, weak ones included)
// makes the same merges, in the same order within each, as clustering
// their union. Weak edges only ever joined strong components into one
// large component that was re-clustered whole on every change.
func strong(sim float64) bool { return sim >= mergeMin }

// regroup recomputes the components around the seed lessons: everything
// now connected to a seed, and everything that was in one component with
// it. Nothing else can have changed, because an update only adds or
// removes edges and near misses at the lessons it seeds.
func (g *Grouper) regroup(seeds []int) Change {
	visited := map[int]bool{}
	old := map[int]bool{}
	for _, c := range g.gone {
		if _, ok := g.comps[c]; ok {
			old[c] = true
		}
	}
	g.gone = g.gone[:0]
	queue := slices.Clone(seeds)
	for len(queue) > 0 {
		v := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if visited[v] || !g.nodes[v].present {
			continue
		}
		visited[v] = true
		n := &g.nodes[v]
		if c, ok := g.comps[n.comp]; ok && !old[n.comp] {
			old[n.comp] = true
			queue = append(queue, c.members...)
		}
		// Joined pairs go either way, so look along every edge, not only
		// the lesson's own neighbours: a lesson that lists v is an edge of v.
		for _, e := range n.edges {
			if j := int(e.j); g.joined(v, j) {
				queue = append(queue, j)
			}
		}
		queue = append(queue, g.ties(v)...)
	}
	var ch Change
	for id := range old {
		ch.Before = append(ch.Before, g.comps[id].groups...)
		delete(g.comps, id)
	}
	nodes := make([]int, 0, len(visited))
	for v := range visited {
		nodes = append(nodes, v)
	}
	for _, c := range g.recompute(nodes) {
		ch.After = append(ch.After, c.groups...)
	}
	sortGroups(ch.Before)
	sortGroups(ch.After)
	return unchangedOut(ch)
}

// unchangedOut drops the groups a change left as they were (the same
// lessons before and after): re-clustering a large component mostly
// gives its groups back, and the persistence layer then reads and writes
// only the groups that did change. Both lists are sorted by anchor, and a
// lesson is in one group at most, so equal groups have equal anchors.
func unchangedOut(ch Change) Change {
	var out Change
	i, j := 0, 0
	for i < len(ch.Before) || j < len(ch.After) {
		switch {
		case j == len(ch.After) || i < len(ch.Before) && ch.Before[i].Anchor() < ch.After[j].Anchor():
			out.Before = append(out.Before, ch.Before[i])
			i++
		case i == len(ch.Before) || ch.After[j].Anchor() < ch.Before[i].Anchor():
			out.After = append(out.After, ch.After[j])
			j++
		default:
			if !slices.Equal(ch.Before[i].Members, ch.After[j].Members) {
				out.Before = append(out.Before, ch.Before[i])
				out.After = append(out.After, ch.After[j])
			}
			i, j = i+1, j+1
		}
	}
	return out
}

// ties are the present lessons a lesson must share a group with.
func (g *Grouper) ties(v int) []int {
	var out []int
	id := g.nodes[v].id
	for _, c := range g.constraints[id] {
		if c.Kind != Together {
			continue
		}
		other := c.A
		if other == id {
			other = c.B
		}
		if j, ok := g.lessons[other]; ok {
			out = append(out, j)
		}
	}
	return out
}

// recompute splits a set of items, closed under joined pairs and ties,
// into connected components and clusters each. Many components (a full
// Build) are clustered on every core, each worker with its own scratch;
// they are recorded in the order found either way.
func (g *Grouper) recompute(nodes []int) []*component {
	in := map[int]bool{}
	for _, v := range nodes {
		in[v] = true
	}
	var comps [][]int
	for _, start := range nodes {
		if !in[start] {
			continue
		}
		var members []int
		stack := []int{start}
		delete(in, start)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			members = append(members, v)
			next := g.ties(v)
			for _, e := range g.nodes[v].edges {
				if j := int(e.j); g.joined(v, j) {
					next = append(next, j)
				}
			}
			for _, j := range next {
				if in[j] {
					delete(in, j)
					stack = append(stack, j)
				}
			}
		}
		comps = append(comps, members)
	}
	out := make([]*component, len(comps))
	if len(comps) < 64 {
		for k, members := range comps {
			out[k] = g.cluster(members, &g.local)
		}
	} else {
		scratch := make([][]int32, runtime.GOMAXPROCS(0))
		parallel(len(comps), func(w, k int) {
			out[k] = g.cluster(comps[k], &scratch[w])
		})
	}
	for _, c := range out {
		g.record(c)
	}
	return out
}

// cluster clusters one component; it reads the Grouper only, so that
// components can be clustered side by side, each with its own scratch.
func (g *Grouper) cluster(members []int, scratch *[]int32) *component {
	if len(members) == 1 {
		// An item on its own: a group when it holds two or more lessons.
		c := &component{members: members}
		if n := &g.nodes[members[0]]; len(n.members) > 1 {
			c.groups = []Group{{Members: slices.Clone(n.members)}}
		}
		return c
	}
	slices.SortFunc(members, func(a, b int) int { return strings.Compare(g.nodes[a].id, g.nodes[b].id) })
	// local numbers the members 1..n (0: not a member) in a slice over
	// all items, cleared again below: no map lookups per edge.
	if len(*scratch) < len(g.nodes) {
		*scratch = make([]int32, len(g.nodes))
	}
	local := *scratch
	defer func() {
		for _, v := range members {
			local[v] = 0
		}
	}()
	weight := make([]int, len(members))
	ends := 0
	for k, v := range members {
		local[v] = int32(k + 1)
		weight[k] = len(g.nodes[v].members)
		ends += len(g.nodes[v].edges)
	}
	localOf := func(v int) (int, bool) { l := int(local[v]) - 1; return l, l >= 0 }
	// Each edge inside the component has two ends among its members: room
	// for all of them at once, not a slice doubled a dozen times.
	edges := make([]edge, 0, ends/2)
	var apart, together [][2]int
	for k, v := range members {
		n := &g.nodes[v]
		row := len(edges)
		for _, e := range n.edges {
			if l, ok := localOf(int(e.j)); ok && l > k {
				edges = append(edges, edge{k, l, e.sim})
			}
		}
		// Rows come in order; within a row, order by the other end.
		slices.SortFunc(edges[row:], func(a, b edge) int { return a.v - b.v })
		for j := range n.apart {
			if l, ok := localOf(j); ok && l > k {
				apart = append(apart, [2]int{k, l})
			}
		}
		if !n.solo {
			continue // a constrained lesson is an item of its own
		}
		for _, c := range g.constraints[n.id] {
			if c.A != n.id {
				continue // each constraint once, from its smaller id
			}
			j, ok := g.lessons[c.B]
			if !ok {
				continue
			}
			// An apart pair may lie across two components.
			l, ok := localOf(j)
			if !ok {
				continue
			}
			p := [2]int{min(k, l), max(k, l)}
			if c.Kind == Apart {
				apart = append(apart, p)
			} else {
				together = append(together, p)
			}
		}
	}
	sortPairs(apart)
	sortPairs(together)
	c := &component{members: members}
	for _, grp := range clusterComponent(len(members), weight, edges, apart, together) {
		var ids []string
		for _, l := range grp {
			ids = append(ids, g.nodes[members[l]].members...)
		}
		slices.Sort(ids)
		c.groups = append(c.groups, Group{Members: ids})
	}
	return c
}

// record keeps a component and points its lessons to it.
func (g *Grouper) record(c *component) *component {
	id := g.nextComp
	g.nextComp++
	g.comps[id] = c
	for _, v := range c.members {
		g.nodes[v].comp = id
	}
	return c
}

func sortPairs(ps [][2]int) {
	slices.SortFunc(ps, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
}

func sortGroups(gs []Group) {
	slices.SortFunc(gs, func(a, b Group) int { return strings.Compare(a.Anchor(), b.Anchor()) })
}
