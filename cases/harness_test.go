package cases_test

import (
	"testing"

	"leerlus"
	"leerlus/cases"
	"leerlus/dbtest"
	"leerlus/policy"
	"leerlus/worldtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// world is a fresh database with one network and people in each role.
type world struct {
	*worldtest.World
	db                             *leerlus.DB
	svc                            *cases.Service
	policy                         *policy.Service
	network                        string
	author, member, fac1, fac2, rs string // person ids
}

func newWorld(t *testing.T) *world {
	t.Helper()
	tw := worldtest.New(t)
	w := &world{World: tw, db: tw.DB, policy: tw.Policy, svc: tw.Cases}
	w.network = tw.Network("Leernetwerk")
	add := func(email string, role policy.Role) string {
		return tw.Person(email, w.network, role, policy.PerspectiveProfessional)
	}
	w.author = add("auteur@example.org", policy.RoleMember)
	w.member = add("lid@example.org", policy.RoleMember)
	w.fac1 = add("fac1@example.org", policy.RoleFacilitator)
	w.fac2 = add("fac2@example.org", policy.RoleFacilitator)
	w.rs = add("onderzoek@example.org", policy.RoleResearcher)
	return w
}

// as is a person's access to the network with a role; writes reach only
// their own cases, as policy.csv grants cases.write.
func (w *world) as(person string) leerlus.Access { return w.As(person, leerlus.ScopeOwn) }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }

// complete is a case input that can be submitted.
func complete() cases.CaseInput { return worldtest.CompleteCase() }

// domainError returns err as a domain error, failing when it is not one.
func domainError(t *testing.T, err error, code leerlus.Code) *leerlus.Error {
	t.Helper()
	return worldtest.Fails(t, err, code)
}

func (w *world) count(t *testing.T, table string) int64 {
	t.Helper()
	return w.Count(table, "")
}
