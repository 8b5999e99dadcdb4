package api_test

import (
	"context"
	"net/http"
	"testing"

	"leerlus/api"
	"leerlus/policy"
)

// newToken makes a personal access token for p and returns its id and secret.
func (e *env) newToken(p *person, days int) (string, string) {
	e.t.Helper()
	t, secret, err := e.svc.CreateToken(context.Background(), policy.Actor{PersonID: p.ID}, policy.NewToken{Name: "script", ExpiresInDays: days})
	if err != nil {
		e.t.Fatal(err)
	}
	return t.ID, secret
}

// revokedTokenEntries returns the ids of token.revoked audit entries by actorID.
func (e *env) revokedTokenEntries(actorID string) map[string]bool {
	e.t.Helper()
	var l api.List[api.AuditEntryBody]
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/audit?limit=200&action=token.revoked&actor=" + actorID, as: e.admin}).json(e.t, &l)
	out := map[string]bool{}
	for _, it := range l.Items {
		out[*it.ObjectID] = true
	}
	return out
}

// TestPasswordChangeRevokesTokens: after a password change no session but
// the one making the call and no personal access token works any more, and
// the audit log names every token revoked.
func TestPasswordChangeRevokesTokens(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		name       string
		viaToken   bool
		keepCookie bool // the calling session stays open
	}{
		{"from the browser", false, true},
		{"with a token", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.t = t
			p := e.newPerson("wachtwoord", false)
			other := &person{Person: p.Person}
			e.signIn(other)
			id1, secret1 := e.newToken(p, 7)
			id2, secret2 := e.newToken(p, 30)
			revokedID, _ := e.newToken(p, 7)
			e.expect(http.StatusNoContent, request{method: "DELETE", path: "/api/v1/me/tokens/" + revokedID, as: p})

			call := request{method: "PUT", path: "/api/v1/me/password",
				body: map[string]any{"current_password": testPassword, "new_password": "a completely new passphrase"}}
			if tc.viaToken {
				call.bearer = secret1
			} else {
				call.as = p
			}
			e.expect(http.StatusNoContent, call)

			for _, secret := range []string{secret1, secret2} {
				e.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", bearer: secret})
			}
			e.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", as: other})
			want := http.StatusUnauthorized
			if tc.keepCookie {
				want = http.StatusOK
			}
			e.expect(want, request{method: "GET", path: "/api/v1/me", as: p})

			got := e.revokedTokenEntries(p.ID)
			if len(got) != 3 || !got[id1] || !got[id2] || !got[revokedID] {
				// two by the password change, one revoked by hand before
				t.Fatalf("token.revoked entries %v, want %s, %s and %s", got, id1, id2, revokedID)
			}
		})
	}
}

// TestDisablingRevokesTokens: tokens of a disabled account stay revoked
// when the account is enabled again; the admin's audit entries name them.
func TestDisablingRevokesTokens(t *testing.T) {
	e := newEnv(t)
	p := e.newPerson("uit", false)
	id, secret := e.newToken(p, 7)
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/me", bearer: secret})
	var changed policy.Person
	e.expect(http.StatusOK, request{method: "PATCH", path: "/api/v1/people/" + p.ID, as: e.admin,
		body: map[string]any{"disabled": true, "version": p.Version}}).json(t, &changed)
	e.expect(http.StatusOK, request{method: "PATCH", path: "/api/v1/people/" + p.ID, as: e.admin,
		body: map[string]any{"disabled": false, "version": changed.Version}})
	e.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", bearer: secret})
	e.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", as: p})
	if got := e.revokedTokenEntries(e.admin.ID); !got[id] {
		t.Fatalf("no token.revoked entry by the admin for %s: %v", id, got)
	}
}
