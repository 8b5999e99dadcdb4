package api_test

import (
	"time"

	"leerlus"
	"leerlus/review"
)

// The action and goal fixtures, written directly as the review service
// stores them: an action in the status asked for (owned by the fixture
// manager once accepted), and a goal with one measurement.

func (e *env) fixtureAction(network string, status review.ActionStatus) review.Action {
	e.t.Helper()
	now := time.Now().UTC().Truncate(time.Microsecond)
	a := review.Action{ID: leerlus.NewID(), NetworkID: network, Title: "Vaste contactpersoon tijdens het wachten",
		Description: "Iedere jongere op de wachtlijst krijgt een vast aanspreekpunt.", Kind: review.KindPractice,
		Phase: review.PhasePlan, Status: status, ProposedBy: &e.people[member].ID, CreatedAt: now, UpdatedAt: now, Version: 1}
	if status != review.ActionProposed {
		a.OwnerID, a.AcceptedAt = &e.people[manager].ID, &now
	}
	mustDo(e, e.db.Gorm.Create(&a).Error)
	return a
}

func (e *env) fixtureGoal(network string) review.GoalView {
	e.t.Helper()
	now := time.Now().UTC().Truncate(time.Microsecond)
	g := review.Goal{ID: leerlus.NewID(), NetworkID: network, Name: "0 thuiszitters " + e.unique(), Unit: "jongeren", Target: 0,
		CreatedAt: now, UpdatedAt: now, Version: 1}
	mustDo(e, e.db.Gorm.Create(&g).Error)
	m := review.Measurement{ID: leerlus.NewID(), GoalID: g.ID, MeasuredOn: "2026-01-01", Value: 12, EnteredAt: now}
	mustDo(e, e.db.Gorm.Create(&m).Error)
	return review.GoalView{Goal: g, Measurements: []review.Measurement{m}}
}
