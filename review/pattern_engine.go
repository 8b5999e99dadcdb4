package review

import (
	"context"
	"slices"

	"leerlus"
	"leerlus/cases"
	"leerlus/review/disclosure"
)

// patternRun is one pattern query in progress: its filter, the networks
// it reads with their facts, and the codes it reports (compared across
// networks by key).
type patternRun struct {
	f        PatternFilter
	rules    disclosure.Rules
	networks []researchNetwork
	facts    []*networkFacts
	keys     []string
	labels   map[string][2]string
	// rowOf maps each network's code index to the run's row, -1 for a
	// code the run does not report.
	rowOf [][]int32
	// outcome and age are the filter's values as indexes, -1 for none.
	outcome, age int
	from, to     int32
}

// PatternCode is a code as the pattern queries report it: by its key,
// the same across networks that started from the same codebook.
type PatternCode struct {
	Key, LabelNL, LabelEN string
}

// NetworkRef names a network a result rests on.
type NetworkRef struct {
	ID, Name string
}

// startRun checks the filter, resolves the networks and loads their facts.
func (s *Service) startRun(ctx context.Context, acc leerlus.Access, f PatternFilter) (*patternRun, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	networks, err := researchNetworks(s.db.WithContext(ctx), acc, f.Networks, usePatterns)
	if err != nil {
		return nil, err
	}
	r := &patternRun{f: f, rules: s.disclosure, networks: networks, labels: map[string][2]string{},
		outcome: int(termIndex(cases.Outcomes, f.Outcome)), age: int(termIndex(cases.AgeBands, f.AgeBand)), from: 0, to: 1 << 30}
	if f.From != nil {
		r.from = int32(f.From.Year*10 + f.From.Quarter)
	}
	if f.To != nil {
		r.to = int32(f.To.Year*10 + f.To.Quarter)
	}
	for _, n := range networks {
		nf, err := s.networkFacts(ctx, n.ID)
		if err != nil {
			return nil, err
		}
		r.facts = append(r.facts, nf)
		for key, l := range nf.labels {
			if _, ok := r.labels[key]; !ok {
				r.labels[key] = l
			}
		}
	}
	// Every code of the networks' codebooks is a row, counted or not: a
	// row that appeared only with material would tell zero from a
	// suppressed few.
	if len(f.Codes) > 0 {
		for _, k := range f.Codes {
			if !slices.Contains(r.keys, k) {
				r.keys = append(r.keys, k)
			}
		}
	} else {
		for k := range r.labels {
			r.keys = append(r.keys, k)
		}
		slices.Sort(r.keys)
	}
	for _, nf := range r.facts {
		m := make([]int32, len(nf.keys))
		for i, k := range nf.keys {
			m[i] = int32(slices.Index(r.keys, k))
		}
		r.rowOf = append(r.rowOf, m)
	}
	return r, nil
}

// codes lists the run's codes with their labels.
func (r *patternRun) codes() []PatternCode {
	out := make([]PatternCode, len(r.keys))
	for i, k := range r.keys {
		l := r.labels[k]
		out[i] = PatternCode{Key: k, LabelNL: l[0], LabelEN: l[1]}
	}
	return out
}

func (r *patternRun) networkRefs() []NetworkRef {
	out := make([]NetworkRef, len(r.networks))
	for i, n := range r.networks {
		out[i] = NetworkRef{n.ID, n.Name}
	}
	return out
}

// hit is a reported code in one case: the flags of the facts that match
// the filter (merged over perspectives) and the perspectives naming it.
type hit struct {
	row   int32
	flags uint8
	persp uint16
}

// each calls visit for every case the filter admits, outcome and age band
// aside (the counts keep those as dimensions, see cube), with the codes
// named in it under the filter's source, effect and perspective. A case
// counts when it has material: a published reflection (of the filter's
// perspective, if any).
func (r *patternRun) each(visit func(network int, c *caseFact, hits []hit)) {
	mask := r.f.mask()
	persp := int8(-1)
	if r.f.Perspective != "" {
		persp = perspectiveIndex(r.f.Perspective)
	}
	service, phase := int32(cases.Services.Mask(r.f.Service)), int32(cases.Phases.Mask(r.f.Phase))
	var hits []hit
	for ni, nf := range r.facts {
		rows := r.rowOf[ni]
		for ci := range nf.cases {
			c := &nf.cases[ci]
			if c.outcome < 0 || c.age < 0 || c.start < r.from || c.start > r.to ||
				(service != 0 && c.services&service == 0) || (phase != 0 && c.phases&phase == 0) {
				continue
			}
			if c.material == 0 || (persp >= 0 && c.material&(1<<persp) == 0) {
				continue
			}
			hits = hits[:0]
			for _, fa := range nf.facts[c.first:c.end] {
				row := rows[fa.code]
				if row < 0 || fa.flags&mask == 0 || (persp >= 0 && fa.persp != persp) {
					continue
				}
				// Facts come sorted by code: one hit per code.
				if n := len(hits); n > 0 && hits[n-1].row == row {
					hits[n-1].flags |= fa.flags & mask
					hits[n-1].persp |= 1 << fa.persp
					continue
				}
				hits = append(hits, hit{row: row, flags: fa.flags & mask, persp: 1 << fa.persp})
			}
			visit(ni, c, hits)
		}
	}
}

// cube counts distinct cases per row and column, kept apart by outcome
// and age band: a count under an outcome or age-band filter is then one
// cell of a partition whose other cells are at hand, and is published by
// the same rule as when the partition is shown whole (see cell).
type cube struct {
	cols int
	n    []int32
}

const (
	nOutcomes = 3
	nAges     = 4
)

func newCube(rows, cols int) *cube {
	return &cube{cols: cols, n: make([]int32, rows*cols*nOutcomes*nAges)}
}

func (c *cube) add(row, col int, o, a int8) {
	c.n[((row*c.cols+col)*nOutcomes+int(o))*nAges+int(a)]++
}

// sum is the count of a row and column for one outcome and age band, or
// summed over all of them for -1: exact, since every case has one of each.
func (c *cube) sum(row, col, o, a int) int {
	total := 0
	for oi := range nOutcomes {
		if o >= 0 && oi != o {
			continue
		}
		base := ((row*c.cols+col)*nOutcomes + oi) * nAges
		for ai := range nAges {
			if a < 0 || ai == a {
				total += int(c.n[base+ai])
			}
		}
	}
	return total
}

// cell publishes one count: the row and column for outcome o and age band
// a (-1: the filter's, or all). Primary suppression applies to the count
// itself; then, for every partition the count is a cell of — its
// outcome's (when an outcome is fixed), its age band's (when one is
// fixed) and the columns' (partition lists the columns that split the
// row, nil when they do not) — the whole partition is hidden when any of
// its cells is small. The decision depends only on the partition's true
// counts, so the same count is shown or hidden alike in every query that
// holds it, whether as a column, a filter or a total.
func (r *patternRun) cell(c *cube, row, col, o, a int, partition []int) disclosure.Cell {
	if o < 0 {
		o = r.outcome
	}
	if a < 0 {
		a = r.age
	}
	n := c.sum(row, col, o, a)
	hidden := r.rules.Hidden(n)
	if !hidden && o >= 0 {
		group := make([]int, nOutcomes)
		for oi := range group {
			group[oi] = c.sum(row, col, oi, a)
		}
		hidden = r.rules.Partition(group)[o]
	}
	if !hidden && a >= 0 {
		group := make([]int, nAges)
		for ai := range group {
			group[ai] = c.sum(row, col, o, ai)
		}
		hidden = r.rules.Partition(group)[a]
	}
	if !hidden && partition != nil {
		group := make([]int, len(partition))
		at := -1
		for i, pc := range partition {
			group[i] = c.sum(row, pc, o, a)
			if pc == col {
				at = i
			}
		}
		hidden = at >= 0 && r.rules.Partition(group)[at]
	}
	if hidden {
		return disclosure.Cell{Suppressed: true}
	}
	return r.rules.Show(n)
}
