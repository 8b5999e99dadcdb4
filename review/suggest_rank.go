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
	score        float64
	// contribution per query term, for the reason
	terms map[string]termMatch
}

// termMatch is what one query term adds to a code's score.
type termMatch struct {
	codebook, codings int // raw counts
	x                 float64
	score             float64
}

// rank scores the candidates for the query from the index rows and
// returns the best limit of them.
func rank(codes []*candidate, q query, rows []termRow, limit int) []Suggestion {
	byID := make(map[string]*candidate, len(codes))
	avgCodebook := 0.0
	for _, c := range codes {
		byID[c.s.CodeID] = c
		avgCodebook += c.codebookLen
	}
	if len(codes) == 0 {
		return []Suggestion{}
	}
	avgCodebook /= float64(len(codes))
	if avgCodebook == 0 {
		avgCodebook = 1
	}
	for _, r := range rows {
		c, ok := byID[r.codeID]
		if !ok || r.count <= 0 {
			continue // retired, merged, or a count on its way out
		}
		if c.terms == nil {
			c.terms = map[string]termMatch{}
		}
		m := c.terms[r.term]
		switch r.source {
		case sourceCodebook:
			m.codebook += r.count
		case sourceCodings:
			m.codings += r.count
		}
		c.terms[r.term] = m
	}
	// The weight of each term in each code, and the soft document
	// frequency of each term.
	df := map[string]float64{}
	for _, c := range codes {
		for term, m := range c.terms {
			m.x = float64(m.codebook) / (1 - bm25B + bm25B*c.codebookLen/avgCodebook)
			m.x += codingsWeight * float64(m.codings) / (c.codingsTexts + codingsPrior)
			c.terms[term] = m
			df[term] += min(1, m.x)
		}
	}
	n := float64(len(codes))
	var scored []*candidate
	for _, c := range codes {
		for term, m := range c.terms {
			idf := math.Log(1 + (n-df[term]+0.5)/(df[term]+0.5))
			m.score = q.weight[term] * idf * m.x * (bm25K1 + 1) / (m.x + bm25K1)
			c.terms[term] = m
			c.score += m.score
		}
		if c.score > 0 {
			scored = append(scored, c)
		}
	}
	// Highest score first; the codebook's order breaks ties.
	slices.SortStableFunc(scored, func(a, b *candidate) int { return cmp.Compare(b.score, a.score) })
	out := []Suggestion{}
	for _, c := range scored {
		if len(out) == limit || c.score < minRelativeScore*scored[0].score {
			break
		}
		c.s.Score = math.Round(c.score*1000) / 1000
		c.s.Reason = reason(c, q)
		out = append(out, c.s)
	}
	return out
}

// reason tells why a code was suggested: the user's words behind its
// strongest terms, and where those terms come from.
func reason(c *candidate, q query) SuggestionReason {
	terms := make([]string, 0, len(c.terms))
	for term, m := range c.terms {
		if m.score > 0 {
			terms = append(terms, term)
		}
	}
	slices.SortFunc(terms, func(a, b string) int {
		return cmp.Or(cmp.Compare(c.terms[b].score, c.terms[a].score), cmp.Compare(a, b))
	})
	r := SuggestionReason{Words: []string{}}
	for _, term := range terms {
		m := c.terms[term]
		r.Codebook = r.Codebook || m.codebook > 0
		r.Codings = max(r.Codings, m.codings)
		for _, w := range q.words[term] {
			if len(r.Words) < maxReasonWords && !slices.Contains(r.Words, w) {
				r.Words = append(r.Words, w)
			}
		}
	}
	return r
}
