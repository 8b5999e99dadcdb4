package api_test

import (
	"context"
	"net/http"
	"testing"

	"leerlus/api"
	"leerlus/policy"
)

func TestAuditLogRecordsAndFilters(t *testing.T) {
	e := newEnv(t)
	p := e.people[member]
	e.expect(http.StatusUnauthorized, request{method: "POST", path: "/api/v1/session", body: map[string]any{"email": p.Email, "password": "wrong wrong wrong"}})
	res := e.expect(http.StatusCreated, request{method: "POST", path: "/api/v1/me/tokens", as: p, body: map[string]any{"name": "script", "expires_in_days": 3}})
	var tok api.NewTokenBody
	res.json(t, &tok)
	e.expect(http.StatusNoContent, request{method: "DELETE", path: "/api/v1/me/tokens/" + tok.ID, as: p})

	for _, tc := range []struct {
		query   string
		action  policy.AuditAction
		outcome policy.Outcome
	}{
		{"?action=session.sign_in_failed", "session.sign_in_failed", policy.OutcomeFailure},
		{"?action=token.created&actor=" + p.ID, "token.created", policy.OutcomeSuccess},
		{"?action=token.revoked", "token.revoked", policy.OutcomeSuccess},
		{"?action=membership.created&network=" + e.own.ID, "membership.created", policy.OutcomeSuccess},
	} {
		var l api.List[api.AuditEntryBody]
		e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/audit" + tc.query, as: e.admin}).json(t, &l)
		if len(l.Items) == 0 {
			t.Fatalf("%s: no entries", tc.query)
		}
		for _, it := range l.Items {
			if it.Action != tc.action || it.Outcome != tc.outcome || it.ClientAddr == "" {
				t.Fatalf("%s: entry %+v", tc.query, it)
			}
			// Entries name who and what they are about, not only ids.
			if it.ActorID != nil && it.ActorName == "" {
				t.Fatalf("%s: entry without the actor's name: %+v", tc.query, it)
			}
			if it.ObjectType == "membership" && (it.ObjectName == "" || it.NetworkName != e.own.Name) {
				t.Fatalf("%s: membership entry names %q in %q, want a person in %q", tc.query, it.ObjectName, it.NetworkName, e.own.Name)
			}
		}
	}
	e.expect(http.StatusBadRequest, request{method: "GET", path: "/api/v1/audit?from=yesterday", as: e.admin})
	e.expect(http.StatusBadRequest, request{method: "GET", path: "/api/v1/audit?actor=bob", as: e.admin})
	e.expect(http.StatusBadRequest, request{method: "GET", path: "/api/v1/audit?action=no.such_action", as: e.admin})

	brk, n, err := e.svc.VerifyAudit(context.Background())
	if err != nil || brk != nil || n == 0 {
		t.Fatalf("verify: %+v %d %v", brk, n, err)
	}
}
