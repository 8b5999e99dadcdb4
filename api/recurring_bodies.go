package api

import (
	"leerlus/review"
)

// RecurringLessonBody is a group of lessons that say the same thing, with
// where it comes from. dismiss_reason is for the network's facilitators
// only; nothing in it names an author.
type RecurringLessonBody struct {
	ID              string             `json:"id"`
	NetworkID       string             `json:"network_id"`
	Statement       string             `json:"statement"`
	StatementEdited bool               `json:"statement_edited"`
	Status          review.GroupStatus `json:"status"`
	DismissReason   string             `json:"dismiss_reason,omitempty"`
	LessonCount     int                `json:"lesson_count"`
	CaseCount       int                `json:"case_count"`
	Recurring       bool               `json:"recurring"`
	Spread          SpreadBody         `json:"spread"`
	Version         int                `json:"version"`
}

// RecurringLessonDetailBody is one recurring lesson with its lessons.
type RecurringLessonDetailBody struct {
	RecurringLessonBody
	Lessons []GroupedLessonBody `json:"lessons"`
}

// SpreadBody is the spread of a recurring lesson over cases, networks,
// organisations, perspectives, outcomes and time. lift is null when the
// networks have no stuck case to compare with; first_seen and last_seen
// are quarters such as "2024-Q2", null without cases.
type SpreadBody struct {
	Cases              []CaseRefBody          `json:"cases"`
	Networks           int                    `json:"networks"`
	Organisations      int                    `json:"organisations"`
	Perspectives       []PerspectiveCountBody `json:"perspectives"`
	Outcomes           OutcomeCountsBody      `json:"outcomes"`
	StuckShare         float64                `json:"stuck_share"`
	BaselineStuckShare float64                `json:"baseline_stuck_share"`
	Lift               *float64               `json:"lift"`
	FirstSeen          *string                `json:"first_seen"`
	LastSeen           *string                `json:"last_seen"`
	Quarters           []QuarterCountBody     `json:"quarters"`
}

// PerspectiveCountBody is how many lessons of a group one perspective gave.
type PerspectiveCountBody struct {
	Perspective string `json:"perspective"`
	Lessons     int    `json:"lessons"`
}

// OutcomeCountsBody counts a group's distinct cases per outcome.
type OutcomeCountsBody struct {
	Good  int `json:"good"`
	Stuck int `json:"stuck"`
	Mixed int `json:"mixed"`
}

// QuarterCountBody is the number of a group's cases that started in one
// quarter.
type QuarterCountBody struct {
	Period string `json:"period"`
	Cases  int    `json:"cases"`
}

// GroupedLessonBody is one lesson of a recurring lesson.
type GroupedLessonBody struct {
	ID          string              `json:"id"`
	Statement   string              `json:"statement"`
	Status      review.LessonStatus `json:"status"`
	Perspective string              `json:"perspective"`
	Case        CaseRefBody         `json:"case"`
}

// GroupMatchBody is a group a lesson could be placed in, with its score
// (0 to 1).
type GroupMatchBody struct {
	ID          string             `json:"id"`
	Statement   string             `json:"statement"`
	Status      review.GroupStatus `json:"status"`
	LessonCount int                `json:"lesson_count"`
	CaseCount   int                `json:"case_count"`
	Score       float64            `json:"score"`
	Version     int                `json:"version"`
}

func recurringLessonBody(r review.RecurringLesson) RecurringLessonBody {
	return RecurringLessonBody{ID: r.ID, NetworkID: r.NetworkID, Statement: r.Statement, StatementEdited: r.StatementEdited,
		Status: r.Status, DismissReason: r.DismissReason, LessonCount: r.LessonCount, CaseCount: r.CaseCount,
		Recurring: r.Recurring, Spread: spreadBody(r.Spread), Version: r.Version}
}

func recurringLessonDetailBody(r *review.RecurringLesson) RecurringLessonDetailBody {
	out := RecurringLessonDetailBody{RecurringLessonBody: recurringLessonBody(*r), Lessons: make([]GroupedLessonBody, len(r.Lessons))}
	for i, l := range r.Lessons {
		out.Lessons[i] = GroupedLessonBody{ID: l.ID, Statement: l.Statement, Status: l.Status, Perspective: l.Perspective,
			Case: CaseRefBody{ID: l.Case.ID, Title: l.Case.Title}}
	}
	return out
}

func spreadBody(s review.Spread) SpreadBody {
	out := SpreadBody{Cases: make([]CaseRefBody, len(s.Cases)), Networks: s.Networks, Organisations: s.Organisations,
		Perspectives: make([]PerspectiveCountBody, len(s.Perspectives)),
		Outcomes:     OutcomeCountsBody{Good: s.Outcomes.Good, Stuck: s.Outcomes.Stuck, Mixed: s.Outcomes.Mixed},
		StuckShare:   s.StuckShare, BaselineStuckShare: s.BaselineStuckShare, Lift: s.Lift,
		Quarters: make([]QuarterCountBody, len(s.Quarters))}
	for i, c := range s.Cases {
		out.Cases[i] = CaseRefBody{ID: c.ID, Title: c.Title}
	}
	for i, p := range s.Perspectives {
		out.Perspectives[i] = PerspectiveCountBody{Perspective: p.Perspective, Lessons: p.Lessons}
	}
	for i, q := range s.Quarters {
		out.Quarters[i] = QuarterCountBody{Period: q.Period.String(), Cases: q.Cases}
	}
	if len(s.Cases) > 0 {
		first, last := s.FirstSeen.String(), s.LastSeen.String()
		out.FirstSeen, out.LastSeen = &first, &last
	}
	return out
}

func groupMatchBody(m review.GroupMatch) GroupMatchBody {
	return GroupMatchBody{ID: m.GroupID, Statement: m.Statement, Status: m.Status, LessonCount: m.LessonCount,
		CaseCount: m.CaseCount, Score: m.Score, Version: m.Version}
}

// groupUpdateRequest renames, dismisses or restores a recurring lesson.
type groupUpdateRequest struct {
	Statement     *string       `json:"statement"`
	Status        *string       `json:"status"`
	DismissReason string        `json:"dismiss_reason"`
	Dismissed     []markRequest `json:"dismissed"`
	Confirmed     []markRequest `json:"confirmed"`
	Version       int           `json:"version"`
}

func (r groupUpdateRequest) input() review.GroupUpdate {
	out := review.GroupUpdate{Version: r.Version, Statement: r.Statement, DismissReason: r.DismissReason,
		Decisions: decisions(r.Dismissed, r.Confirmed)}
	if r.Status != nil {
		s := review.GroupStatus(*r.Status)
		out.Status = &s
	}
	return out
}

type groupSplitRequest struct {
	Lessons []string `json:"lessons"`
	Version int      `json:"version"`
}

type groupMergeRequest struct {
	Groups  []string `json:"groups"`
	Version int      `json:"version"`
}

type groupPlaceRequest struct {
	Lesson  string `json:"lesson"`
	Version int    `json:"version"`
}
