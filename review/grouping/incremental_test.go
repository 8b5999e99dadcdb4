package grouping_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"leerlus/review/grouping"
)

// TestIncrementalEqualsFull applies random sequences of adds, edits,
// removals and constraints to a Grouper and checks after every step that
// its groups are exactly those a full recompute gives, and that each
// step's Change accounts for every group that changed. It runs with the
// shipped posting cap, which these sets never reach, and with low caps,
// which features cross in both directions all the time; and with the
// shipped number of neighbours and with fewer, so that lessons keep
// entering and leaving each other's neighbours.
func TestIncrementalEqualsFull(t *testing.T) {
	pool := readSet(t, devSetPath)
	for _, l := range demoSet(t) {
		pool = append(pool, l)
	}
	type run struct {
		cap, k, dense int // 0, 0, 0: the shipped limits
		seeds         uint64
		steps         int
	}
	runs := []run{{0, 0, 0, 6, 160}, {3, 10, 2, 3, 200}, {8, 2, 1, 3, 300}, {25, 1, 3, 3, 300},
		{1000, 3, 4, 3, 300}, {12, 10, 5, 3, 300}}
	for _, r := range runs {
		for seed := uint64(1); seed <= r.seeds; seed++ {
			t.Run(fmt.Sprintf("cap%d/k%d/dense%d/seed%d", r.cap, r.k, r.dense, seed), func(t *testing.T) {
				incrementalEqualsFull(t, pool, r.cap, r.k, r.dense, seed, r.steps)
			})
		}
	}
}

func incrementalEqualsFull(t *testing.T, pool []labelled, cap, k, dense int, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, 11))
	g := grouping.New()
	compute := grouping.Compute
	if cap > 0 {
		g = grouping.NewLimited(cap, k, dense)
		compute = func(ls []grouping.Lesson, cs []grouping.Constraint) []grouping.Group {
			return grouping.BuildDense(cap, k, dense, ls, cs).Groups()
		}
	}
	held := map[string]grouping.Lesson{}
	var constraints []grouping.Constraint
	ids := func() []string {
		var out []string
		for id := range held {
			out = append(out, id)
		}
		slices.Sort(out)
		return out
	}
	for step := 0; step < steps; step++ {
		before := g.Groups()
		var ch grouping.Change
		var what string
		switch r := rng.IntN(20); {
		case r < 11 || len(held) < 5:
			l := pool[rng.IntN(len(pool))].Lesson
			what = "set " + l.ID
			held[l.ID] = l
			ch = g.Set(l)
		case r < 13:
			// An edit: another lesson's text under this id.
			id := ids()[rng.IntN(len(held))]
			l := pool[rng.IntN(len(pool))].Lesson
			l.ID = id
			what = "edit " + id
			held[id] = l
			ch = g.Set(l)
		case r < 16:
			id := ids()[rng.IntN(len(held))]
			what = "remove " + id
			delete(held, id)
			ch = g.Remove(id)
		case r < 18 && len(constraints) > 0:
			k := rng.IntN(len(constraints))
			c := constraints[k]
			constraints = slices.Delete(constraints, k, k+1)
			if slices.ContainsFunc(constraints, func(x grouping.Constraint) bool { return samePair(x, c) }) {
				// The same decision taken twice stays until both go.
				constraints = append(constraints, c)
				what = "keep " + fmt.Sprint(c)
				break
			}
			what = fmt.Sprintf("unconstrain %+v", c)
			ch = g.RemoveConstraint(c)
		default:
			list := ids()
			c := grouping.Constraint{A: list[rng.IntN(len(list))], B: list[rng.IntN(len(list))], Kind: grouping.Apart}
			if rng.IntN(2) == 0 {
				c.Kind = grouping.Together
			}
			what = fmt.Sprintf("constraint %+v", c)
			constraints = append(constraints, c)
			ch = g.AddConstraint(c)
		}
		var lessons []grouping.Lesson
		for _, id := range ids() {
			lessons = append(lessons, held[id])
		}
		want := compute(lessons, constraints)
		got := g.Groups()
		if !equalGroups(got, want) {
			t.Fatalf("step %d (%s): incremental\n%v\nfull\n%v", step, what, got, want)
		}
		if applied := apply(before, ch); !equalGroups(applied, got) {
			t.Fatalf("step %d (%s): groups before with the change applied\n%v\nwant\n%v", step, what, applied, got)
		}
	}
}

// samePair reports whether two constraints are one decision: the same kind
// on the same two lessons, in either order.
func samePair(x, y grouping.Constraint) bool {
	return x.Kind == y.Kind && (x.A == y.A && x.B == y.B || x.A == y.B && x.B == y.A)
}

// apply replaces a change's Before groups with its After groups.
func apply(groups []grouping.Group, ch grouping.Change) []grouping.Group {
	var out []grouping.Group
	for _, grp := range groups {
		if !slices.ContainsFunc(ch.Before, func(b grouping.Group) bool { return slices.Equal(b.Members, grp.Members) }) {
			out = append(out, grp)
		}
	}
	out = append(out, ch.After...)
	slices.SortFunc(out, func(a, b grouping.Group) int { return compareStrings(a.Anchor(), b.Anchor()) })
	return out
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func equalGroups(a, b []grouping.Group) bool {
	return slices.EqualFunc(a, b, func(x, y grouping.Group) bool { return slices.Equal(x.Members, y.Members) })
}
