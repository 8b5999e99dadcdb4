package review

import (
	"context"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// CreateGoal adds a countable goal to the network (managers). Its name and
// unit are screened like every free text of no case.
func (s *Service) CreateGoal(ctx context.Context, acc leerlus.Access, in GoalInput) (*GoalView, error) {
	var v leerlus.Validation
	in.check(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.screenFree(goalTexts(&in.Name, &in.Unit), in.Decisions); err != nil {
		return nil, err
	}
	var out *GoalView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		now := s.now.Now()
		g := Goal{ID: leerlus.NewID(), NetworkID: acc.NetworkID, Name: in.Name, Unit: in.Unit, Baseline: in.Baseline,
			Target: *in.Target, CreatedAt: now, UpdatedAt: now, Version: 1}
		if err := tx.Create(&g).Error; err != nil {
			return leerlus.DuplicateOr(err, "goal", "name")
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionGoalCreated, ObjectType: "goal",
			ObjectID: g.ID, NetworkID: g.NetworkID}); err != nil {
			return err
		}
		out = &GoalView{Goal: g, Measurements: []Measurement{}}
		return nil
	})
	return out, err
}

// UpdateGoal changes a goal's name, unit, baseline or target, based on the
// version the manager saw.
func (s *Service) UpdateGoal(ctx context.Context, acc leerlus.Access, id string, in GoalEdit) (*GoalView, error) {
	var v leerlus.Validation
	in.check(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.screenFree(goalTexts(in.Name, in.Unit), in.Decisions); err != nil {
		return nil, err
	}
	cols := map[string]any{}
	leerlus.SetIf(cols, "name", in.Name)
	leerlus.SetIf(cols, "unit", in.Unit)
	leerlus.SetIf(cols, "baseline", in.Baseline)
	leerlus.SetIf(cols, "target", in.Target)
	return s.changeGoal(ctx, acc, id, in.Version, "changed", func(tx *gorm.DB, _ *Goal) (map[string]any, error) {
		return cols, nil
	})
}

// AddMeasurement enters a goal's value on a date (one per date: another
// on the same date answers 409).
func (s *Service) AddMeasurement(ctx context.Context, acc leerlus.Access, goalID string, in MeasurementInput) (*GoalView, error) {
	var v leerlus.Validation
	in.check(&v, true, s.now.Now().Format(dateLayout))
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.changeGoal(ctx, acc, goalID, in.Version, "measurement added", func(tx *gorm.DB, g *Goal) (map[string]any, error) {
		m := Measurement{ID: leerlus.NewID(), GoalID: g.ID, MeasuredOn: *in.MeasuredOn, Value: *in.Value,
			EnteredBy: leerlus.Optional(acc.PersonID()), EnteredAt: s.now.Now()}
		if err := createMeasurement(tx, &m); err != nil {
			return nil, err
		}
		return map[string]any{}, nil
	})
}

// createMeasurement inserts a measurement unless its date is taken. The
// check comes first: on PostgreSQL a unique violation would abort the
// transaction, and the goal's row lock makes the check hold.
func createMeasurement(tx *gorm.DB, m *Measurement) error {
	if err := dateFree(tx, m.GoalID, m.MeasuredOn, ""); err != nil {
		return err
	}
	return leerlus.DuplicateOr(tx.Create(m).Error, "measurement", "measured_on")
}

func dateFree(tx *gorm.DB, goalID, date, except string) error {
	var n int64
	q := tx.Model(&Measurement{}).Where("goal_id = ? AND measured_on = ?", goalID, date)
	if except != "" {
		q = q.Where("id <> ?", except)
	}
	if err := q.Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return leerlus.Duplicate("measurement", "measured_on")
	}
	return nil
}

// UpdateMeasurement changes a measurement's date or value.
func (s *Service) UpdateMeasurement(ctx context.Context, acc leerlus.Access, goalID, id string, in MeasurementInput) (*GoalView, error) {
	var v leerlus.Validation
	in.check(&v, false, s.now.Now().Format(dateLayout))
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.changeGoal(ctx, acc, goalID, in.Version, "measurement changed", func(tx *gorm.DB, g *Goal) (map[string]any, error) {
		m, err := measurementOf(tx, g.ID, id)
		if err != nil {
			return nil, err
		}
		cols := map[string]any{"entered_by": leerlus.Optional(acc.PersonID()), "entered_at": s.now.Now()}
		if in.MeasuredOn != nil {
			if err := dateFree(tx, g.ID, *in.MeasuredOn, m.ID); err != nil {
				return nil, err
			}
			cols["measured_on"] = *in.MeasuredOn
		}
		leerlus.SetIf(cols, "value", in.Value)
		if err := tx.Model(&Measurement{}).Where("id = ?", m.ID).Updates(cols).Error; err != nil {
			return nil, leerlus.DuplicateOr(err, "measurement", "measured_on")
		}
		return map[string]any{}, nil
	})
}

// DeleteMeasurement removes a measurement.
func (s *Service) DeleteMeasurement(ctx context.Context, acc leerlus.Access, goalID, id string, version int) (*GoalView, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.changeGoal(ctx, acc, goalID, version, "measurement removed", func(tx *gorm.DB, g *Goal) (map[string]any, error) {
		m, err := measurementOf(tx, g.ID, id)
		if err != nil {
			return nil, err
		}
		return map[string]any{}, tx.Delete(m).Error
	})
}

func measurementOf(tx *gorm.DB, goalID, id string) (*Measurement, error) {
	m, err := leerlus.GetByID[Measurement](tx, id, "measurement")
	if err != nil {
		return nil, err
	}
	if m.GoalID != goalID {
		return nil, leerlus.NotFound("measurement")
	}
	return m, nil
}

// changeGoal runs one change of a goal or its measurements in one
// transaction: the goal of the caller's network at the version the
// manager saw, the change, a new version, and the audit entry.
func (s *Service) changeGoal(ctx context.Context, acc leerlus.Access, id string, version int, what string,
	apply func(tx *gorm.DB, g *Goal) (map[string]any, error)) (*GoalView, error) {
	var out *GoalView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		g, err := leerlus.GetByID[Goal](tx, id, "goal")
		if err != nil {
			return err
		}
		if g.NetworkID != acc.NetworkID {
			return leerlus.NotFound("goal")
		}
		// Bump the version first: on PostgreSQL the update locks the
		// goal's row, so measurement changes of one goal take turns.
		if err := leerlus.UpdateVersioned(tx, &Goal{}, id, version, leerlus.VersionBump(s.now.Now()), "goal", ""); err != nil {
			return err
		}
		cols, err := apply(tx, g)
		if err != nil {
			return err
		}
		if len(cols) > 0 {
			if err := tx.Model(&Goal{}).Where("id = ?", id).Updates(cols).Error; err != nil {
				return leerlus.DuplicateOr(err, "goal", "name")
			}
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionGoalChanged, ObjectType: "goal",
			ObjectID: id, NetworkID: g.NetworkID, Detail: what}); err != nil {
			return err
		}
		out, err = goalView(tx, acc, id)
		return err
	})
	return out, err
}
