package review

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/worldtest"
)

// lessonWorld is a fresh database with two networks of one workplace,
// people in every role of the first and a facilitator of the second, and
// the review service on it with a fixed clock.
type lessonWorld struct {
	*worldtest.World
	t       testing.TB
	ctx     context.Context
	db      *leerlus.DB
	svc     *Service
	cases   *cases.Service
	policy  *policy.Service
	network string // where the lessons under test are
	other   string // another network of the same workplace

	author, author2, member, fac, fac2, researcher, manager, otherFac string
	roles                                                             map[string]policy.Role
	networkOf                                                         map[string]string
	names                                                             map[string]string // person id → name and e-mail address, to look for in answers
}

func newLessonWorld(t testing.TB) *lessonWorld {
	t.Helper()
	tw := worldtest.New(t)
	w := &lessonWorld{World: tw, t: t, ctx: context.Background(), db: tw.DB, policy: tw.Policy, cases: tw.Cases,
		svc: NewService(tw.DB, tw.Clock, tw.Policy.AuditLog(), tw.Cases), roles: tw.Roles, networkOf: tw.NetworkOf, names: tw.Names}
	w.network, w.other = tw.Network("Leernetwerk Noord"), tw.Network("Leernetwerk Zuid")
	w.author = tw.Person("ouder", w.network, policy.RoleMember, policy.PerspectiveParent)
	w.author2 = tw.Person("hulpverlener", w.network, policy.RoleMember, policy.PerspectiveProfessional)
	w.member = tw.Person("lid", w.network, policy.RoleMember, policy.PerspectiveEducation)
	w.fac = tw.Person("fac", w.network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	w.fac2 = tw.Person("fac2", w.network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	w.researcher = tw.Person("onderzoeker", w.network, policy.RoleResearcher, policy.PerspectiveResearch)
	w.manager = tw.Person("manager", w.network, policy.RoleManager, policy.PerspectiveManagement)
	w.otherFac = tw.Person("fac-elders", w.other, policy.RoleFacilitator, policy.PerspectiveProfessional)
	return w
}

// as is a person's access to their network with their role, as the
// authorization middleware would build it.
func (w *lessonWorld) as(person string) leerlus.Access { return w.As(person, leerlus.ScopeAny) }

func (w *lessonWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// wantCode fails unless err is a domain error with code, and returns it.
func (w *lessonWorld) wantCode(err error, code leerlus.Code) *leerlus.Error {
	w.t.Helper()
	return worldtest.Fails(w.t, err, code)
}

// wantField fails unless err is a domain error with code naming field
// with fcode first.
func (w *lessonWorld) wantField(err error, code leerlus.Code, field string, fcode leerlus.FieldCode) {
	w.t.Helper()
	e := w.wantCode(err, code)
	if len(e.Fields) == 0 || e.Fields[0].Field != field || e.Fields[0].Code != fcode {
		w.t.Fatalf("field errors %+v, want %s %s", e.Fields, field, fcode)
	}
}

// count counts the rows of a table that match a condition.
func (w *lessonWorld) count(table, where string, args ...any) int64 {
	w.t.Helper()
	return w.Count(table, where, args...)
}

// stored reads a lesson's row as it is now.
func (w *lessonWorld) stored(id string) Lesson {
	w.t.Helper()
	var l Lesson
	w.must(w.db.WithContext(w.ctx).Where("id = ?", id).Take(&l).Error)
	return l
}

// storedCodes reads the keys of a lesson's codes, sorted.
func (w *lessonWorld) storedCodes(id string) []string {
	w.t.Helper()
	var keys []string
	w.must(w.db.WithContext(w.ctx).Table("lesson_codes lc").Joins("JOIN codebook_codes c ON c.id = lc.code_id").
		Where("lc.lesson_id = ?", id).Order("c.key").Pluck("c.key", &keys).Error)
	return keys
}

// history reads the actions of a lesson's history, in order.
func (w *lessonWorld) history(id string) []string {
	w.t.Helper()
	var actions []string
	w.must(w.db.WithContext(w.ctx).Model(&LessonChange{}).Where("lesson_id = ?", id).Order("id").Pluck("action", &actions).Error)
	return actions
}
