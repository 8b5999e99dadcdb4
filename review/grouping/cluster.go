package grouping

import (
	"container/heap"
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
// is ignored: the facilitator's split wins. It returns the clusters of two
// or more lessons, each in ascending order, ordered by their first lesson.
func clusterComponent(n int, edges []edge, apart, together [][2]int) [][]int {
	cl := newClusters(n)
	for _, p := range apart {
		cl.forbid(p[0], p[1])
	}
	for _, e := range edges {
		cl.link(e.u, e.v, e.sim)
	}
	for _, p := range together {
		a, b := cl.find(p[0]), cl.find(p[1])
		if a != b && !cl.cannot[a][b] {
			cl.merge(a, b)
		}
	}
	h := &cl.queue
	for a := range cl.alive {
		if cl.alive[a] {
			for b := range cl.adj[a] {
				if a < b {
					cl.push(a, b)
				}
			}
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		c := heap.Pop(h).(candidate)
		if !cl.alive[c.a] || !cl.alive[c.b] || cl.cannot[c.a][c.b] {
			continue
		}
		if c.avg < mergeMin {
			break
		}
		m := cl.merge(c.a, c.b)
		for x := range cl.adj[m] {
			cl.pushNow(m, x)
		}
	}
	return cl.result()
}

// clusters is the state of one clustering. A cluster is named by an index;
// a merge makes a new one. Everything about a pair of live clusters stays
// current, because only a merge changes it and a merge retires both.
type clusters struct {
	alive   []bool
	members [][]int
	first   []int             // smallest lesson of a cluster
	adj     []map[int]float64 // summed similarity to neighbouring clusters
	cannot  []map[int]bool    // clusters it must never join
	of      []int             // lesson → its cluster, kept for find
	queue   candidates
}

func newClusters(n int) *clusters {
	cl := &clusters{}
	for i := 0; i < n; i++ {
		cl.add([]int{i}, i)
	}
	return cl
}

func (cl *clusters) add(members []int, first int) int {
	id := len(cl.alive)
	cl.alive = append(cl.alive, true)
	cl.members = append(cl.members, members)
	cl.first = append(cl.first, first)
	cl.adj = append(cl.adj, map[int]float64{})
	cl.cannot = append(cl.cannot, map[int]bool{})
	for _, m := range members {
		if m < len(cl.of) {
			cl.of[m] = id
		} else {
			cl.of = append(cl.of, id)
		}
	}
	return id
}

func (cl *clusters) find(lesson int) int { return cl.of[lesson] }

func (cl *clusters) forbid(a, b int) {
	cl.cannot[a][b] = true
	cl.cannot[b][a] = true
}

func (cl *clusters) link(a, b int, sim float64) {
	cl.adj[a][b] += sim
	cl.adj[b][a] += sim
}

// merge joins two live clusters into a new one and returns it. Sums are
// added in a fixed order (the cluster with the smaller first lesson
// first), so equal inputs give equal bits.
func (cl *clusters) merge(a, b int) int {
	if cl.first[b] < cl.first[a] {
		a, b = b, a
	}
	members := mergeSorted(cl.members[a], cl.members[b])
	m := cl.add(members, cl.first[a])
	for _, old := range []int{a, b} {
		cl.alive[old] = false
		for x := range cl.cannot[old] {
			if x == a || x == b {
				continue
			}
			cl.cannot[m][x] = true
			cl.cannot[x][m] = true
			delete(cl.cannot[x], old)
		}
	}
	for x, s := range cl.adj[a] {
		if x != b {
			cl.adj[m][x] = s
		}
	}
	for x, s := range cl.adj[b] {
		if x != a {
			cl.adj[m][x] += s
		}
	}
	for x, s := range cl.adj[m] {
		delete(cl.adj[x], a)
		delete(cl.adj[x], b)
		cl.adj[x][m] = s
	}
	cl.adj[a], cl.adj[b] = nil, nil
	cl.cannot[a], cl.cannot[b] = nil, nil
	cl.members[a], cl.members[b] = nil, nil
	return m
}

func (cl *clusters) avg(a, b int) float64 {
	return cl.adj[a][b] / float64(len(cl.members[a])*len(cl.members[b]))
}

func (cl *clusters) candidate(a, b int) candidate {
	if cl.first[b] < cl.first[a] {
		a, b = b, a
	}
	return candidate{avg: cl.avg(a, b), a: a, b: b, fa: cl.first[a], fb: cl.first[b]}
}

// push and pushNow queue a pair of clusters only when it could merge: an
// average below mergeMin stays below until one of the two merges, and a
// merge queues the new cluster's pairs afresh. Leaving them out changes no
// merge (the loop would stop at the first of them) and keeps the queue
// small.
func (cl *clusters) push(a, b int) {
	if c := cl.candidate(a, b); c.avg >= mergeMin {
		cl.queue = append(cl.queue, c)
	}
}

func (cl *clusters) pushNow(a, b int) {
	if c := cl.candidate(a, b); c.avg >= mergeMin {
		heap.Push(&cl.queue, c)
	}
}

func (cl *clusters) result() [][]int {
	var out [][]int
	for id, ok := range cl.alive {
		if ok && len(cl.members[id]) > 1 {
			out = append(out, cl.members[id])
		}
	}
	sortByFirst(out)
	return out
}

// candidate is a possible merge; the queue pops the highest average first,
// and among equals the pair whose first lessons come first.
type candidate struct {
	avg    float64
	a, b   int
	fa, fb int
}

type candidates []candidate

func (q candidates) Len() int { return len(q) }
func (q candidates) Less(i, j int) bool {
	x, y := q[i], q[j]
	if x.avg != y.avg {
		return x.avg > y.avg
	}
	if x.fa != y.fa {
		return x.fa < y.fa
	}
	return x.fb < y.fb
}
func (q candidates) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *candidates) Push(x any)   { *q = append(*q, x.(candidate)) }
func (q *candidates) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] < b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

func sortByFirst(groups [][]int) {
	slices.SortFunc(groups, func(a, b []int) int { return a[0] - b[0] })
}
