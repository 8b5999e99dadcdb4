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

// codebookScanner is loaded once: its lists take a moment, and it is
// read-only.
var codebookScanner = sync.OnceValues(anonymise.New)

// codebookWorld is a fresh database with two networks, people in each
// role of the first, a facilitator of the second, and the services.
type codebookWorld struct {
	t        testing.TB
	db       *leerlus.DB
	policy   *policy.Service
	cases    *cases.Service
	svc      *Service
	network  string
	other    string
	author   string // a member who writes cases
	member   string
	fac1     string
	fac2     string
	rs       string // a researcher
	otherFac string // a facilitator of the other network
}

func newCodebookWorld(t testing.TB) *codebookWorld {
	t.Helper()
	ctx := context.Background()
	db := dbtest.Open(t)
	scanner, err := codebookScanner()
	if err != nil {
		t.Fatal(err)
	}
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	clock := func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) }
	ps := policy.NewService(db, clock, cfg)
	cs := cases.NewService(db, clock, ps.AuditLog(), scanner, []byte("a test key of thirty-two bytes!!"))
	w := &codebookWorld{t: t, db: db, policy: ps, cases: cs, svc: NewService(db, clock, ps.AuditLog(), cs)}
	sys := policy.Actor{ClientAddr: "test"}
	name, region, desc := "Werkplaats", "Noord", "Een werkplaats."
	wp, err := ps.CreateWorkplace(ctx, sys, policy.WorkplaceInput{Name: &name, Region: &region, Description: &desc})
	w.must(err)
	network := func(name string) string {
		n, err := ps.CreateNetwork(ctx, sys, wp.ID, policy.NetworkInput{Name: &name, Description: &desc})
		w.must(err)
		return n.ID
	}
	w.network, w.other = network("Leernetwerk"), network("Ander netwerk")
	add := func(email, network string, role policy.Role) string {
		p, err := ps.CreatePerson(ctx, sys, policy.NewPerson{Email: email, Name: "Persoon " + email, Password: "een lang wachtwoord 2026"})
		w.must(err)
		_, err = ps.AddMembership(ctx, sys, policy.Membership{NetworkID: network, PersonID: p.ID, Role: role, Perspective: policy.PerspectiveProfessional})
		w.must(err)
		return p.ID
	}
	w.author = add("auteur@example.org", w.network, policy.RoleMember)
	w.member = add("lid@example.org", w.network, policy.RoleMember)
	w.fac1 = add("fac1@example.org", w.network, policy.RoleFacilitator)
	w.fac2 = add("fac2@example.org", w.network, policy.RoleFacilitator)
	w.rs = add("onderzoek@example.org", w.network, policy.RoleResearcher)
	w.otherFac = add("elders@example.org", w.other, policy.RoleFacilitator)
	return w
}

func (w *codebookWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// as is a person's access to a network with a role, as the middleware
// would give it.
func (w *codebookWorld) as(person string) leerlus.Access {
	role, network := map[string]policy.Role{w.author: policy.RoleMember, w.member: policy.RoleMember, w.fac1: policy.RoleFacilitator,
		w.fac2: policy.RoleFacilitator, w.rs: policy.RoleResearcher, w.otherFac: policy.RoleFacilitator}[person], w.network
	if person == w.otherFac {
		network = w.other
	}
	return leerlus.Access{Actor: leerlus.Actor{PersonID: person, ClientAddr: "test"}, NetworkID: network, Role: string(role), Scope: leerlus.ScopeAny}
}

// fac is the first facilitator's access: who manages the codebook.
func (w *codebookWorld) fac() leerlus.Access { return w.as(w.fac1) }

// codebook reads the network's codebook as its facilitator.
func (w *codebookWorld) codebook() *CodebookView {
	w.t.Helper()
	cb, err := w.svc.Codebook(context.Background(), w.fac(), true)
	w.must(err)
	return cb
}

// code finds a code of the network's codebook by key.
func (w *codebookWorld) code(key string) CodeView {
	w.t.Helper()
	for _, t := range w.codebook().Themes {
		for _, c := range t.Codes {
			if c.Key == key {
				return c
			}
		}
	}
	w.t.Fatalf("no code %s", key)
	return CodeView{}
}

// theme finds a theme of the network's codebook by key.
func (w *codebookWorld) theme(key string) ThemeView {
	w.t.Helper()
	for _, t := range w.codebook().Themes {
		if t.Key == key {
			return t
		}
	}
	w.t.Fatalf("no theme %s", key)
	return ThemeView{}
}

// count counts the rows of a table that match a condition.
func (w *codebookWorld) count(table, where string, args ...any) int {
	w.t.Helper()
	var n int64
	w.must(w.db.WithContext(context.Background()).Table(table).Where(where, args...).Count(&n).Error)
	return int(n)
}

// fails returns err as a domain error, failing the test when it is not
// one with the code.
func (w *codebookWorld) fails(err error, code leerlus.Code) *leerlus.Error {
	w.t.Helper()
	var e *leerlus.Error
	if !errors.As(err, &e) || e.Code != code {
		w.t.Fatalf("want a %s error, got %v", code, err)
	}
	return e
}

// failsOn is fails for an error that must name field with fcode.
func (w *codebookWorld) failsOn(err error, code leerlus.Code, field string, fcode leerlus.FieldCode) {
	w.t.Helper()
	e := w.fails(err, code)
	for _, f := range e.Fields {
		if f.Field == field && f.Code == fcode {
			return
		}
	}
	w.t.Fatalf("want %s on %s, got %+v", fcode, field, e.Fields)
}
