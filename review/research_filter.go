package review

import (
	"net/url"

	"leerlus/cases"
)

// caseFilter is what exports and search both filter cases on, with one
// meaning: outcomes and age bands (any of them), a service that took part,
// a key episode in a phase, and a period — From keeps trajectories still
// running at its start, To those started at or before its end. Pattern
// queries filter their in-memory facts by the start quarter instead
// (PatternFilter), so they keep their own.
type caseFilter struct {
	Outcomes, AgeBands []string
	Service, Phase     string
	From, To           *cases.Period
}

// conditions writes the filter on a table with the cases' columns under
// alias (cases k, search_docs d), with ? placeholders.
func (f caseFilter) conditions(alias string) ([]string, []any) {
	var conds []string
	var args []any
	add := func(cond string, vals ...any) {
		conds = append(conds, alias+"."+cond)
		args = append(args, vals...)
	}
	if len(f.Outcomes) > 0 {
		add("outcome IN ?", f.Outcomes)
	}
	if len(f.AgeBands) > 0 {
		add("age_band IN ?", f.AgeBands)
	}
	if f.Service != "" {
		conds = append(conds, "("+alias+".service_mask & ?) <> 0")
		args = append(args, cases.Services.Mask(f.Service))
	}
	if f.Phase != "" {
		conds = append(conds, "("+alias+".phase_mask & ?) <> 0")
		args = append(args, cases.Phases.Mask(f.Phase))
	}
	if f.From != nil {
		// Trajectories still running at the start of the range count too,
		// as in the case list.
		conds = append(conds, "("+alias+".end_period IS NULL OR "+alias+".end_period >= ?)")
		args = append(args, periodCode(*f.From))
	}
	if f.To != nil {
		// A case without a start (0) did not start within any range.
		add("start_period <= ?", periodCode(*f.To))
		add("start_period > 0")
	}
	return conds, args
}

// describeInto writes the filter's parameters for the audit log, as the
// API names them.
func (f caseFilter) describeInto(q url.Values) {
	for _, o := range f.Outcomes {
		q.Add("outcome", o)
	}
	for _, a := range f.AgeBands {
		q.Add("age_band", a)
	}
	if f.Service != "" {
		q.Set("service", f.Service)
	}
	if f.Phase != "" {
		q.Set("phase", f.Phase)
	}
	if f.From != nil {
		q.Set("from", f.From.String())
	}
	if f.To != nil {
		q.Set("to", f.To.String())
	}
}

// one is a single optional value as a list.
func one(v string) []string {
	if v == "" {
		return nil
	}
	return []string{v}
}
