package review

import (
	"leerlus/review/dutch"
	"leerlus/review/grouping"
)

// clusterLessons groups a network's lessons with the grouping package
// under the facilitators' constraints. lessons are sorted by id; the
// clusters come back as indexes into lessons, each sorted, ordered by
// their first lesson.
func clusterLessons(lessons []groupLesson, cons []GroupingConstraint) [][]int {
	index := make(map[string]int, len(lessons))
	in := make([]grouping.Lesson, len(lessons))
	for i, l := range lessons {
		index[l.ID] = i
		in[i] = groupingLesson(l)
	}
	cs := make([]grouping.Constraint, len(cons))
	for i, c := range cons {
		cs[i] = grouping.Constraint{A: c.LessonID, B: c.OtherLessonID, Kind: grouping.Kind(c.Kind)}
	}
	groups := grouping.Compute(in, cs)
	out := make([][]int, 0, len(groups))
	for _, g := range groups {
		c := make([]int, 0, len(g.Members))
		for _, id := range g.Members {
			c = append(c, index[id])
		}
		out = append(out, c)
	}
	return out
}

func groupingLesson(l groupLesson) grouping.Lesson {
	return grouping.Lesson{ID: l.ID, Text: l.Text, Codes: l.Codes, ItemCodes: l.ItemCodes}
}

// centrality is how many word stems a lesson shares with the other
// lessons of its cluster: the statement that shares most says best what
// they have in common.
func centrality(lessons []groupLesson, cluster []int, i int) float64 {
	mine := stems(lessons[i].Text)
	shared := 0
	for _, j := range cluster {
		if j == i {
			continue
		}
		for s := range stems(lessons[j].Text) {
			if mine[s] {
				shared++
			}
		}
	}
	return float64(shared)
}

func stems(text string) map[string]bool {
	out := map[string]bool{}
	for _, t := range dutch.Tokens(text) {
		if !dutch.IsStopWord(t.Norm) {
			out[t.Key] = true
		}
	}
	return out
}
