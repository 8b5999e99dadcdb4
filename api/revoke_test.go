package api_test

import (
	"context"
	"net/http"
	"testing"

	"leerlus"

	"leerlus/dbtest"
	"leerlus/policy"
)

// TestRevokedRoleDeniesTheNextRequest: the memberships table is the one
// source of truth, read on every request.
func TestRevokedRoleDeniesTheNextRequest(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	e.addMember(e.newPerson("facilitator2", false), e.own.ID, policy.RoleFacilitator) // the network keeps a facilitator
	members := "/api/v1/networks/" + e.own.ID + "/members"
	e.expect(http.StatusOK, request{method: "GET", path: members, as: fac})

	// Demote the facilitator to member: the very next request is refused.
	m := e.membershipOf(fac, e.own.ID)
	e.expect(http.StatusOK, request{method: "PATCH", path: members + "/" + m.ID, as: e.admin,
		body: map[string]any{"role": "member", "version": m.Version}})
	e.expect(http.StatusForbidden, request{method: "GET", path: members, as: fac})

	// Remove the membership: the network no longer exists for them.
	e.expect(http.StatusNoContent, request{method: "DELETE", path: members + "/" + m.ID, as: e.admin})
	e.expect(http.StatusNotFound, request{method: "GET", path: "/api/v1/networks/" + e.own.ID, as: fac})
}

func (e *env) membershipOf(p *person, network string) policy.Member {
	e.t.Helper()
	ms, _, err := e.svc.ListMembers(context.Background(), leerlus.Access{NetworkID: network}, pageAll)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, m := range ms {
		if m.PersonID == p.ID {
			return m
		}
	}
	e.t.Fatalf("%s is not a member of %s", p.Email, network)
	return policy.Member{}
}

// TestRevokeAcrossTwoInstances runs two servers, each with its own
// connection pool, on one database (PostgreSQL in the PostgreSQL run): a
// role revoked through one is denied by the other on the next request.
func TestRevokeAcrossTwoInstances(t *testing.T) {
	addr := dbtest.Address(t)
	a := newEnvOn(t, dbtest.OpenAddress(t, addr), true)
	b := newEnvOn(t, dbtest.OpenAddress(t, addr), false)
	b.own, b.admin = a.own, a.admin

	fac := a.people[facilitator]
	a.addMember(a.newPerson("facilitator2", false), a.own.ID, policy.RoleFacilitator) // the network keeps a facilitator
	members := "/api/v1/networks/" + a.own.ID + "/members"
	b.expect(http.StatusOK, request{method: "GET", path: members, as: fac})

	m := a.membershipOf(fac, a.own.ID)
	a.expect(http.StatusNoContent, request{method: "DELETE", path: members + "/" + m.ID, as: a.admin})
	b.expect(http.StatusNotFound, request{method: "GET", path: members, as: fac})

	// A token made on one instance is revoked on the other.
	tok := a.expect(http.StatusCreated, request{method: "POST", path: "/api/v1/me/tokens", as: fac,
		body: map[string]any{"name": "script", "expires_in_days": 7}})
	var created struct {
		ID     string `json:"id"`
		Secret string `json:"secret"`
	}
	tok.json(t, &created)
	b.expect(http.StatusOK, request{method: "GET", path: "/api/v1/me", bearer: created.Secret})
	a.expect(http.StatusNoContent, request{method: "DELETE", path: "/api/v1/me/tokens/" + created.ID, as: fac})
	b.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", bearer: created.Secret})

	// Signing out on one instance ends the session on the other.
	a.expect(http.StatusNoContent, request{method: "DELETE", path: "/api/v1/session", as: fac})
	b.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", as: fac})
}
