package review

import (
	"context"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

// Propose records a proposed improvement action by a member, facilitator
// or manager of the network. Its texts are screened like every free text
// of no case (422 with findings, nothing written); its links must lie in
// the network.
func (s *Service) Propose(ctx context.Context, acc leerlus.Access, in ActionInput) (*ActionView, error) {
	var v leerlus.Validation
	in.check(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.screenFree(in.texts(), in.Decisions); err != nil {
		return nil, err
	}
	var out *ActionView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := checkGoal(tx, acc.NetworkID, in.GoalID); err != nil {
			return err
		}
		links := actionLinks{lessons: &in.Lessons, cases: &in.Cases, organisations: &in.Organisations}
		if err := links.check(tx, acc.NetworkID); err != nil {
			return err
		}
		now := s.now.Now()
		a := Action{ID: leerlus.NewID(), NetworkID: acc.NetworkID, Title: in.Title, Description: in.Description,
			Kind: ActionKind(in.Kind), Phase: PhasePlan, Status: ActionProposed, DueOn: leerlus.Optional(in.DueOn),
			GoalID: leerlus.Optional(in.GoalID), ProposedBy: leerlus.Optional(acc.PersonID()), CreatedAt: now, UpdatedAt: now, Version: 1}
		if err := tx.Create(&a).Error; err != nil {
			return err
		}
		if err := links.write(tx, a.ID); err != nil {
			return err
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionActionCreated, ObjectType: "action",
			ObjectID: a.ID, NetworkID: a.NetworkID}); err != nil {
			return err
		}
		var err error
		out, err = s.actionView(tx, acc, &a)
		return err
	})
	return out, err
}

// screenFree screens texts that belong to no case; none is nothing to do.
func (s *Service) screenFree(texts []cases.Text, d cases.Decisions) error {
	if len(texts) == 0 {
		return nil
	}
	return s.cases.ScreenFree(texts, d)
}

// ProposeForGroup proposes an action for a recurring lesson on behalf of
// the system, when its group crosses the network's threshold. It is
// idempotent per group, on every instance at once: a second call (or a
// concurrent one) finds the first proposal and returns it with created
// false. Run it in the caller's transaction (tx) or, with tx nil, in its
// own. The group's statement (screened when its lessons were written)
// becomes the title.
func (s *Service) ProposeForGroup(ctx context.Context, tx *gorm.DB, networkID, groupID string) (a *Action, created bool, err error) {
	if tx == nil {
		err = s.db.InTx(ctx, func(tx *gorm.DB) error {
			a, created, err = s.proposeForGroup(tx, networkID, groupID)
			return err
		})
		return a, created, err
	}
	return s.proposeForGroup(tx.WithContext(ctx), networkID, groupID)
}

func (s *Service) proposeForGroup(tx *gorm.DB, networkID, groupID string) (*Action, bool, error) {
	g, err := leerlus.GetByID[LessonGroup](tx, groupID, "recurring lesson")
	if err != nil {
		return nil, false, err
	}
	if g.NetworkID != networkID {
		return nil, false, leerlus.NotFound("recurring lesson")
	}
	now := s.now.Now()
	a := Action{ID: leerlus.NewID(), NetworkID: networkID, Title: titleOf(g.Statement), Kind: KindPractice, Phase: PhasePlan,
		Status: ActionProposed, ProposedAutomatically: true, AutoGroupID: &g.ID, CreatedAt: now, UpdatedAt: now, Version: 1}
	// ON CONFLICT DO NOTHING rather than a unique violation: on
	// PostgreSQL a failed insert would abort the caller's transaction.
	res := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "auto_group_id"}},
		TargetWhere: clause.Where{Exprs: []clause.Expression{clause.Expr{SQL: "auto_group_id IS NOT NULL"}}}, DoNothing: true}).Create(&a)
	if res.Error != nil {
		return nil, false, res.Error
	}
	if res.RowsAffected == 0 {
		var existing Action
		if err := tx.Where("auto_group_id = ?", g.ID).Take(&existing).Error; err != nil {
			return nil, false, err
		}
		return &existing, false, nil
	}
	if err := tx.Create(&ActionLesson{ActionID: a.ID, GroupID: g.ID}).Error; err != nil {
		return nil, false, err
	}
	err = s.audit.Record(tx, leerlus.Actor{ClientAddr: "system"}, policy.Event{Action: policy.ActionActionCreated,
		ObjectType: "action", ObjectID: a.ID, NetworkID: networkID, Detail: "proposed automatically"})
	return &a, true, err
}

// titleOf fits a statement into an action's title.
func titleOf(statement string) string {
	r := []rune(strings.TrimSpace(statement))
	if len(r) > actionTitleMax {
		r = append(r[:actionTitleMax-1], '…')
	}
	if len(r) < actionTitleMin {
		return "Terugkerende les"
	}
	return string(r)
}

// lockAction loads an action of the caller's network, locked on
// PostgreSQL so that a step's checks of its state hold until commit.
func (s *Service) lockAction(tx *gorm.DB, acc leerlus.Access, id string) (*Action, error) {
	if !leerlus.ValidID(id) {
		return nil, leerlus.NotFound("action")
	}
	q := tx.Where("id = ?", id)
	if s.db.Dialect == leerlus.Postgres {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var a Action
	if err := q.Take(&a).Error; err != nil {
		if leerlus.IsNotFound(err) {
			return nil, leerlus.NotFound("action")
		}
		return nil, err
	}
	if a.NetworkID != acc.NetworkID {
		return nil, leerlus.NotFound("action")
	}
	return &a, nil
}

// AddProgress writes a dated entry in an accepted or running action's
// progress log, in the action's phase unless another is named. Managers
// of the network write them. The log is append-only, so an entry needs no
// version; it restarts the action's stall clock.
func (s *Service) AddProgress(ctx context.Context, acc leerlus.Access, id string, in ProgressInput) (*ProgressEntry, error) {
	var v leerlus.Validation
	in.check(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.screenFree([]cases.Text{{Pointer: "/text", Field: "/text", Value: in.Text}}, in.Decisions); err != nil {
		return nil, err
	}
	var out *ProgressEntry
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		a, err := s.lockAction(tx, acc, id)
		if err != nil {
			return err
		}
		if a.Status != ActionAccepted && a.Status != ActionInProgress {
			return leerlus.Errorf(leerlus.CodeConflict, "Progress can be written for an accepted or running action only.")
		}
		phase := a.Phase
		if in.Phase != "" {
			phase = Phase(in.Phase)
		}
		now := s.now.Now()
		p := Progress{ID: leerlus.NewID(), ActionID: a.ID, NetworkID: a.NetworkID, WrittenBy: leerlus.Optional(acc.PersonID()),
			WrittenAt: now, Phase: phase, Text: in.Text}
		if err := tx.Create(&p).Error; err != nil {
			return err
		}
		if err := tx.Model(&Action{}).Where("id = ?", a.ID).Update("last_progress_at", now).Error; err != nil {
			return err
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionActionProgress, ObjectType: "action",
			ObjectID: a.ID, NetworkID: a.NetworkID, Detail: "phase " + string(phase)}); err != nil {
			return err
		}
		entries, err := progressEntries(tx, acc, []Progress{p})
		if err != nil {
			return err
		}
		out = &entries[0]
		return nil
	})
	return out, err
}
