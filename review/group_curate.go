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
	return s.curateGroup(ctx, acc, id, in.Version, "update", func(tx *gorm.DB, g *LessonGroup, now time.Time) error {
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
		return leerlus.UpdateVersioned(tx, &LessonGroup{}, g.ID, in.Version, cols, "recurring lesson", "")
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
	return s.curateGroup(ctx, acc, id, version, "split", func(tx *gorm.DB, g *LessonGroup, now time.Time) error {
		members, err := groupMembers(tx, g.ID)
		if err != nil {
			return err
		}
		leaving := map[string]bool{}
		for _, l := range lessonIDs {
			if !contains(members, l) {
				return leerlus.Invalid("lessons", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_in_group"})
			}
			leaving[l] = true
		}
		if len(leaving) == len(members) {
			return leerlus.Invalid("lessons", leerlus.FieldNotAllowed, leerlus.Params{"reason": "whole_group"})
		}
		var stay, leave []string
		for _, m := range members {
			if leaving[m] {
				leave = append(leave, m)
			} else {
				stay = append(stay, m)
			}
		}
		for _, a := range leave {
			for _, b := range stay {
				if err := teach(tx, g.NetworkID, a, b, Apart, acc.PersonID(), now); err != nil {
					return err
				}
			}
		}
		for i := 1; i < len(leave); i++ {
			if err := teach(tx, g.NetworkID, leave[0], leave[i], Together, acc.PersonID(), now); err != nil {
				return err
			}
		}
		return nil
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
	return s.curateGroup(ctx, acc, into, version, "merge", func(tx *gorm.DB, g *LessonGroup, now time.Time) error {
		target, err := groupMembers(tx, g.ID)
		if err != nil {
			return err
		}
		for _, other := range from {
			var row LessonGroup
			if err := tx.Where("id = ? AND network_id = ?", other, g.NetworkID).Take(&row).Error; err != nil {
				return leerlus.Invalid("groups", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_in_network"})
			}
			members, err := groupMembers(tx, other)
			if err != nil {
				return err
			}
			if len(members) == 0 || len(target) == 0 {
				continue
			}
			if err := dropApart(tx, target, members); err != nil {
				return err
			}
			if err := teach(tx, g.NetworkID, target[0], members[0], Together, acc.PersonID(), now); err != nil {
				return err
			}
		}
		return nil
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
	return s.curateGroup(ctx, acc, groupID, version, "place", func(tx *gorm.DB, g *LessonGroup, now time.Time) error {
		lessons, err := groupableLessons(tx, g.NetworkID)
		if err != nil {
			return err
		}
		found := false
		for _, l := range lessons {
			found = found || l.ID == lessonID
		}
		if !found {
			return leerlus.Invalid("lesson", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_in_curation"})
		}
		target, err := groupMembers(tx, g.ID)
		if err != nil {
			return err
		}
		if contains(target, lessonID) || len(target) == 0 {
			return nil
		}
		var old []string
		if err := tx.Raw(`SELECT o.lesson_id FROM lesson_group_members m JOIN lesson_group_members o ON o.group_id = m.group_id
			WHERE m.lesson_id = ? AND o.lesson_id <> ? ORDER BY o.lesson_id`, lessonID, lessonID).Scan(&old).Error; err != nil {
			return err
		}
		for _, o := range old {
			if err := teach(tx, g.NetworkID, lessonID, o, Apart, acc.PersonID(), now); err != nil {
				return err
			}
		}
		if err := dropApart(tx, []string{lessonID}, target); err != nil {
			return err
		}
		return teach(tx, g.NetworkID, lessonID, target[0], Together, acc.PersonID(), now)
	})
}

// curateGroup runs one curation step on a group of the caller's network:
// it checks the version, lets change act, regroups the network, audits,
// and returns the group as it came out.
func (s *Service) curateGroup(ctx context.Context, acc leerlus.Access, id string, version int, what string,
	change func(tx *gorm.DB, g *LessonGroup, now time.Time) error) (*RecurringLesson, error) {
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
		if err := change(tx, g, now); err != nil {
			return err
		}
		if err := s.regroupNetwork(tx, g.NetworkID, now); err != nil {
			return err
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

// teach stores what a facilitator said about two lessons; a later word on
// the same pair replaces an earlier one.
func teach(tx *gorm.DB, networkID, a, b string, kind ConstraintKind, by string, now time.Time) error {
	if a == b {
		return nil
	}
	if b < a {
		a, b = b, a
	}
	if err := tx.Where("lesson_id = ? AND other_lesson_id = ?", a, b).Delete(&GroupingConstraint{}).Error; err != nil {
		return err
	}
	return tx.Create(&GroupingConstraint{ID: leerlus.NewID(), NetworkID: networkID, LessonID: a, OtherLessonID: b,
		Kind: kind, CreatedBy: leerlus.Optional(by), CreatedAt: now}).Error
}

// dropApart forgets earlier splits between two sets of lessons that a
// facilitator now puts together.
func dropApart(tx *gorm.DB, left, right []string) error {
	return tx.Where("kind = ? AND ((lesson_id IN ? AND other_lesson_id IN ?) OR (lesson_id IN ? AND other_lesson_id IN ?))",
		Apart, left, right, right, left).Delete(&GroupingConstraint{}).Error
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
