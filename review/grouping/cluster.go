package grouping

import (
	"slices"
)

// edge is a pair of lessons of one component, by their local index.
type edge struct {
	u, v int
	sim  float64
}

// clusterComponent groups the lessons of one component by average-link
// agglomerative clustering on the component's edges: the two clusters with
// the highest average similarity (a pair without an edge counts 0) merge
// until no two clusters reach mergeMin. Lessons are numbered 0..n-1 in
// the order of their ids, and ties go to the pair of clusters whose
// smallest lessons come first, so the result depends on nothing but the
// component. Together pairs start in one cluster; apart pairs (and near
// misses) never end in one. A together pair that would join an apart pair
// is ignored: the facilitator's split wins.
//
// Each item stands for weight[i] lessons with one text (weight nil: one
// each): the average counts every lesson, so an item of m lessons weighs
// as m lessons that are already merged. It returns the clusters that hold
// two or more lessons, each in ascending order, ordered by their first
// item.
//
// Cost: a merge reads the adjacency of its two clusters only. A neighbour
// keeps its entries for the two old clusters; they are resolved to the
// cluster they became (union-find) when that neighbour merges in turn,
// and summed then. So the work is about the number of edges times the
// depth of the merges, not the component's size squared.
func clusterComponent(n int, weight []int, edges []edge, apart, together [][2]int) [][]int {
	cl := newClusters(n, weight)
	for _, p := range apart {
		cl.forbid(p[0], p[1])
	}
	// Each lesson's entries in edge order, as appending them one by one
	// would give, in one allocation.
	deg := make([]int32, n)
	for _, e := range edges {
		deg[e.u]++
		deg[e.v]++
	}
	all := make([]adjEntry, 2*len(edges))
	at := 0
	for i, d := range deg {
		cl.adj[i] = all[at : at : at+int(d)]
		at += int(d)
	}
	for _, e := range edges {
		s := float64(cl.size[e.u]*cl.size[e.v]) * e.sim
		cl.adj[e.u] = append(cl.adj[e.u], adjEntry{int32(e.v), s})
		cl.adj[e.v] = append(cl.adj[e.v], adjEntry{int32(e.u), s})
	}
	for _, p := range together {
		a, b := cl.find(p[0]), cl.find(p[1])
		if a != b && !cl.forbidden(a, b) {
			cl.merge(a, b)
		}
	}
	for a := range cl.alive {
		if cl.alive[a] {
			cl.offer(a)
		}
	}
	for len(cl.queue) > 0 {
		c := cl.pop()
		a, b := int(c.a), int(c.b)
		if !cl.alive[c.own] {
			continue // it merged, and the new cluster offered its own best
		}
		if !cl.alive[a] || !cl.alive[b] || cl.forbidden(a, b) {
			// The partner merged since: find the owner's best again.
			cl.offer(int(c.own))
			continue
		}
		if c.avg < mergeMin {
			break
		}
		cl.offer(cl.merge(a, b))
	}
	return cl.result(n)
}

// adjEntry is the summed similarity of a cluster to another, as it was
// when written: the other may have merged since (resolve with find).
type adjEntry struct {
	c int32
	s float64
}

// clusters is the state of one clustering. A cluster is named by an index;
// a merge makes a new one and retires both. Everything about a pair of
// live clusters stays current, because only a merge changes it. Lesson i
// starts as cluster i; a cluster's lessons are found at the end through
// parent, not kept per cluster.
type clusters struct {
	alive  []bool
	first  []int // smallest lesson of a cluster
	size   []int // lessons in a cluster, counting weights
	parent []int // the cluster a retired cluster merged into
	adj    [][]adjEntry
	// stale marks the clusters whose entries may name a cluster merged
	// since: a merge marks every cluster its two clusters' entries name
	// (adjacency is symmetric), and resolve clears the mark. A cluster
	// not marked needs no resolving.
	stale []bool
	// cannot are the clusters a cluster must never join, as written: an
	// entry may name a cluster merged since (resolve with find). Each side
	// of an apart pair carries it, so one side's list is enough to ask.
	cannot [][]int32
	queue  []candidate
	// acc, mark and order are scratch for summing an adjacency; slab is
	// where new adjacency lists are cut from (most are short-lived, and
	// one allocation per merge was most of the clustering's time).
	acc   []float64
	mark  []bool
	order []int32
	slab  []adjEntry
}

func newClusters(n int, weight []int) *clusters {
	// A clustering of n lessons makes at most n-1 more clusters.
	c := max(2*n-1, 0)
	cl := &clusters{alive: make([]bool, 0, c), first: make([]int, 0, c), size: make([]int, 0, c), parent: make([]int, 0, c),
		adj: make([][]adjEntry, 0, c), stale: make([]bool, 0, c), cannot: make([][]int32, 0, c),
		acc: make([]float64, 0, c), mark: make([]bool, 0, c)}
	for i := 0; i < n; i++ {
		w := 1
		if weight != nil {
			w = weight[i]
		}
		cl.add(i, w)
	}
	return cl
}

func (cl *clusters) add(first, size int) int {
	id := len(cl.alive)
	cl.alive = append(cl.alive, true)
	cl.first = append(cl.first, first)
	cl.size = append(cl.size, size)
	cl.parent = append(cl.parent, id)
	cl.adj = append(cl.adj, nil)
	cl.stale = append(cl.stale, false)
	cl.cannot = append(cl.cannot, nil)
	cl.acc = append(cl.acc, 0)
	cl.mark = append(cl.mark, false)
	return id
}

// alloc cuts a list of n entries from the slab.
func (cl *clusters) alloc(n int) []adjEntry {
	if cap(cl.slab)-len(cl.slab) < n {
		cl.slab = make([]adjEntry, 0, max(n, 4096))
	}
	at := len(cl.slab)
	cl.slab = cl.slab[:at+n]
	return cl.slab[at : at+n : at+n]
}

// find is the live cluster a cluster (or lesson: lesson i starts as
// cluster i) is now part of.
func (cl *clusters) find(c int) int {
	root := c
	for cl.parent[root] != root {
		root = cl.parent[root]
	}
	for cl.parent[c] != root {
		c, cl.parent[c] = cl.parent[c], root
	}
	return root
}

func (cl *clusters) forbid(a, b int) {
	cl.cannot[a] = append(cl.cannot[a], int32(b))
	cl.cannot[b] = append(cl.cannot[b], int32(a))
}

// forbidden reports whether two live clusters hold an apart pair.
func (cl *clusters) forbidden(a, b int) bool {
	if len(cl.cannot[b]) < len(cl.cannot[a]) {
		a, b = b, a
	}
	for _, x := range cl.cannot[a] {
		if cl.find(int(x)) == b {
			return true
		}
	}
	return false
}

// merge joins two live clusters into a new one and queues the new
// cluster's pairs that could merge. Sums are added in a fixed order (the
// cluster with the smaller first lesson first, its entries in order), so
// equal inputs give equal bits.
func (cl *clusters) merge(a, b int) int {
	if cl.first[b] < cl.first[a] {
		a, b = b, a
	}
	m := cl.add(cl.first[a], cl.size[a]+cl.size[b])
	cl.parent[a], cl.parent[b] = m, m
	cl.alive[a], cl.alive[b] = false, false
	// The new cluster inherits both lists unresolved (an apart pair
	// never lies inside a cluster, so no entry names m itself).
	if len(cl.cannot[a])+len(cl.cannot[b]) > 0 {
		cl.cannot[m] = append(append(make([]int32, 0, len(cl.cannot[a])+len(cl.cannot[b])), cl.cannot[a]...), cl.cannot[b]...)
		cl.cannot[a], cl.cannot[b] = nil, nil
	}
	// Sum both adjacencies by the live cluster each entry now names.
	order := cl.order[:0]
	for _, old := range []int{a, b} {
		for _, e := range cl.adj[old] {
			x := cl.find(int(e.c))
			if x == m {
				continue
			}
			if !cl.mark[x] {
				cl.mark[x] = true
				order = append(order, int32(x))
			}
			cl.acc[x] += e.s
		}
		cl.adj[old] = nil
	}
	slices.Sort(order)
	adj := cl.alloc(len(order))
	for k, x := range order {
		adj[k] = adjEntry{x, cl.acc[x]}
		cl.acc[x], cl.mark[x] = 0, false
		// x's entries name a or b: both retired now.
		cl.stale[x] = true
	}
	cl.order = order
	cl.adj[m] = adj
	return m
}

func (cl *clusters) candidate(a, b int, sum float64) candidate {
	if cl.first[b] < cl.first[a] {
		a, b = b, a
	}
	avg := sum / float64(cl.size[a]*cl.size[b])
	return candidate{avg: avg, a: int32(a), b: int32(b), fa: int32(cl.first[a]), fb: int32(cl.first[b])}
}

// offer queues a live cluster's best partner (by candidate order), when
// their average reaches mergeMin; it first sums the cluster's entries by
// the live clusters they name now. The queue holds at most one entry per
// cluster, and this invariant keeps it right: every live pair that could
// merge is matched or beaten by the entry of one of its two clusters —
// a cluster's averages to live clusters change only when one of them
// merges, and the new cluster offers its own best over all its pairs. So
// the top entry, once its two clusters are both live, is the best pair of
// all; an entry whose partner has merged is offered again when popped.
func (cl *clusters) offer(a int) {
	if cl.stale[a] {
		cl.resolve(a)
	}
	// Mark the clusters a must not join, once, instead of asking per pair.
	var banned []int
	for _, x := range cl.cannot[a] {
		if b := cl.find(int(x)); !cl.mark[b] {
			cl.mark[b] = true
			banned = append(banned, b)
		}
	}
	var best candidate
	found := false
	sa := cl.size[a]
	for _, e := range cl.adj[a] {
		b := int(e.c)
		if cl.mark[b] {
			continue
		}
		// The average first: most pairs are below mergeMin or below the
		// best so far, and need no candidate.
		avg := e.s / float64(sa*cl.size[b])
		if avg < mergeMin || found && avg < best.avg {
			continue
		}
		if c := cl.candidate(a, b, e.s); !found || c.before(best) {
			best, found = c, true
		}
	}
	for _, b := range banned {
		cl.mark[b] = false
	}
	if found {
		best.own = int32(a)
		cl.queue = append(cl.queue, best)
		cl.up(len(cl.queue) - 1)
	}
}

// resolve rewrites a live cluster's entries to name live clusters only,
// summing those that now name one cluster, in entry order.
func (cl *clusters) resolve(a int) {
	cl.stale[a] = false
	order := cl.order[:0]
	stale := false
	for _, e := range cl.adj[a] {
		x := cl.find(int(e.c))
		if x != int(e.c) {
			stale = true
		}
		if !cl.mark[x] {
			cl.mark[x] = true
			order = append(order, int32(x))
		}
		cl.acc[x] += e.s
	}
	cl.order = order
	if !stale {
		for _, x := range order {
			cl.acc[x], cl.mark[x] = 0, false
		}
		return
	}
	slices.Sort(order)
	adj := cl.alloc(len(order))
	for k, x := range order {
		adj[k] = adjEntry{x, cl.acc[x]}
		cl.acc[x], cl.mark[x] = 0, false
	}
	cl.adj[a] = adj
}

// result lists the clusters of two or more lessons (counting weights),
// each in ascending order, ordered by their first lesson.
func (cl *clusters) result(n int) [][]int {
	byRoot := map[int][]int{}
	var roots []int
	for i := 0; i < n; i++ {
		r := cl.find(i)
		if cl.size[r] <= 1 {
			continue
		}
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	out := make([][]int, len(roots))
	for k, r := range roots {
		out[k] = byRoot[r]
	}
	return out
}

// candidate is a possible merge; the queue pops the highest average first,
// and among equals the pair whose first lessons come first.
type candidate struct {
	avg    float64
	a, b   int32 // a has the smaller first lesson
	fa, fb int32
	own    int32 // the cluster that offered it: a or b
}

func (x candidate) before(y candidate) bool {
	if x.avg != y.avg {
		return x.avg > y.avg
	}
	if x.fa != y.fa {
		return x.fa < y.fa
	}
	return x.fb < y.fb
}

// The queue is a binary heap on candidate.before, written out so that a
// push does not box its value.
func (cl *clusters) pop() candidate {
	q := cl.queue
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	cl.queue = q[:last]
	cl.down(0)
	return top
}

func (cl *clusters) up(i int) {
	q := cl.queue
	for i > 0 {
		p := (i - 1) / 2
		if !q[i].before(q[p]) {
			return
		}
		q[i], q[p] = q[p], q[i]
		i = p
	}
}

func (cl *clusters) down(i int) {
	q := cl.queue
	n := len(q)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		best := l
		if r := l + 1; r < n && q[r].before(q[l]) {
			best = r
		}
		if !q[best].before(q[i]) {
			return
		}
		q[i], q[best] = q[best], q[i]
		i = best
	}
}
