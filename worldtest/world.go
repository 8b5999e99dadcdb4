// Package worldtest builds the fresh world the domain packages' tests
// start from: a database (dbtest), the policy and case services on a fixed
// clock, a workplace, and people with a role and perspective in its
// networks. It is for tests only; it imports no package that tests it
// from the inside, so any domain package's internal tests may use it.
package worldtest

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

// Now is the fixed clock of every world.
func Now() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) }

// SealKey is the key of the case numbering in tests.
var SealKey = []byte("a test key of thirty-two bytes!!")

// scanner is loaded once per test binary: its lists take a moment and are
// read-only.
var scanner = sync.OnceValues(anonymise.New)

// Scanner returns the shared anonymiser.
func Scanner(tb testing.TB) *anonymise.Scanner {
	tb.Helper()
	s, err := scanner()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// World is a fresh database with its services and one workplace.
type World struct {
	TB        testing.TB
	DB        *leerlus.DB
	Clock     leerlus.Clock
	Policy    *policy.Service
	Cases     *cases.Service
	Workplace string
	// Roles and NetworkOf give each person's role and network, as added.
	Roles     map[string]policy.Role
	NetworkOf map[string]string
	// Names holds each person's name and e-mail address, to look for in
	// answers that must not show them.
	Names map[string]string
}

// New opens a fresh database and builds the services and a workplace.
func New(tb testing.TB) *World {
	tb.Helper()
	db := dbtest.Open(tb)
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	ps := policy.NewService(db, Now, cfg)
	w := &World{TB: tb, DB: db, Clock: Now, Policy: ps, Cases: cases.NewService(db, Now, ps.AuditLog(), Scanner(tb), SealKey),
		Roles: map[string]policy.Role{}, NetworkOf: map[string]string{}, Names: map[string]string{}}
	name, region, desc := "Werkplaats", "Noord", "Een werkplaats."
	wp, err := ps.CreateWorkplace(context.Background(), policy.Actor{ClientAddr: "test"}, policy.WorkplaceInput{Name: &name, Region: &region, Description: &desc})
	w.Must(err)
	w.Workplace = wp.ID
	return w
}

// Network adds a network to the workplace and returns its id.
func (w *World) Network(name string) string {
	w.TB.Helper()
	desc := "Een leernetwerk."
	n, err := w.Policy.CreateNetwork(context.Background(), policy.Actor{ClientAddr: "test"}, w.Workplace, policy.NetworkInput{Name: &name, Description: &desc})
	w.Must(err)
	return n.ID
}

// Person adds a person (label@example.org, named "Persoon <label>") with
// one role and perspective in a network, and returns their id.
func (w *World) Person(label, network string, role policy.Role, p policy.Perspective) string {
	w.TB.Helper()
	ctx, sys := context.Background(), policy.Actor{ClientAddr: "test"}
	email := label
	if !containsAt(label) {
		email = label + "@example.org"
	}
	person, err := w.Policy.CreatePerson(ctx, sys, policy.NewPerson{Email: email, Name: "Persoon " + label, Password: "een lang wachtwoord 2026"})
	w.Must(err)
	_, err = w.Policy.AddMembership(ctx, sys, policy.Membership{NetworkID: network, PersonID: person.ID, Role: role, Perspective: p})
	w.Must(err)
	w.Roles[person.ID], w.NetworkOf[person.ID] = role, network
	w.Names[person.ID] = "Persoon " + label + " " + email
	return person.ID
}

// As is a person's access to their network with their role, as the
// authorization middleware builds it; scope says whether writes reach
// every object or the person's own.
func (w *World) As(person string, scope leerlus.Scope) leerlus.Access {
	return leerlus.Access{Actor: leerlus.Actor{PersonID: person, ClientAddr: "test"}, NetworkID: w.NetworkOf[person],
		Role: string(w.Roles[person]), Scope: scope}
}

// Must fails the test on an error.
func (w *World) Must(err error) {
	w.TB.Helper()
	if err != nil {
		w.TB.Fatal(err)
	}
}

// Count counts the rows of a table that match a condition ("" for all).
func (w *World) Count(table, where string, args ...any) int64 {
	w.TB.Helper()
	var n int64
	q := w.DB.WithContext(context.Background()).Table(table)
	if where != "" {
		q = q.Where(where, args...)
	}
	w.Must(q.Count(&n).Error)
	return n
}

func containsAt(s string) bool {
	for _, c := range s {
		if c == '@' {
			return true
		}
	}
	return false
}

// Fails returns err as a domain error with the code, failing the test
// when it is not one.
func Fails(tb testing.TB, err error, code leerlus.Code) *leerlus.Error {
	tb.Helper()
	var e *leerlus.Error
	if !errors.As(err, &e) || e.Code != code {
		tb.Fatalf("want a %s error, got %v", code, err)
	}
	return e
}

func ptr[T any](v T) *T { return &v }

// CompleteCase is a case input that can be submitted: a stuck trajectory
// with two key episodes, without anything that identifies someone.
func CompleteCase() cases.CaseInput {
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
