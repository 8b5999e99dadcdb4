package review

import (
	"context"

	"leerlus"
	"leerlus/policy"
	"leerlus/review/disclosure"
)

// Cooccurrence is how often codes are named together in one case.
type Cooccurrence struct {
	Networks []NetworkRef
	K        int
	Cases    disclosure.Cell // cases with material under the filter
	Codes    []CodeCount
	Pairs    []CodePair
}

// CodeCount is a code with the distinct cases naming it.
type CodeCount struct {
	PatternCode
	Cases disclosure.Cell
}

// CodePair is two codes (by index into Codes, A < B) with the distinct
// cases naming both, and the Jaccard index of their cases — ATLAS.ti's
// c-coefficient, n12 / (n1 + n2 − n12) — from the shown counts; nil when
// one is suppressed.
type CodePair struct {
	A, B    int
	Cases   disclosure.Cell
	Jaccard *float64
}

// Cooccurrence counts, for every pair of codes, the distinct cases in
// which both are named (under the filter's source, effect and
// perspective). Audited with its filters.
func (s *Service) Cooccurrence(ctx context.Context, acc leerlus.Access, f PatternFilter) (*Cooccurrence, error) {
	r, err := s.startRun(ctx, acc, f)
	if err != nil {
		return nil, err
	}
	n := len(r.keys)
	// Row and column are the two codes (row ≤ column); the extra row
	// counts every case with material.
	c := newCube(n+1, n)
	r.each(func(_ int, cf *caseFact, hits []hit) {
		c.add(n, 0, cf.outcome, cf.age)
		for i, a := range hits {
			for _, b := range hits[i:] {
				c.add(int(min(a.row, b.row)), int(max(a.row, b.row)), cf.outcome, cf.age)
			}
		}
	})
	res := &Cooccurrence{Networks: r.networkRefs(), K: r.rules.K(), Cases: r.cell(c, n, 0, -1, -1, nil), Pairs: []CodePair{}}
	for i, code := range r.codes() {
		res.Codes = append(res.Codes, CodeCount{PatternCode: code, Cases: r.cell(c, i, i, -1, -1, nil)})
	}
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			p := CodePair{A: a, B: b, Cases: r.cell(c, a, b, -1, -1, nil)}
			na, nb := res.Codes[a].Cases, res.Codes[b].Cases
			if !p.Cases.Suppressed && !na.Suppressed && !nb.Suppressed && na.Value+nb.Value-p.Cases.Value > 0 {
				j := float64(p.Cases.Value) / float64(na.Value+nb.Value-p.Cases.Value)
				p.Jaccard = &j
			}
			res.Pairs = append(res.Pairs, p)
		}
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionPatternsQueried, ObjectType: "person",
		ObjectID: acc.PersonID(), Detail: r.f.describe("cooccurrence", r.scopeParam())})
	return res, err
}
