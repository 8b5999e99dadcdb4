package cases_test

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
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// scanner is loaded once: its lists take a moment, and it is read-only.
var scanner = func() *anonymise.Scanner {
	s, err := anonymise.New()
	if err != nil {
		panic(err)
	}
	return s
}()

// world is a fresh database with one network and people in each role.
type world struct {
	db                             *leerlus.DB
	svc                            *cases.Service
	policy                         *policy.Service
	network                        string
	author, member, fac1, fac2, rs string // person ids
}

func newWorld(t *testing.T) *world {
	t.Helper()
	ctx := context.Background()
	db := dbtest.Open(t)
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	clock := func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) }
	ps := policy.NewService(db, clock, cfg)
	w := &world{db: db, policy: ps, svc: cases.NewService(db, clock, ps.AuditLog(), scanner, []byte("a test key of thirty-two bytes!!"))}
	sys := policy.Actor{ClientAddr: "test"}
	name, region, desc := "Werkplaats", "Noord", "Een werkplaats."
	wp, err := ps.CreateWorkplace(ctx, sys, policy.WorkplaceInput{Name: &name, Region: &region, Description: &desc})
	must(t, err)
	nname := "Leernetwerk"
	n, err := ps.CreateNetwork(ctx, sys, wp.ID, policy.NetworkInput{Name: &nname, Description: &desc})
	must(t, err)
	w.network = n.ID
	add := func(email string, role policy.Role) string {
		p, err := ps.CreatePerson(ctx, sys, policy.NewPerson{Email: email, Name: "Persoon " + email, Password: "een lang wachtwoord 2026"})
		must(t, err)
		_, err = ps.AddMembership(ctx, sys, policy.Membership{NetworkID: n.ID, PersonID: p.ID, Role: role, Perspective: policy.PerspectiveProfessional})
		must(t, err)
		return p.ID
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
func (w *world) as(person string) leerlus.Access {
	role := map[string]string{w.author: "member", w.member: "member", w.fac1: "facilitator", w.fac2: "facilitator", w.rs: "researcher"}[person]
	return leerlus.Access{Actor: leerlus.Actor{PersonID: person, ClientAddr: "test"}, NetworkID: w.network, Role: role, Scope: leerlus.ScopeOwn}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }

// complete is a case input that can be submitted.
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
