package review

import "sort"

// storedGroup is a group as the database holds it before a regrouping:
// its id, its age (older groups win ties) and its lessons.
type storedGroup struct {
	ID      string
	Order   int // lower is older
	Lessons []string
	row     LessonGroup
}

// groupPlan says what a regrouping does to the stored groups: which
// cluster keeps which group's identity (and with it the statement a
// facilitator edited, a dismissal and the improvement actions linked to
// it), which clusters become new groups and which groups lost every
// lesson.
type groupPlan struct {
	Keep    map[int]string // cluster index → stored group id
	New     []int          // cluster indexes without a stored group
	Dropped []string       // stored group ids no cluster continues
}

// matchGroups gives each new cluster the identity of the stored group it
// shares most lessons with, one to one, largest overlaps first: a group
// that grows, shrinks or loses a wrongly placed lesson stays itself, and
// when a group splits, the larger part keeps it. Ties go to the older
// group and then to the cluster with the smaller first lesson id, so the
// plan depends only on its input.
func matchGroups(stored []storedGroup, clusters [][]string) groupPlan {
	clusterOf := map[string]int{}
	for ci, c := range clusters {
		for _, id := range c {
			clusterOf[id] = ci
		}
	}
	type pair struct {
		group, cluster, overlap int
	}
	var pairs []pair
	for gi, g := range stored {
		shared := map[int]int{}
		for _, id := range g.Lessons {
			if ci, ok := clusterOf[id]; ok {
				shared[ci]++
			}
		}
		for ci, n := range shared {
			pairs = append(pairs, pair{gi, ci, n})
		}
	}
	first := func(ci int) string {
		m := ""
		for _, id := range clusters[ci] {
			if m == "" || id < m {
				m = id
			}
		}
		return m
	}
	sort.Slice(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.overlap != b.overlap {
			return a.overlap > b.overlap
		}
		if ga, gb := stored[a.group], stored[b.group]; ga.Order != gb.Order {
			return ga.Order < gb.Order
		}
		return first(a.cluster) < first(b.cluster)
	})
	plan := groupPlan{Keep: map[int]string{}}
	usedGroup := map[int]bool{}
	for _, p := range pairs {
		if usedGroup[p.group] {
			continue
		}
		if _, taken := plan.Keep[p.cluster]; taken {
			continue
		}
		usedGroup[p.group] = true
		plan.Keep[p.cluster] = stored[p.group].ID
	}
	for ci := range clusters {
		if _, ok := plan.Keep[ci]; !ok {
			plan.New = append(plan.New, ci)
		}
	}
	for gi, g := range stored {
		if !usedGroup[gi] {
			plan.Dropped = append(plan.Dropped, g.ID)
		}
	}
	return plan
}
