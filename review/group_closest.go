package review

import (
	"context"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
	"leerlus/review/grouping"
)

// closestMax bounds how many groups one request may ask for.
const closestMax = 10

// GroupMatch is a stored group a lesson could be placed in, with how well
// it fits (0 to 1, the lesson's average similarity to the group's lessons).
type GroupMatch struct {
	GroupID     string
	Statement   string
	Status      GroupStatus
	LessonCount int
	CaseCount   int
	Version     int
	Score       float64
}

// ClosestGroups offers a facilitator up to k groups of the network that a
// lesson could join, best first, so that a new lesson is placed in one
// click. The lesson's own group is left out, and so is every group the
// grouping may not put it in (a near miss, or a split a facilitator made).
// A lesson that is not in curation (rejected, or merged into another) has
// no closest groups.
func (s *Service) ClosestGroups(ctx context.Context, acc leerlus.Access, lessonID string, k int) ([]GroupMatch, error) {
	if !curates(acc) {
		return nil, leerlus.Errorf(leerlus.CodeForbidden, "Only a facilitator of the network places lessons in groups.")
	}
	k = max(1, min(k, closestMax))
	db := s.db.WithContext(ctx)
	if _, err := readableLesson(db, acc, lessonID); err != nil {
		return nil, err
	}
	out := []GroupMatch{}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		lessons, err := groupableLessons(tx, acc.NetworkID)
		if err != nil {
			return err
		}
		var self *groupLesson
		for i := range lessons {
			if lessons[i].ID == lessonID {
				self = &lessons[i]
			}
		}
		if self == nil {
			return nil
		}
		cons, err := groupingConstraints(tx, acc.NetworkID)
		if err != nil {
			return err
		}
		in := make([]grouping.Lesson, len(lessons))
		for i, l := range lessons {
			in[i] = groupingLesson(l)
		}
		cs := make([]grouping.Constraint, len(cons))
		for i, c := range cons {
			cs[i] = grouping.Constraint{A: c.LessonID, B: c.OtherLessonID, Kind: grouping.Kind(c.Kind)}
		}
		// One more than asked: the lesson's own group may be among them.
		matches := grouping.Build(in, cs).Nearest(groupingLesson(*self), k+1)
		out, err = storedMatches(tx, acc.NetworkID, lessonID, matches, k)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionLessonsListed, ObjectType: "lesson",
		ObjectID: lessonID, NetworkID: acc.NetworkID, Detail: "closest groups"})
	return out, err
}

// storedMatches finds the stored group of each match through the
// membership of its anchor lesson, leaving out the lesson's own group, up
// to k.
func storedMatches(tx *gorm.DB, networkID, lessonID string, matches []grouping.Match, k int) ([]GroupMatch, error) {
	out := []GroupMatch{}
	if len(matches) == 0 {
		return out, nil
	}
	anchors := make([]string, len(matches))
	for i, m := range matches {
		anchors[i] = m.Group.Anchor()
	}
	var rows []struct {
		LessonID string
		LessonGroup
	}
	err := tx.Table("lesson_group_members m").Select("m.lesson_id, g.*").
		Joins("JOIN lesson_groups g ON g.id = m.group_id").
		Where("m.network_id = ? AND m.lesson_id IN ?", networkID, append(anchors, lessonID)).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	byLesson := make(map[string]LessonGroup, len(rows))
	for _, r := range rows {
		byLesson[r.LessonID] = r.LessonGroup
	}
	own := byLesson[lessonID].ID
	for _, m := range matches {
		g, ok := byLesson[m.Group.Anchor()]
		if !ok || g.ID == own || len(out) == k {
			continue
		}
		out = append(out, GroupMatch{GroupID: g.ID, Statement: g.Statement, Status: g.Status,
			LessonCount: g.LessonCount, CaseCount: g.CaseCount, Version: g.Version, Score: m.Score})
	}
	return out, nil
}
