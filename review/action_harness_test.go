package review_test

import (
	"context"
	"testing"
	"time"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/worldtest"
)

// actionWorld is a fresh database with two networks of one workplace,
// people in every role of the first (two managers), a manager of the
// second, a published case, and the review service on the fixed clock.
type actionWorld struct {
	*worldtest.World
	t       *testing.T
	ctx     context.Context
	svc     *review.Service
	network string
	other   string
	caseID  string

	member, fac, researcher, mgr, mgr2, otherMgr string
}

func newActionWorld(t *testing.T) *actionWorld {
	t.Helper()
	tw := worldtest.New(t)
	w := &actionWorld{World: tw, t: t, ctx: context.Background(), svc: review.NewService(tw.DB, tw.Clock, tw.Policy.AuditLog(), tw.Cases)}
	w.network, w.other = tw.Network("Leernetwerk Noord"), tw.Network("Leernetwerk Zuid")
	w.member = tw.Person("lid", w.network, policy.RoleMember, policy.PerspectiveParent)
	w.fac = tw.Person("fac", w.network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	w.researcher = tw.Person("onderzoeker", w.network, policy.RoleResearcher, policy.PerspectiveResearch)
	w.mgr = tw.Person("manager", w.network, policy.RoleManager, policy.PerspectiveManagement)
	w.mgr2 = tw.Person("manager2", w.network, policy.RoleManager, policy.PerspectiveManagement)
	w.otherMgr = tw.Person("manager-elders", w.other, policy.RoleManager, policy.PerspectiveManagement)
	w.caseID = w.publishedCase(w.network)
	return w
}

func (w *actionWorld) as(person string) leerlus.Access { return w.As(person, leerlus.ScopeAny) }

func (w *actionWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// publishedCase writes and publishes a case in a network (by a member and
// a facilitator made for it).
func (w *actionWorld) publishedCase(network string) string {
	w.t.Helper()
	author := w.Person("auteur"+leerlus.NewID()[28:], network, policy.RoleMember, policy.PerspectiveProfessional)
	fac := w.Person("check"+leerlus.NewID()[28:], network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	c, err := w.Cases.Create(w.ctx, w.As(author, leerlus.ScopeOwn), worldtest.CompleteCase())
	w.must(err)
	c, err = w.Cases.Submit(w.ctx, w.As(author, leerlus.ScopeOwn), c.ID, c.Version)
	w.must(err)
	c, err = w.Cases.Publish(w.ctx, w.As(fac, leerlus.ScopeAny), c.ID, c.Version)
	w.must(err)
	return c.ID
}

// group inserts a recurring lesson (a lesson group without members) in a
// network, as the grouping would.
func (w *actionWorld) group(network, statement string) string {
	w.t.Helper()
	now := w.Clock.Now()
	g := review.LessonGroup{ID: leerlus.NewID(), NetworkID: network, AnchorLessonID: leerlus.NewID(), Statement: statement,
		Status: review.GroupActive, CreatedAt: now, UpdatedAt: now, Version: 1}
	w.must(w.DB.Writer(w.ctx).Create(&g).Error)
	return g.ID
}

// organisation adds an organisation to the workplace.
func (w *actionWorld) organisation(name string) string {
	w.t.Helper()
	o, err := w.Policy.CreateOrganisation(w.ctx, policy.Actor{ClientAddr: "test"}, w.Workplace, policy.NewOrganisation{Name: name, Kind: policy.KindCareProvider})
	w.must(err)
	return o.ID
}

// propose proposes a plain action as the member.
func (w *actionWorld) propose(title string) *review.ActionView {
	w.t.Helper()
	v, err := w.svc.Propose(w.ctx, w.as(w.member), review.ActionInput{Title: title, Kind: "practice"})
	w.must(err)
	return v
}

// step moves an action to a status as the first manager.
func (w *actionWorld) step(v *review.ActionView, status, reason string) *review.ActionView {
	w.t.Helper()
	out, err := w.svc.ChangeStatus(w.ctx, w.as(w.mgr), v.ID, review.StatusChange{Version: v.Version, Status: status, Reason: reason})
	w.must(err)
	return out
}

// inStatus makes an action and moves it to status along the lifecycle.
func (w *actionWorld) inStatus(title string, status review.ActionStatus) *review.ActionView {
	w.t.Helper()
	v := w.propose(title)
	path := map[review.ActionStatus][]string{
		review.ActionProposed:   {},
		review.ActionAccepted:   {"accepted"},
		review.ActionInProgress: {"accepted", "in_progress"},
		review.ActionDone:       {"accepted", "in_progress", "done"},
		review.ActionStopped:    {"stopped"},
	}[status]
	for _, st := range path {
		reason := ""
		if st == "stopped" {
			reason = "Geen capaciteit dit jaar."
		}
		v = w.step(v, st, reason)
	}
	return v
}

// later is the service on a clock days after the world's.
func (w *actionWorld) later(days int, opts ...review.Option) *review.Service {
	at := worldtest.Now().AddDate(0, 0, days)
	return review.NewService(w.DB, func() time.Time { return at }, w.Policy.AuditLog(), w.Cases, opts...)
}

// audits counts the audit entries of an action on an object.
func (w *actionWorld) audits(action policy.AuditAction, objectID string) int64 {
	w.t.Helper()
	return w.Count("audit_log", "action = ? AND object_id = ?", string(action), objectID)
}

func fieldsOf(e *leerlus.Error) map[string]leerlus.FieldCode {
	out := map[string]leerlus.FieldCode{}
	for _, f := range e.Fields {
		out[f.Field] = f.Code
	}
	return out
}

// caseIn publishes a case whose period starts in the given quarter.
func (w *actionWorld) caseIn(year, quarter int) string {
	w.t.Helper()
	author := w.Person("auteur"+leerlus.NewID()[28:], w.network, policy.RoleMember, policy.PerspectiveProfessional)
	fac := w.Person("check"+leerlus.NewID()[28:], w.network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	in := worldtest.CompleteCase()
	in.Start, in.End = &cases.Period{Year: year, Quarter: quarter}, nil
	in.Ongoing = ptr(true)
	c, err := w.Cases.Create(w.ctx, w.As(author, leerlus.ScopeOwn), in)
	w.must(err)
	c, err = w.Cases.Submit(w.ctx, w.As(author, leerlus.ScopeOwn), c.ID, c.Version)
	w.must(err)
	c, err = w.Cases.Publish(w.ctx, w.As(fac, leerlus.ScopeAny), c.ID, c.Version)
	w.must(err)
	return c.ID
}

// lessonIn writes an accepted lesson on a case directly, and puts it in a
// group when one is named.
func (w *actionWorld) lessonIn(caseID, group string) string {
	w.t.Helper()
	now := w.Clock.Now()
	l := review.Lesson{ID: leerlus.NewID(), NetworkID: w.network, CaseID: caseID, Perspective: "ouder", Position: 1,
		Statement: "Vraag eerst wat de jongere wil.", Status: review.LessonAccepted, CreatedAt: now, UpdatedAt: now, Version: 1}
	w.must(w.DB.Writer(w.ctx).Create(&l).Error)
	if group != "" {
		w.must(w.DB.Writer(w.ctx).Create(&review.GroupMember{LessonID: l.ID, GroupID: group, NetworkID: w.network}).Error)
	}
	return l.ID
}
