package review

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/worldtest"
)

// codebookWorld is a fresh database with two networks, people in each
// role of the first, a facilitator of the second, and the services.
type codebookWorld struct {
	*worldtest.World
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
	tw := worldtest.New(t)
	w := &codebookWorld{World: tw, t: t, db: tw.DB, policy: tw.Policy, cases: tw.Cases, svc: NewService(tw.DB, tw.Clock, tw.Policy.AuditLog(), tw.Cases)}
	w.network, w.other = tw.Network("Leernetwerk"), tw.Network("Ander netwerk")
	add := func(email, network string, role policy.Role) string {
		return tw.Person(email, network, role, policy.PerspectiveProfessional)
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
func (w *codebookWorld) as(person string) leerlus.Access { return w.As(person, leerlus.ScopeAny) }

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
	return int(w.Count(table, where, args...))
}

// fails returns err as a domain error, failing the test when it is not
// one with the code.
func (w *codebookWorld) fails(err error, code leerlus.Code) *leerlus.Error {
	w.t.Helper()
	return worldtest.Fails(w.t, err, code)
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
