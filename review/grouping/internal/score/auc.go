package score

import (
	"cmp"
	"slices"
)

// AUC is the probability that a value drawn from higher ranks above one
// drawn from lower, ties counting half: the area under the ROC curve of a
// similarity used to tell two kinds of pairs apart (0.5 is chance). It is
// 0 when either side is empty.
func AUC(higher, lower []float64) float64 {
	if len(higher) == 0 || len(lower) == 0 {
		return 0
	}
	type value struct {
		v      float64
		higher bool
	}
	all := make([]value, 0, len(higher)+len(lower))
	for _, v := range higher {
		all = append(all, value{v, true})
	}
	for _, v := range lower {
		all = append(all, value{v, false})
	}
	slices.SortFunc(all, func(a, b value) int { return cmp.Compare(a.v, b.v) })
	// Mann-Whitney: the rank sum of higher, with tied values sharing the
	// mean of their ranks.
	var rankSum float64
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].v == all[i].v {
			j++
		}
		mean := float64(i+j+1) / 2
		for k := i; k < j; k++ {
			if all[k].higher {
				rankSum += mean
			}
		}
		i = j
	}
	n := float64(len(higher))
	return (rankSum - n*(n+1)/2) / (n * float64(len(lower)))
}
