package review_test

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/worldtest"
)

// world is a fresh database with one network, people in each role and
// perspective, and one published case.
type world struct {
	*worldtest.World
	db      *leerlus.DB
	cases   *cases.Service
	svc     *review.Service
	network string
	caseID  string
	// person ids
	author, parent, youth, fac1, fac2, rs, mgr string
}

func newWorld(t *testing.T) *world {
	t.Helper()
	tw := worldtest.New(t)
	w := &world{World: tw, db: tw.DB, cases: tw.Cases, svc: review.NewService(tw.DB, tw.Clock, tw.Policy.AuditLog(), tw.Cases)}
	w.network = tw.Network("Leernetwerk")
	w.author = tw.Person("auteur", w.network, policy.RoleMember, policy.PerspectiveProfessional)
	w.parent = tw.Person("ouder", w.network, policy.RoleMember, policy.PerspectiveParent)
	w.youth = tw.Person("jongere", w.network, policy.RoleMember, policy.PerspectiveYoungPerson)
	w.fac1 = tw.Person("fac1", w.network, policy.RoleFacilitator, policy.PerspectiveProfessional)
	w.fac2 = tw.Person("fac2", w.network, policy.RoleFacilitator, policy.PerspectivePolicy)
	w.rs = tw.Person("onderzoek", w.network, policy.RoleResearcher, policy.PerspectiveResearch)
	w.mgr = tw.Person("manager", w.network, policy.RoleManager, policy.PerspectiveManagement)
	w.caseID = w.publishedCase(t)
	return w
}

// as is a person's access to the network with their role; writes reach
// only their own reflections, as policy.csv grants reflections.write.
func (w *world) as(person string) leerlus.Access { return w.As(person, leerlus.ScopeOwn) }

// publishedCase writes, submits and publishes a case by the author.
func (w *world) publishedCase(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	c, err := w.cases.Create(ctx, w.as(w.author), complete())
	must(t, err)
	c, err = w.cases.Submit(ctx, w.as(w.author), c.ID, c.Version)
	must(t, err)
	c, err = w.cases.Publish(ctx, w.as(w.fac1), c.ID, c.Version)
	must(t, err)
	return c.ID
}

func ptr[T any](v T) *T { return &v }

func complete() cases.CaseInput { return worldtest.CompleteCase() }

// code finds a code of the network's codebook by key.
func (w *world) code(t *testing.T, key string) string {
	t.Helper()
	var ids []string
	must(t, w.db.WithContext(context.Background()).Table("codebook_codes").Where("network_id = ? AND key = ?", w.network, key).Pluck("id", &ids).Error)
	if len(ids) != 1 {
		t.Fatalf("code %s: %d rows", key, len(ids))
	}
	return ids[0]
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// domainError returns err as a domain error, failing when it is not one.
func domainError(t *testing.T, err error, code leerlus.Code) *leerlus.Error {
	t.Helper()
	return worldtest.Fails(t, err, code)
}

func (w *world) count(t *testing.T, table string) int64 {
	t.Helper()
	return w.Count(table, "")
}

// casesMark turns a finding into the decision that answers it.
func casesMark(f leerlus.Finding) cases.MarkInput {
	return cases.MarkInput{Field: f.Field, Type: f.Type, Start: f.Start, End: f.End}
}

// seed gives the network its codebook and form, by starting and deleting
// a draft.
func (w *world) seed(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	r, err := w.svc.Create(ctx, w.as(w.youth), w.caseID, review.ReflectionInput{})
	must(t, err)
	must(t, w.svc.Delete(ctx, w.as(w.youth), r.ID, r.Version))
}
