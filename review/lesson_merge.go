package review

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// LessonMergeInput merges duplicate lessons into one: Into is the lesson that
// stays, Lessons are the ones merged into it, each with the version the
// facilitator saw.
type LessonMergeInput struct {
	Into    string
	Lessons []VersionedID
}

// VersionedID names an object and the version it is based on.
type VersionedID struct {
	ID      string
	Version int
}

func (in *LessonMergeInput) check(v *leerlus.Validation) {
	v.Check(in.Into != "", "into", leerlus.FieldRequired, nil)
	leerlus.CheckID(v, "into", in.Into)
	switch {
	case len(in.Lessons) == 0:
		v.Add("lessons", leerlus.FieldRequired, nil)
	case len(in.Lessons) > mergeMax:
		v.Add("lessons", leerlus.FieldTooMany, leerlus.Params{"max": mergeMax})
	}
	seen := map[string]bool{}
	for i, l := range in.Lessons {
		at := fmt.Sprintf("/lessons/%d/", i)
		switch {
		case !leerlus.ValidID(l.ID):
			v.Add(at+"id", leerlus.FieldFormat, leerlus.Params{"format": "id"})
		case l.ID == in.Into:
			v.Add(at+"id", leerlus.FieldNotAllowed, leerlus.Params{"reason": "into_itself"})
		case seen[l.ID]:
			v.Add(at+"id", leerlus.FieldDuplicate, nil)
		}
		seen[l.ID] = true
		v.Check(l.Version >= 1, at+"version", leerlus.FieldRequired, nil)
	}
}

// Merge merges duplicate lessons into one of the network's lessons, which
// must be proposed or accepted (and stays so). The merged lessons get the
// status merged and point to it; it gains their sources (so that it
// still leads back to every reflection and case) and the union of their
// codes. A lesson merged already, a rejected one, or one of another
// network cannot be merged.
func (s *Service) Merge(ctx context.Context, acc leerlus.Access, in LessonMergeInput) (*LessonView, error) {
	var v leerlus.Validation
	in.check(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *LessonView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.lockNetworkFirst(tx, acc.NetworkID); err != nil {
			return err
		}
		ids := []string{in.Into}
		for _, l := range in.Lessons {
			ids = append(ids, l.ID)
		}
		sort.Strings(ids)
		rows, err := s.lockLessons(tx, ids)
		if err != nil {
			return err
		}
		byID := map[string]*Lesson{}
		for i := range rows {
			if visibleLesson(acc, &rows[i].Lesson) {
				byID[rows[i].ID] = &rows[i].Lesson
			}
		}
		target := byID[in.Into]
		if target == nil {
			return leerlus.NotFound("lesson")
		}
		for _, l := range in.Lessons {
			if byID[l.ID] == nil {
				return leerlus.NotFound("lesson")
			}
		}
		if !curates(acc) {
			return forbiddenCuration()
		}
		if !hasStatus(target, []LessonStatus{LessonProposed, LessonAccepted}) {
			return leerlus.Errorf(leerlus.CodeConflict, "Lessons can be merged only into a proposed or accepted lesson.")
		}
		for i, l := range in.Lessons {
			m := byID[l.ID]
			if m.Version != l.Version {
				return leerlus.FieldFailure(leerlus.CodeConflict, "Someone else changed a lesson in the meantime. Reload and try again.",
					fmt.Sprintf("/lessons/%d/version", i), leerlus.FieldStaleVersion, nil)
			}
			switch m.Status {
			case LessonMerged:
				return leerlus.Errorf(leerlus.CodeConflict, "A lesson that is merged already cannot be merged again.")
			case LessonRejected:
				return leerlus.Errorf(leerlus.CodeConflict, "A rejected lesson cannot be merged; reopen it first.")
			}
		}
		out, err = s.merge(tx, acc, target, in.Lessons, byID)
		return err
	})
	return out, err
}

// merge writes a checked merge: the merged lessons, the target's sources
// and codes, the history of each and the audit entries.
func (s *Service) merge(tx *gorm.DB, acc leerlus.Access, target *Lesson, merged []VersionedID, byID map[string]*Lesson) (*LessonView, error) {
	now := s.now.Now()
	before, err := codeIDsOf(tx, target.ID)
	if err != nil {
		return nil, err
	}
	mergedIDs := make([]string, len(merged))
	events := []policy.Attributed{}
	for i, l := range merged {
		mergedIDs[i] = l.ID
		cols := curatedBy(acc, now)
		cols["status"], cols["merged_into"] = LessonMerged, target.ID
		if err := leerlus.UpdateVersioned(tx, &Lesson{}, l.ID, l.Version, cols, "lesson", ""); err != nil {
			return nil, err
		}
		if err := recordChange(tx, acc, byID[l.ID], LessonChangeMerged, LessonChangeDetail{Into: target.ID}, now); err != nil {
			return nil, err
		}
		events = append(events, policy.Attributed{Actor: acc.Actor, Event: policy.Event{Action: policy.ActionLessonCurated,
			ObjectType: "lesson", ObjectID: l.ID, NetworkID: target.NetworkID, Detail: LessonChangeMerged + " into " + target.ID}})
	}
	if err := takeSources(tx, target.ID, mergedIDs); err != nil {
		return nil, err
	}
	after, err := takeCodes(tx, target.ID, before, mergedIDs)
	if err != nil {
		return nil, err
	}
	if err := leerlus.UpdateVersioned(tx, &Lesson{}, target.ID, target.Version, curatedBy(acc, now), "lesson", ""); err != nil {
		return nil, err
	}
	d := LessonChangeDetail{Merged: mergedIDs,
		Before: &LessonState{Statement: target.Statement, Codes: before}, After: &LessonState{Statement: target.Statement, Codes: after}}
	if err := recordChange(tx, acc, target, LessonChangeMergedIn, d, now); err != nil {
		return nil, err
	}
	events = append(events, policy.Attributed{Actor: acc.Actor, Event: policy.Event{Action: policy.ActionLessonCurated,
		ObjectType: "lesson", ObjectID: target.ID, NetworkID: target.NetworkID, Detail: LessonChangeMergedIn + " " + strings.Join(mergedIDs, " ")}})
	if err := s.audit.RecordMany(tx, events); err != nil {
		return nil, err
	}
	if err := s.regroup(tx, target.NetworkID, groupingChange{lessons: append(mergedIDs, target.ID)}, now); err != nil {
		return nil, err
	}
	return lessonView(tx, acc, target.ID)
}

// takeSources gives the target a source row for each merged lesson and
// copies the merged lessons' own sources, so that every item row names
// the lesson it was written for: (target, nil, item) for the target's
// own items, (target, lesson, item) for the items of a merged lesson, and
// (target, lesson, nil) for each lesson merged in, at any depth.
func takeSources(tx *gorm.DB, targetID string, mergedIDs []string) error {
	var have []LessonSource
	if err := tx.Where("lesson_id = ?", targetID).Find(&have).Error; err != nil {
		return err
	}
	key := func(src *string, item *string) string { return leerlus.Deref(src) + "/" + leerlus.Deref(item) }
	seen := map[string]bool{}
	for _, h := range have {
		seen[key(h.SourceLessonID, h.ItemID)] = true
	}
	var theirs []LessonSource
	if err := tx.Where("lesson_id IN ?", mergedIDs).Order("lesson_id, id").Find(&theirs).Error; err != nil {
		return err
	}
	var add []LessonSource
	put := func(src string, item *string) {
		if k := key(&src, item); !seen[k] {
			seen[k] = true
			add = append(add, LessonSource{ID: leerlus.NewID(), LessonID: targetID, SourceLessonID: &src, ItemID: item})
		}
	}
	for _, m := range mergedIDs {
		put(m, nil)
	}
	for _, t := range theirs {
		src := t.LessonID
		if t.SourceLessonID != nil {
			src = *t.SourceLessonID
		}
		put(src, t.ItemID)
	}
	if len(add) == 0 {
		return nil
	}
	return tx.CreateInBatches(add, 100).Error
}

// takeCodes gives the target the codes of the merged lessons it does not
// have yet, and returns its codes afterwards.
func takeCodes(tx *gorm.DB, targetID string, have, mergedIDs []string) ([]string, error) {
	var theirs []LessonCode
	if err := tx.Where("lesson_id IN ?", mergedIDs).Order("lesson_id, code_id").Find(&theirs).Error; err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, c := range have {
		seen[c] = true
	}
	var add []LessonCode
	for _, c := range theirs {
		if !seen[c.CodeID] {
			seen[c.CodeID] = true
			add = append(add, LessonCode{LessonID: targetID, CodeID: c.CodeID})
		}
	}
	if len(add) > 0 {
		if err := tx.Create(&add).Error; err != nil {
			return nil, err
		}
	}
	return codeIDsOf(tx, targetID)
}
