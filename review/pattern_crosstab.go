package review

import (
	"context"
	"fmt"
	"slices"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review/disclosure"
)

// The case attributes a crosstab splits by.
const (
	AttrOutcome     = "outcome"
	AttrAgeBand     = "age_band"
	AttrService     = "service"
	AttrPhase       = "phase"
	AttrPerspective = "perspective"
	AttrNetwork     = "network"
	AttrPeriod      = "period"
)

// CrosstabAttributes lists the attributes, for field errors.
var CrosstabAttributes = []string{AttrOutcome, AttrAgeBand, AttrService, AttrPhase, AttrPerspective, AttrNetwork, AttrPeriod}

// MaxQuarters is the longest period a crosstab by period (a trend) spans,
// and DefaultTrendYears the years it spans when no period is given.
const (
	MaxQuarters       = 40
	DefaultTrendYears = 8
)

// Crosstab counts distinct cases per code and value of a case attribute.
type Crosstab struct {
	Networks  []NetworkRef
	K         int
	Attribute string
	Values    []AttrValue
	// Cases is the row of every case with material under the filter: the
	// denominators.
	Cases CrosstabRow
	Rows  []CrosstabRow
}

// AttrValue is one column: the attribute's code and its words.
type AttrValue struct {
	Value, LabelNL, LabelEN string
}

// CrosstabRow is a code (empty for the row of all cases) with its count
// per column and in total. For the attributes where a case may have
// several values (services, phases, perspectives) the columns do not add
// up to the total.
type CrosstabRow struct {
	Code  *PatternCode
	Total disclosure.Cell
	Cells []disclosure.Cell
}

// Crosstab splits the cases naming each code by a case attribute: the
// outcome, age band, services involved, phases of the key episodes,
// perspectives of the reflections naming the code, network, or the
// quarter the trajectory started (a trend; the filter's period, else the
// last DefaultTrendYears years). Audited with its filters.
func (s *Service) Crosstab(ctx context.Context, acc leerlus.Access, f PatternFilter, attribute string) (*Crosstab, error) {
	return s.crosstab(ctx, acc, f, attribute, "crosstab by="+attribute)
}

// Trends counts the cases naming each code per quarter in which the
// trajectory started: a crosstab by period. Audited with its filters.
func (s *Service) Trends(ctx context.Context, acc leerlus.Access, f PatternFilter) (*Crosstab, error) {
	return s.crosstab(ctx, acc, f, AttrPeriod, "trends")
}

// PerspectiveContrast counts, for each of the filter's codes (at least
// one), the cases in which reflections or lessons of each perspective
// name it, beside the cases with material of that perspective: do parents
// name "not heard" where professionals do not? Audited with its filters.
func (s *Service) PerspectiveContrast(ctx context.Context, acc leerlus.Access, f PatternFilter) (*Crosstab, error) {
	if len(f.Codes) == 0 {
		return nil, leerlus.Invalid("code", leerlus.FieldRequired, nil)
	}
	return s.crosstab(ctx, acc, f, AttrPerspective, "perspectives")
}

func (s *Service) crosstab(ctx context.Context, acc leerlus.Access, f PatternFilter, attribute, query string) (*Crosstab, error) {
	if !slices.Contains(CrosstabAttributes, attribute) {
		return nil, leerlus.Invalid("by", leerlus.FieldOneOf, leerlus.Params{"allowed": CrosstabAttributes})
	}
	if attribute == AttrPeriod {
		if err := s.trendWindow(&f); err != nil {
			return nil, err
		}
	}
	r, err := s.startRun(ctx, acc, f)
	if err != nil {
		return nil, err
	}
	values, split := r.columns(attribute)
	n := len(r.keys)
	cols := len(values) + 1 // the last column is the row's total
	total := len(values)
	if split == nil {
		cols, total = 1, 0 // outcome and age band are dimensions of every cube
	}
	c := newCube(n+1, cols)
	r.each(func(network int, cf *caseFact, hits []hit) {
		c.add(n, total, cf.outcome, cf.age)
		for _, h := range hits {
			c.add(int(h.row), total, cf.outcome, cf.age)
		}
		if split == nil {
			return
		}
		if split.index != nil {
			col := split.index(network, cf)
			c.add(n, col, cf.outcome, cf.age)
			for _, h := range hits {
				c.add(int(h.row), col, cf.outcome, cf.age)
			}
			return
		}
		for m, col := split.mask(cf, nil), 0; m != 0; m, col = m>>1, col+1 {
			if m&1 != 0 {
				c.add(n, col, cf.outcome, cf.age)
			}
		}
		for i := range hits {
			for m, col := split.mask(cf, &hits[i]), 0; m != 0; m, col = m>>1, col+1 {
				if m&1 != 0 {
					c.add(int(hits[i].row), col, cf.outcome, cf.age)
				}
			}
		}
	})
	var partition []int
	if attribute == AttrNetwork || attribute == AttrPeriod {
		for i := range values {
			partition = append(partition, i)
		}
	}
	row := func(i int) CrosstabRow {
		out := CrosstabRow{Total: r.cell(c, i, total, -1, -1, nil), Cells: make([]disclosure.Cell, len(values))}
		for v := range values {
			switch attribute {
			case AttrOutcome:
				out.Cells[v] = r.cell(c, i, 0, termIndexOf(cases.Outcomes, values[v].Value), -1, nil)
			case AttrAgeBand:
				out.Cells[v] = r.cell(c, i, 0, -1, termIndexOf(cases.AgeBands, values[v].Value), nil)
			default:
				out.Cells[v] = r.cell(c, i, v, -1, -1, partition)
			}
		}
		return out
	}
	res := &Crosstab{Networks: r.networkRefs(), K: r.rules.K(), Attribute: attribute, Values: values, Cases: row(n)}
	for i, code := range r.codes() {
		x := row(i)
		x.Code = &code
		res.Rows = append(res.Rows, x)
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionPatternsQueried, ObjectType: "person",
		ObjectID: acc.PersonID(), Detail: r.f.describe(query, r.scopeParam())})
	return res, err
}

// trendWindow bounds a crosstab by period: the filter's quarters, at most
// MaxQuarters of them, else the last DefaultTrendYears years to now.
func (s *Service) trendWindow(f *PatternFilter) error {
	now := s.now.Now()
	last := cases.Period{Year: now.Year(), Quarter: (int(now.Month())-1)/3 + 1}
	if f.To == nil {
		f.To = &last
	}
	if f.From == nil {
		from := cases.Period{Year: f.To.Year - DefaultTrendYears + 1, Quarter: 1}
		f.From = &from
	}
	if quarterNumber(*f.To)-quarterNumber(*f.From)+1 > MaxQuarters {
		return leerlus.Invalid("from", leerlus.FieldTooMany, leerlus.Params{"max": MaxQuarters})
	}
	return nil
}

func quarterNumber(p cases.Period) int { return p.Year*4 + p.Quarter - 1 }

// splitter says in which columns a case (hit nil: the row of all cases)
// or a code in it counts: one column by index (network, quarter), or
// several as bits (services, phases, perspectives; fewer than 64). It runs
// for every coded case, so it allocates nothing.
type splitter struct {
	index func(network int, c *caseFact) int
	mask  func(c *caseFact, h *hit) uint64
}

// columns lists an attribute's columns and how a case or a code in it
// spreads over them; the splitter is nil for the outcome and the age
// band, which every cube keeps as dimensions.
func (r *patternRun) columns(attribute string) ([]AttrValue, *splitter) {
	terms := func(l cases.List, only string) []AttrValue {
		var out []AttrValue
		for _, t := range l.Terms {
			if only == "" || t.Code == only {
				out = append(out, AttrValue{t.Code, t.NL, t.EN})
			}
		}
		return out
	}
	switch attribute {
	case AttrOutcome:
		return terms(cases.Outcomes, r.f.Outcome), nil
	case AttrAgeBand:
		return terms(cases.AgeBands, r.f.AgeBand), nil
	case AttrService:
		return terms(cases.Services, ""), &splitter{mask: func(c *caseFact, _ *hit) uint64 { return uint64(c.services) }}
	case AttrPhase:
		return terms(cases.Phases, ""), &splitter{mask: func(c *caseFact, _ *hit) uint64 { return uint64(c.phases) }}
	case AttrPerspective:
		var values []AttrValue
		for _, p := range policy.Perspectives {
			values = append(values, AttrValue{Value: string(p), LabelNL: string(p), LabelEN: string(p)})
		}
		persp := int8(-1)
		if r.f.Perspective != "" {
			persp = perspectiveIndex(r.f.Perspective)
		}
		return values, &splitter{mask: func(c *caseFact, h *hit) uint64 {
			if h != nil {
				return uint64(h.persp)
			}
			m := uint64(c.material)
			if persp >= 0 {
				m &= 1 << persp
			}
			return m
		}}
	case AttrNetwork:
		var values []AttrValue
		for _, n := range r.networks {
			values = append(values, AttrValue{Value: n.ID, LabelNL: n.Name, LabelEN: n.Name})
		}
		return values, &splitter{index: func(network int, _ *caseFact) int { return network }}
	}
	// By the quarter the trajectory started, within the window.
	var values []AttrValue
	from, to := *r.f.From, *r.f.To
	for q := quarterNumber(from); q <= quarterNumber(to); q++ {
		p := cases.Period{Year: q / 4, Quarter: q%4 + 1}
		values = append(values, AttrValue{Value: p.String(), LabelNL: fmt.Sprintf("%d kwartaal %d", p.Year, p.Quarter), LabelEN: p.String()})
	}
	first := quarterNumber(from)
	return values, &splitter{index: func(_ int, c *caseFact) int { return int(c.start/10)*4 + int(c.start%10) - 1 - first }}
}

func termIndexOf(l cases.List, code string) int { return int(termIndex(l, code)) }
