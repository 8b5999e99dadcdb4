package api_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"leerlus/api"
	"leerlus/dbtest"
	"leerlus/policy"
)

func TestSignInSetsAHardenedCookieAndNewSessionID(t *testing.T) {
	e := newEnv(t)
	p := e.people[member]
	old := p.cookie
	res := e.expect(http.StatusCreated, request{method: "POST", path: "/api/v1/session",
		body: map[string]any{"email": strings.ToUpper(p.Email), "password": testPassword}})
	cookie := res.header.Get("Set-Cookie")
	for _, want := range []string{api.SessionCookie + "=", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("Set-Cookie %q lacks %q", cookie, want)
		}
	}
	if strings.Contains(cookie, "Secure") {
		t.Errorf("Set-Cookie %q is Secure on plain HTTP without a trusted proxy", cookie)
	}
	if strings.Contains(cookie, old) {
		t.Error("sign-in reused the old session id")
	}
	var body api.SessionBody
	res.json(t, &body)
	if body.CSRFToken == "" || body.Person.Email != p.Email || len(body.Person.Memberships) != 1 {
		t.Fatalf("session body %+v", body)
	}
}

func TestSecureCookieBehindTrustedProxy(t *testing.T) {
	db := dbtest.Open(t)
	svc := policy.NewService(db, nil, cheapConfig())
	srv, err := api.New(withCases(api.Deps{DB: db, Policy: svc, Scanner: testScanner(t), TrustedProxies: []string{"192.0.2.0/24"}}))
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, db: db, svc: svc, srv: srv}
	p := e.newPerson("proxy", false)
	res := e.expect(http.StatusCreated, request{method: "POST", path: "/api/v1/session", header: map[string]string{"X-Forwarded-Proto": "https"},
		body: map[string]any{"email": p.Email, "password": testPassword}})
	if c := res.header.Get("Set-Cookie"); !strings.Contains(c, "Secure") {
		t.Fatalf("Set-Cookie %q is not Secure behind a trusted TLS proxy", c)
	}
	if res.header.Get("Strict-Transport-Security") == "" {
		t.Fatal("no HSTS header over TLS")
	}
}

func TestWrongPasswordAndUnknownAccountAnswerTheSame(t *testing.T) {
	e := newEnv(t)
	a := e.expect(http.StatusUnauthorized, request{method: "POST", path: "/api/v1/session",
		body: map[string]any{"email": e.people[member].Email, "password": "wrong password here"}}).problem(t)
	b := e.expect(http.StatusUnauthorized, request{method: "POST", path: "/api/v1/session",
		body: map[string]any{"email": "nobody@example.org", "password": "wrong password here"}}).problem(t)
	if a.Detail != b.Detail {
		t.Fatalf("answers differ: %q vs %q", a.Detail, b.Detail)
	}
}

func TestSignInIsRateLimitedPerAccount(t *testing.T) {
	e := newEnv(t)
	p := e.people[member]
	wrong := request{method: "POST", path: "/api/v1/session", body: map[string]any{"email": p.Email, "password": "not the password"}}
	for i := 0; i < policy.DefaultConfig().MaxFailsAccount; i++ {
		e.expect(http.StatusUnauthorized, wrong)
	}
	res := e.expect(http.StatusTooManyRequests, wrong)
	res.problem(t)
	secs, err := strconv.Atoi(res.header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > int((15*time.Minute).Seconds()) {
		t.Fatalf("Retry-After %q", res.header.Get("Retry-After"))
	}
	// Even the right password waits, from a browser that is not a known device.
	e.expect(http.StatusTooManyRequests, request{method: "POST", path: "/api/v1/session", body: map[string]any{"email": p.Email, "password": testPassword}})
}

func TestSignInIsRateLimitedPerAddress(t *testing.T) {
	e := newEnv(t)
	for i := 0; i < policy.DefaultConfig().MaxFailsAddress; i++ {
		e.expect(http.StatusUnauthorized, request{method: "POST", path: "/api/v1/session",
			body: map[string]any{"email": "guess" + strconv.Itoa(i) + "@example.org", "password": "not the password"}})
	}
	e.expect(http.StatusTooManyRequests, request{method: "POST", path: "/api/v1/session",
		body: map[string]any{"email": e.people[member].Email, "password": testPassword}})
}

func TestCookieWritesNeedTheCSRFToken(t *testing.T) {
	e := newEnv(t)
	p := e.people[member]
	res := e.expect(http.StatusForbidden, request{method: "PATCH", path: "/api/v1/me", body: map[string]any{"name": "X"}, as: p, noCSRF: true})
	if pr := res.problem(t); !strings.HasSuffix(pr.Type, "csrf") {
		t.Fatalf("problem type %q", pr.Type)
	}
	e.expect(http.StatusForbidden, request{method: "PATCH", path: "/api/v1/me", body: map[string]any{"name": "X"}, as: p, noCSRF: true,
		header: map[string]string{api.CSRFHeader: "wrong"}})
	e.expect(http.StatusOK, request{method: "PATCH", path: "/api/v1/me", body: map[string]any{"name": "X"}, as: p})
	// Bearer tokens carry no ambient authority, so they need no CSRF token.
	_, secret, err := e.svc.CreateToken(context.Background(), policy.Actor{PersonID: p.ID}, policy.NewToken{Name: "t", ExpiresInDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	e.expect(http.StatusOK, request{method: "PATCH", path: "/api/v1/me", body: map[string]any{"name": "Y"}, bearer: secret})
}

func TestSessionExpiry(t *testing.T) {
	e, clock, cfg := newClockedEnv(t)
	p := e.newPerson("klok", false)
	me := request{method: "GET", path: "/api/v1/me", as: p}

	clock.Advance(cfg.SessionIdle - time.Minute)
	e.expect(http.StatusOK, me) // activity moves the idle deadline
	clock.Advance(cfg.SessionIdle - time.Minute)
	e.expect(http.StatusOK, me)
	clock.Advance(cfg.SessionIdle + time.Second)
	e.expect(http.StatusUnauthorized, me) // idle too long

	e.signIn(p)
	for elapsed := time.Duration(0); elapsed < cfg.SessionMax-cfg.SessionIdle; elapsed += cfg.SessionIdle / 2 {
		clock.Advance(cfg.SessionIdle / 2)
		e.expect(http.StatusOK, me)
	}
	clock.Advance(cfg.SessionIdle)
	e.expect(http.StatusUnauthorized, me) // past the absolute limit despite activity
}

func TestDisabledAccountLosesAccessAtOnce(t *testing.T) {
	e := newEnv(t)
	p := e.people[member]
	_, secret, err := e.svc.CreateToken(context.Background(), policy.Actor{PersonID: p.ID}, policy.NewToken{Name: "t", ExpiresInDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	e.expect(http.StatusOK, request{method: "PATCH", path: "/api/v1/people/" + p.ID, as: e.admin, body: map[string]any{"disabled": true, "version": p.Version}})
	e.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", as: p})
	e.expect(http.StatusUnauthorized, request{method: "GET", path: "/api/v1/me", bearer: secret})
	e.expect(http.StatusUnauthorized, request{method: "POST", path: "/api/v1/session", body: map[string]any{"email": p.Email, "password": testPassword}})
}

func TestPasswordRules(t *testing.T) {
	e := newEnv(t)
	p := e.people[member]
	for _, tc := range []struct {
		name, current, next, field string
	}{
		{"too short", testPassword, "kort", "new_password"},
		{"common", testPassword, "wachtwoord123", "new_password"},
		{"wrong current", "not my password", "a much better password", "current_password"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.t = t
			pr := e.expect(http.StatusBadRequest, request{method: "PUT", path: "/api/v1/me/password", as: p,
				body: map[string]any{"current_password": tc.current, "new_password": tc.next}}).problem(t)
			if len(pr.Errors) == 0 || pr.Errors[0].Field != tc.field {
				t.Fatalf("errors %+v, want field %s", pr.Errors, tc.field)
			}
		})
	}
}
