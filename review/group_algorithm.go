package review

import "leerlus/review/grouping"

func groupingLesson(l groupLesson) grouping.Lesson {
	return grouping.Lesson{ID: l.ID, Text: l.Text, Codes: l.Codes, ItemCodes: l.ItemCodes}
}

// centrality is, per lesson of a cluster, how many words it shares with
// the other lessons, counted per other lesson, from each lesson's words
// (sets, in cluster order): the statement that shares most says best what
// they have in common. A word held by n lessons counts n-1 for each.
func centrality(sets [][]uint64) []float64 {
	held := map[uint64]int{}
	for _, set := range sets {
		for _, s := range set {
			held[s]++
		}
	}
	out := make([]float64, len(sets))
	for k, set := range sets {
		for _, s := range set {
			out[k] += float64(held[s] - 1)
		}
	}
	return out
}
