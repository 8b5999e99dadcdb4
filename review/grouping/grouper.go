package grouping

import (
	"slices"
)

// Grouper holds the lessons of one network with their grouping and keeps
// the grouping current as lessons come, change and go, and as
// facilitators add constraints. Every method leaves it exactly as
// Build would from the same lessons and constraints. A Grouper is not
// safe for concurrent use.
//
// Lessons with the same text and codes are held as one item that counts
// as many lessons (a lesson written the same way by hundreds of people is
// one item, not hundreds of identical pairs), unless a facilitator's
// constraint names the lesson: such a lesson is an item of its own.
type Grouper struct {
	res   *resources
	nodes []node
	free  []int
	// byKey are the shared items by content key; lessons are the items
	// by lesson id.
	byKey   map[string]int
	lessons map[string]int
	// postings index the items by their term and concept features, in
	// rank order (candidates.go).
	postings map[uint64][]entry
	// cap is postingCap, k is neighbours and dense is denseDegree; the
	// tests lower them to reach them often.
	cap, k, dense int
	// dirty are the items whose edges changed since the last settle.
	dirty []int
	// constraints by lesson id; a constraint on a lesson not (yet) here
	// waits for it.
	constraints map[string][]Constraint
	comps       map[int]*component
	nextComp    int
	// gone are the components of items taken out since the last regroup.
	gone []int
	// local is scratch for cluster: an item's place in the component.
	local []int32
}

// node is an item: one lesson, or lessons with one text and codes.
type node struct {
	id      string // smallest lesson id: names the item in ties
	idHash  uint64
	key     string   // content key
	solo    bool     // a constrained lesson, kept out of shared items
	members []string // lesson ids, ascending
	p       *profile
	kw      []float64    // weight of each of p.keys in p
	edges   []nbr        // similarity ≥ edgeMin and not kept apart, by item
	near    []int        // the item's neighbours, from nearOf
	apart   map[int]bool // near misses found by compare
	comp    int
	present bool
}

type component struct {
	members []int // items, sorted by id
	groups  []Group
}

// Change is what an update did to the grouping: the groups it changed as
// they were, and as they are now. A group the update left with the same
// lessons is in neither, even when its component was re-clustered. A
// group of Before whose anchor no group of After has is gone; the
// persistence layer replaces Before with After and leaves every other
// group alone.
type Change struct {
	Before, After []Group
}

// New returns an empty Grouper.
func New() *Grouper { return newLimited(postingCap, neighbours, denseDegree) }

func newLimited(cap, k, dense int) *Grouper {
	return &Grouper{res: shipped(), cap: cap, k: k, dense: dense, byKey: map[string]int{}, lessons: map[string]int{},
		postings: map[uint64][]entry{}, constraints: map[string][]Constraint{}, comps: map[int]*component{}}
}

// Build groups lessons from scratch under the facilitators' constraints.
// Lesson ids must be distinct; a later lesson with an id already seen
// replaces the earlier one.
func Build(lessons []Lesson, constraints []Constraint) *Grouper {
	return buildLimited(postingCap, neighbours, denseDegree, lessons, constraints)
}

func buildLimited(cap, k, dense int, lessons []Lesson, constraints []Constraint) *Grouper {
	g := newLimited(cap, k, dense)
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

// GroupOf returns the group that holds a lesson; false when the lesson is
// in no group or not held. It reads one component, not every group.
func (g *Grouper) GroupOf(id string) (Group, bool) {
	i, ok := g.lessons[id]
	if !ok {
		return Group{}, false
	}
	c, ok := g.comps[g.nodes[i].comp]
	if !ok {
		return Group{}, false
	}
	for _, grp := range c.groups {
		if _, found := slices.BinarySearch(grp.Members, id); found {
			return grp, true
		}
	}
	return Group{}, false
}

// Words returns the hashes of the content words of a lesson's text, as
// grouping compares them (their keys), sorted and distinct; nil when the
// lesson is not held. The server chooses a group's statement from them
// instead of analysing every text a second time.
func (g *Grouper) Words(id string) []uint64 {
	i, ok := g.lessons[id]
	if !ok {
		return nil
	}
	polar := g.nodes[i].p.polar
	out := make([]uint64, len(polar))
	for k, t := range polar {
		out[k] = t.h
	}
	return out
}

// Len is the number of lessons held.
func (g *Grouper) Len() int { return len(g.lessons) }

// Set adds a lesson, or replaces the lesson with its id (an edit of its
// text or codes), and regroups the components it touches.
func (g *Grouper) Set(l Lesson) Change {
	var seeds []int
	if _, ok := g.lessons[l.ID]; ok {
		seeds = g.removeLesson(l.ID)
	}
	seeds = append(seeds, g.addLesson(l.ID, contentKey(l), func() *profile { return analyse(g.res, l) })...)
	return g.regroup(append(seeds, g.settle()...))
}

// Remove takes a lesson out and regroups its component. Removing an
// unknown id changes nothing.
func (g *Grouper) Remove(id string) Change {
	if _, ok := g.lessons[id]; !ok {
		return Change{}
	}
	seeds := g.removeLesson(id)
	return g.regroup(append(seeds, g.settle()...))
}

// AddConstraint records a facilitator's decision and regroups the
// components of its two lessons.
func (g *Grouper) AddConstraint(c Constraint) Change {
	g.addConstraint(c)
	return g.reconstrain(c)
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
	return g.reconstrain(c)
}

// reconstrain moves the two lessons of a constraint into or out of items
// of their own, as their constraints now require, and regroups.
func (g *Grouper) reconstrain(c Constraint) Change {
	var seeds []int
	for _, id := range []string{c.A, c.B} {
		i, ok := g.lessons[id]
		if !ok || g.nodes[i].solo == g.constrained(id) {
			continue
		}
		p, key := g.nodes[i].p, g.nodes[i].key
		seeds = append(seeds, g.removeLesson(id)...)
		seeds = append(seeds, g.addLesson(id, key, func() *profile { return p })...)
	}
	seeds = append(seeds, g.itemsOf(c.A, c.B)...)
	return g.regroup(append(seeds, g.settle()...))
}

func (g *Grouper) constrained(id string) bool { return len(g.constraints[id]) > 0 }

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

// itemsOf lists the items of the given lessons.
func (g *Grouper) itemsOf(ids ...string) []int {
	var out []int
	for _, id := range ids {
		if i, ok := g.lessons[id]; ok {
			out = append(out, i)
		}
	}
	return out
}

// addLesson puts a lesson (not held) into the item of its content, or an
// item of its own, and returns the items to regroup around.
func (g *Grouper) addLesson(id, key string, prof func() *profile) []int {
	solo := g.constrained(id)
	if i, ok := g.byKey[key]; ok && !solo {
		n := &g.nodes[i]
		at, _ := slices.BinarySearch(n.members, id)
		n.members = slices.Insert(n.members, at, id)
		g.lessons[id] = i
		if at == 0 {
			// The item's name changes, and with it its place in ties.
			return g.rekey(i)
		}
		return []int{i}
	}
	i, touched := g.attach([]string{id}, key, solo, prof())
	return append(touched, i)
}

// removeLesson takes a held lesson out of its item and returns the items
// to regroup around.
func (g *Grouper) removeLesson(id string) []int {
	i := g.lessons[id]
	delete(g.lessons, id)
	n := &g.nodes[i]
	if len(n.members) == 1 {
		return g.detach(i)
	}
	first := n.members[0] == id
	n.members = slices.DeleteFunc(slices.Clone(n.members), func(m string) bool { return m == id })
	if first {
		return g.rekey(i)
	}
	return []int{i}
}

// rekey takes an item out and puts it back under its (new) smallest
// lesson id: the id decides ties in posting lists and among neighbours.
func (g *Grouper) rekey(i int) []int {
	n := g.nodes[i]
	touched := g.detach(i)
	j, more := g.attach(n.members, n.key, n.solo, n.p)
	return append(append(touched, more...), j)
}

// attach adds an item with its edges to the items already here. It
// returns the item and the other items whose edges or near misses changed
// because the item pushed them out of a share.
func (g *Grouper) attach(members []string, key string, solo bool, p *profile) (int, []int) {
	i := g.place(members, key, solo, p)
	touched := g.index(i)
	for _, j := range g.candidates(i) {
		g.link(i, j, compare(g.nodes[i].p, g.nodes[j].p))
	}
	return i, touched
}

// place gives a profile an item, without edges and not indexed.
func (g *Grouper) place(members []string, key string, solo bool, p *profile) int {
	var i int
	if n := len(g.free); n > 0 {
		i, g.free = g.free[n-1], g.free[:n-1]
	} else {
		i = len(g.nodes)
		g.nodes = append(g.nodes, node{})
	}
	// edges and apart are made on first use: most lessons of a large
	// set have few or none.
	g.nodes[i] = node{id: members[0], idHash: hashOf(members[0]), key: key, solo: solo, members: members,
		p: p, kw: keyWeights(p), comp: -1, present: true}
	for _, m := range members {
		g.lessons[m] = i
	}
	if !solo {
		g.byKey[key] = i
	}
	return i
}

// detach takes an item out of the graph and returns the members of its
// component, which must be regrouped, with the items whose edges changed
// because another moved into a share. Its lessons are not unmapped.
func (g *Grouper) detach(i int) []int {
	n := &g.nodes[i]
	var touched []int
	if c, ok := g.comps[n.comp]; ok {
		c.members = slices.DeleteFunc(c.members, func(m int) bool { return m == i })
		touched = slices.Clone(c.members)
		g.gone = append(g.gone, n.comp)
	}
	for _, e := range n.edges {
		g.dropEdge(int(e.j), i)
		g.touch(int(e.j))
	}
	for j := range n.apart {
		delete(g.nodes[j].apart, i)
	}
	n.edges, n.apart = nil, nil
	touched = append(touched, g.unindex(i)...)
	if !n.solo && g.byKey[n.key] == i {
		delete(g.byKey, n.key)
	}
	g.nodes[i] = node{}
	g.free = append(g.free, i)
	return touched
}
