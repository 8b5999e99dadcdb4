package review

import (
	"cmp"
	"math"
	"slices"
)

// The ranking is BM25 over two fields per code (BM25F): the code's
// codebook text and the network's earlier codings with it.
//
// The codebook field is classic BM25: a term's count, normalised by the
// code's codebook length against the average. The codings field is the
// share of the code's coded items that hold the term, shrunk towards zero
// while the code has few codings (codingsPrior pseudo-items), times
// codingsWeight: a term in half of a code's items weighs like a word that
// occurs once or twice in its codebook text, so the network's practice
// counts as much as the codebook once it exists. The two add up before
// BM25's saturation, and each term is weighted by an inverse document
// frequency over the network's live codes in which a code counts only as
// far as it holds the term (a word that shows up now and then in every
// code's codings counts as common).
const (
	bm25K1        = 1.2
	bm25B         = 0.75
	codingsWeight = 3.0
	codingsPrior  = 3.0
	// minRelativeScore drops codes that score below this share of the
	// best: a match on one common word beside a clear winner is noise.
	minRelativeScore = 0.15
	maxReasonWords   = 5
)

// candidate is a live code and what the ranking knows of it.
type candidate struct {
	s            Suggestion
	codebookLen  float64 // the sum of its codebook term counts
	codingsTexts float64 // how many items are coded with it
}

// termMatch is what one query term adds to one code's score.
type termMatch struct {
	codebook, codings int // raw counts
	x                 float64
	score             float64
}

// rank scores the candidates for the query from the index rows and
// returns the best limit of them. Terms and codes are numbered so that
// the matches sit in one dense table rather than in maps.
func rank(codes []*candidate, q query, rows []termRow, limit int) []Suggestion {
	if len(codes) == 0 {
		return []Suggestion{}
	}
	codeAt := make(map[string]int, len(codes))
	avgCodebook := 0.0
	for i, c := range codes {
		codeAt[c.s.CodeID] = i
		avgCodebook += c.codebookLen
	}
	avgCodebook /= float64(len(codes))
	if avgCodebook == 0 {
		avgCodebook = 1
	}
	termAt := make(map[string]int, len(q.terms))
	for i, t := range q.terms {
		termAt[t] = i
	}
	nc := len(codes)
	m := make([]termMatch, len(q.terms)*nc) // m[term*nc+code]
	for _, r := range rows {
		ci, ok := codeAt[r.codeID]
		ti, known := termAt[r.term]
		if !ok || !known || r.count <= 0 {
			continue // retired, merged, or a count on its way out
		}
		switch r.source {
		case sourceCodebook:
			m[ti*nc+ci].codebook += r.count
		case sourceCodings:
			m[ti*nc+ci].codings += r.count
		}
	}
	// The weight of each term in each code, the soft document frequency
	// of each term, and the scores.
	score := make([]float64, nc)
	n := float64(nc)
	for ti, term := range q.terms {
		row := m[ti*nc : (ti+1)*nc]
		df := 0.0
		for ci := range row {
			x := &row[ci]
			if x.codebook == 0 && x.codings == 0 {
				continue
			}
			c := codes[ci]
			x.x = float64(x.codebook)/(1-bm25B+bm25B*c.codebookLen/avgCodebook) +
				codingsWeight*float64(x.codings)/(c.codingsTexts+codingsPrior)
			df += min(1, x.x)
		}
		if df == 0 {
			continue
		}
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for ci := range row {
			if x := &row[ci]; x.x > 0 {
				x.score = q.weight[term] * idf * x.x * (bm25K1 + 1) / (x.x + bm25K1)
				score[ci] += x.score
			}
		}
	}
	var order []int
	for ci, s := range score {
		if s > 0 {
			order = append(order, ci)
		}
	}
	// Highest score first; the codebook's order breaks ties.
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(score[b], score[a]) })
	out := []Suggestion{}
	for _, ci := range order {
		if len(out) == limit || score[ci] < minRelativeScore*score[order[0]] {
			break
		}
		s := codes[ci].s
		s.Score = math.Round(score[ci]*1000) / 1000
		s.Reason = reason(m, nc, ci, q)
		out = append(out, s)
	}
	return out
}

// reason tells why code ci was suggested: the user's words behind its
// strongest terms, and where those terms come from.
func reason(m []termMatch, nc, ci int, q query) SuggestionReason {
	var terms []int
	for ti := range q.terms {
		if m[ti*nc+ci].score > 0 {
			terms = append(terms, ti)
		}
	}
	slices.SortStableFunc(terms, func(a, b int) int { return cmp.Compare(m[b*nc+ci].score, m[a*nc+ci].score) })
	r := SuggestionReason{Words: []string{}}
	for _, ti := range terms {
		x := m[ti*nc+ci]
		r.Codebook = r.Codebook || x.codebook > 0
		r.Codings = max(r.Codings, x.codings)
		for _, w := range q.words[q.terms[ti]] {
			if len(r.Words) < maxReasonWords && !slices.Contains(r.Words, w) {
				r.Words = append(r.Words, w)
			}
		}
	}
	return r
}
