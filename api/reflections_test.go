package api_test

import (
	"bytes"
	"testing"

	"leerlus/cases"
	"leerlus/policy"
)

// A parent writes frankly about a professional: no member, manager or
// researcher learns who wrote it, from any response about the reflection.
func TestNoOneButAuthorAndFacilitatorsSeesWhoWroteAReflection(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	org := must(e.svc.CreateOrganisation(ctx, policy.Actor{}, e.work.ID, policy.NewOrganisation{Name: "Oudervereniging Noord", Kind: policy.KindCareProvider}))
	parent := e.newPerson("ouder", false)
	m := e.addMember(parent, e.own.ID, policy.RoleMember)
	must(e.svc.UpdateMembership(ctx, caseAccess(e.admin, e.own.ID, ""), m.ID, policy.MembershipChange{OrganisationID: &org.ID, Version: m.Version}))
	c := e.fixtureCase(nil, e.own.ID, cases.StatusPublished)

	var r caseJSON
	e.expect(201, request{method: "POST", path: "/api/v1/cases/" + c.ID + "/reflections", as: parent, body: reflectionBody(0)}).json(t, &r)
	// One reflection per person per case.
	e.expect(409, request{method: "POST", path: "/api/v1/cases/" + c.ID + "/reflections", as: parent, body: reflectionBody(0)}).problem(t)
	body := reflectionBody(r.Version)
	body["items"] = append(body["items"].([]any), map[string]any{"question": "did_not_work", "what": "De wachttijd was lang."})
	e.expect(200, request{method: "PATCH", path: "/api/v1/reflections/" + r.ID, as: parent, body: body}).json(t, &r)
	e.expect(200, request{method: "POST", path: "/api/v1/reflections/" + r.ID + "/submit", as: parent, body: map[string]any{"version": r.Version}}).json(t, &r)
	e.expect(200, request{method: "POST", path: "/api/v1/reflections/" + r.ID + "/publish", as: e.people[facilitator], body: map[string]any{"version": r.Version}}).json(t, &r)

	traces := []string{parent.ID, parent.Name, parent.Email, org.Name, org.ID, m.ID, e.people[facilitator].ID}
	paths := []string{"/api/v1/reflections/" + r.ID, "/api/v1/cases/" + c.ID + "/reflections", "/api/v1/networks/" + e.own.ID + "/reflections"}
	for _, who := range []string{researcher, member, manager} {
		for _, path := range paths {
			res := e.expect(200, request{method: "GET", path: path, as: e.people[who]})
			for _, trace := range traces {
				if bytes.Contains(res.body, []byte(trace)) {
					t.Errorf("%s sees %q in %s: %s", who, trace, path, res.body)
				}
			}
		}
	}
	res := e.expect(200, request{method: "GET", path: "/api/v1/reflections/" + r.ID, as: e.people[facilitator]})
	if !bytes.Contains(res.body, []byte(parent.Name)) || !bytes.Contains(res.body, []byte(`"perspective":"`+string(m.Perspective)+`"`)) {
		t.Errorf("the facilitator does not see the author and perspective: %s", res.body)
	}
}

func TestReflectionFindingsNameTheField(t *testing.T) {
	e := newEnv(t)
	c := e.fixtureCase(nil, e.own.ID, cases.StatusPublished)
	body := reflectionBody(0)
	body["items"] = []any{
		map[string]any{"question": "worked", "what": "Het gesprek hielp."},
		map[string]any{"question": "did_not_work", "what": "Niemand belde terug.", "why": "Ik belde mevrouw Sanne Jansen op 06-12345678."},
	}
	res := e.expect(422, request{method: "POST", path: "/api/v1/cases/" + c.ID + "/reflections", as: e.people[member], body: body})
	p := res.problem(t)
	fields := map[string]bool{}
	for _, f := range p.Findings {
		fields[f.Field+" "+f.Type] = true
	}
	if !fields["/items/1/why person"] || !fields["/items/1/why phone"] {
		t.Fatalf("findings %+v", p.Findings)
	}
	if bytes.Contains(res.body, []byte("Jansen")) || bytes.Contains(res.body, []byte("12345678")) {
		t.Fatalf("the answer repeats the identifiers: %s", res.body)
	}
}
