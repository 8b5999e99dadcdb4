package review

import (
	"context"
	"fmt"
	"slices"
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
	if !leerlus.ValidID(groupID) {
		return nil, false, leerlus.NotFound("recurring lesson")
	}
	got, err := s.proposeForGroups(tx, networkID, []string{groupID})
	if err != nil {
		return nil, false, err
	}
	p, ok := got[groupID]
	if !ok {
		return nil, false, leerlus.NotFound("recurring lesson")
	}
	return &p.action, p.created, nil
}

// proposal is the system's action for one recurring lesson: made now
// (created) or found from before.
type proposal struct {
	action  Action
	created bool
}

// proposeBatch bounds the groups one round of statements handles.
const proposeBatch = 500

// proposeForGroups proposes actions for many recurring lessons of a
// network at once — a full recompute can make thousands cross the
// threshold together — with a few statements per round of proposeBatch
// instead of four per group. Groups that do not exist or are in another
// network are left out of the answer.
func (s *Service) proposeForGroups(tx *gorm.DB, networkID string, groupIDs []string) (map[string]proposal, error) {
	out := make(map[string]proposal, len(groupIDs))
	for start := 0; start < len(groupIDs); start += proposeBatch {
		if err := s.proposeRound(tx, networkID, groupIDs[start:min(start+proposeBatch, len(groupIDs))], out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Service) proposeRound(tx *gorm.DB, networkID string, ids []string, out map[string]proposal) error {
	// By id alone: with the network in the condition SQLite reads the
	// network's groups through that index, every round.
	var groups []LessonGroup
	if err := tx.Select("id", "network_id", "statement").Where("id IN ?", ids).Order("id").Find(&groups).Error; err != nil {
		return err
	}
	groups = slices.DeleteFunc(groups, func(g LessonGroup) bool { return g.NetworkID != networkID })
	now := s.now.Now()
	found := make([]string, len(groups))
	fresh := make([]Action, len(groups))
	for i, g := range groups {
		found[i] = g.ID
		fresh[i] = Action{ID: leerlus.NewID(), NetworkID: networkID, Title: titleOf(g.Statement), Kind: KindPractice, Phase: PhasePlan,
			Status: ActionProposed, ProposedAutomatically: true, AutoGroupID: &found[i], CreatedAt: now, UpdatedAt: now, Version: 1}
	}
	if len(fresh) == 0 {
		return nil
	}
	// ON CONFLICT DO NOTHING rather than a unique violation: on
	// PostgreSQL a failed insert would abort the caller's transaction.
	// Groups that already had their proposal keep it; which ones those
	// are is read back below. Rows are written by hand: a full recompute
	// proposes thousands, and GORM's reflection per row was a third of it.
	if err := leerlus.InsertRowsOnConflict(tx, Action{}.TableName(), proposalColumns,
		"ON CONFLICT (auto_group_id) WHERE auto_group_id IS NOT NULL DO NOTHING", len(fresh), func(i int, args []any) []any {
			a := &fresh[i]
			return append(args, a.ID, a.NetworkID, a.Title, a.Description, string(a.Kind), string(a.Phase), string(a.Status),
				a.StopReason, a.ProposedAutomatically, a.AutoGroupID, a.CreatedAt, a.UpdatedAt, a.Version)
		}); err != nil {
		return err
	}
	// Which action each group has now: the one just written, or for a
	// group that had one, that one (read whole).
	var current []struct{ ID, NetworkID, AutoGroupID string }
	if err := tx.Model(&Action{}).Select("id", "network_id", "auto_group_id").Where("auto_group_id IN ?", found).Find(&current).Error; err != nil {
		return err
	}
	actionOf := make(map[string]string, len(current))
	for _, a := range current {
		if a.NetworkID == networkID {
			actionOf[a.AutoGroupID] = a.ID
		}
	}
	byGroup := make(map[string]Action, len(found))
	var earlier []string
	for i, group := range found {
		switch id, ok := actionOf[group]; {
		case !ok:
			return fmt.Errorf("proposed action of recurring lesson %s: neither written nor found", group)
		case id == fresh[i].ID:
			byGroup[group] = fresh[i]
		default:
			earlier = append(earlier, id)
		}
	}
	if len(earlier) > 0 {
		var stored []Action
		if err := tx.Where("id IN ?", earlier).Find(&stored).Error; err != nil {
			return err
		}
		for _, a := range stored {
			if a.AutoGroupID != nil {
				byGroup[*a.AutoGroupID] = a
			}
		}
	}
	var links []ActionLesson
	var events []policy.Attributed
	for i, group := range found {
		a, ok := byGroup[group]
		if !ok {
			return fmt.Errorf("proposed action of recurring lesson %s: not found", group)
		}
		created := a.ID == fresh[i].ID
		out[group] = proposal{action: a, created: created}
		if created {
			links = append(links, ActionLesson{ActionID: a.ID, GroupID: group})
			events = append(events, policy.Attributed{Actor: leerlus.Actor{ClientAddr: "system"}, Event: policy.Event{
				Action: policy.ActionActionCreated, ObjectType: "action", ObjectID: a.ID, NetworkID: networkID, Detail: "proposed automatically"}})
		}
	}
	if err := leerlus.InsertRows(tx, ActionLesson{}.TableName(), []string{"action_id", "group_id"}, len(links), func(i int, args []any) []any {
		return append(args, links[i].ActionID, links[i].GroupID)
	}); err != nil {
		return err
	}
	return s.audit.RecordMany(tx, events)
}

// proposalColumns are the columns an automatic proposal sets; the others
// keep their defaults (no owner, dates or goal yet).
var proposalColumns = []string{"id", "network_id", "title", "description", "kind", "phase", "status",
	"stop_reason", "proposed_automatically", "auto_group_id", "created_at", "updated_at", "version"}

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
