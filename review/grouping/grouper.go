package grouping

import (
	"slices"
)

// Grouper holds the lessons of one network with their grouping and keeps
// the grouping current as lessons come, change and go, and as
// facilitators add constraints. Every method leaves it exactly as
// Build would from the same lessons and constraints. A Grouper is not
// safe for concurrent use.
type Grouper struct {
	res   *resources
	nodes []node
	byID  map[string]int
	free  []int
	// postings index the nodes by their term and concept features.
	postings map[uint64][]int
	// cap is postingCap and k is neighbours; the tests lower them to
	// reach them often.
	cap, k int
	// dirty are the lessons whose edges changed since the last settle.
	dirty []int
	// constraints by lesson id; a constraint on a lesson not (yet) here
	// waits for it.
	constraints map[string][]Constraint
	comps       map[int]*component
	nextComp    int
}

type node struct {
	id      string
	p       *profile
	edges   map[int]float64 // similarity ≥ edgeMin and not kept apart
	near    []int           // the lesson's neighbours, from nearOf
	apart   map[int]bool    // near misses found by compare
	comp    int
	present bool
}

type component struct {
	members []int // sorted by lesson id
	groups  []Group
}

// Change is what an update did to the grouping: the groups of the
// components it touched as they were, and as they are now. A group of
// Before whose anchor no group of After has is gone; the persistence
// layer replaces Before with After and leaves every other group alone.
type Change struct {
	Before, After []Group
}

// New returns an empty Grouper.
func New() *Grouper { return newLimited(postingCap, neighbours) }

func newLimited(cap, k int) *Grouper {
	return &Grouper{res: shipped(), cap: cap, k: k, byID: map[string]int{}, postings: map[uint64][]int{},
		constraints: map[string][]Constraint{}, comps: map[int]*component{}}
}

// Build groups lessons from scratch under the facilitators' constraints.
// Lesson ids must be distinct; a later lesson with an id already seen
// replaces the earlier one.
func Build(lessons []Lesson, constraints []Constraint) *Grouper {
	return buildLimited(postingCap, neighbours, lessons, constraints)
}

func buildLimited(cap, k int, lessons []Lesson, constraints []Constraint) *Grouper {
	g := newLimited(cap, k)
	for _, c := range constraints {
		g.addConstraint(c)
	}
	g.bulk(lessons)
	g.dirty = nil // every neighbour list is made below
	parallel(len(g.nodes), func(_, i int) {
		if g.nodes[i].present {
			g.nodes[i].near = g.nearOf(i)
		}
	})
	var all []int
	for i := range g.nodes {
		if g.nodes[i].present {
			all = append(all, i)
		}
	}
	g.recompute(all)
	return g
}

// Compute is Build followed by Groups: the grouping of a set of lessons.
func Compute(lessons []Lesson, constraints []Constraint) []Group {
	return Build(lessons, constraints).Groups()
}

// Groups returns every group, ordered by anchor.
func (g *Grouper) Groups() []Group {
	var out []Group
	for _, c := range g.comps {
		out = append(out, c.groups...)
	}
	sortGroups(out)
	return out
}

// Len is the number of lessons held.
func (g *Grouper) Len() int { return len(g.byID) }

// Set adds a lesson, or replaces the lesson with its id (an edit of its
// text or codes), and regroups the components it touches.
func (g *Grouper) Set(l Lesson) Change {
	touched := g.detach(l.ID)
	i, linked := g.insert(l)
	seeds := append(append(touched, linked...), i)
	return g.regroup(append(seeds, g.settle()...))
}

// Remove takes a lesson out and regroups its component. Removing an
// unknown id changes nothing.
func (g *Grouper) Remove(id string) Change {
	touched := g.detach(id)
	if touched == nil {
		return Change{}
	}
	return g.regroup(append(touched, g.settle()...))
}

// AddConstraint records a facilitator's decision and regroups the
// components of its two lessons.
func (g *Grouper) AddConstraint(c Constraint) Change {
	g.addConstraint(c)
	return g.regroup(g.componentsOf(c.A, c.B))
}

// RemoveConstraint forgets a decision (when a later one supersedes it) and
// regroups the components of its two lessons.
func (g *Grouper) RemoveConstraint(c Constraint) Change {
	c = canonical(c)
	drop := func(id string) {
		g.constraints[id] = slices.DeleteFunc(g.constraints[id], func(x Constraint) bool { return x == c })
		if len(g.constraints[id]) == 0 {
			delete(g.constraints, id)
		}
	}
	drop(c.A)
	drop(c.B)
	return g.regroup(g.componentsOf(c.A, c.B))
}

func canonical(c Constraint) Constraint {
	if c.B < c.A {
		c.A, c.B = c.B, c.A
	}
	return c
}

func (g *Grouper) addConstraint(c Constraint) {
	c = canonical(c)
	if c.A == c.B || slices.Contains(g.constraints[c.A], c) {
		return
	}
	g.constraints[c.A] = append(g.constraints[c.A], c)
	g.constraints[c.B] = append(g.constraints[c.B], c)
}

// componentsOf lists the members of the components of the given lessons.
func (g *Grouper) componentsOf(ids ...string) []int {
	var out []int
	for _, id := range ids {
		if i, ok := g.byID[id]; ok {
			out = append(out, i)
		}
	}
	return out
}

// insert adds a lesson's node with its edges to the lessons already here.
// It returns the node and the other lessons whose edges or near misses
// changed because a feature outgrew the cap.
func (g *Grouper) insert(l Lesson) (int, []int) {
	var touched []int
	if _, ok := g.byID[l.ID]; ok {
		touched = g.detach(l.ID)
	}
	i := g.place(l.ID, analyse(g.res, l))
	touched = append(touched, g.index(i)...)
	for _, j := range g.candidates(g.nodes[i].p, i) {
		g.link(i, j, compare(g.nodes[i].p, g.nodes[j].p))
	}
	return i, touched
}

// place gives a profile a node, without edges and not indexed.
func (g *Grouper) place(id string, p *profile) int {
	var i int
	if n := len(g.free); n > 0 {
		i, g.free = g.free[n-1], g.free[:n-1]
	} else {
		i = len(g.nodes)
		g.nodes = append(g.nodes, node{})
	}
	// edges and apart are made on first use: most lessons of a large
	// set have few or none.
	g.nodes[i] = node{id: id, p: p, comp: -1, present: true}
	g.byID[id] = i
	return i
}

// detach takes a lesson's node out of the graph and returns the members of
// its component, which must be regrouped, with the lessons whose edges
// changed because a feature came back under the cap; nil for an unknown
// id.
func (g *Grouper) detach(id string) []int {
	i, ok := g.byID[id]
	if !ok {
		return nil
	}
	n := &g.nodes[i]
	var touched []int
	if c, ok := g.comps[n.comp]; ok {
		c.members = slices.DeleteFunc(c.members, func(m int) bool { return m == i })
		touched = slices.Clone(c.members)
	}
	for j := range n.edges {
		delete(g.nodes[j].edges, i)
		g.touch(j)
	}
	for j := range n.apart {
		delete(g.nodes[j].apart, i)
	}
	touched = append(touched, g.unindex(i)...)
	delete(g.byID, id)
	g.nodes[i] = node{}
	g.free = append(g.free, i)
	return touched
}
