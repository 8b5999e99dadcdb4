package grouping

// BackgroundFeatures lets the external tests build weights.txt.
var BackgroundFeatures = backgroundFeatures

// NewLimited and BuildDense use a lower posting cap, fewer neighbours
// and a lower dense degree, so that short test sequences reach them often.
// BuildLimited keeps the shipped dense degree.
var (
	NewLimited = newLimited
	BuildDense = buildLimited
)

func BuildLimited(cap, k int, lessons []Lesson, constraints []Constraint) *Grouper {
	return buildLimited(cap, k, denseDegree, lessons, constraints)
}

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

// LongestPosting is the most items a term or concept is held by.
func LongestPosting(g *Grouper) int {
	n := 0
	for _, l := range g.postings {
		n = max(n, len(l))
	}
	return n
}

// Similarities gives the similarity of every pair of lessons as the
// grouping sees it: sims[i][j] for i < j.
func Similarities(lessons []Lesson) [][]float64 {
	res := shipped()
	profiles := make([]*profile, len(lessons))
	for i, l := range lessons {
		profiles[i] = analyse(res, l)
	}
	sims := make([][]float64, len(lessons))
	for i := range lessons {
		sims[i] = make([]float64, len(lessons))
		for j := i + 1; j < len(lessons); j++ {
			sims[i][j] = compare(profiles[i], profiles[j]).sim
		}
	}
	return sims
}
