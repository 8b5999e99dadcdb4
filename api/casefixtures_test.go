package api_test

import (
	"context"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

// caseWriters are the fixture people who may write cases in the own network.
func (e *env) writes(as *person, network string) bool {
	return as != nil && network == e.own.ID && (as == e.people[member] || as == e.people[facilitator])
}

// casePeople returns an author (a member) and a facilitator of a network,
// made on first use, for cases that the caller did not write.
func (e *env) casePeople(network string) (author, fac *person) {
	e.t.Helper()
	key := "author:" + network
	if e.people[key] == nil {
		e.people[key] = e.newPerson("auteur", false)
		e.addMember(e.people[key], network, policy.RoleMember)
		if network == e.own.ID {
			e.people["facilitator:"+network] = e.people[facilitator]
		} else {
			e.people["facilitator:"+network] = e.newPerson("facilitator", false)
			e.addMember(e.people["facilitator:"+network], network, policy.RoleFacilitator)
		}
	}
	return e.people[key], e.people["facilitator:"+network]
}

func caseAccess(p *person, network string, role policy.Role) leerlus.Access {
	return leerlus.Access{Actor: policy.Actor{PersonID: p.ID, ClientAddr: "test"}, NetworkID: network, Role: string(role), Scope: leerlus.ScopeOwn}
}

func strp(s string) *string { return &s }

// completeCase is a case that can be submitted, with two episodes.
func completeCase() cases.CaseInput {
	return cases.CaseInput{
		Title: strp("Lang wachten op passende hulp"), Outcome: strp("stuck"),
		Start: &cases.Period{Year: 2024, Quarter: 2}, End: &cases.Period{Year: 2025, Quarter: 3},
		AgeBand: strp("12-18"), Household: strp("one_parent"), Duration: strp("1_2y"),
		LifeDomains: &[]string{"education_work"}, Services: &[]string{"neighbourhood_team", "youth_mental_health"},
		Summary: strp("Een jongere zat maanden thuis zonder school terwijl iedereen op een plek wachtte."),
		Episodes: []cases.EpisodeInput{
			{Phase: strp("signalling"), WhatHappened: strp("De mentor zag dat de jongere vaak afwezig was."), Duration: strp("1_4w"), Effect: strp("helped")},
			{Phase: strp("access"), WhatHappened: strp("Het wachten op de jeugd-ggz duurde lang."), Duration: strp("12_26w"), Effect: strp("hindered")},
		},
	}
}

// fixtureCase makes a case in network with the given status: written by
// as when as may write there (so that own-scope writes succeed), else by
// the network's fixture author; checked by the network's facilitator.
func (e *env) fixtureCase(as *person, network string, status cases.Status) *cases.View {
	e.t.Helper()
	ctx := context.Background()
	author, fac := e.casePeople(network)
	authorRole := policy.RoleMember
	if e.writes(as, network) {
		author = as
		if as == e.people[facilitator] {
			authorRole = policy.RoleFacilitator
		}
	}
	if (status == cases.StatusPublished || status == cases.StatusArchived) && author == fac {
		// Four eyes: a facilitator's own case is checked by someone else.
		author, authorRole = e.people["author:"+network], policy.RoleMember
	}
	acc := caseAccess(author, network, authorRole)
	v := must(e.cases.Create(ctx, acc, completeCase()))
	if status == cases.StatusDraft {
		return v
	}
	v = must(e.cases.Submit(ctx, acc, v.ID, v.Version))
	if status == cases.StatusSubmitted {
		return v
	}
	v = must(e.cases.Publish(ctx, caseAccess(fac, network, policy.RoleFacilitator), v.ID, v.Version))
	if status == cases.StatusPublished {
		return v
	}
	return must(e.cases.Archive(ctx, caseAccess(fac, network, policy.RoleFacilitator), v.ID, v.Version))
}
