package grouping

import (
	"slices"
	"strings"
)

// Match is an existing group a lesson could join, with how well it fits:
// the lesson's average similarity to the group's members, as average-link
// clustering measures it (0 to 1).
type Match struct {
	Group Group
	Score float64
}

// Nearest returns up to k groups closest to a lesson, best first (ties by
// anchor), for the curation screen to offer "place it here" in one click.
// The lesson need not be held by the Grouper; if it is, it is left out of
// the groups it is compared with. A group with a member the lesson is a
// near miss of, or must stay apart from, is not offered.
func (g *Grouper) Nearest(l Lesson, k int) []Match {
	if k <= 0 {
		return nil
	}
	p := analyse(g.res, l)
	self, held := g.lessons[l.ID]
	if !held {
		self = -1
	}
	sims := map[int]pair{}
	for _, j := range g.probe(p, self) {
		sims[j] = compare(p, g.nodes[j].p)
	}
	if held && len(g.nodes[self].members) > 1 {
		// The lesson's own item holds other lessons with its text.
		sims[self] = compare(p, g.nodes[self].p)
	}
	seen := map[string]bool{}
	var out []Match
	for j := range sims {
		c, ok := g.comps[g.nodes[j].comp]
		if !ok {
			continue
		}
		for _, grp := range c.groups {
			if seen[grp.Anchor()] || !slices.Contains(grp.Members, g.nodes[j].id) {
				continue
			}
			seen[grp.Anchor()] = true
			if m, ok := g.fit(l.ID, grp, sims); ok {
				out = append(out, m)
			}
		}
	}
	slices.SortFunc(out, func(a, b Match) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Group.Anchor(), b.Group.Anchor())
	})
	if len(out) > k {
		out = out[:k]
	}
	return out
}

// fit scores a lesson against a group; false when it may not join it.
func (g *Grouper) fit(id string, grp Group, sims map[int]pair) (Match, bool) {
	var sum float64
	n := 0
	for _, m := range grp.Members {
		if m == id {
			continue
		}
		n++
		r := sims[g.lessons[m]]
		if r.apart || g.apartConstraint(id, m) {
			return Match{}, false
		}
		sum += r.sim
	}
	if n == 0 || sum == 0 {
		return Match{}, false
	}
	return Match{Group: grp, Score: sum / float64(n)}, true
}

func (g *Grouper) apartConstraint(a, b string) bool {
	c := canonical(Constraint{A: a, B: b, Kind: Apart})
	return slices.Contains(g.constraints[c.A], c)
}
