package review

import (
	"slices"

	"leerlus/review/dutch"
	"leerlus/review/grouping"
)

func groupingLesson(l groupLesson) grouping.Lesson {
	return grouping.Lesson{ID: l.ID, Text: l.Text, Codes: l.Codes, ItemCodes: l.ItemCodes}
}

// centrality is, per lesson of a cluster (in cluster order), how many word
// stems it shares with the other lessons, counted per other lesson: the
// statement that shares most says best what they have in common. Each
// text is analysed once (and not again while the kept grouping holds its
// stems): a stem held by n lessons counts n-1 for each.
func centrality(lessons []groupLesson, cluster []int) []float64 {
	sets := make([][]string, len(cluster))
	held := map[string]int{}
	for k, i := range cluster {
		sets[k] = lessons[i].stems
		if sets[k] == nil {
			sets[k] = stems(lessons[i].Text)
		}
		for _, s := range sets[k] {
			held[s]++
		}
	}
	out := make([]float64, len(cluster))
	for k, set := range sets {
		for _, s := range set {
			out[k] += float64(held[s] - 1)
		}
	}
	return out
}

// stems are the distinct stems of a text's words that are not stop words,
// sorted; never nil.
func stems(text string) []string {
	out := []string{}
	for _, t := range dutch.Tokens(text) {
		if !dutch.IsStopWord(t.Norm) {
			out = append(out, t.Key)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
