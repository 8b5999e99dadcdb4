package review

import (
	"slices"

	"leerlus/review/dutch"
	"leerlus/review/grouping"
)

func groupingLesson(l groupLesson) grouping.Lesson {
	return grouping.Lesson{ID: l.ID, Text: l.Text, Codes: l.Codes, ItemCodes: l.ItemCodes}
}

// centrality is, per lesson of a cluster, how many word stems it shares
// with the other lessons, counted per other lesson, from each lesson's
// stems (sets, in cluster order): the statement that shares most says
// best what they have in common. A stem held by n lessons counts n-1 for
// each.
func centrality(sets [][]string) []float64 {
	held := map[string]int{}
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

// stemsOf are the distinct stems of a text's words (its tokens) that are
// not stop words, sorted; never nil.
func stemsOf(tokens []dutch.Token) []string {
	out := []string{}
	for _, t := range tokens {
		if !dutch.IsStopWord(t.Norm) {
			out = append(out, t.Key)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
