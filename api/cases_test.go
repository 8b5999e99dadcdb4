package api_test

import (
	"bytes"
	"fmt"
	"testing"

	"leerlus/policy"
)

// newCaseBody is a complete case as the web app sends it.
func newCaseBody() map[string]any {
	return map[string]any{
		"title": "Lang wachten op passende hulp", "outcome": "stuck",
		"start": map[string]any{"year": 2024, "quarter": 2}, "end": map[string]any{"year": 2025, "quarter": 1},
		"age_band": "12-18", "household": "one_parent", "duration": "6_12m",
		"life_domains": []string{"education_work"}, "services": []string{"neighbourhood_team", "youth_mental_health"},
		"summary": "Een jongere zat maanden thuis zonder school terwijl iedereen op een plek wachtte.",
		"episodes": []map[string]any{
			{"phase": "signalling", "what_happened": "De mentor zag dat de jongere vaak afwezig was.", "duration": "1_4w", "effect": "helped"},
			{"phase": "access", "what_happened": "Het wachten op de jeugd-ggz duurde lang.", "duration": "12_26w", "effect": "hindered"},
		},
	}
}

type caseJSON struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	Status  string `json:"status"`
}

func TestNoOneButAuthorAndFacilitatorsSeesWhoWroteACase(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	org := must(e.svc.CreateOrganisation(ctx, policy.Actor{}, e.work.ID, policy.NewOrganisation{Name: "Jeugdhulp Zuidwest", Kind: policy.KindCareProvider}))
	author := e.newPerson("schrijver", false)
	m := e.addMember(author, e.own.ID, policy.RoleMember)
	must(e.svc.UpdateMembership(ctx, caseAccess(e.admin, e.own.ID, ""), m.ID, policy.MembershipChange{OrganisationID: &org.ID, Version: m.Version}))

	var c caseJSON
	e.expect(201, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/cases", as: author, body: newCaseBody()}).json(t, &c)
	e.expect(200, request{method: "POST", path: "/api/v1/cases/" + c.ID + "/submit", as: author, body: map[string]any{"version": c.Version}}).json(t, &c)
	e.expect(200, request{method: "POST", path: "/api/v1/cases/" + c.ID + "/publish", as: e.people[facilitator], body: map[string]any{"version": c.Version}}).json(t, &c)

	traces := []string{author.ID, author.Name, author.Email, org.Name, org.ID, m.ID, e.people[facilitator].ID}
	for _, who := range []string{researcher, member, manager} {
		for _, path := range []string{"/api/v1/cases/" + c.ID, "/api/v1/networks/" + e.own.ID + "/cases"} {
			res := e.expect(200, request{method: "GET", path: path, as: e.people[who]})
			for _, trace := range traces {
				if bytes.Contains(res.body, []byte(trace)) {
					t.Errorf("%s sees %q in %s: %s", who, trace, path, res.body)
				}
			}
		}
	}
	res := e.expect(200, request{method: "GET", path: "/api/v1/cases/" + c.ID, as: e.people[facilitator]})
	if !bytes.Contains(res.body, []byte(author.Name)) {
		t.Errorf("the facilitator does not see the author: %s", res.body)
	}
}

func TestCaseEditsNeverOverwriteEachOther(t *testing.T) {
	e := newEnv(t)
	as := e.people[member]
	var c caseJSON
	e.expect(201, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/cases", as: as, body: newCaseBody()}).json(t, &c)
	path := "/api/v1/cases/" + c.ID
	e.expect(200, request{method: "PATCH", path: path, as: as, body: map[string]any{"title": "Eerste tab", "version": c.Version}})
	res := e.expect(409, request{method: "PATCH", path: path, as: as, body: map[string]any{"title": "Tweede tab", "version": c.Version}})
	if p := res.problem(t); len(p.Errors) != 1 || p.Errors[0].Code != "stale_version" {
		t.Errorf("problem %+v", p)
	}
	res = e.expect(200, request{method: "GET", path: path, as: as})
	if !bytes.Contains(res.body, []byte("Eerste tab")) {
		t.Errorf("the first edit was lost: %s", res.body)
	}
}

func TestFourEyesThroughTheAPI(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	var c caseJSON
	e.expect(201, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/cases", as: fac, body: newCaseBody()}).json(t, &c)
	e.expect(200, request{method: "POST", path: "/api/v1/cases/" + c.ID + "/submit", as: fac, body: map[string]any{"version": c.Version}}).json(t, &c)
	for _, step := range []string{"publish", "send-back"} {
		body := map[string]any{"version": c.Version}
		if step == "send-back" {
			body["comment"] = "Zelf terugsturen mag niet."
		}
		res := e.expect(403, request{method: "POST", path: fmt.Sprintf("/api/v1/cases/%s/%s", c.ID, step), as: fac, body: body})
		res.problem(t)
	}
	// A member cannot publish at all; a second facilitator can.
	e.expect(403, request{method: "POST", path: "/api/v1/cases/" + c.ID + "/publish", as: e.people[member], body: map[string]any{"version": c.Version}})
	second := e.newPerson("tweede", false)
	e.addMember(second, e.own.ID, policy.RoleFacilitator)
	e.expect(200, request{method: "POST", path: "/api/v1/cases/" + c.ID + "/publish", as: second, body: map[string]any{"version": c.Version}})
}
