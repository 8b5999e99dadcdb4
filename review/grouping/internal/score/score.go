// Package score measures a grouping of lessons against a labelled one the
// way shared/eval/lessons/score.py does: B-cubed precision, recall and F1,
// the adjusted Rand index, and the near-miss pairs merged. Every lesson
// counts, and a lesson without a cluster is a cluster of its own, in the
// gold set and in the prediction.
package score

// Result is the score of one prediction.
type Result struct {
	Precision, Recall, F1 float64
	ARI                   float64
	NearMisses            int // near-miss pairs in the gold set
	NearMissMerged        int // of them, those that share a predicted cluster
	Clusters              int // predicted clusters, singletons included
}

// Item is one lesson of a labelled set: its gold group ("" for none), its
// predicted cluster ("" for none) and the id of the lesson it is a near
// miss of ("" for none).
type Item struct {
	ID, Gold, Pred, NearMissOf string
}

// Score scores items; ids must be distinct.
func Score(items []Item) Result {
	gold := labels(items, func(it Item) string { return it.Gold })
	pred := labels(items, func(it Item) string { return it.Pred })
	gSize, pSize, both := map[string]int{}, map[string]int{}, map[[2]string]int{}
	for i := range items {
		gSize[gold[i]]++
		pSize[pred[i]]++
		both[[2]string{gold[i], pred[i]}]++
	}
	var r Result
	var pSum, rSum float64
	for i := range items {
		inter := float64(both[[2]string{gold[i], pred[i]}])
		pSum += inter / float64(pSize[pred[i]])
		rSum += inter / float64(gSize[gold[i]])
	}
	n := float64(len(items))
	if n > 0 {
		r.Precision, r.Recall = pSum/n, rSum/n
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	r.ARI = ari(items, gold, pred, gSize, pSize, both)
	r.Clusters = len(pSize)
	at := map[string]int{}
	for i, it := range items {
		at[it.ID] = i
	}
	for i, it := range items {
		if it.NearMissOf == "" {
			continue
		}
		r.NearMisses++
		if j, ok := at[it.NearMissOf]; ok && pred[i] == pred[j] {
			r.NearMissMerged++
		}
	}
	return r
}

// labels gives each item its cluster key; an empty label is a cluster of
// its own, keyed by the item's id (which no named cluster can equal, by
// the "\x00" prefix).
func labels(items []Item, of func(Item) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		if l := of(it); l != "" {
			out[i] = "c" + l
		} else {
			out[i] = "\x00" + it.ID
		}
	}
	return out
}

func comb2(n int) float64 { return float64(n) * float64(n-1) / 2 }

func ari(items []Item, gold, pred []string, gSize, pSize map[string]int, both map[[2]string]int) float64 {
	var index, a, b float64
	for _, v := range both {
		index += comb2(v)
	}
	for _, v := range gSize {
		a += comb2(v)
	}
	for _, v := range pSize {
		b += comb2(v)
	}
	total := comb2(len(items))
	expected := 0.0
	if total > 0 {
		expected = a * b / total
	}
	maxIndex := (a + b) / 2
	if maxIndex == expected {
		for i := range items {
			k := both[[2]string{gold[i], pred[i]}]
			if k != gSize[gold[i]] || k != pSize[pred[i]] {
				return 0
			}
		}
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}
