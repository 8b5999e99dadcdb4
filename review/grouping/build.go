package grouping

import (
	"runtime"
	"sync"

	"leerlus/review/dutch"
)

// bulk adds many lessons at once: the same edges and near misses as
// inserting them one by one (every pair that shares a feature active at
// the end is compared, and no other), but the profiles and comparisons
// run on every core, and no pair is compared for a feature that a later
// lesson takes over the cap.
func (g *Grouper) bulk(lessons []Lesson) {
	last := make(map[string]int, len(lessons))
	for k, l := range lessons {
		last[l.ID] = k
	}
	var keep []Lesson
	for k, l := range lessons {
		if last[l.ID] == k {
			keep = append(keep, l)
		}
	}
	profiles := make([]*profile, len(keep))
	workers := runtime.GOMAXPROCS(0)
	caches := make([]*dutch.TokenCache, workers)
	parallel(len(keep), func(w, k int) {
		if caches[w] == nil {
			caches[w] = dutch.NewTokenCache()
		}
		profiles[k] = analyseTokens(g.res, keep[k], caches[w].Tokens(keep[k].Text))
	})
	caches = nil
	nodes := make([]int, len(keep))
	for k, l := range keep {
		if _, ok := g.byID[l.ID]; ok {
			g.detach(l.ID)
		}
		i := g.place(l.ID, profiles[k])
		nodes[k] = i
		for _, key := range profiles[k].keys {
			g.postings[key] = append(g.postings[key], i)
		}
	}
	type link struct {
		j int
		r pair
	}
	found := make([][]link, len(g.nodes))
	seen := make([][]int, workers)
	parallel(len(nodes), func(w, k int) {
		i := nodes[k]
		if seen[w] == nil {
			seen[w] = make([]int, len(g.nodes))
			for x := range seen[w] {
				seen[w][x] = -1
			}
		}
		p := g.nodes[i].p
		for _, key := range p.keys {
			if !g.active(key) {
				continue
			}
			for _, j := range g.postings[key] {
				// Each pair once, from its smaller node.
				if j <= i || seen[w][j] == i {
					continue
				}
				seen[w][j] = i
				if r := compare(p, g.nodes[j].p); r.apart || r.sim >= edgeMin {
					found[i] = append(found[i], link{j, r})
				}
			}
		}
	})
	for i, ls := range found {
		for _, l := range ls {
			g.link(i, l.j, l.r)
		}
	}
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
