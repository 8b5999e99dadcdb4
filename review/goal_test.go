package review_test

import (
	"math"
	"testing"

	"leerlus"
	"leerlus/policy"
	"leerlus/review"
)

func TestGoalsAndMeasurements(t *testing.T) {
	w := newActionWorld(t)
	g, err := w.svc.CreateGoal(w.ctx, w.as(w.mgr), review.GoalInput{Name: " 0 jongeren verzuimen op school ", Unit: "jongeren", Baseline: ptr(42.0), Target: ptr(0.0)})
	w.must(err)
	if g.Name != "0 jongeren verzuimen op school" || *g.Baseline != 42 || g.Target != 0 || g.Version != 1 || len(g.Measurements) != 0 {
		t.Fatalf("goal %+v", g)
	}
	_, err = w.svc.CreateGoal(w.ctx, w.as(w.mgr2), review.GoalInput{Name: "0 jongeren verzuimen op school", Unit: "jongeren", Target: ptr(0.0)})
	if fieldsOf(domainError(t, err, leerlus.CodeConflict))["name"] != leerlus.FieldInUse {
		t.Error("a second goal of the same name")
	}
	// The same name in another network is fine.
	_, err = w.svc.CreateGoal(w.ctx, w.as(w.otherMgr), review.GoalInput{Name: "0 jongeren verzuimen op school", Unit: "jongeren", Target: ptr(0.0)})
	w.must(err)

	g, err = w.svc.AddMeasurement(w.ctx, w.as(w.mgr), g.ID, review.MeasurementInput{Version: g.Version, MeasuredOn: ptr("2026-10-01"), Value: ptr(37.0)})
	w.must(err)
	g, err = w.svc.AddMeasurement(w.ctx, w.as(w.mgr2), g.ID, review.MeasurementInput{Version: g.Version, MeasuredOn: ptr("2026-07-01"), Value: ptr(40.0)})
	w.must(err)
	if len(g.Measurements) != 2 || g.Measurements[0].MeasuredOn != "2026-07-01" || g.Measurements[1].Value != 37 || g.Version != 3 {
		t.Fatalf("measurements %+v version %d", g.Measurements, g.Version)
	}
	for _, tc := range []struct {
		name  string
		in    review.MeasurementInput
		code  leerlus.Code
		field string
		fcode leerlus.FieldCode
	}{
		{"same date", review.MeasurementInput{MeasuredOn: ptr("2026-10-01"), Value: ptr(1.0)}, leerlus.CodeConflict, "measured_on", leerlus.FieldInUse},
		{"future", review.MeasurementInput{MeasuredOn: ptr("2026-12-07"), Value: ptr(1.0)}, leerlus.CodeInvalid, "measured_on", leerlus.FieldInFuture},
		{"no date", review.MeasurementInput{Value: ptr(1.0)}, leerlus.CodeInvalid, "measured_on", leerlus.FieldRequired},
		{"bad date", review.MeasurementInput{MeasuredOn: ptr("2026-13-01"), Value: ptr(1.0)}, leerlus.CodeInvalid, "measured_on", leerlus.FieldFormat},
		{"no value", review.MeasurementInput{MeasuredOn: ptr("2026-11-01")}, leerlus.CodeInvalid, "value", leerlus.FieldRequired},
		{"huge value", review.MeasurementInput{MeasuredOn: ptr("2026-11-01"), Value: ptr(math.MaxFloat64)}, leerlus.CodeInvalid, "value", leerlus.FieldOutOfRange},
		{"stale", review.MeasurementInput{Version: 1, MeasuredOn: ptr("2026-11-01"), Value: ptr(1.0)}, leerlus.CodeConflict, "version", leerlus.FieldStaleVersion},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.in.Version == 0 {
				tc.in.Version = g.Version
			}
			_, err := w.svc.AddMeasurement(w.ctx, w.as(w.mgr), g.ID, tc.in)
			if f := fieldsOf(domainError(t, err, tc.code)); f[tc.field] != tc.fcode {
				t.Errorf("fields %v", f)
			}
		})
	}
	first := g.Measurements[0]
	_, err = w.svc.UpdateMeasurement(w.ctx, w.as(w.mgr), g.ID, first.ID, review.MeasurementInput{Version: g.Version, MeasuredOn: ptr("2026-10-01")})
	if fieldsOf(domainError(t, err, leerlus.CodeConflict))["measured_on"] != leerlus.FieldInUse {
		t.Error("moved onto a taken date")
	}
	g, err = w.svc.UpdateMeasurement(w.ctx, w.as(w.mgr), g.ID, first.ID, review.MeasurementInput{Version: g.Version, Value: ptr(41.0)})
	w.must(err)
	if g.Measurements[0].Value != 41 || g.Measurements[0].MeasuredOn != "2026-07-01" {
		t.Errorf("changed %+v", g.Measurements[0])
	}
	_, err = w.svc.DeleteMeasurement(w.ctx, w.as(w.mgr), g.ID, first.ID, g.Version-1)
	domainError(t, err, leerlus.CodeConflict)
	g, err = w.svc.DeleteMeasurement(w.ctx, w.as(w.mgr), g.ID, first.ID, g.Version)
	w.must(err)
	if len(g.Measurements) != 1 {
		t.Errorf("measurements %+v", g.Measurements)
	}
	_, err = w.svc.DeleteMeasurement(w.ctx, w.as(w.mgr), g.ID, first.ID, g.Version)
	domainError(t, err, leerlus.CodeNotFound)

	g, err = w.svc.UpdateGoal(w.ctx, w.as(w.mgr), g.ID, review.GoalEdit{Version: g.Version, Target: ptr(5.0), Unit: ptr("leerlingen")})
	w.must(err)
	if g.Target != 5 || g.Unit != "leerlingen" || *g.Baseline != 42 {
		t.Errorf("goal %+v", g.Goal)
	}
	_, err = w.svc.UpdateGoal(w.ctx, w.as(w.mgr), g.ID, review.GoalEdit{Version: g.Version - 1, Target: ptr(1.0)})
	domainError(t, err, leerlus.CodeConflict)
	_, err = w.svc.GetGoal(w.ctx, w.as(w.otherMgr), g.ID)
	domainError(t, err, leerlus.CodeNotFound)
	_, err = w.svc.AddMeasurement(w.ctx, w.as(w.otherMgr), g.ID, review.MeasurementInput{Version: g.Version, MeasuredOn: ptr("2026-11-01"), Value: ptr(1.0)})
	domainError(t, err, leerlus.CodeNotFound)

	list, _, err := w.svc.Goals(w.ctx, w.as(w.researcher), leerlus.Page{Limit: 10})
	w.must(err)
	if len(list) != 1 || list[0].ID != g.ID || len(list[0].Measurements) != 1 {
		t.Errorf("list %+v", list)
	}
	if n := w.Count("audit_log", "action = ? AND object_id = ?", string(policy.ActionGoalChanged), g.ID); n != 5 {
		t.Errorf("%d goal changes audited", n)
	}
	// An action follows a goal of its network.
	a, err := w.svc.Propose(w.ctx, w.as(w.member), review.ActionInput{Title: "Thuiszitters eerder zien", Kind: "practice", GoalID: g.ID})
	w.must(err)
	if a.Goal == nil || a.Goal.Name != "0 jongeren verzuimen op school" {
		t.Errorf("goal of the action %+v", a.Goal)
	}
}

func TestGoalInput(t *testing.T) {
	w := newActionWorld(t)
	_, err := w.svc.CreateGoal(w.ctx, w.as(w.mgr), review.GoalInput{Name: "ab", Baseline: ptr(math.Inf(1))})
	f := fieldsOf(domainError(t, err, leerlus.CodeInvalid))
	if f["name"] != leerlus.FieldTooShort || f["unit"] != leerlus.FieldRequired || f["target"] != leerlus.FieldRequired || f["baseline"] != leerlus.FieldOutOfRange {
		t.Errorf("fields %v", f)
	}
}
