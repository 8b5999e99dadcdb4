package review_test

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
	"leerlus/review"
	"leerlus/review/defaults"
)

// templateScanner is loaded once per test binary: its lists are read-only.
var templateScanner = sync.OnceValues(anonymise.New)

// templateWorld is a fresh database with one network, a facilitator, a
// second facilitator, a member and a researcher in it.
type templateWorld struct {
	db                        *leerlus.DB
	svc                       *review.Service
	network                   string
	fac, fac2, member, reader string // person ids
	roles                     map[string]policy.Role
}

func newTemplateWorld(t *testing.T) *templateWorld {
	t.Helper()
	ctx := context.Background()
	db := dbtest.Open(t)
	scanner, err := templateScanner()
	if err != nil {
		t.Fatal(err)
	}
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	clock := func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) }
	ps := policy.NewService(db, clock, cfg)
	cs := cases.NewService(db, clock, ps.AuditLog(), scanner, []byte("a test key of thirty-two bytes!!"))
	w := &templateWorld{db: db, svc: review.NewService(db, clock, ps.AuditLog(), cs), roles: map[string]policy.Role{}}
	sys := policy.Actor{ClientAddr: "test"}
	name, region := "Werkplaats", "Noord"
	wp, err := ps.CreateWorkplace(ctx, sys, policy.WorkplaceInput{Name: &name, Region: &region})
	check(t, err)
	nname := "Leernetwerk"
	n, err := ps.CreateNetwork(ctx, sys, wp.ID, policy.NetworkInput{Name: &nname})
	check(t, err)
	w.network = n.ID
	add := func(email string, role policy.Role) string {
		p, err := ps.CreatePerson(ctx, sys, policy.NewPerson{Email: email, Name: "Persoon " + email, Password: "een lang wachtwoord 2026"})
		check(t, err)
		_, err = ps.AddMembership(ctx, sys, policy.Membership{NetworkID: n.ID, PersonID: p.ID, Role: role, Perspective: policy.PerspectiveProfessional})
		check(t, err)
		w.roles[p.ID] = role
		return p.ID
	}
	w.fac = add("fac@example.org", policy.RoleFacilitator)
	w.fac2 = add("fac2@example.org", policy.RoleFacilitator)
	w.member = add("lid@example.org", policy.RoleMember)
	w.reader = add("onderzoek@example.org", policy.RoleResearcher)
	return w
}

// as is a person's access to the network, as the middleware decides it.
func (w *templateWorld) as(person string) leerlus.Access {
	return leerlus.Access{Actor: leerlus.Actor{PersonID: person, ClientAddr: "test"}, NetworkID: w.network,
		Role: string(w.roles[person]), Scope: leerlus.ScopeAny}
}

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
	var e *leerlus.Error
	if !errors.As(err, &e) || e.Code != code {
		t.Fatalf("want a %s error, got %v", code, err)
	}
	return e
}
