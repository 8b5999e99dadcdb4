package review_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"leerlus"
	"leerlus/cases"
	"leerlus/cases/anonymise"
	"leerlus/dbtest"
	"leerlus/policy"
	"leerlus/review"
)

// scanner is loaded once: its lists take a moment, and it is read-only.
var scanner = func() *anonymise.Scanner {
	s, err := anonymise.New()
	if err != nil {
		panic(err)
	}
	return s
}()

// world is a fresh database with one network, people in each role and
// perspective, and one published case.
type world struct {
	db      *leerlus.DB
	cases   *cases.Service
	svc     *review.Service
	network string
	caseID  string
	// person ids
	author, parent, youth, fac1, fac2, rs, mgr string
	roles                                      map[string]string
}

func newWorld(t *testing.T) *world {
	t.Helper()
	ctx := context.Background()
	db := dbtest.Open(t)
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	clock := func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) }
	ps := policy.NewService(db, clock, cfg)
	cs := cases.NewService(db, clock, ps.AuditLog(), scanner, []byte("a test key of thirty-two bytes!!"))
	w := &world{db: db, cases: cs, svc: review.NewService(db, clock, ps.AuditLog(), cs), roles: map[string]string{}}
	sys := policy.Actor{ClientAddr: "test"}
	name, region, desc := "Werkplaats", "Noord", "Een werkplaats."
	wp, err := ps.CreateWorkplace(ctx, sys, policy.WorkplaceInput{Name: &name, Region: &region, Description: &desc})
	must(t, err)
	nname := "Leernetwerk"
	n, err := ps.CreateNetwork(ctx, sys, wp.ID, policy.NetworkInput{Name: &nname, Description: &desc})
	must(t, err)
	w.network = n.ID
	add := func(email string, role policy.Role, p policy.Perspective) string {
		person, err := ps.CreatePerson(ctx, sys, policy.NewPerson{Email: email, Name: "Persoon " + email, Password: "een lang wachtwoord 2026"})
		must(t, err)
		_, err = ps.AddMembership(ctx, sys, policy.Membership{NetworkID: n.ID, PersonID: person.ID, Role: role, Perspective: p})
		must(t, err)
		w.roles[person.ID] = string(role)
		return person.ID
	}
	w.author = add("auteur@example.org", policy.RoleMember, policy.PerspectiveProfessional)
	w.parent = add("ouder@example.org", policy.RoleMember, policy.PerspectiveParent)
	w.youth = add("jongere@example.org", policy.RoleMember, policy.PerspectiveYoungPerson)
	w.fac1 = add("fac1@example.org", policy.RoleFacilitator, policy.PerspectiveProfessional)
	w.fac2 = add("fac2@example.org", policy.RoleFacilitator, policy.PerspectivePolicy)
	w.rs = add("onderzoek@example.org", policy.RoleResearcher, policy.PerspectiveResearch)
	w.mgr = add("manager@example.org", policy.RoleManager, policy.PerspectiveManagement)
	w.caseID = w.publishedCase(t)
	return w
}

// as is a person's access to the network with their role; writes reach
// only their own reflections, as policy.csv grants reflections.write.
func (w *world) as(person string) leerlus.Access {
	return leerlus.Access{Actor: leerlus.Actor{PersonID: person, ClientAddr: "test"}, NetworkID: w.network, Role: w.roles[person], Scope: leerlus.ScopeOwn}
}

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

func complete() cases.CaseInput {
	return cases.CaseInput{
		Title: ptr("Lang wachten op passende hulp"), Outcome: ptr("stuck"),
		Start: &cases.Period{Year: 2024, Quarter: 2}, End: &cases.Period{Year: 2025, Quarter: 3},
		AgeBand: ptr("12-18"), Household: ptr("one_parent"), Duration: ptr("1_2y"),
		LifeDomains: &[]string{"education_work", "mental_health"}, Services: &[]string{"neighbourhood_team", "youth_mental_health"},
		Summary: ptr("Een jongere zat maanden thuis zonder school terwijl iedereen op een plek wachtte."),
		Episodes: []cases.EpisodeInput{
			{Phase: ptr("signalling"), WhatHappened: ptr("De mentor zag dat de jongere vaak afwezig was."), Duration: ptr("1_4w"), Effect: ptr("helped")},
			{Phase: ptr("access"), WhatHappened: ptr("Het wachten op de jeugd-ggz duurde lang."), Duration: ptr("12_26w"), Effect: ptr("hindered")},
		},
	}
}

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
	var e *leerlus.Error
	if !errors.As(err, &e) || e.Code != code {
		t.Fatalf("want a %s error, got %v", code, err)
	}
	return e
}

func (w *world) count(t *testing.T, table string) int64 {
	t.Helper()
	var n int64
	must(t, w.db.WithContext(context.Background()).Table(table).Count(&n).Error)
	return n
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
