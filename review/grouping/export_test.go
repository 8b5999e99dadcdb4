package grouping

// BackgroundFeatures lets the external tests build weights.txt.
var BackgroundFeatures = backgroundFeatures

// NewLimited and BuildLimited use a lower posting cap and fewer
// neighbours, so that short test sequences reach them often.
var (
	NewLimited   = newLimited
	BuildLimited = buildLimited
)

// The shipped limits.
const (
	PostingCap = postingCap
	Neighbours = neighbours
)

// Shape tells the benchmarks how large the largest component is and how
// many edges the candidate graph holds.
func Shape(g *Grouper) (largest, edges int) {
	for _, c := range g.comps {
		largest = max(largest, len(c.members))
	}
	for _, n := range g.nodes {
		edges += len(n.edges)
	}
	return largest, edges / 2
}
