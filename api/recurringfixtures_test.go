package api_test

import (
	"context"

	"leerlus"
	"leerlus/policy"
	"leerlus/review"
)

// The recurring-lesson fixtures: lessons written as in lessonfixtures_test,
// then the network regrouped as after a publication.

// Statements of the fixture groups: each says something else, so that
// their lessons end in different groups.
const (
	groupWaiting = "Zorg voor overbrugging als er een wachtlijst is."
	groupAsk     = "Vraag de jongere eerst wat hij zelf nodig heeft voordat je een plan maakt."
	groupLoose   = "Laat de jongere een mentor kiezen."
)

// fixtureGroup writes two accepted lessons with statement on a new case of
// network, regroups the network, and returns the group they are in, as
// its facilitator reads it.
func (e *env) fixtureGroup(network, statement string) *review.RecurringLesson {
	e.t.Helper()
	ls := e.fixtureLessonsSaying(network, statement, review.LessonAccepted, review.LessonAccepted)
	return e.groupOf(network, ls[0].ID)
}

// groupOf regroups network and reads the group a lesson is in.
func (e *env) groupOf(network, lessonID string) *review.RecurringLesson {
	e.t.Helper()
	ctx := context.Background()
	mustDo(e, e.review.Regroup(ctx, network))
	var ids []string
	mustDo(e, e.db.Gorm.Model(&review.GroupMember{}).Where("lesson_id = ?", lessonID).Pluck("group_id", &ids).Error)
	if len(ids) == 0 {
		e.t.Fatalf("lesson %s is in no group", lessonID)
	}
	fac := leerlus.Access{NetworkID: network, Role: string(policy.RoleFacilitator), Scope: leerlus.ScopeAny}
	return must(e.review.RecurringLesson(ctx, fac, ids[0]))
}
