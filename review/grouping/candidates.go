package grouping

import (
	"slices"
	"strings"
)

// postingCap is how many items (lessons, with lessons of one text counted
// once) a term or concept retrieves candidates among: the share of the
// feature. A feature held by at most postingCap items shares all of them,
// and every pair of them is compared. A feature held by more shares only
// the postingCap items for which it counts most (the highest weight of the
// feature in the item's profile: the feature is what the lesson is about,
// not a word in passing), ties by a hash of feature and item, then by id.
// Comparing every pair behind a common feature is what made grouping
// quadratic; a share keeps the work per feature bounded by postingCap²/2
// without dropping the feature, so its most characteristic lessons still
// meet through it.
//
// Whether two items are compared depends on the two items and on the
// items that hold their shared features (which of them lead a share),
// never on the order of arrival. The cap is a constant, not a share of the
// lessons; the labelled sets (under 200 lessons) stay under it.
const postingCap = 80

// entry is an item in the posting list of a feature, ordered by rank.
type entry struct {
	w   float64 // the feature's weight in the item's profile
	tie uint64  // mix of feature and item id: spreads ties over the items
	n   int32
}

// rankLess orders a posting list: highest weight first, then tie, then id.
func (g *Grouper) rankLess(a, b entry) bool {
	if a.w != b.w {
		return a.w > b.w
	}
	if a.tie != b.tie {
		return a.tie < b.tie
	}
	return g.nodes[a.n].id < g.nodes[b.n].id
}

func (g *Grouper) rankCmp(a, b entry) int {
	switch {
	case a.n == b.n:
		return 0
	case g.rankLess(a, b):
		return -1
	}
	return 1
}

// entryOf is item i's entry for feature k (at index x of its keys).
func (g *Grouper) entryOf(i int, x int) entry {
	n := &g.nodes[i]
	return entry{w: n.kw[x], tie: mix(n.p.keys[x] ^ n.idHash), n: int32(i)}
}

// mix is splitmix64's finaliser: a fixed bijection that spreads bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// keyWeights gives the weight in the profile of each of its keys.
func keyWeights(p *profile) []float64 {
	out := make([]float64, len(p.keys))
	for x, k := range p.keys {
		if at, ok := slices.BinarySearch(p.slots, slot(k, termBlock)); ok {
			out[x] = p.weights[at]
		}
	}
	return out
}

// share is the part of a posting list that retrieves.
func (g *Grouper) share(list []entry) []entry { return list[:min(len(list), g.cap)] }

// inShare reports whether item i (holding key x) is in the share of that
// feature.
func (g *Grouper) inShare(i, x int) bool {
	list := g.postings[g.nodes[i].p.keys[x]]
	if len(list) <= g.cap {
		return true
	}
	return !g.rankLess(list[g.cap-1], g.entryOf(i, x))
}

// candidates are the items that share the share of a feature with item
// i, in the order met.
func (g *Grouper) candidates(i int) []int {
	seen := map[int32]bool{int32(i): true}
	var out []int
	for x, k := range g.nodes[i].p.keys {
		if !g.inShare(i, x) {
			continue
		}
		for _, e := range g.share(g.postings[k]) {
			if !seen[e.n] {
				seen[e.n] = true
				out = append(out, int(e.n))
			}
		}
	}
	return out
}

// probe lists the items a lesson not held would be compared with: the
// shares of its features.
func (g *Grouper) probe(p *profile, self int) []int {
	seen := map[int32]bool{int32(self): true}
	var out []int
	for _, k := range p.keys {
		for _, e := range g.share(g.postings[k]) {
			if !seen[e.n] {
				seen[e.n] = true
				out = append(out, int(e.n))
			}
		}
	}
	return out
}

// shareOpen reports whether two held items are in the share of a feature
// they both hold: whether they are compared at all.
func (g *Grouper) shareOpen(a, b int) bool {
	ka, kb := g.nodes[a].p.keys, g.nodes[b].p.keys
	i, j := 0, 0
	for i < len(ka) && j < len(kb) {
		x, y := ka[i], kb[j]
		switch {
		case x < y:
			i++
		case x > y:
			j++
		default:
			if g.inShare(a, i) && g.inShare(b, j) {
				return true
			}
			i++
			j++
		}
	}
	return false
}

// link records what comparing two held items gave.
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
		g.setEdge(i, j, r.sim)
		g.setEdge(j, i, r.sim)
		g.touch(i)
		g.touch(j)
	}
}

// index adds an item to the posting lists of its features. Where it
// enters a full share, the item it pushes out stops retrieving through
// that feature: each of its pairs that no longer shares a share loses its
// edge or near miss. (A later push can only close more pairs, and closes
// them when it happens.) It returns the items whose edges or near misses
// changed.
func (g *Grouper) index(i int) []int {
	var touched []int
	for x, k := range g.nodes[i].p.keys {
		e := g.entryOf(i, x)
		list := g.postings[k]
		at, _ := slices.BinarySearchFunc(list, e, g.rankCmp)
		list = slices.Insert(list, at, e)
		g.postings[k] = list
		if len(list) <= g.cap || at >= g.cap {
			continue
		}
		touched = append(touched, g.recheck(int(list[g.cap].n))...)
	}
	return touched
}

// recheck drops the edges and near misses of an item with the items it is
// no longer compared with.
func (g *Grouper) recheck(x int) []int {
	var touched []int
	n := &g.nodes[x]
	kept := n.edges[:0]
	for _, e := range n.edges {
		y := int(e.j)
		if g.shareOpen(x, y) {
			kept = append(kept, e)
			continue
		}
		g.dropEdge(y, x)
		g.touch(x)
		g.touch(y)
		touched = g.within(touched, x, y)
	}
	clear(n.edges[len(kept):])
	n.edges = kept
	for y := range n.apart {
		if !g.shareOpen(x, y) {
			delete(n.apart, y)
			delete(g.nodes[y].apart, x)
			touched = g.within(touched, x, y)
		}
	}
	return touched
}

// within adds the two items of a pair whose edge or near miss changed to
// the items to regroup around, when they lie in one component: a
// component is clustered on the edges and near misses between its own
// items only, so a pair across two components changes neither clustering.
// Whether the pair now joins a component depends on the two items'
// neighbours, and settle finds that (every changed edge touches both).
func (g *Grouper) within(touched []int, x, y int) []int {
	if c := g.nodes[x].comp; c >= 0 && c == g.nodes[y].comp {
		return append(touched, x, y)
	}
	return touched
}

// unindex takes an item out of the posting lists of its features. Where
// it leaves a full share, the next item moves into the share and is
// compared with the share's items (comparing a pair again gives the same
// result, so pairs compared before through another feature need no
// check). It returns the items whose edges or near misses changed.
func (g *Grouper) unindex(i int) []int {
	type entrant struct {
		n int
		k uint64
	}
	var in []entrant
	for x, k := range g.nodes[i].p.keys {
		e := g.entryOf(i, x)
		list := g.postings[k]
		at, ok := slices.BinarySearchFunc(list, e, g.rankCmp)
		if !ok {
			panic("grouping: item missing from a posting list")
		}
		list = slices.Delete(list, at, at+1)
		if len(list) == 0 {
			delete(g.postings, k)
			continue
		}
		g.postings[k] = list
		if at < g.cap && len(list) >= g.cap {
			in = append(in, entrant{int(list[g.cap-1].n), k})
		}
	}
	var touched []int
	for _, e := range in {
		for _, s := range g.share(g.postings[e.k]) {
			j := int(s.n)
			if j == e.n {
				continue
			}
			if r := compare(g.nodes[e.n].p, g.nodes[j].p); r.apart || r.sim >= edgeMin {
				g.link(e.n, j, r)
				touched = g.within(touched, e.n, j)
			}
		}
	}
	return touched
}

// contentKey names what grouping reads of a lesson: lessons with one key
// have one profile and are held as one item.
func contentKey(l Lesson) string {
	var b strings.Builder
	b.WriteString(l.Text)
	for _, s := range [][]string{distinctSorted(l.Codes), distinctSorted(l.ItemCodes)} {
		b.WriteByte(0)
		for _, c := range s {
			b.WriteString(c)
			b.WriteByte(1)
		}
	}
	return b.String()
}
