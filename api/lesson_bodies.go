package api

import (
	"time"

	"leerlus/review"
)

// CaseRefBody is a case a lesson leads back to.
type CaseRefBody struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// LessonSummaryBody is a lesson in a list. The curation details
// (reject_reason, merged_into, curated_at) are there for the network's
// facilitators only; no lesson ever names an author.
type LessonSummaryBody struct {
	ID           string              `json:"id"`
	NetworkID    string              `json:"network_id"`
	Status       review.LessonStatus `json:"status"`
	Statement    string              `json:"statement"`
	Codes        []CodeRefBody       `json:"codes"`
	Perspectives []string            `json:"perspectives"`
	Cases        []CaseRefBody       `json:"cases"`
	SourceCount  int                 `json:"source_count"`
	RejectReason string              `json:"reject_reason,omitempty"`
	MergedInto   *string             `json:"merged_into,omitempty"`
	CuratedAt    *time.Time          `json:"curated_at,omitempty"`
	CreatedAt    time.Time           `json:"created_at"`
	UpdatedAt    time.Time           `json:"updated_at"`
	Version      int                 `json:"version"`
}

// LessonBody is one lesson with the lessons, reflections, items and cases
// it leads back to.
type LessonBody struct {
	LessonSummaryBody
	Sources []LessonSourceBody `json:"sources"`
}

// LessonSourceBody is the lesson itself or a lesson merged into it, with
// the reflection items it came from. reflection_id is for facilitators.
type LessonSourceBody struct {
	LessonID     string           `json:"lesson_id"`
	Merged       bool             `json:"merged"`
	Statement    string           `json:"statement"`
	Perspective  string           `json:"perspective"`
	Case         CaseRefBody      `json:"case"`
	ReflectionID string           `json:"reflection_id,omitempty"`
	Items        []SourceItemBody `json:"items"`
}

// SourceItemBody is a reflection item a lesson came from.
type SourceItemBody struct {
	ID       string `json:"id"`
	Question string `json:"question"`
	What     string `json:"what"`
	Why      string `json:"why"`
}

// LessonStateBody is a lesson's wording and codes before or after a step.
type LessonStateBody struct {
	Statement string   `json:"statement"`
	Codes     []string `json:"codes"`
}

// LessonChangeBody is one step of a lesson's curation.
type LessonChangeBody struct {
	ID     string           `json:"id"`
	Action string           `json:"action"`
	Actor  *Ref             `json:"actor,omitempty"`
	At     time.Time        `json:"at"`
	Before *LessonStateBody `json:"before,omitempty"`
	After  *LessonStateBody `json:"after,omitempty"`
	Reason string           `json:"reason,omitempty"`
	Merged []string         `json:"merged,omitempty"`
	Into   string           `json:"into,omitempty"`
}

func lessonSummaryBody(l review.LessonSummary) LessonSummaryBody {
	out := LessonSummaryBody{ID: l.ID, NetworkID: l.NetworkID, Status: l.Status, Statement: l.Statement,
		Codes: make([]CodeRefBody, len(l.Codes)), Perspectives: l.Perspectives, Cases: make([]CaseRefBody, len(l.Cases)),
		SourceCount: l.SourceCount, CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt, Version: l.Version}
	for i, c := range l.Codes {
		out.Codes[i] = codeRefBody(c)
	}
	for i, c := range l.Cases {
		out.Cases[i] = CaseRefBody{ID: c.ID, Title: c.Title}
	}
	if l.Curation != nil {
		out.RejectReason, out.MergedInto, out.CuratedAt = l.Curation.RejectReason, l.Curation.MergedInto, l.Curation.CuratedAt
	}
	return out
}

func lessonBody(v *review.LessonView) LessonBody {
	out := LessonBody{LessonSummaryBody: lessonSummaryBody(v.LessonSummary), Sources: make([]LessonSourceBody, len(v.Sources))}
	for i, s := range v.Sources {
		src := LessonSourceBody{LessonID: s.LessonID, Merged: s.Merged, Statement: s.Statement, Perspective: s.Perspective,
			Case: CaseRefBody{ID: s.Case.ID, Title: s.Case.Title}, ReflectionID: s.ReflectionID, Items: make([]SourceItemBody, len(s.Items))}
		for j, it := range s.Items {
			src.Items[j] = SourceItemBody{ID: it.ID, Question: it.QuestionKey, What: it.What, Why: it.Why}
		}
		out.Sources[i] = src
	}
	return out
}

func lessonChangeBody(c review.LessonHistoryEntry) LessonChangeBody {
	state := func(s *review.LessonState) *LessonStateBody {
		if s == nil {
			return nil
		}
		codes := s.Codes
		if codes == nil {
			codes = []string{}
		}
		return &LessonStateBody{Statement: s.Statement, Codes: codes}
	}
	out := LessonChangeBody{ID: c.ID, Action: c.Action, At: c.At, Before: state(c.Detail.Before), After: state(c.Detail.After),
		Reason: c.Detail.Reason, Merged: c.Detail.Merged, Into: c.Detail.Into}
	if c.Actor != nil {
		out.Actor = &Ref{ID: c.Actor.ID, Name: c.Actor.Name}
	}
	return out
}

// lessonEditRequest accepts or rewords a lesson: a new statement and new
// codes (both optional), the decisions on findings in the statement, and
// the version the facilitator saw.
type lessonEditRequest struct {
	Statement *string       `json:"statement"`
	Codes     *[]string     `json:"codes"`
	Dismissed []markRequest `json:"dismissed"`
	Confirmed []markRequest `json:"confirmed"`
	Version   int           `json:"version"`
}

func (r lessonEditRequest) input() review.LessonEdit {
	return review.LessonEdit{Version: r.Version, Statement: r.Statement, Codes: r.Codes, Decisions: decisions(r.Dismissed, r.Confirmed)}
}

type rejectLessonRequest struct {
	Reason    string        `json:"reason"`
	Dismissed []markRequest `json:"dismissed"`
	Confirmed []markRequest `json:"confirmed"`
	Version   int           `json:"version"`
}

type mergeLessonsRequest struct {
	Into    string               `json:"into"`
	Lessons []versionedIDRequest `json:"lessons"`
}

type versionedIDRequest struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}
