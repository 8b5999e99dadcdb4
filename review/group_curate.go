package review

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

// Limits of group curation.
const (
	groupStatementMin = 3
	groupStatementMax = 300
	dismissReasonMax  = 500
	groupSplitMax     = 100 // lessons split off in one step
	groupMergeMax     = 20  // groups merged in one step
)

// GroupUpdate changes a group's statement or status. Nil fields stay.
type GroupUpdate struct {
	Version       int
	Statement     *string
	Status        *GroupStatus
	DismissReason string
	cases.Decisions
}

func (in *GroupUpdate) check(v *leerlus.Validation) {
	leerlus.CheckVersion(v, in.Version)
	if in.Statement != nil {
		leerlus.CheckText(v, "statement", in.Statement, true, groupStatementMin, groupStatementMax)
	}
	if in.Status != nil {
		v.Check(*in.Status == GroupActive || *in.Status == GroupDismissed, "status", leerlus.FieldOneOf,
			leerlus.Params{"allowed": []string{string(GroupActive), string(GroupDismissed)}})
		if *in.Status == GroupDismissed {
			leerlus.CheckText(v, "dismiss_reason", &in.DismissReason, true, 1, dismissReasonMax)
		}
	}
	v.Check(in.Statement != nil || in.Status != nil, "statement", leerlus.FieldRequired, nil)
}

// UpdateGroup renames a group (the statement is kept through every
// regrouping from then on) or dismisses or restores it.
func (s *Service) UpdateGroup(ctx context.Context, acc leerlus.Access, id string, in GroupUpdate) (*RecurringLesson, error) {
	var v leerlus.Validation
	in.check(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var texts []cases.Text
	if in.Statement != nil {
		texts = append(texts, cases.Text{Pointer: "/statement", Field: "/statement", Value: *in.Statement})
	}
	if in.Status != nil && *in.Status == GroupDismissed {
		texts = append(texts, cases.Text{Pointer: "/dismiss_reason", Field: "/dismiss_reason", Value: in.DismissReason})
	}
	if err := s.cases.ScreenFree(texts, in.Decisions); err != nil {
		return nil, err
	}
	return s.curateGroup(ctx, acc, id, in.Version, "update", func(tx *gorm.DB, g *LessonGroup, now time.Time) ([][2]string, error) {
		cols := leerlus.VersionBump(now)
		if in.Statement != nil {
			cols["statement"], cols["statement_edited"] = *in.Statement, true
		}
		if in.Status != nil {
			cols["status"] = *in.Status
			cols["dismiss_reason"] = ""
			if *in.Status == GroupDismissed {
				cols["dismiss_reason"] = in.DismissReason
			}
		}
		// The lessons stay as they are grouped: nothing to regroup.
		return nil, leerlus.UpdateVersioned(tx, &LessonGroup{}, g.ID, in.Version, cols, "recurring lesson", "")
	})
}

// SplitGroup takes lessons out of a group: the grouping keeps them apart
// from the lessons that stay, in every later regrouping. The lessons split
// off stay together.
func (s *Service) SplitGroup(ctx context.Context, acc leerlus.Access, id string, version int, lessonIDs []string) (*RecurringLesson, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	v.Check(len(lessonIDs) > 0, "lessons", leerlus.FieldRequired, nil)
	v.Check(len(lessonIDs) <= groupSplitMax, "lessons", leerlus.FieldTooMany, leerlus.Params{"max": groupSplitMax})
	for _, l := range lessonIDs {
		leerlus.CheckID(&v, "lessons", l)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.curateGroup(ctx, acc, id, version, "split", func(tx *gorm.DB, g *LessonGroup, now time.Time) ([][2]string, error) {
		members, err := groupMembers(tx, g.ID)
		if err != nil {
			return nil, err
		}
		leaving := map[string]bool{}
		for _, l := range lessonIDs {
			if !contains(members, l) {
				return nil, leerlus.Invalid("lessons", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_in_group"})
			}
			leaving[l] = true
		}
		if len(leaving) == len(members) {
			return nil, leerlus.Invalid("lessons", leerlus.FieldNotAllowed, leerlus.Params{"reason": "whole_group"})
		}
		var stay, leave []string
		for _, m := range members {
			if leaving[m] {
				leave = append(leave, m)
			} else {
				stay = append(stay, m)
			}
		}
		t := teacher{tx: tx, networkID: g.NetworkID, by: acc.PersonID(), now: now}
		for _, a := range leave {
			for _, b := range stay {
				t.teach(a, b, Apart)
			}
		}
		for i := 1; i < len(leave); i++ {
			t.teach(leave[0], leave[i], Together)
		}
		return t.pairs, t.err
	})
}

// MergeGroups joins groups into one: the grouping keeps their lessons
// together from then on. The oldest group continues.
func (s *Service) MergeGroups(ctx context.Context, acc leerlus.Access, into string, version int, from []string) (*RecurringLesson, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	v.Check(len(from) > 0, "groups", leerlus.FieldRequired, nil)
	v.Check(len(from) <= groupMergeMax, "groups", leerlus.FieldTooMany, leerlus.Params{"max": groupMergeMax})
	for _, g := range from {
		leerlus.CheckID(&v, "groups", g)
		v.Check(g != into, "groups", leerlus.FieldNotAllowed, leerlus.Params{"reason": "same_group"})
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.curateGroup(ctx, acc, into, version, "merge", func(tx *gorm.DB, g *LessonGroup, now time.Time) ([][2]string, error) {
		target, err := groupMembers(tx, g.ID)
		if err != nil {
			return nil, err
		}
		t := teacher{tx: tx, networkID: g.NetworkID, by: acc.PersonID(), now: now}
		for _, other := range from {
			var n int64
			if err := tx.Model(&LessonGroup{}).Where("id = ? AND network_id = ?", other, g.NetworkID).Count(&n).Error; err != nil {
				return nil, err
			}
			if n == 0 {
				return nil, leerlus.Invalid("groups", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_in_network"})
			}
			members, err := groupMembers(tx, other)
			if err != nil {
				return nil, err
			}
			if len(members) == 0 || len(target) == 0 {
				continue
			}
			t.forgetApart(target, members)
			t.teach(target[0], members[0], Together)
		}
		return t.pairs, t.err
	})
}

// PlaceLesson puts a lesson in a group, in one click from the closest
// groups: together with the group's lessons and apart from the group it
// was in.
func (s *Service) PlaceLesson(ctx context.Context, acc leerlus.Access, groupID string, version int, lessonID string) (*RecurringLesson, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	leerlus.CheckID(&v, "lesson", lessonID)
	v.Check(lessonID != "", "lesson", leerlus.FieldRequired, nil)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.curateGroup(ctx, acc, groupID, version, "place", func(tx *gorm.DB, g *LessonGroup, now time.Time) ([][2]string, error) {
		found, err := readGroupable(tx, g.NetworkID, []string{lessonID})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, leerlus.Invalid("lesson", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_in_curation"})
		}
		target, err := groupMembers(tx, g.ID)
		if err != nil {
			return nil, err
		}
		if contains(target, lessonID) || len(target) == 0 {
			return nil, nil
		}
		var old []string
		if err := tx.Raw(`SELECT o.lesson_id FROM lesson_group_members m JOIN lesson_group_members o ON o.group_id = m.group_id
			WHERE m.lesson_id = ? AND o.lesson_id <> ? ORDER BY o.lesson_id`, lessonID, lessonID).Scan(&old).Error; err != nil {
			return nil, err
		}
		t := teacher{tx: tx, networkID: g.NetworkID, by: acc.PersonID(), now: now}
		for _, o := range old {
			t.teach(lessonID, o, Apart)
		}
		t.forgetApart([]string{lessonID}, target)
		t.teach(lessonID, target[0], Together)
		return t.pairs, t.err
	})
}

// curateGroup runs one curation step on a group of the caller's network:
// it checks the version, lets change act, regroups the network, audits,
// and returns the group as it came out.
func (s *Service) curateGroup(ctx context.Context, acc leerlus.Access, id string, version int, what string,
	change func(tx *gorm.DB, g *LessonGroup, now time.Time) ([][2]string, error)) (*RecurringLesson, error) {
	if !curates(acc) {
		return nil, leerlus.Errorf(leerlus.CodeForbidden, "Only a facilitator of the network curates recurring lessons.")
	}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.lockNetwork(tx, acc.NetworkID); err != nil {
			return err
		}
		g, err := leerlus.GetByID[LessonGroup](tx, id, "recurring lesson")
		if err != nil {
			return err
		}
		if g.NetworkID != acc.NetworkID {
			return leerlus.NotFound("recurring lesson")
		}
		if g.Version != version {
			return leerlus.StaleVersion()
		}
		now := s.now.Now()
		pairs, err := change(tx, g, now)
		if err != nil {
			return err
		}
		if len(pairs) > 0 {
			// The lessons of the pairs are read again too: a kept grouping
			// may not hold one yet.
			var lessons []string
			for _, p := range pairs {
				lessons = append(lessons, p[0], p[1])
			}
			if err := s.regroup(tx, g.NetworkID, groupingChange{pairs: pairs, lessons: sortedSet(lessons)}, now); err != nil {
				return err
			}
		}
		return s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionLessonCurated, ObjectType: "lesson_group",
			ObjectID: id, NetworkID: g.NetworkID, Detail: "group " + what})
	})
	if err != nil {
		return nil, err
	}
	return s.RecurringLesson(ctx, acc, id)
}

// groupMembers lists a group's lessons by id.
func groupMembers(tx *gorm.DB, groupID string) ([]string, error) {
	var ids []string
	err := tx.Model(&GroupMember{}).Where("group_id = ?", groupID).Order("lesson_id").Pluck("lesson_id", &ids).Error
	return ids, err
}

// teacher stores what a facilitator says about pairs of lessons and
// remembers the pairs, for the regrouping. The first error stops it.
type teacher struct {
	tx        *gorm.DB
	networkID string
	by        string
	now       time.Time
	pairs     [][2]string
	err       error
}

// teach stores a word on two lessons; a later word on the same pair
// replaces an earlier one.
func (t *teacher) teach(a, b string, kind ConstraintKind) {
	if t.err != nil || a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	if t.err = t.tx.Where("lesson_id = ? AND other_lesson_id = ?", a, b).Delete(&GroupingConstraint{}).Error; t.err != nil {
		return
	}
	t.err = t.tx.Create(&GroupingConstraint{ID: leerlus.NewID(), NetworkID: t.networkID, LessonID: a, OtherLessonID: b,
		Kind: kind, CreatedBy: leerlus.Optional(t.by), CreatedAt: t.now}).Error
	t.pairs = append(t.pairs, [2]string{a, b})
}

// forgetApart drops earlier splits between two sets of lessons that a
// facilitator now puts together.
func (t *teacher) forgetApart(left, right []string) {
	if t.err != nil {
		return
	}
	var gone []GroupingConstraint
	t.err = t.tx.Where("kind = ? AND ((lesson_id IN ? AND other_lesson_id IN ?) OR (lesson_id IN ? AND other_lesson_id IN ?))",
		Apart, left, right, right, left).Find(&gone).Error
	for _, c := range gone {
		if t.err == nil {
			t.err = t.tx.Delete(&GroupingConstraint{}, "id = ?", c.ID).Error
			t.pairs = append(t.pairs, [2]string{c.LessonID, c.OtherLessonID})
		}
	}
}
