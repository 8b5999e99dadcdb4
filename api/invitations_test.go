package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"leerlus/api"
	"leerlus/policy"
)

func TestInvitationFlow(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	path := "/api/v1/networks/" + e.own.ID + "/invitations"
	res := e.expect(http.StatusCreated, request{method: "POST", path: path, as: fac,
		body: map[string]any{"email": "Nieuwe.Ouder@Example.org", "role": "member", "perspective": "ouder"}})
	var inv api.NewInvitationBody
	res.json(t, &inv)
	if inv.Status != "pending" || inv.Email != "nieuwe.ouder@example.org" || !strings.HasSuffix(inv.AcceptURL, inv.Token) {
		t.Fatalf("invitation %+v", inv)
	}

	// The link shows what it offers, without signing in.
	var details api.InvitationTokenBody
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/invitation-tokens/" + inv.Token}).json(t, &details)
	if details.Network.ID != e.own.ID || details.AccountExists || details.Role != "member" {
		t.Fatalf("details %+v", details)
	}

	accept := "/api/v1/invitation-tokens/" + inv.Token + "/accept"
	pr := e.expect(http.StatusBadRequest, request{method: "POST", path: accept, body: map[string]any{"name": "Ouder", "password": "kort"}}).problem(t)
	if pr.Errors[0].Field != "password" {
		t.Fatalf("errors %+v", pr.Errors)
	}
	res = e.expect(http.StatusCreated, request{method: "POST", path: accept, body: map[string]any{"name": "Nieuwe Ouder", "password": testPassword}})
	var sess api.SessionBody
	res.json(t, &sess)
	if len(sess.Person.Memberships) != 1 || sess.Person.Memberships[0].Role != "member" || res.header.Get("Set-Cookie") == "" {
		t.Fatalf("session after accept %+v", sess)
	}

	// Single use.
	e.expect(http.StatusGone, request{method: "POST", path: accept, body: map[string]any{"name": "Iemand", "password": testPassword}})
	e.expect(http.StatusGone, request{method: "GET", path: "/api/v1/invitation-tokens/" + inv.Token})
	e.expect(http.StatusNotFound, request{method: "GET", path: "/api/v1/invitation-tokens/unknown-token"})

	// Listed as accepted.
	var list api.List[api.InvitationBody]
	e.expect(http.StatusOK, request{method: "GET", path: path, as: fac}).json(t, &list)
	if len(list.Items) != 1 || list.Items[0].Status != "accepted" {
		t.Fatalf("list %+v", list)
	}
}

func TestInvitationForAnExistingAccount(t *testing.T) {
	e := newEnv(t)
	p := e.people[researcher]
	_, token := e.invite(e.other.ID, p.Email)
	accept := "/api/v1/invitation-tokens/" + token + "/accept"
	// Not signed in: the account exists, so sign in first.
	e.expect(http.StatusUnauthorized, request{method: "POST", path: accept, body: map[string]any{"name": "X", "password": testPassword}})
	// Signed in as someone else: refused.
	e.expect(http.StatusForbidden, request{method: "POST", path: accept, body: map[string]any{}, as: e.people[member]})
	// Signed in as the invited address: added.
	var sess api.SessionBody
	e.expect(http.StatusCreated, request{method: "POST", path: accept, body: map[string]any{}, as: p}).json(t, &sess)
	if len(sess.Person.Memberships) != 2 {
		t.Fatalf("memberships %+v", sess.Person.Memberships)
	}
}

func TestWithdrawnInvitationCannotBeUsed(t *testing.T) {
	e := newEnv(t)
	inv, token := e.invite(e.own.ID, "")
	e.expect(http.StatusNoContent, request{method: "DELETE", path: "/api/v1/networks/" + e.own.ID + "/invitations/" + inv.ID, as: e.people[facilitator]})
	e.expect(http.StatusConflict, request{method: "DELETE", path: "/api/v1/networks/" + e.own.ID + "/invitations/" + inv.ID, as: e.people[facilitator]})
	e.expect(http.StatusGone, request{method: "POST", path: "/api/v1/invitation-tokens/" + token + "/accept",
		body: map[string]any{"name": "X", "password": testPassword}})
}

func TestInvitationValidation(t *testing.T) {
	e := newEnv(t)
	path := "/api/v1/networks/" + e.own.ID + "/invitations"
	pr := e.expect(http.StatusBadRequest, request{method: "POST", path: path, as: e.admin,
		body: map[string]any{"email": "geen-adres", "role": "koning", "perspective": "x", "organisation_id": "nope"}}).problem(t)
	fields := map[string]bool{}
	for _, f := range pr.Errors {
		fields[f.Field] = true
	}
	for _, f := range []string{"email", "role", "perspective", "organisation_id"} {
		if !fields[f] {
			t.Errorf("no field error for %s in %+v", f, pr.Errors)
		}
	}
	// Inviting someone who is a member already is a conflict.
	e.expect(http.StatusConflict, request{method: "POST", path: path, as: e.admin,
		body: map[string]any{"email": e.people[member].Email, "role": "member", "perspective": "ouder"}})
}

func TestInvitationIsNotAcceptedWithAToken(t *testing.T) {
	e := newEnv(t)
	p := e.people[member]
	_, secret, err := e.svc.CreateToken(context.Background(), policy.Actor{PersonID: p.ID}, policy.NewToken{Name: "t", ExpiresInDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	_, token := e.invite(e.other.ID, p.Email)
	e.expect(http.StatusBadRequest, request{method: "POST", path: "/api/v1/invitation-tokens/" + token + "/accept", body: map[string]any{}, bearer: secret}).problem(t)
}
