package review

import (
	"leerlus/review/dutch"
	"leerlus/review/grouping"
)

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
