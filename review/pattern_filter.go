package review

import (
	"net/url"
	"slices"
	"strings"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

// PatternFilter narrows a pattern query. Empty fields do not filter; all
// of them combine.
type PatternFilter struct {
	// Networks is a subset of the networks the caller may study; empty
	// means all of them.
	Networks    []string
	Outcome     string // good, stuck, mixed
	AgeBand     string
	Service     string // cases in which this service took part
	Phase       string // cases with a key episode in this phase
	Perspective string // material from reflections (and lessons) of this perspective only
	// From and To bound the quarter in which trajectories started.
	From, To *cases.Period
	// Codes are the code keys to report; empty reports every code.
	Codes []string
	// Source is what a code is counted on: items (default: every coded
	// item), worked, did_not_work, or lessons.
	Source string
	// Effect counts only codings that helped or hindered (items only).
	Effect string
}

// The sources a code is counted on.
const (
	SourceItems      = "items"
	SourceWorked     = "worked"
	SourceDidNotWork = "did_not_work"
	SourceLessons    = "lessons"
)

// PatternSources lists the sources in order, for field errors.
var PatternSources = []string{SourceItems, SourceWorked, SourceDidNotWork, SourceLessons}

// MaxPatternCodes is how many codes one query may name.
const MaxPatternCodes = 50

// check validates the filter and fills in the default source.
func (f *PatternFilter) check() error {
	var v leerlus.Validation
	checkNetworkList(&v, f.Networks)
	code := func(field, val string, l cases.List) {
		v.Check(val == "" || l.Has(val), field, leerlus.FieldOneOf, leerlus.Params{"allowed": l.Codes()})
	}
	code("outcome", f.Outcome, cases.Outcomes)
	code("age_band", f.AgeBand, cases.AgeBands)
	code("service", f.Service, cases.Services)
	code("phase", f.Phase, cases.Phases)
	v.Check(f.Perspective == "" || policy.Perspective(f.Perspective).Valid(), "perspective", leerlus.FieldOneOf,
		leerlus.Params{"allowed": policy.PerspectiveNames()})
	if f.Source == "" {
		f.Source = SourceItems
	}
	v.Check(slices.Contains(PatternSources, f.Source), "source", leerlus.FieldOneOf, leerlus.Params{"allowed": PatternSources})
	effects := []string{string(EffectHelped), string(EffectHindered)}
	v.Check(f.Effect == "" || slices.Contains(effects, f.Effect), "effect", leerlus.FieldOneOf, leerlus.Params{"allowed": effects})
	if f.Effect != "" && f.Source == SourceLessons {
		v.Add("effect", leerlus.FieldOneOf, leerlus.Params{"allowed": []string{}})
	}
	if f.From != nil && f.To != nil && f.To.Year*10+f.To.Quarter < f.From.Year*10+f.From.Quarter {
		v.Add("to", leerlus.FieldBeforeStart, nil)
	}
	v.Check(len(f.Codes) <= MaxPatternCodes, "code", leerlus.FieldTooMany, leerlus.Params{"max": MaxPatternCodes})
	for _, c := range f.Codes {
		if len(c) > 100 || !leerlus.ValidText(c) {
			v.Add("code", leerlus.FieldFormat, leerlus.Params{"format": "text"})
			break
		}
	}
	return v.Err()
}

// mask is the flags a fact needs to count under the source and effect.
func (f *PatternFilter) mask() uint8 {
	m := factItems
	switch f.Source {
	case SourceWorked:
		m = factWorkedHelped | factWorkedHindered
	case SourceDidNotWork:
		m = factDidNotHelped | factDidNotHindered
	case SourceLessons:
		return factLesson
	}
	switch Effect(f.Effect) {
	case EffectHelped:
		m &= factHelped
	case EffectHindered:
		m &= factHindered
	}
	return m
}

// describe writes the query and its filters for the audit log.
func (f *PatternFilter) describe(query string, extra url.Values) string {
	q := url.Values{}
	for k, vs := range extra {
		q[k] = vs
	}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("outcome", f.Outcome)
	set("age_band", f.AgeBand)
	set("service", f.Service)
	set("phase", f.Phase)
	set("perspective", f.Perspective)
	set("source", f.Source)
	set("effect", f.Effect)
	if f.From != nil {
		set("from", f.From.String())
	}
	if f.To != nil {
		set("to", f.To.String())
	}
	if len(f.Networks) > 0 {
		q["networks"] = f.Networks
	}
	if len(f.Codes) > 0 {
		q["code"] = f.Codes
	}
	return "patterns " + query + " " + strings.ReplaceAll(q.Encode(), "&", " ")
}
