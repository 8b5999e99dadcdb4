package grouping

import (
	"runtime"
	"slices"
	"sync"

	"leerlus/review/dutch"
)

// bulk adds many lessons to an empty Grouper: the same items, edges and
// near misses as inserting them one by one (every pair of items in the
// share of a feature at the end is compared, and no other), but the
// profiles and comparisons run on every core.
func (g *Grouper) bulk(lessons []Lesson) {
	last := make(map[string]int, len(lessons))
	for k, l := range lessons {
		last[l.ID] = k
	}
	// One item per content key, or per constrained lesson.
	type item struct {
		lesson  int
		key     string
		solo    bool
		members []string
	}
	keys := make([]string, len(lessons))
	parallel(len(lessons), func(_, k int) { keys[k] = contentKey(lessons[k]) })
	var items []*item
	shared := make(map[string]*item, len(lessons)/2)
	g.lessons = make(map[string]int, len(lessons))
	for k, l := range lessons {
		if last[l.ID] != k {
			continue
		}
		key := keys[k]
		if solo := g.constrained(l.ID); !solo {
			if it, ok := shared[key]; ok {
				it.members = append(it.members, l.ID)
				continue
			}
			it := &item{lesson: k, key: key, members: []string{l.ID}}
			shared[key] = it
			items = append(items, it)
		} else {
			items = append(items, &item{lesson: k, key: key, solo: true, members: []string{l.ID}})
		}
	}
	shared, keys = nil, nil
	// Every item at once: growing the nodes by doubling copied them often.
	g.nodes = slices.Grow(g.nodes, len(items))
	profiles := make([]*profile, len(items))
	workers := runtime.GOMAXPROCS(0)
	caches := make([]*dutch.TokenCache, workers)
	parallel(len(items), func(w, k int) {
		if caches[w] == nil {
			caches[w] = dutch.NewTokenCache()
		}
		l := lessons[items[k].lesson]
		profiles[k] = analyseTokens(g.res, l, caches[w].Tokens(l.Text))
	})
	caches = nil
	for k, it := range items {
		slices.Sort(it.members)
		i := g.place(it.members, it.key, it.solo, profiles[k])
		for x, key := range g.nodes[i].p.keys {
			g.postings[key] = append(g.postings[key], g.entryOf(i, x))
		}
	}
	items, profiles = nil, nil
	lists := make([][]entry, 0, len(g.postings))
	for _, list := range g.postings {
		lists = append(lists, list)
	}
	parallel(len(lists), func(_, k int) {
		slices.SortFunc(lists[k], g.rankCmp)
	})
	lists = nil
	// Each worker keeps the edges it found in chunks of its own: far fewer
	// allocations than a slice per item, and no doubling slice whose old
	// copies are garbage still held (at 100,000 lessons the found edges
	// are the largest thing a build holds besides the edges themselves).
	// Near misses are few and kept apart.
	type link struct {
		i, j int32
		sim  float64
	}
	const chunk = 1 << 14
	found := make([][][]link, workers)
	near := make([][][2]int32, workers)
	seen := make([][]int32, workers)
	parallel(len(g.nodes), func(w, i int) {
		if seen[w] == nil {
			seen[w] = make([]int32, len(g.nodes))
			for x := range seen[w] {
				seen[w][x] = -1
			}
		}
		p := g.nodes[i].p
		for x, key := range p.keys {
			if !g.inShare(i, x) {
				continue
			}
			for _, e := range g.share(g.postings[key]) {
				// Each pair once, from its smaller item.
				j := e.n
				if int(j) <= i || seen[w][j] == int32(i) {
					continue
				}
				seen[w][j] = int32(i)
				r := compare(p, g.nodes[j].p)
				switch {
				case r.apart:
					near[w] = append(near[w], [2]int32{int32(i), j})
				case r.sim >= edgeMin:
					last := len(found[w]) - 1
					if last < 0 || len(found[w][last]) == chunk {
						found[w] = append(found[w], make([]link, 0, chunk))
						last++
					}
					found[w][last] = append(found[w][last], link{int32(i), j, r.sim})
				}
			}
		}
	})
	seen = nil
	// Edges straight into each item's slice, sized once and sorted; near
	// misses through link. Nothing is marked dirty: Build makes every
	// neighbour list afresh.
	deg := make([]int32, len(g.nodes))
	for _, chunks := range found {
		for _, ls := range chunks {
			for _, l := range ls {
				deg[l.i]++
				deg[l.j]++
			}
		}
	}
	for i := range g.nodes {
		if deg[i] > 0 {
			g.nodes[i].edges = make([]nbr, 0, deg[i])
		}
	}
	deg = nil
	for w, chunks := range found {
		for c, ls := range chunks {
			for _, l := range ls {
				g.nodes[l.i].edges = append(g.nodes[l.i].edges, nbr{l.j, l.sim})
				g.nodes[l.j].edges = append(g.nodes[l.j].edges, nbr{l.i, l.sim})
			}
			chunks[c] = nil
		}
		found[w] = nil
		for _, p := range near[w] {
			g.link(int(p[0]), int(p[1]), pair{apart: true})
		}
		near[w] = nil
	}
	parallel(len(g.nodes), func(_, i int) {
		slices.SortFunc(g.nodes[i].edges, func(a, b nbr) int { return int(a.j) - int(b.j) })
	})
}

// parallel calls fn(worker, k) for k in 0..n-1, spread over the cores.
// fn must touch nothing another k touches, except through its worker.
func parallel(n int, fn func(worker, k int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := w; k < n; k += workers {
				fn(w, k)
			}
		}()
	}
	wg.Wait()
}
