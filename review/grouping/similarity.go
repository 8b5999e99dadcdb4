package grouping

// Thresholds of the grouping, on the similarity scale of 0 (nothing in
// common) to 1.
const (
	// edgeMin is the least similarity of two lessons that joins them in
	// the candidate graph; the clustering of a component only sees these
	// pairs.
	edgeMin = 0.15
	// mergeMin is the least average similarity between two clusters that
	// average-link clustering merges.
	mergeMin = 0.22
	// opposedMin is the least similarity at which lessons that point
	// opposite ways count as a near miss and are kept apart.
	opposedMin = 0.10
	// codeShare and itemCodeShare are how much the overlap of two
	// lessons' codes counts in their similarity, when both have codes.
	codeShare     = 0.3
	itemCodeShare = 0.1
	blockSum      = blockTerm + blockGram
)

// pair is what comparing two profiles gives.
type pair struct {
	sim float64
	// apart: the two look alike but say different things (a near miss).
	apart bool
}

// compare gives the similarity of two lessons: the weighted mean of the
// cosines of their blocks, plus a little for shared codes. It is
// symmetric to the last bit: features are summed in hash order whichever
// lesson comes first.
func compare(a, b *profile) pair {
	var dots [2]float64
	as, bs := a.slots, b.slots
	i, j := 0, 0
	for i < len(as) && j < len(bs) {
		x, y := as[i], bs[j]
		switch {
		case x < y:
			i++
		case x > y:
			j++
		default:
			dots[x&1] += a.weights[i] * b.weights[j]
			i++
			j++
		}
	}
	sim := (dots[termBlock] + dots[gramBlock]) / blockSum
	if len(a.codes) > 0 && len(b.codes) > 0 {
		sim = (1-codeShare)*sim + codeShare*jaccard(a.codes, b.codes)
	}
	if len(a.itemCodes) > 0 && len(b.itemCodes) > 0 {
		sim = (1-itemCodeShare)*sim + itemCodeShare*jaccard(a.itemCodes, b.itemCodes)
	}
	p := pair{sim: sim}
	if sim >= opposedMin && (opposed(a.stance, b.stance) || polarityClash(a, b)) {
		p.apart = true
	}
	return p
}

// jaccard is the overlap of two sorted sets; 0 when either is empty, so a
// lesson without codes is not held against one with codes.
func jaccard(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	i, j, both := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			both++
			i++
			j++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// polarityClash reports whether the words two lessons share stand mostly
// in a negated clause in one and not in the other: "lees het dossier"
// against "lees het dossier bewust niet".
func polarityClash(a, b *profile) bool {
	if !a.negated && !b.negated {
		return false // nothing can stand negated in one and not the other
	}
	var same, differ float64
	shared := 0
	i, j := 0, 0
	for i < len(a.polar) && j < len(b.polar) {
		x, y := a.polar[i], b.polar[j]
		switch {
		case x.h < y.h:
			i++
		case x.h > y.h:
			j++
		default:
			shared++
			if x.neg == y.neg {
				same += x.w * y.w
			} else {
				differ += x.w * y.w
			}
			i++
			j++
		}
	}
	return shared >= 2 && differ > same
}
