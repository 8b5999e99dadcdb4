package review

import (
	"sort"

	"leerlus/cases"
)

// lessonFact is one lesson behind a recurring lesson — a member of the
// group or a lesson merged into a member — with the facts of its case and
// reflection that the spread counts. It names no author.
type lessonFact struct {
	LessonID       string
	CaseID         string
	CaseTitle      string
	NetworkID      string
	Perspective    string
	OrganisationID *string
	Outcome        string // of the case: good, stuck, mixed
	StartPeriod    int    // of the case, year*10 + quarter
}

// Spread is where a recurring lesson comes from: how many distinct cases,
// networks, organisations and perspectives stand behind it, how it leans
// towards stuck or good trajectories, and when it was seen.
type Spread struct {
	Cases         []CaseRef // distinct, in the order first seen
	Networks      int
	Organisations int
	Perspectives  []PerspectiveCount // most frequent first
	Outcomes      OutcomeCounts      // distinct cases per outcome
	// StuckShare is the share of the group's cases that got stuck;
	// BaselineStuckShare that share among all published cases of the same
	// networks. Lift is their ratio: above 1 the lesson comes up more in
	// stuck trajectories than trajectories do in general. Nil when the
	// baseline has no stuck case.
	StuckShare         float64
	BaselineStuckShare float64
	Lift               *float64
	FirstSeen          cases.Period // quarter of the earliest trajectory start
	LastSeen           cases.Period
	// Quarters counts distinct cases per quarter in which their
	// trajectory started, from FirstSeen to LastSeen without gaps.
	Quarters []QuarterCount
}

// PerspectiveCount is how many lessons of one perspective a group holds.
type PerspectiveCount struct {
	Perspective string
	Lessons     int
}

// OutcomeCounts counts distinct cases per outcome.
type OutcomeCounts struct {
	Good, Stuck, Mixed int
}

// Total is the number of cases counted.
func (o OutcomeCounts) Total() int { return o.Good + o.Stuck + o.Mixed }

func (o *OutcomeCounts) add(outcome string) {
	switch outcome {
	case "good":
		o.Good++
	case "stuck":
		o.Stuck++
	default:
		o.Mixed++
	}
}

// QuarterCount is the number of distinct cases in one quarter.
type QuarterCount struct {
	Period cases.Period
	Cases  int
}

// spreadOf sums up the facts behind one group. baseline counts the
// published cases per outcome in the networks the caller looks at.
func spreadOf(facts []lessonFact, baseline OutcomeCounts) Spread {
	var out Spread
	seenCase := map[string]bool{}
	networks := map[string]bool{}
	orgs := map[string]bool{}
	perspectives := map[string]int{}
	perQuarter := map[cases.Period]int{}
	for _, f := range facts {
		perspectives[f.Perspective]++
		networks[f.NetworkID] = true
		if f.OrganisationID != nil {
			orgs[*f.OrganisationID] = true
		}
		if seenCase[f.CaseID] {
			continue
		}
		seenCase[f.CaseID] = true
		out.Cases = append(out.Cases, CaseRef{ID: f.CaseID, Title: f.CaseTitle})
		out.Outcomes.add(f.Outcome)
		p := cases.PeriodOfCode(f.StartPeriod)
		perQuarter[p]++
		if len(out.Cases) == 1 || p.Before(out.FirstSeen) {
			out.FirstSeen = p
		}
		if len(out.Cases) == 1 || out.LastSeen.Before(p) {
			out.LastSeen = p
		}
	}
	out.Networks, out.Organisations = len(networks), len(orgs)
	for p, n := range perspectives {
		out.Perspectives = append(out.Perspectives, PerspectiveCount{Perspective: p, Lessons: n})
	}
	sort.Slice(out.Perspectives, func(i, j int) bool {
		a, b := out.Perspectives[i], out.Perspectives[j]
		return a.Lessons > b.Lessons || a.Lessons == b.Lessons && a.Perspective < b.Perspective
	})
	if n := out.Outcomes.Total(); n > 0 {
		out.StuckShare = float64(out.Outcomes.Stuck) / float64(n)
	}
	if n := baseline.Total(); n > 0 {
		out.BaselineStuckShare = float64(baseline.Stuck) / float64(n)
	}
	if out.BaselineStuckShare > 0 && len(out.Cases) > 0 {
		lift := out.StuckShare / out.BaselineStuckShare
		out.Lift = &lift
	}
	if len(out.Cases) > 0 {
		for p := out.FirstSeen; !out.LastSeen.Before(p); p = p.Next() {
			out.Quarters = append(out.Quarters, QuarterCount{Period: p, Cases: perQuarter[p]})
		}
	}
	return out
}
