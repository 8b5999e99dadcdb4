package review

import (
	"context"
	"math"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
)

// Limits of a goal's texts and values.
const (
	goalNameMax = 200
	goalUnitMax = 100
	// valueMax bounds a goal's numbers: counts and percentages, never
	// anything near float64's range.
	valueMax = 1e12
)

// GoalInput is a new network goal: a name ("0 thuiszitters"), the unit
// it counts in, an optional baseline and the target.
type GoalInput struct {
	Name     string
	Unit     string
	Baseline *float64
	Target   *float64
	// Decisions on findings in /name and /unit.
	cases.Decisions
}

func (in *GoalInput) check(v *leerlus.Validation) {
	leerlus.CheckText(v, "name", &in.Name, true, 3, goalNameMax)
	leerlus.CheckText(v, "unit", &in.Unit, true, 1, goalUnitMax)
	checkValue(v, "baseline", in.Baseline, false)
	checkValue(v, "target", in.Target, true)
}

// GoalEdit changes a goal, based on the version the manager saw.
type GoalEdit struct {
	Version  int
	Name     *string
	Unit     *string
	Baseline *float64
	Target   *float64
	cases.Decisions
}

func (in *GoalEdit) check(v *leerlus.Validation) {
	leerlus.CheckVersion(v, in.Version)
	leerlus.CheckText(v, "name", in.Name, false, 3, goalNameMax)
	leerlus.CheckText(v, "unit", in.Unit, false, 1, goalUnitMax)
	checkValue(v, "baseline", in.Baseline, false)
	checkValue(v, "target", in.Target, false)
}

func goalTexts(name, unit *string) []cases.Text {
	return freeTexts(map[string]*string{"/name": name, "/unit": unit})
}

// MeasurementInput adds or changes a goal's measurement. Version is the
// goal's: a goal and its measurements change as one.
type MeasurementInput struct {
	Version    int
	MeasuredOn *string // YYYY-MM-DD, not in the future
	Value      *float64
}

func (in *MeasurementInput) check(v *leerlus.Validation, creating bool, today string) {
	leerlus.CheckVersion(v, in.Version)
	switch {
	case in.MeasuredOn == nil:
		v.Check(!creating, "measured_on", leerlus.FieldRequired, nil)
	case *in.MeasuredOn == "":
		v.Add("measured_on", leerlus.FieldRequired, nil)
	default:
		checkDate(v, "measured_on", *in.MeasuredOn)
		if _, err := time.Parse(dateLayout, *in.MeasuredOn); err == nil {
			v.Check(*in.MeasuredOn <= today, "measured_on", leerlus.FieldInFuture, nil)
		}
	}
	checkValue(v, "value", in.Value, creating)
}

func checkValue(v *leerlus.Validation, field string, x *float64, required bool) {
	if x == nil {
		v.Check(!required, field, leerlus.FieldRequired, nil)
		return
	}
	v.Check(!math.IsNaN(*x) && math.Abs(*x) <= valueMax, field, leerlus.FieldOutOfRange, leerlus.Params{"min": -valueMax, "max": valueMax})
}

// GoalView is a goal with its measurements, oldest first.
type GoalView struct {
	Goal
	Measurements []Measurement
}

// GoalNetwork returns the network of a goal, for routes keyed by a goal.
func (s *Service) GoalNetwork(ctx context.Context, id string) (string, error) {
	return s.networkOfRow(ctx, "SELECT network_id FROM goals WHERE id = ?", id, "goal")
}

// GetGoal reads one goal of the caller's network with its measurements.
func (s *Service) GetGoal(ctx context.Context, acc leerlus.Access, id string) (*GoalView, error) {
	return goalView(s.db.WithContext(ctx), acc, id)
}

// Goals lists the network's goals by creation, with their measurements.
func (s *Service) Goals(ctx context.Context, acc leerlus.Access, p leerlus.Page) ([]GoalView, string, error) {
	db := s.db.WithContext(ctx)
	rows, next, err := leerlus.PageByID(db.Where("network_id = ?", acc.NetworkID), p, func(g Goal) string { return g.ID })
	if err != nil {
		return nil, "", err
	}
	out, err := withMeasurements(db, rows)
	return out, next, err
}

func goalView(db *gorm.DB, acc leerlus.Access, id string) (*GoalView, error) {
	g, err := leerlus.GetByID[Goal](db, id, "goal")
	if err != nil {
		return nil, err
	}
	if g.NetworkID != acc.NetworkID {
		return nil, leerlus.NotFound("goal")
	}
	out, err := withMeasurements(db, []Goal{*g})
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}

// withMeasurements reads the measurements of goals in one query.
func withMeasurements(db *gorm.DB, goals []Goal) ([]GoalView, error) {
	out := make([]GoalView, len(goals))
	if len(goals) == 0 {
		return out, nil
	}
	ids := make([]string, len(goals))
	at := map[string]int{}
	for i, g := range goals {
		ids[i], at[g.ID] = g.ID, i
		out[i] = GoalView{Goal: g, Measurements: []Measurement{}}
	}
	var ms []Measurement
	if err := db.Where("goal_id IN ?", ids).Order("goal_id, measured_on").Find(&ms).Error; err != nil {
		return nil, err
	}
	for _, m := range ms {
		i := at[m.GoalID]
		out[i].Measurements = append(out[i].Measurements, m)
	}
	return out, nil
}
