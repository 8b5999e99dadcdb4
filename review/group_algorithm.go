package review

import (
	"leerlus/review/dutch"
	"leerlus/review/grouping"
)

func groupingLesson(l groupLesson) grouping.Lesson {
	return grouping.Lesson{ID: l.ID, Text: l.Text, Codes: l.Codes, ItemCodes: l.ItemCodes}
}

// centrality is, per lesson of a cluster (in cluster order), how many word
// stems it shares with the other lessons, counted per other lesson: the
// statement that shares most says best what they have in common. Each
// text is analysed once: a stem held by n lessons counts n-1 for each.
func centrality(lessons []groupLesson, cluster []int) []float64 {
	sets := make([]map[string]bool, len(cluster))
	held := map[string]int{}
	for k, i := range cluster {
		sets[k] = stems(lessons[i].Text)
		for s := range sets[k] {
			held[s]++
		}
	}
	out := make([]float64, len(cluster))
	for k, set := range sets {
		for s := range set {
			out[k] += float64(held[s] - 1)
		}
	}
	return out
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
