package cases

import (
	"fmt"

	"leerlus"
)

// Limits of a case's texts and lists, in characters and items.
const (
	titleMin, titleMax     = 3, 120
	summaryMin, summaryMax = 20, 4000
	episodeTextMin         = 10
	episodeTextMax         = 2000
	commentMax             = 2000
	maxEpisodes            = 30
	firstYear              = 1990
)

// CaseInput is what a member writes about a case. On create every field
// but the title may still be empty (a draft is saved as it is typed);
// submitting needs them all. On edit, nil fields stay as they are.
type CaseInput struct {
	Title       *string
	Outcome     *string
	Start       *Period
	End         *Period
	Ongoing     *bool // true clears the end: the trajectory still runs
	AgeBand     *string
	Household   *string
	LifeDomains *[]string
	Services    *[]string
	Duration    *string
	Summary     *string
	// Episodes are the key episodes of a new case; on edit they are
	// changed one by one (EpisodeInput).
	Episodes []EpisodeInput
	Decisions
	Version int // the version an edit is based on
}

// EpisodeInput is one key episode as a member writes it. Position (1 is
// first) places a new episode; omitted, it goes last.
type EpisodeInput struct {
	Phase        *string
	WhatHappened *string
	Duration     *string
	Effect       *string
	Position     *int
	Decisions
	Version int
}

// check validates a case's fields; creating is true for a new case (the
// title is needed from the start) and now bounds the periods.
func (in *CaseInput) check(v *leerlus.Validation, creating bool, now Period) {
	leerlus.CheckText(v, "title", in.Title, creating, titleMin, titleMax)
	checkCode(v, "outcome", in.Outcome, Outcomes)
	checkCode(v, "age_band", in.AgeBand, AgeBands)
	checkCode(v, "household", in.Household, Households)
	checkCode(v, "duration", in.Duration, Durations)
	checkCodes(v, "life_domains", in.LifeDomains, LifeDomains)
	checkCodes(v, "services", in.Services, Services)
	if in.Summary != nil {
		// An empty summary is a draft's; submitting asks for one.
		leerlus.CheckText(v, "summary", in.Summary, false, 0, summaryMax)
	}
	checkPeriod(v, "start", in.Start, now)
	checkPeriod(v, "end", in.End, now)
	if in.Start != nil && in.End != nil && in.End.code() < in.Start.code() {
		v.Add("end", leerlus.FieldBeforeStart, nil)
	}
	v.Check(in.Ongoing == nil || in.End == nil || !*in.Ongoing, "ongoing", leerlus.FieldNotAllowed, leerlus.Params{"reason": "end_given"})
	if creating {
		v.Check(len(in.Episodes) <= maxEpisodes, "episodes", leerlus.FieldTooMany, leerlus.Params{"max": maxEpisodes})
		for i := range in.Episodes {
			in.Episodes[i].check(v, fmt.Sprintf("/episodes/%d/", i), true)
		}
	} else {
		leerlus.CheckVersion(v, in.Version)
	}
}

// check validates an episode; prefix is its place in a case body
// ("/episodes/2/") or "" in an episode's own body.
func (in *EpisodeInput) check(v *leerlus.Validation, prefix string, creating bool) {
	checkCode(v, prefix+"phase", in.Phase, Phases)
	checkCode(v, prefix+"duration", in.Duration, EpisodeDurations)
	checkCode(v, prefix+"effect", in.Effect, Effects)
	if in.WhatHappened != nil {
		leerlus.CheckText(v, prefix+"what_happened", in.WhatHappened, false, 0, episodeTextMax)
	}
	if in.Position != nil {
		v.Check(*in.Position >= 1 && *in.Position <= maxEpisodes, prefix+"position", leerlus.FieldOutOfRange, leerlus.Params{"min": 1, "max": maxEpisodes})
	}
	if !creating {
		leerlus.CheckVersion(v, in.Version)
	}
}

func checkCode(v *leerlus.Validation, field string, code *string, l List) {
	if code != nil && *code != "" {
		v.Check(l.Has(*code), field, leerlus.FieldOneOf, leerlus.Params{"allowed": l.Codes()})
	}
}

func checkCodes(v *leerlus.Validation, field string, codes *[]string, l List) {
	if codes == nil {
		return
	}
	seen := map[string]bool{}
	for _, c := range *codes {
		switch {
		case !l.Has(c):
			v.Add(field, leerlus.FieldOneOf, leerlus.Params{"allowed": l.Codes()})
			return
		case seen[c]:
			v.Add(field, leerlus.FieldDuplicate, nil)
			return
		}
		seen[c] = true
	}
}

func checkPeriod(v *leerlus.Validation, field string, p *Period, now Period) {
	if p == nil {
		return
	}
	v.Check(p.Quarter >= 1 && p.Quarter <= 4, "/"+field+"/quarter", leerlus.FieldOutOfRange, leerlus.Params{"min": 1, "max": 4})
	v.Check(p.Year >= firstYear && p.Year <= now.Year, "/"+field+"/year", leerlus.FieldOutOfRange, leerlus.Params{"min": firstYear, "max": now.Year})
	if p.Year == now.Year && p.Quarter > now.Quarter && p.Quarter <= 4 {
		v.Add(field, leerlus.FieldInFuture, nil)
	}
}

// checkComplete lists what a case still lacks before it can be submitted.
func checkComplete(c *Case, services []string, episodes []Episode) error {
	var v leerlus.Validation
	v.Check(c.Outcome != "", "outcome", leerlus.FieldRequired, nil)
	v.Check(c.StartPeriod != 0, "start", leerlus.FieldRequired, nil)
	v.Check(c.AgeBand != "", "age_band", leerlus.FieldRequired, nil)
	v.Check(c.Household != "", "household", leerlus.FieldRequired, nil)
	v.Check(c.Duration != "", "duration", leerlus.FieldRequired, nil)
	v.Check(len(services) > 0, "services", leerlus.FieldRequired, nil)
	leerlus.CheckLength(&v, "summary", c.Summary, summaryMin, summaryMax)
	v.Check(len(episodes) > 0, "episodes", leerlus.FieldRequired, nil)
	for i, e := range episodes {
		p := fmt.Sprintf("/episodes/%d/", i)
		v.Check(e.Phase != "", p+"phase", leerlus.FieldRequired, nil)
		v.Check(e.Duration != "", p+"duration", leerlus.FieldRequired, nil)
		v.Check(e.Effect != "", p+"effect", leerlus.FieldRequired, nil)
		leerlus.CheckLength(&v, p+"what_happened", e.WhatHappened, episodeTextMin, episodeTextMax)
	}
	return v.Err()
}

// quarterOf is the period a time lies in.
func quarterOf(year int, month int) Period { return Period{Year: year, Quarter: (month-1)/3 + 1} }
