package review

import (
	"context"
	"sort"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// RecurringLesson is a group of lessons as the caller may see it, with
// its spread.
type RecurringLesson struct {
	ID              string
	NetworkID       string
	Statement       string
	StatementEdited bool
	Status          GroupStatus
	DismissReason   string
	LessonCount     int
	CaseCount       int
	// Recurring is true when the group rests on at least the network's
	// minimum of distinct cases and is not dismissed.
	Recurring bool
	Spread    Spread
	// Lessons are the group's lessons (detail only): facilitators see every
	// one, others the accepted ones.
	Lessons []GroupedLesson
	Version int
}

// GroupedLesson is one lesson of a group.
type GroupedLesson struct {
	ID          string
	Statement   string
	Status      LessonStatus
	Perspective string
	Case        CaseRef
}

// GroupFilter narrows the list of a network's groups.
type GroupFilter struct {
	// All lists every group, also those below the minimum of cases and
	// dismissed ones: for facilitators, who curate them.
	All bool
}

// RecurringLessons lists a network's recurring lessons, those resting on
// most cases first. Audited as a read of case data.
func (s *Service) RecurringLessons(ctx context.Context, acc leerlus.Access, f GroupFilter) ([]RecurringLesson, error) {
	if f.All && !curates(acc) {
		return nil, leerlus.Errorf(leerlus.CodeForbidden, "Only a facilitator sees the groups that are no recurring lesson.")
	}
	db := s.db.WithContext(ctx)
	min, err := recurringMinimum(db, acc.NetworkID)
	if err != nil {
		return nil, err
	}
	q := db.Where("network_id = ? AND lesson_count > 0", acc.NetworkID)
	if !f.All {
		q = q.Where("status = ? AND case_count >= ?", GroupActive, min)
	}
	var rows []LessonGroup
	if err := q.Order("case_count DESC, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out, err := recurringViews(db, acc, rows, min, false)
	if err != nil {
		return nil, err
	}
	detail := "list"
	if f.All {
		detail = "list all"
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionLessonsListed, ObjectType: "network",
		ObjectID: acc.NetworkID, NetworkID: acc.NetworkID, Detail: "recurring " + detail})
	return out, err
}

// RecurringLesson reads one group with its lessons.
func (s *Service) RecurringLesson(ctx context.Context, acc leerlus.Access, id string) (*RecurringLesson, error) {
	db := s.db.WithContext(ctx)
	row, err := leerlus.GetByID[LessonGroup](db, id, "recurring lesson")
	if err != nil {
		return nil, err
	}
	if row.NetworkID != acc.NetworkID {
		return nil, leerlus.NotFound("recurring lesson")
	}
	min, err := recurringMinimum(db, acc.NetworkID)
	if err != nil {
		return nil, err
	}
	views, err := recurringViews(db, acc, []LessonGroup{*row}, min, true)
	if err != nil {
		return nil, err
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionLessonsListed, ObjectType: "lesson_group",
		ObjectID: id, NetworkID: acc.NetworkID, Detail: "recurring detail"})
	return &views[0], err
}

// GroupNetwork names the network of a group, for the route's access check.
func (s *Service) GroupNetwork(ctx context.Context, id string) (string, error) {
	if !leerlus.ValidID(id) {
		return "", leerlus.NotFound("recurring lesson")
	}
	var ids []string
	if err := s.db.WithContext(ctx).Model(&LessonGroup{}).Where("id = ?", id).Pluck("network_id", &ids).Error; err != nil {
		return "", err
	}
	if len(ids) == 0 {
		return "", leerlus.NotFound("recurring lesson")
	}
	return ids[0], nil
}

// recurringMinimum is the network's minimum of distinct cases.
func recurringMinimum(db *gorm.DB, networkID string) (int, error) {
	var mins []int
	if err := db.Table("networks").Where("id = ?", networkID).Pluck("recurring_min_cases", &mins).Error; err != nil {
		return 0, err
	}
	if len(mins) == 0 {
		return 0, leerlus.NotFound("network")
	}
	return mins[0], nil
}

// recurringViews completes group rows with their spread and, for a
// detail, their lessons.
func recurringViews(db *gorm.DB, acc leerlus.Access, rows []LessonGroup, min int, detail bool) ([]RecurringLesson, error) {
	out := make([]RecurringLesson, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]string, len(rows))
	for i, g := range rows {
		ids[i] = g.ID
	}
	facts, err := groupFacts(db, ids)
	if err != nil {
		return nil, err
	}
	baseline, err := outcomeBaseline(db, []string{acc.NetworkID})
	if err != nil {
		return nil, err
	}
	for i, g := range rows {
		out[i] = RecurringLesson{
			ID: g.ID, NetworkID: g.NetworkID, Statement: g.Statement, StatementEdited: g.StatementEdited, Status: g.Status,
			LessonCount: g.LessonCount, CaseCount: g.CaseCount, Version: g.Version,
			Recurring: g.Status == GroupActive && g.CaseCount >= min,
			Spread:    spreadOf(facts[g.ID], baseline),
		}
		if curates(acc) {
			out[i].DismissReason = g.DismissReason
		}
	}
	if detail {
		lessons, err := groupedLessons(db, ids[0], curates(acc))
		if err != nil {
			return nil, err
		}
		out[0].Lessons = lessons
	}
	return out, nil
}

// groupFacts reads the lessons behind groups, members and lessons merged
// into them, with the facts of their cases.
func groupFacts(db *gorm.DB, groupIDs []string) (map[string][]lessonFact, error) {
	var rows []struct {
		GroupID, LessonID, CaseID, CaseTitle, NetworkID, Perspective, Outcome string
		OrganisationID                                                        *string
		StartPeriod                                                           int
	}
	const cols = `m.group_id, l.id AS lesson_id, c.id AS case_id, c.title AS case_title, c.network_id, l.perspective,
		r.organisation_id, c.outcome, c.start_period`
	err := db.Raw(`SELECT `+cols+` FROM lesson_group_members m
		JOIN lessons l ON l.id = m.lesson_id JOIN cases c ON c.id = l.case_id
		LEFT JOIN reflections r ON r.id = l.reflection_id
		WHERE m.group_id IN ?
		UNION ALL
		SELECT `+cols+` FROM lesson_group_members m
		JOIN lesson_sources s ON s.lesson_id = m.lesson_id AND s.source_lesson_id IS NOT NULL
		JOIN lessons l ON l.id = s.source_lesson_id JOIN cases c ON c.id = l.case_id
		LEFT JOIN reflections r ON r.id = l.reflection_id
		WHERE m.group_id IN ?
		ORDER BY 1, 2`, groupIDs, groupIDs).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := map[string][]lessonFact{}
	for _, r := range rows {
		out[r.GroupID] = append(out[r.GroupID], lessonFact{LessonID: r.LessonID, CaseID: r.CaseID, CaseTitle: r.CaseTitle,
			NetworkID: r.NetworkID, Perspective: r.Perspective, OrganisationID: r.OrganisationID, Outcome: r.Outcome, StartPeriod: r.StartPeriod})
	}
	// The cases in the order they were first seen: by period, then id.
	for _, list := range out {
		sort.SliceStable(list, func(i, j int) bool {
			if list[i].StartPeriod != list[j].StartPeriod {
				return list[i].StartPeriod < list[j].StartPeriod
			}
			return list[i].CaseID < list[j].CaseID
		})
	}
	return out, nil
}

// outcomeBaseline counts the published cases of networks per outcome.
func outcomeBaseline(db *gorm.DB, networkIDs []string) (OutcomeCounts, error) {
	var rows []struct {
		Outcome string
		N       int
	}
	err := db.Raw(`SELECT outcome, COUNT(*) AS n FROM cases WHERE network_id IN ? AND status IN ('published', 'archived') GROUP BY outcome`,
		networkIDs).Scan(&rows).Error
	var out OutcomeCounts
	for _, r := range rows {
		switch r.Outcome {
		case "good":
			out.Good += r.N
		case "stuck":
			out.Stuck += r.N
		default:
			out.Mixed += r.N
		}
	}
	return out, err
}

// groupedLessons lists a group's lessons: every one for a facilitator,
// the accepted ones for others.
func groupedLessons(db *gorm.DB, groupID string, all bool) ([]GroupedLesson, error) {
	q := db.Table("lesson_group_members m").
		Select("l.id, l.statement, l.status, l.perspective, c.id AS case_id, c.title AS case_title").
		Joins("JOIN lessons l ON l.id = m.lesson_id").Joins("JOIN cases c ON c.id = l.case_id").
		Where("m.group_id = ?", groupID)
	if !all {
		q = q.Where("l.status = ?", LessonAccepted)
	}
	var rows []struct {
		ID, Statement, Perspective, CaseID, CaseTitle string
		Status                                        LessonStatus
	}
	if err := q.Order("l.id").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]GroupedLesson, len(rows))
	for i, r := range rows {
		out[i] = GroupedLesson{ID: r.ID, Statement: r.Statement, Status: r.Status, Perspective: r.Perspective, Case: CaseRef{ID: r.CaseID, Title: r.CaseTitle}}
	}
	return out, nil
}
