package api_test

import (
	"net/http"
	"testing"

	"leerlus"
	"leerlus/api"
	"leerlus/policy"
)

// TestPasswordResetLink follows a link from issue to use: it shows whose
// account it is for, sets the new password once, ends the old sessions
// and tokens, and a second use is refused.
func TestPasswordResetLink(t *testing.T) {
	e := newEnv(t)
	p := e.newPerson("vergeten", false)
	e.addMember(p, e.own.ID, policy.RoleMember)
	_, secret := e.newToken(p, 30)

	// The facilitator of the network makes the link for the member.
	var m policy.Member
	members, _, err := e.svc.ListMembers(t.Context(), leerlus.Access{NetworkID: e.own.ID}, pageAll)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range members {
		if x.PersonID == p.ID {
			m = x
		}
	}
	var link api.ResetLinkBody
	e.expect(http.StatusCreated, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/members/" + m.ID + "/password-resets",
		as: e.people[facilitator]}).json(t, &link)
	if link.Token == "" || link.ResetURL != "/wachtwoord-herstellen/"+link.Token {
		t.Fatalf("link %+v", link)
	}

	var preview api.ResetPreviewBody
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/password-reset-tokens/" + link.Token}).json(t, &preview)
	if preview.Name != p.Name {
		t.Errorf("preview names %q, want %q", preview.Name, p.Name)
	}
	e.expect(http.StatusBadRequest, request{method: "POST", path: "/api/v1/password-reset-tokens/" + link.Token,
		body: map[string]any{"new_password": "kort"}})
	const fresh = "een heel nieuw wachtwoord"
	e.expect(http.StatusNoContent, request{method: "POST", path: "/api/v1/password-reset-tokens/" + link.Token,
		body: map[string]any{"new_password": fresh}})

	// Old session and token end; the new password signs in; the link is spent.
	e.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", as: p})
	e.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", bearer: secret})
	e.expect(http.StatusCreated, request{method: "POST", path: "/api/v1/session", body: map[string]any{"email": p.Email, "password": fresh}})
	e.expect(http.StatusGone, request{method: "POST", path: "/api/v1/password-reset-tokens/" + link.Token,
		body: map[string]any{"new_password": "nog een ander wachtwoord"}})
	e.expect(http.StatusGone, request{method: "GET", path: "/api/v1/password-reset-tokens/" + link.Token})
	e.expect(http.StatusNotFound, request{method: "GET", path: "/api/v1/password-reset-tokens/geen-echte-link"})

	// A new link replaces an earlier open one.
	first, second := e.resetLink(p), e.resetLink(p)
	e.expect(http.StatusGone, request{method: "GET", path: "/api/v1/password-reset-tokens/" + first})
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/password-reset-tokens/" + second})
}

// TestFacilitatorResetLinksStayInTheirNetworks: a reset link takes an
// account over, so a facilitator gets none for an administrator or for
// someone who also takes part in a network the facilitator does not run.
func TestFacilitatorResetLinksStayInTheirNetworks(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	for _, tc := range []struct {
		name   string
		setup  func() *policy.Membership
		status int
	}{
		{"a member of this network only", func() *policy.Membership {
			return e.addMember(e.newPerson("lid", false), e.own.ID, policy.RoleMember)
		}, http.StatusCreated},
		{"a member who also takes part in another network", func() *policy.Membership {
			q := e.newPerson("dubbel", false)
			e.addMember(q, e.other.ID, policy.RoleMember)
			return e.addMember(q, e.own.ID, policy.RoleMember)
		}, http.StatusForbidden},
		{"an administrator who is a member here", func() *policy.Membership {
			return e.addMember(e.newPerson("beheerder", true), e.own.ID, policy.RoleMember)
		}, http.StatusForbidden},
	} {
		m := tc.setup()
		res := e.do(request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/members/" + m.ID + "/password-resets", as: fac})
		if res.status != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, res.status, tc.status)
		}
	}
	// An administrator may make a link for anyone.
	q := e.newPerson("dubbel2", false)
	e.addMember(q, e.other.ID, policy.RoleMember)
	m := e.addMember(q, e.own.ID, policy.RoleMember)
	e.expect(http.StatusCreated, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/members/" + m.ID + "/password-resets", as: e.admin})
}
