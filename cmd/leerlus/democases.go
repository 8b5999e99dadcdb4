package main

import (
	"context"
	"fmt"

	"leerlus"
	"leerlus/cases"
	"leerlus/cases/demo"
	"leerlus/policy"
	reviewdemo "leerlus/review/demo"
)

// demoRoles is who holds which role where in the demo: network id →
// person id → role.
type demoRoles map[string]map[string]policy.Role

// loadedCases are the demo cases as loaded: by key for the demo
// reflections, and those still to be archived once their reflections are
// published (an archived case takes no new reflections).
type loadedCases struct {
	byKey     map[string]reviewdemo.CaseRef
	toArchive []archiveLater
}

type archiveLater struct {
	caseID string
	by     leerlus.Access
}

// loadDemoCases writes the demo cases as their authors would, and takes
// them through the lifecycle with a facilitator of the network who is not
// the author (four eyes), so that every state is there to try. Archiving
// waits for archiveDemoCases.
func loadDemoCases(ctx context.Context, svc *cases.Service, networks [][]*policy.Network, people map[string]string, roles demoRoles) (loadedCases, error) {
	out := loadedCases{byKey: map[string]reviewdemo.CaseRef{}}
	list, err := demo.Cases()
	if err != nil {
		return out, err
	}
	for i, dc := range list {
		network := networks[dc.Workplace][dc.Network].ID
		author, ok := people[dc.Author]
		if !ok {
			return out, fmt.Errorf("demo case %d: unknown author %s", i, dc.Author)
		}
		acc := demoAccess(author, network, roles[network][author])
		v, err := svc.Create(ctx, acc, demoInput(dc))
		if err != nil {
			return out, fmt.Errorf("demo case %d (%s): %w", i, dc.Title, err)
		}
		out.byKey[dc.Key] = reviewdemo.CaseRef{ID: v.ID, NetworkID: network}
		if dc.Status == string(cases.StatusDraft) {
			continue
		}
		if v, err = svc.Submit(ctx, acc, v.ID, v.Version); err != nil {
			return out, fmt.Errorf("demo case %d: submit: %w", i, err)
		}
		if dc.Status == string(cases.StatusSubmitted) {
			continue
		}
		checker := ""
		for person, role := range roles[network] {
			if role == policy.RoleFacilitator && person != author && (checker == "" || person < checker) {
				checker = person
			}
		}
		if checker == "" {
			return out, fmt.Errorf("demo case %d: no facilitator other than the author", i)
		}
		fac := demoAccess(checker, network, policy.RoleFacilitator)
		if _, err = svc.Publish(ctx, fac, v.ID, v.Version); err != nil {
			return out, fmt.Errorf("demo case %d: publish: %w", i, err)
		}
		if dc.Status == string(cases.StatusArchived) {
			out.toArchive = append(out.toArchive, archiveLater{caseID: v.ID, by: fac})
		}
	}
	return out, nil
}

// archiveDemoCases archives the demo cases meant to be archived, after
// their reflections were written.
func archiveDemoCases(ctx context.Context, svc *cases.Service, list []archiveLater) error {
	for _, a := range list {
		v, err := svc.Get(ctx, a.by, a.caseID)
		if err != nil {
			return err
		}
		if _, err = svc.Archive(ctx, a.by, v.ID, v.Version); err != nil {
			return fmt.Errorf("demo case %s: archive: %w", a.caseID, err)
		}
	}
	return nil
}

func demoAccess(person, network string, role policy.Role) leerlus.Access {
	return leerlus.Access{Actor: policy.Actor{PersonID: person, ClientAddr: "demo"}, NetworkID: network, Role: string(role), Scope: leerlus.ScopeOwn}
}

func demoInput(dc demo.Case) cases.CaseInput {
	in := cases.CaseInput{
		Title: &dc.Title, Outcome: &dc.Outcome, Start: &cases.Period{Year: dc.Start.Year, Quarter: dc.Start.Quarter},
		AgeBand: &dc.AgeBand, Household: &dc.Household, LifeDomains: &dc.LifeDomains, Services: &dc.Services,
		Duration: &dc.Duration, Summary: &dc.Summary,
	}
	if dc.End != nil {
		in.End = &cases.Period{Year: dc.End.Year, Quarter: dc.End.Quarter}
	}
	for _, e := range dc.Episodes {
		e := e
		in.Episodes = append(in.Episodes, cases.EpisodeInput{Phase: &e.Phase, WhatHappened: &e.WhatHappened, Duration: &e.Duration, Effect: &e.Effect})
	}
	return in
}
