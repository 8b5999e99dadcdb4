package review_test

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/review/defaults"
	"leerlus/worldtest"
)

// templateWorld is a fresh database with one network, a facilitator, a
// second facilitator, a member and a researcher in it.
type templateWorld struct {
	*worldtest.World
	db                        *leerlus.DB
	svc                       *review.Service
	network                   string
	fac, fac2, member, reader string // person ids
}

func newTemplateWorld(t *testing.T) *templateWorld {
	t.Helper()
	tw := worldtest.New(t)
	w := &templateWorld{World: tw, db: tw.DB, svc: review.NewService(tw.DB, tw.Clock, tw.Policy.AuditLog(), tw.Cases)}
	w.network = tw.Network("Leernetwerk")
	w.fac = tw.Person("fac", w.network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	w.fac2 = tw.Person("fac2", w.network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	w.member = tw.Person("lid", w.network, policy.RoleMember, policy.PerspectiveProfessional)
	w.reader = tw.Person("onderzoek", w.network, policy.RoleResearcher, policy.PerspectiveProfessional)
	return w
}

// as is a person's access to the network, as the middleware decides it.
func (w *templateWorld) as(person string) leerlus.Access { return w.As(person, leerlus.ScopeAny) }

func (w *templateWorld) versions(t *testing.T) int64 {
	t.Helper()
	var n int64
	check(t, w.db.WithContext(context.Background()).Table("reflection_templates").Where("network_id = ?", w.network).Count(&n).Error)
	return n
}

func (w *templateWorld) audited(t *testing.T, action policy.AuditAction, person string) int64 {
	t.Helper()
	var n int64
	check(t, w.db.WithContext(context.Background()).Table("audit_log").Where("action = ? AND actor_id = ?", action, person).Count(&n).Error)
	return n
}

// defaultTemplate is a fresh copy of the shipped template.
func defaultTemplate(t *testing.T) defaults.Template {
	t.Helper()
	tpl, err := defaults.DefaultTemplate()
	check(t, err)
	return tpl
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// failure returns err as a domain error with the given code, failing when
// it is not one.
func failure(t *testing.T, err error, code leerlus.Code) *leerlus.Error {
	t.Helper()
	return worldtest.Fails(t, err, code)
}
