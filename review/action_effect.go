package review

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
	"leerlus/review/runchart"
)

// ActionEffectView is whether an action's recurring lessons recur less in
// cases whose period starts after the action began. Effect is nil until
// the action has a start date and follows up at least one recurring
// lesson.
type ActionEffectView struct {
	ActionID  string
	StartedOn *string
	Lessons   []GroupRef
	Effect    *runchart.Effect
}

// ActionEffect computes an action's effect from the network's published
// cases: per quarter of their start period, how many there are and how
// many have a lesson of the action's recurring lessons (the group's
// members, and the lessons merged into them). Every read is audited.
func (s *Service) ActionEffect(ctx context.Context, acc leerlus.Access, id string) (*ActionEffectView, error) {
	db := s.db.WithContext(ctx)
	a, err := actionIn(db, acc, id)
	if err != nil {
		return nil, err
	}
	out := &ActionEffectView{ActionID: a.ID, StartedOn: a.StartedOn, Lessons: []GroupRef{}}
	err = db.Table("action_lessons al").Select("g.id, g.statement").Joins("JOIN lesson_groups g ON g.id = al.group_id").
		Where("al.action_id = ?", a.ID).Order("g.id").Scan(&out.Lessons).Error
	if err != nil {
		return nil, err
	}
	if a.StartedOn != nil && len(out.Lessons) > 0 {
		started, err := time.Parse(dateLayout, *a.StartedOn)
		if err != nil {
			return nil, err
		}
		in, err := effectInput(db, a.NetworkID, out.Lessons, runchart.PeriodOf(started))
		if err != nil {
			return nil, err
		}
		e := runchart.EffectOf(in)
		out.Effect = &e
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionActionRead, ObjectType: "action",
		ObjectID: id, NetworkID: acc.NetworkID, Detail: "effect"})
	return out, err
}

// effectInput counts the network's published cases per start quarter,
// and those with a lesson of the groups.
func effectInput(db *gorm.DB, networkID string, groups []GroupRef, started runchart.Period) (runchart.EffectInput, error) {
	in := runchart.EffectInput{Cases: map[runchart.Period]int{}, WithLesson: map[runchart.Period]int{}, Started: started}
	var totals []struct {
		Period int
		N      int
	}
	err := db.Table("cases").Select("start_period AS period, COUNT(*) AS n").
		Where("network_id = ? AND status IN ?", networkID, readableCaseStatuses).Group("start_period").Scan(&totals).Error
	if err != nil {
		return in, err
	}
	for _, t := range totals {
		in.Cases[runchart.Period(t.Period)] = t.N
	}
	ids := make([]string, len(groups))
	for i, g := range groups {
		ids[i] = g.ID
	}
	var hits []struct {
		ID     string
		Period int
	}
	// A case counts once however many of its lessons are in the groups;
	// a lesson merged into a member counts for its own case.
	err = db.Raw(`SELECT c.id, c.start_period AS period FROM lesson_group_members m
		JOIN lessons l ON l.id = m.lesson_id JOIN cases c ON c.id = l.case_id
		WHERE m.group_id IN ? AND c.network_id = ? AND c.status IN ?
		UNION
		SELECT c.id, c.start_period AS period FROM lesson_group_members m
		JOIN lesson_sources ls ON ls.lesson_id = m.lesson_id AND ls.source_lesson_id IS NOT NULL
		JOIN lessons l ON l.id = ls.source_lesson_id JOIN cases c ON c.id = l.case_id
		WHERE m.group_id IN ? AND c.network_id = ? AND c.status IN ?`,
		ids, networkID, readableCaseStatuses, ids, networkID, readableCaseStatuses).Scan(&hits).Error
	if err != nil {
		return in, err
	}
	for _, h := range hits {
		in.WithLesson[runchart.Period(h.Period)]++
	}
	return in, nil
}
