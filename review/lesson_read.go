package review

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// Lesson reads one lesson with the reflections, items and cases it leads
// back to: for facilitators in every curation state, for everyone else
// once accepted. Only published texts are shown, and never an author;
// facilitators also get the reflection ids, to open them. Every read is
// audited.
func (s *Service) Lesson(ctx context.Context, acc leerlus.Access, id string) (*LessonView, error) {
	db := s.db.WithContext(ctx)
	out, err := lessonView(db, acc, id)
	if err != nil {
		return nil, err
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionLessonsListed, ObjectType: "lesson",
		ObjectID: out.ID, NetworkID: out.NetworkID, Detail: "read"})
	return out, err
}

// lessonView loads a lesson as the caller may see it.
func lessonView(db *gorm.DB, acc leerlus.Access, id string) (*LessonView, error) {
	r, err := readableLesson(db, acc, id)
	if err != nil {
		return nil, err
	}
	rows := []lessonRow{*r}
	codes, err := codeRefs(db, []string{r.ID})
	if err != nil {
		return nil, err
	}
	behind, err := contributions(db, rows)
	if err != nil {
		return nil, err
	}
	out := &LessonView{LessonSummary: summary(acc, *r, codes[r.ID], behind[r.ID])}
	items, err := sourceItems(db, r.ID)
	if err != nil {
		return nil, err
	}
	for _, c := range behind[r.ID] {
		src := Source{LessonID: c.LessonID, Merged: c.LessonID != r.ID, Statement: c.Statement, Perspective: c.Perspective,
			Case: CaseRef{ID: c.CaseID, Title: c.CaseTitle}, Items: items[c.LessonID]}
		if src.Items == nil {
			src.Items = []SourceItem{}
		}
		if curates(acc) {
			src.ReflectionID = c.ReflectionID
		}
		out.Sources = append(out.Sources, src)
	}
	return out, nil
}

// sourceItems reads the published reflection items behind a lesson, per
// lesson they belong to: the lesson's own, and those that came with a
// lesson merged into it.
func sourceItems(db *gorm.DB, lessonID string) (map[string][]SourceItem, error) {
	var rows []struct {
		SourceLessonID             *string
		ID, QuestionKey, What, Why string
	}
	err := db.Table("lesson_sources ls").
		Select("ls.source_lesson_id, i.id, i.question_key, i.what, i.why").
		Joins("JOIN reflection_items i ON i.id = ls.item_id").
		Joins("JOIN reflections r ON r.id = i.reflection_id AND r.status = ?", string(StatusPublished)).
		Where("ls.lesson_id = ?", lessonID).
		Order("i.reflection_id, i.question_key, i.position, i.id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := map[string][]SourceItem{}
	for _, r := range rows {
		owner := lessonID
		if r.SourceLessonID != nil {
			owner = *r.SourceLessonID
		}
		out[owner] = append(out[owner], SourceItem{ID: r.ID, QuestionKey: r.QuestionKey, What: r.What, Why: r.Why})
	}
	return out, nil
}

// LessonChangeDetail is what one curation step changed.
type LessonChangeDetail struct {
	Before, After *LessonState
	Reason        string
	// Merged are the lessons merged into this one (on the target).
	Merged []string
	// Into is the lesson this one was merged into.
	Into string
}

// LessonState is a lesson's wording and codes (ids) before or after a
// step.
type LessonState struct {
	Statement string
	Codes     []string
}

// changeRecord is how a LessonChangeDetail is stored in lesson_changes.detail:
// a stable JSON shape that recurring lessons and research read too.
type changeRecord struct {
	Before *stateRecord `json:"before,omitempty"`
	After  *stateRecord `json:"after,omitempty"`
	Reason string       `json:"reason,omitempty"`
	Merged []string     `json:"merged,omitempty"`
	Into   string       `json:"into,omitempty"`
}

type stateRecord struct {
	Statement string   `json:"statement"`
	Codes     []string `json:"codes"`
}

func (d LessonChangeDetail) record() changeRecord {
	conv := func(s *LessonState) *stateRecord {
		if s == nil {
			return nil
		}
		return &stateRecord{Statement: s.Statement, Codes: s.Codes}
	}
	return changeRecord{Before: conv(d.Before), After: conv(d.After), Reason: d.Reason, Merged: d.Merged, Into: d.Into}
}

func (r changeRecord) detail() LessonChangeDetail {
	conv := func(s *stateRecord) *LessonState {
		if s == nil {
			return nil
		}
		return &LessonState{Statement: s.Statement, Codes: s.Codes}
	}
	return LessonChangeDetail{Before: conv(r.Before), After: conv(r.After), Reason: r.Reason, Merged: r.Merged, Into: r.Into}
}

// The actions of a lesson's history.
const (
	LessonChangeAccepted = "accepted"
	LessonChangeReworded = "reworded"
	LessonChangeRejected = "rejected"
	LessonChangeReopened = "reopened"
	LessonChangeMerged   = "merged"    // this lesson was merged into another
	LessonChangeMergedIn = "merged_in" // other lessons were merged into this one
)

// LessonHistoryEntry is one entry of a lesson's curation history.
type LessonHistoryEntry struct {
	ID     string
	Action string
	Detail LessonChangeDetail
	Actor  *PersonRef // the facilitator who curated
	At     time.Time
}

// PersonRef is a person by id and name.
type PersonRef struct {
	ID, Name string
}

// History lists a lesson's curation steps, oldest first. It is for the
// network's facilitators, and audited like a read.
func (s *Service) LessonHistory(ctx context.Context, acc leerlus.Access, id string, p leerlus.Page) ([]LessonHistoryEntry, string, error) {
	if !curates(acc) {
		return nil, "", leerlus.Errorf(leerlus.CodeForbidden, "Only a facilitator of the network can see how a lesson was curated.")
	}
	db := s.db.WithContext(ctx)
	l, err := readableLesson(db, acc, id)
	if err != nil {
		return nil, "", err
	}
	rows, next, err := leerlus.PageByID(db.Where("lesson_id = ?", l.ID), p, func(c LessonChange) string { return c.ID })
	if err != nil {
		return nil, "", err
	}
	names, err := personNames(db, rows)
	if err != nil {
		return nil, "", err
	}
	out := make([]LessonHistoryEntry, len(rows))
	for i, c := range rows {
		out[i] = LessonHistoryEntry{ID: c.ID, Action: c.Action, At: c.At}
		var rec changeRecord
		if err := json.Unmarshal([]byte(c.Detail), &rec); err != nil {
			return nil, "", fmt.Errorf("lesson change %s: %w", c.ID, err)
		}
		out[i].Detail = rec.detail()
		if c.ActorID != nil {
			out[i].Actor = &PersonRef{ID: *c.ActorID, Name: names[*c.ActorID]}
		}
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionLessonsListed, ObjectType: "lesson",
		ObjectID: l.ID, NetworkID: l.NetworkID, Detail: "history"})
	return out, next, err
}

// personNames reads the names of the curators of history entries.
func personNames(db *gorm.DB, rows []LessonChange) (map[string]string, error) {
	var ids []string
	for _, c := range rows {
		if c.ActorID != nil {
			ids = append(ids, *c.ActorID)
		}
	}
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var people []struct{ ID, Name string }
	if err := db.Table("people").Select("id, name").Where("id IN ?", ids).Scan(&people).Error; err != nil {
		return nil, err
	}
	for _, p := range people {
		out[p.ID] = p.Name
	}
	return out, nil
}
