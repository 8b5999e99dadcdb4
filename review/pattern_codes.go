package review

import (
	"context"
	"net/url"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review/disclosure"
	"leerlus/review/stats"
)

// CodeFrequencies is how often each code is named, in distinct cases, by
// the outcome of the trajectory, with the contrast of stuck against good.
type CodeFrequencies struct {
	Networks []NetworkRef
	// K is the threshold below which cells are suppressed.
	K int
	// Cases is how many distinct cases the result rests on (cases with
	// material under the filter), and ByOutcome the same per outcome.
	Cases     disclosure.Cell
	ByOutcome []OutcomeCell
	Codes     []CodeFrequency
}

// OutcomeCell is a count for one outcome.
type OutcomeCell struct {
	Outcome string
	Cell    disclosure.Cell
}

// CodeFrequency is one code's row.
type CodeFrequency struct {
	PatternCode
	Cases     disclosure.Cell
	ByOutcome []OutcomeCell
	// Helped and Hindered count the cases where the code was coded so
	// (items only; suppressed-free zero value for lessons, see HasEffect).
	Helped, Hindered disclosure.Cell
	HasEffect        bool
	// Contrast compares stuck with good trajectories; nil when a count it
	// needs is suppressed or an outcome filter leaves one side out.
	Contrast *Contrast
}

// Contrast is the comparison of stuck with good trajectories for a code,
// computed from the published (rounded) counts, so that it reveals no more
// than they do.
type Contrast struct {
	// Lift is the share of stuck cases naming the code over the share of
	// good ones; nil when no good case names it.
	Lift *float64
	// OddsRatio with its 95 % Woolf interval (Haldane-corrected for a zero).
	OddsRatio, Low, High float64
	// P is the two-sided p-value of Fisher's exact test.
	P float64
}

// codes columns: named under the filter, named as helping, as hindering.
const (
	colAny = iota
	colHelped
	colHindered
	codeCols
)

// CodeFrequencies counts, per code, the distinct cases naming it — per
// outcome, as helping and as hindering — in the networks the caller may
// study. Audited with its filters.
func (s *Service) CodeFrequencies(ctx context.Context, acc leerlus.Access, f PatternFilter) (*CodeFrequencies, error) {
	r, err := s.startRun(ctx, acc, f)
	if err != nil {
		return nil, err
	}
	all := len(r.keys) // the row of every case with material
	c := newCube(all+1, codeCols)
	r.each(func(_ int, cf *caseFact, hits []hit) {
		c.add(all, colAny, cf.outcome, cf.age)
		for _, h := range hits {
			c.add(int(h.row), colAny, cf.outcome, cf.age)
			if h.flags&factHelped != 0 {
				c.add(int(h.row), colHelped, cf.outcome, cf.age)
			}
			if h.flags&factHindered != 0 {
				c.add(int(h.row), colHindered, cf.outcome, cf.age)
			}
		}
	})
	outcomes := []int{0, 1, 2}
	if r.outcome >= 0 {
		outcomes = []int{r.outcome}
	}
	byOutcome := func(row int) []OutcomeCell {
		out := make([]OutcomeCell, 0, len(outcomes))
		for _, o := range outcomes {
			out = append(out, OutcomeCell{cases.Outcomes.Terms[o].Code, r.cell(c, row, colAny, o, -1, nil)})
		}
		return out
	}
	res := &CodeFrequencies{Networks: r.networkRefs(), K: r.rules.K(), Cases: r.cell(c, all, colAny, -1, -1, nil),
		ByOutcome: byOutcome(all), Codes: []CodeFrequency{}}
	for i, code := range r.codes() {
		row := CodeFrequency{PatternCode: code, Cases: r.cell(c, i, colAny, -1, -1, nil), ByOutcome: byOutcome(i),
			HasEffect: f.Source != SourceLessons}
		if row.HasEffect {
			row.Helped, row.Hindered = r.cell(c, i, colHelped, -1, -1, nil), r.cell(c, i, colHindered, -1, -1, nil)
		}
		if r.outcome < 0 {
			row.Contrast = contrast(row.ByOutcome, res.ByOutcome)
		}
		res.Codes = append(res.Codes, row)
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionPatternsQueried, ObjectType: "person",
		ObjectID: acc.PersonID(), Detail: r.f.describe("codes", r.scopeParam())})
	return res, err
}

// contrast compares stuck (index 1) with good (index 0) from the shown
// counts of a code and of all cases; nil when one is suppressed.
func contrast(code, all []OutcomeCell) *Contrast {
	good, stuck, allGood, allStuck := code[0].Cell, code[1].Cell, all[0].Cell, all[1].Cell
	if good.Suppressed || stuck.Suppressed || allGood.Suppressed || allStuck.Suppressed {
		return nil
	}
	t := stats.Table{A: stuck.Value, B: max(allStuck.Value-stuck.Value, 0), C: good.Value, D: max(allGood.Value-good.Value, 0)}
	or, low, high, ok := stats.OddsRatio(t, 0.95)
	if !ok {
		return nil
	}
	out := &Contrast{OddsRatio: or, Low: low, High: high, P: stats.FisherExact(t)}
	if lift, ok := stats.Lift(t); ok {
		out.Lift = &lift
	}
	return out
}

// scopeParam names the networks a run read, for the audit entry.
func (r *patternRun) scopeParam() url.Values {
	ids := make([]string, len(r.networks))
	for i, n := range r.networks {
		ids[i] = n.ID
	}
	return url.Values{"read": ids}
}
