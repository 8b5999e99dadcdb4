package review

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"leerlus"
	"leerlus/cases"
	"leerlus/cases/anonymise"
	"leerlus/dbtest"
	"leerlus/policy"
)

// lessonScanner is loaded once per test binary: its lists take a moment
// and are read-only.
var lessonScanner = sync.OnceValues(anonymise.New)

// lessonWorld is a fresh database with two networks of one workplace,
// people in every role of the first and a facilitator of the second, and
// the review service on it with a fixed clock.
type lessonWorld struct {
	t       *testing.T
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

func newLessonWorld(t *testing.T) *lessonWorld {
	t.Helper()
	ctx := context.Background()
	db := dbtest.Open(t)
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	clock := func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) }
	ps := policy.NewService(db, clock, cfg)
	sc, err := lessonScanner()
	if err != nil {
		t.Fatal(err)
	}
	cs := cases.NewService(db, clock, ps.AuditLog(), sc, []byte("a test key of thirty-two bytes!!"))
	w := &lessonWorld{t: t, ctx: ctx, db: db, policy: ps, cases: cs, svc: NewService(db, clock, ps.AuditLog(), cs),
		roles: map[string]policy.Role{}, networkOf: map[string]string{}, names: map[string]string{}}
	sys := policy.Actor{ClientAddr: "test"}
	name, region, desc := "Werkplaats", "Noord", "Een werkplaats."
	wp, err := ps.CreateWorkplace(ctx, sys, policy.WorkplaceInput{Name: &name, Region: &region, Description: &desc})
	w.must(err)
	for i, n := range []*string{&w.network, &w.other} {
		nname := []string{"Leernetwerk Noord", "Leernetwerk Zuid"}[i]
		net, err := ps.CreateNetwork(ctx, sys, wp.ID, policy.NetworkInput{Name: &nname, Description: &desc})
		w.must(err)
		*n = net.ID
	}
	add := func(label string, network string, role policy.Role, p policy.Perspective) string {
		email := label + "@example.org"
		person, err := ps.CreatePerson(ctx, sys, policy.NewPerson{Email: email, Name: "Persoon " + label, Password: "een lang wachtwoord 2026"})
		w.must(err)
		_, err = ps.AddMembership(ctx, sys, policy.Membership{NetworkID: network, PersonID: person.ID, Role: role, Perspective: p})
		w.must(err)
		w.roles[person.ID], w.networkOf[person.ID] = role, network
		w.names[person.ID] = "Persoon " + label + " " + email
		return person.ID
	}
	w.author = add("ouder", w.network, policy.RoleMember, policy.PerspectiveParent)
	w.author2 = add("hulpverlener", w.network, policy.RoleMember, policy.PerspectiveProfessional)
	w.member = add("lid", w.network, policy.RoleMember, policy.PerspectiveEducation)
	w.fac = add("fac", w.network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	w.fac2 = add("fac2", w.network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	w.researcher = add("onderzoeker", w.network, policy.RoleResearcher, policy.PerspectiveResearch)
	w.manager = add("manager", w.network, policy.RoleManager, policy.PerspectiveManagement)
	w.otherFac = add("fac-elders", w.other, policy.RoleFacilitator, policy.PerspectiveProfessional)
	return w
}

// as is a person's access to their network with their role, as the
// authorization middleware would build it.
func (w *lessonWorld) as(person string) leerlus.Access {
	return leerlus.Access{Actor: leerlus.Actor{PersonID: person, ClientAddr: "test"}, NetworkID: w.networkOf[person],
		Role: string(w.roles[person]), Scope: leerlus.ScopeAny}
}

func (w *lessonWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// wantCode fails unless err is a domain error with code, and returns it.
func (w *lessonWorld) wantCode(err error, code leerlus.Code) *leerlus.Error {
	w.t.Helper()
	var e *leerlus.Error
	if !errors.As(err, &e) || e.Code != code {
		w.t.Fatalf("want a %s error, got %v", code, err)
	}
	return e
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
	var n int64
	w.must(w.db.WithContext(w.ctx).Table(table).Where(where, args...).Count(&n).Error)
	return n
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
