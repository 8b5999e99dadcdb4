package review

// TEMPORARY until review/grouping lands: groups only what facilitators
// placed together. Replaced by the adapter to the grouping package.

func clusterLessons(lessons []groupLesson, cons []GroupingConstraint) [][]int {
	index := map[string]int{}
	for i, l := range lessons {
		index[l.ID] = i
	}
	parent := make([]int, len(lessons))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	for _, c := range cons {
		a, okA := index[c.LessonID]
		b, okB := index[c.OtherLessonID]
		if c.Kind == Together && okA && okB {
			ra, rb := find(a), find(b)
			if ra != rb {
				parent[max(ra, rb)] = min(ra, rb)
			}
		}
	}
	byRoot := map[int][]int{}
	var roots []int
	for i := range lessons {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	var out [][]int
	for _, r := range roots {
		if len(byRoot[r]) > 1 {
			out = append(out, byRoot[r])
		}
	}
	return out
}

func centrality(lessons []groupLesson, cluster []int, i int) float64 { return 0 }
