package review

import (
	"context"
	"slices"
	"sort"
	"strings"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

// UpdateAction changes an action's fields, phase, owner and links, based
// on the version the manager saw (409 when stale). A done or stopped
// action is reopened first (ChangeStatus); phase and start date wait
// until it is accepted. Moving an accepted action into the do phase marks
// the day it started, unless a start date is known.
func (s *Service) UpdateAction(ctx context.Context, acc leerlus.Access, id string, in ActionEdit) (*ActionView, error) {
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
		a, err := s.lockAction(tx, acc, id)
		if err != nil {
			return err
		}
		if a.Version != in.Version {
			return leerlus.StaleVersion()
		}
		cols, err := s.editColumns(tx, a, in)
		if err != nil {
			return err
		}
		links := actionLinks{lessons: in.Lessons, cases: in.Cases, organisations: in.Organisations}
		if err := links.check(tx, a.NetworkID); err != nil {
			return err
		}
		changed := changedFields(cols, links)
		if err := leerlus.UpdateVersioned(tx, &Action{}, id, in.Version, withBump(cols, s.now.Now()), "action", ""); err != nil {
			return err
		}
		if err := links.write(tx, id); err != nil {
			return err
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionActionChanged, ObjectType: "action",
			ObjectID: id, NetworkID: a.NetworkID, Detail: "changed " + strings.Join(changed, " ")}); err != nil {
			return err
		}
		out, err = s.reloadView(tx, acc, id)
		return err
	})
	return out, err
}

// editColumns checks an edit against the action's state and names the
// columns it sets.
func (s *Service) editColumns(tx *gorm.DB, a *Action, in ActionEdit) (map[string]any, error) {
	if !a.Status.Open() {
		return nil, leerlus.Errorf(leerlus.CodeConflict, "A done or stopped action cannot be changed; reopen it first.")
	}
	accepted := a.Status == ActionAccepted || a.Status == ActionInProgress
	var v leerlus.Validation
	v.Check(in.Phase == nil || accepted || Phase(*in.Phase) == a.Phase, "phase", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_accepted"})
	v.Check(in.StartedOn == nil || accepted || *in.StartedOn == "", "started_on", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_accepted"})
	if err := v.Err(); err != nil {
		return nil, err
	}
	cols := map[string]any{}
	leerlus.SetIf(cols, "title", in.Title)
	leerlus.SetIf(cols, "description", in.Description)
	leerlus.SetIf(cols, "kind", in.Kind)
	leerlus.SetIf(cols, "phase", in.Phase)
	if in.DueOn != nil {
		cols["due_on"] = leerlus.Optional(*in.DueOn)
	}
	if in.StartedOn != nil {
		cols["started_on"] = leerlus.Optional(*in.StartedOn)
	} else if in.Phase != nil && Phase(*in.Phase) == PhaseDo && accepted && a.StartedOn == nil {
		cols["started_on"] = s.now.Now().Format(dateLayout)
	}
	if in.GoalID != nil {
		if err := checkGoal(tx, a.NetworkID, *in.GoalID); err != nil {
			return nil, err
		}
		cols["goal_id"] = leerlus.Optional(*in.GoalID)
	}
	if in.OwnerID != nil {
		if err := checkOwner(tx, a.NetworkID, *in.OwnerID); err != nil {
			return nil, err
		}
		cols["owner_id"] = *in.OwnerID
	}
	return cols, nil
}

// changedFields names what an edit changed, for the audit log (no text).
func changedFields(cols map[string]any, l actionLinks) []string {
	out := make([]string, 0, len(cols)+3)
	for k := range cols {
		if k != "updated_at" && k != "version" {
			out = append(out, k)
		}
	}
	if l.lessons != nil {
		out = append(out, "lessons")
	}
	if l.cases != nil {
		out = append(out, "cases")
	}
	if l.organisations != nil {
		out = append(out, "organisations")
	}
	sort.Strings(out)
	return out
}

func (s *Service) reloadView(tx *gorm.DB, acc leerlus.Access, id string) (*ActionView, error) {
	a, err := actionIn(tx, acc, id)
	if err != nil {
		return nil, err
	}
	return s.actionView(tx, acc, a)
}

// transitions are the allowed status changes. Forward: proposed →
// accepted → in progress → done; any open state → stopped (with a
// reason). Reopening: a done action goes back in progress (the check
// showed more is needed, a new PDCA turn), a stopped one back to
// accepted (picked up again, with an owner).
var transitions = map[ActionStatus][]ActionStatus{
	ActionProposed:   {ActionAccepted, ActionStopped},
	ActionAccepted:   {ActionInProgress, ActionStopped},
	ActionInProgress: {ActionDone, ActionStopped},
	ActionDone:       {ActionInProgress},
	ActionStopped:    {ActionAccepted},
}

// NextStatuses lists the states an action may move to from st.
func NextStatuses(st ActionStatus) []string {
	out := []string{}
	for _, n := range transitions[st] {
		out = append(out, string(n))
	}
	return out
}

// ChangeStatus moves an action to another status (managers). Accepting
// sets the owner, a manager of the network (the caller by default), and
// starts the stall clock; starting work marks the start date when none is
// known; stopping keeps the reason, which is screened.
func (s *Service) ChangeStatus(ctx context.Context, acc leerlus.Access, id string, in StatusChange) (*ActionView, error) {
	var v leerlus.Validation
	in.check(&v)
	to := ActionStatus(in.Status)
	v.Check(in.OwnerID == "" || to == ActionAccepted, "owner_id", leerlus.FieldNotAllowed, leerlus.Params{"reason": "only_when_accepting"})
	v.Check(in.Reason == "" || to == ActionStopped, "reason", leerlus.FieldNotAllowed, leerlus.Params{"reason": "only_when_stopping"})
	if err := v.Err(); err != nil {
		return nil, err
	}
	if in.Reason != "" {
		if err := s.screenFree([]cases.Text{{Pointer: "/reason", Field: "/reason", Value: in.Reason}}, in.Decisions); err != nil {
			return nil, err
		}
	}
	var out *ActionView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		a, err := s.lockAction(tx, acc, id)
		if err != nil {
			return err
		}
		if a.Version != in.Version {
			return leerlus.StaleVersion()
		}
		if !contains(NextStatuses(a.Status), in.Status) {
			return leerlus.FieldFailure(leerlus.CodeConflict, "This action cannot move to that status from where it is.",
				"status", leerlus.FieldOneOf, leerlus.Params{"allowed": NextStatuses(a.Status)})
		}
		now := s.now.Now()
		cols := map[string]any{"status": in.Status}
		switch to {
		case ActionAccepted:
			owner := in.OwnerID
			if owner == "" {
				owner = acc.PersonID()
			}
			if err := checkOwner(tx, a.NetworkID, owner); err != nil {
				return err
			}
			cols["owner_id"], cols["accepted_at"], cols["stop_reason"] = owner, now, ""
		case ActionInProgress:
			if a.StartedOn == nil {
				cols["started_on"] = now.Format(dateLayout)
			}
		case ActionStopped:
			cols["stop_reason"] = in.Reason
		}
		if err := leerlus.UpdateVersioned(tx, &Action{}, id, in.Version, withBump(cols, now), "action", ""); err != nil {
			return err
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionActionChanged, ObjectType: "action",
			ObjectID: id, NetworkID: a.NetworkID, Detail: "status " + string(a.Status) + " to " + in.Status}); err != nil {
			return err
		}
		out, err = s.reloadView(tx, acc, id)
		return err
	})
	return out, err
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }
