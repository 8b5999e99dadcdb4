package grouping

import "slices"

// postingCap is the most lessons a term or concept may occur in and still
// retrieve candidates. A feature shared by more lessons says little about
// any pair of them, and comparing every pair behind it is what made
// grouping quadratic. The cap is a constant, not a share of the lessons,
// so that whether two lessons are compared depends on the lessons that
// hold their shared features and nothing else; the labelled sets (under
// 200 lessons) never reach it.
const postingCap = 1000

// active reports whether a feature still retrieves candidates.
func (g *Grouper) active(k uint64) bool {
	n := len(g.postings[k])
	return n > 0 && n <= g.cap
}

// candidates are the lessons that share an active term or concept with p,
// in the order met.
func (g *Grouper) candidates(p *profile, self int) []int {
	seen := map[int]bool{self: true}
	var out []int
	for _, k := range p.keys {
		if !g.active(k) {
			continue
		}
		for _, j := range g.postings[k] {
			if !seen[j] {
				seen[j] = true
				out = append(out, j)
			}
		}
	}
	return out
}

// shareActive reports whether two held lessons share an active feature:
// whether they are compared at all.
func (g *Grouper) shareActive(a, b *profile) bool {
	i, j := 0, 0
	for i < len(a.keys) && j < len(b.keys) {
		x, y := a.keys[i], b.keys[j]
		switch {
		case x < y:
			i++
		case x > y:
			j++
		default:
			if g.active(x) {
				return true
			}
			i++
			j++
		}
	}
	return false
}

// link records what comparing two held lessons gave.
func (g *Grouper) link(i, j int, r pair) {
	switch {
	case r.apart:
		if g.nodes[i].apart == nil {
			g.nodes[i].apart = map[int]bool{}
		}
		if g.nodes[j].apart == nil {
			g.nodes[j].apart = map[int]bool{}
		}
		g.nodes[i].apart[j] = true
		g.nodes[j].apart[i] = true
	case r.sim >= edgeMin:
		if g.nodes[i].edges == nil {
			g.nodes[i].edges = map[int]float64{}
		}
		if g.nodes[j].edges == nil {
			g.nodes[j].edges = map[int]float64{}
		}
		g.nodes[i].edges[j] = r.sim
		g.nodes[j].edges[i] = r.sim
		g.touch(i)
		g.touch(j)
	}
}

// index adds a lesson to the postings of its features. A feature whose
// list outgrows the cap stops retrieving: every pair of its lessons that
// shared no other active feature loses its edge or near miss. It returns
// the lessons whose edges or near misses changed.
func (g *Grouper) index(i int) []int {
	var touched []int
	for _, k := range g.nodes[i].p.keys {
		g.postings[k] = append(g.postings[k], i)
		if len(g.postings[k]) != g.cap+1 {
			continue
		}
		for _, x := range g.postings[k] {
			if x == i {
				continue // not linked yet
			}
			n := &g.nodes[x]
			for y := range n.edges {
				if !g.shareActive(n.p, g.nodes[y].p) {
					delete(n.edges, y)
					delete(g.nodes[y].edges, x)
					g.touch(x)
					g.touch(y)
					touched = append(touched, x, y)
				}
			}
			for y := range n.apart {
				if !g.shareActive(n.p, g.nodes[y].p) {
					delete(n.apart, y)
					delete(g.nodes[y].apart, x)
					touched = append(touched, x, y)
				}
			}
		}
	}
	return touched
}

// unindex takes a lesson out of the postings of its features. A feature
// whose list shrinks back to the cap retrieves again: every pair of its
// lessons not compared before is compared now. It returns the lessons
// whose edges or near misses changed.
func (g *Grouper) unindex(i int) []int {
	var touched []int
	p := g.nodes[i].p
	back := map[uint64]bool{}
	for _, k := range p.keys {
		g.postings[k] = slices.DeleteFunc(g.postings[k], func(j int) bool { return j == i })
		switch len(g.postings[k]) {
		case 0:
			delete(g.postings, k)
		case g.cap:
			back[k] = true
		}
	}
	for _, k := range p.keys {
		if !back[k] {
			continue
		}
		list := g.postings[k]
		for a, x := range list {
			for _, y := range list[a+1:] {
				if g.comparedBefore(x, y, k, back) {
					continue
				}
				r := compare(g.nodes[x].p, g.nodes[y].p)
				if r.apart || r.sim >= edgeMin {
					g.link(x, y, r)
					touched = append(touched, x, y)
				}
			}
		}
	}
	return touched
}

// comparedBefore reports whether two lessons that share feature k, active
// again, need no comparing for it: they share a feature that was active
// already, or another feature active again that comes before k (and
// compares them).
func (g *Grouper) comparedBefore(x, y int, k uint64, back map[uint64]bool) bool {
	a, b := g.nodes[x].p.keys, g.nodes[y].p.keys
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			f := a[i]
			if back[f] && f < k || !back[f] && g.active(f) {
				return true
			}
			i++
			j++
		}
	}
	return false
}
