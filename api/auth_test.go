package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"leerlus/policy"
)

// TestTokenOnNetworkRoutes: a personal access token resolves the caller
// and the role in the route's network in the same lookup as a cookie does.
func TestTokenOnNetworkRoutes(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	_, secret, err := e.svc.CreateToken(context.Background(), policy.Actor{PersonID: fac.ID}, policy.NewToken{Name: "t", ExpiresInDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	get := func(network string) request {
		return request{method: "GET", path: "/api/v1/networks/" + network + "/members", bearer: secret}
	}
	e.expect(http.StatusOK, get(e.own.ID))
	e.expect(http.StatusNotFound, get(e.other.ID))                             // no role there
	e.expect(http.StatusNotFound, get("00000000-0000-7000-8000-000000000000")) // no such network
	e.expect(http.StatusNotFound, get("not-an-id"))
	e.expect(http.StatusForbidden, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/members",
		bearer: mustToken(t, e, e.people[member])}) // a role, but not one that may
	// A second facilitator first: a network keeps at least one.
	e.addMember(e.newPerson("tweede", false), e.own.ID, policy.RoleFacilitator)
	m := e.membershipOf(fac, e.own.ID)
	e.expect(http.StatusNoContent, request{method: "DELETE", path: "/api/v1/networks/" + e.own.ID + "/members/" + m.ID, as: e.admin})
	e.expect(http.StatusNotFound, get(e.own.ID)) // revoked: the very next request
}

func mustToken(t *testing.T, e *env, p *person) string {
	t.Helper()
	_, secret, err := e.svc.CreateToken(context.Background(), policy.Actor{PersonID: p.ID}, policy.NewToken{Name: "t", ExpiresInDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	return secret
}

// TestEndedSessionIsRemoved: a request with an idle-expired session answers
// 401 and deletes the session row (through the writer, beside the reader
// that found it); an active session's last-seen time is written at most
// once a minute.
func TestEndedSessionIsRemoved(t *testing.T) {
	e, clock, cfg := newClockedEnv(t)
	db := e.db
	p := e.newPerson("klok", false)
	me := request{method: "GET", path: "/api/v1/me", as: p}
	lastSeen := func() time.Time {
		var s policy.Session
		if err := db.WithContext(context.Background()).Where("person_id = ?", p.ID).Take(&s).Error; err != nil {
			t.Fatal(err)
		}
		return s.LastSeenAt.UTC()
	}
	signedIn := lastSeen()

	clock.Advance(30 * time.Second)
	e.expect(http.StatusOK, me)
	if got := lastSeen(); !got.Equal(signedIn) {
		t.Errorf("last seen moved to %v within a minute", got)
	}
	clock.Advance(time.Minute)
	e.expect(http.StatusOK, me)
	if got := lastSeen(); !got.Equal(clock.Now()) {
		t.Errorf("last seen %v, want %v", got, clock.Now())
	}

	clock.Advance(cfg.SessionIdle)
	e.expect(http.StatusUnauthorized, me)
	var n int64
	if err := db.WithContext(context.Background()).Model(&policy.Session{}).Where("person_id = ?", p.ID).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d ended sessions left", n)
	}
}
