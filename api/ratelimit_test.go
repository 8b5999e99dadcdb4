package api_test

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"leerlus/api"
	"leerlus/dbtest"
	"leerlus/policy"
)

// newClockEnv is a server without fixtures whose clock the test moves.
func newClockEnv(t *testing.T) (*env, *fixedNow) {
	t.Helper()
	db := dbtest.Open(t)
	clock := newClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	svc := policy.NewService(db, clock.Now, cheapConfig())
	srv, err := api.New(withCases(api.Deps{DB: db, Policy: svc, Scanner: testScanner(t)}))
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, db: db, svc: svc, srv: srv, people: map[string]*person{}}, clock
}

func signInRequest(email, password, device string) request {
	r := request{method: "POST", path: "/api/v1/session", body: map[string]any{"email": email, "password": password}}
	if device != "" {
		r.header = map[string]string{"Cookie": api.DeviceCookie + "=" + device}
	}
	return r
}

func retryAfter(t *testing.T, res *response) int {
	t.Helper()
	secs, err := strconv.Atoi(res.header.Get("Retry-After"))
	if err != nil {
		t.Fatalf("Retry-After %q", res.header.Get("Retry-After"))
	}
	return secs
}

// deviceCookie returns the known-device cookie a sign-in answer sets.
func deviceCookie(t *testing.T, res *response) *http.Cookie {
	t.Helper()
	for _, c := range (&http.Response{Header: res.header}).Cookies() {
		if c.Name == api.DeviceCookie {
			return c
		}
	}
	t.Fatalf("no %s cookie in %v", api.DeviceCookie, res.header.Values("Set-Cookie"))
	return nil
}

// TestSignInBackOffGrows: after five failures each attempt waits, 30 s
// first and doubling up to 15 minutes; attempts during the wait are not
// checked, so even the right password waits on an unknown device.
func TestSignInBackOffGrows(t *testing.T) {
	e, clock := newClockEnv(t)
	p := e.newPerson("doel", false)
	wrong, right := signInRequest(p.Email, "not the password", ""), signInRequest(p.Email, testPassword, "")
	for i := 0; i < policy.DefaultConfig().MaxFailsAccount; i++ {
		e.expect(http.StatusUnauthorized, wrong)
	}
	for _, wait := range []int{30, 60, 120, 240, 480, 900, 900} {
		res := e.expect(http.StatusTooManyRequests, wrong)
		res.problem(t)
		if got := retryAfter(t, res); got != wait {
			t.Fatalf("Retry-After %d, want %d", got, wait)
		}
		e.expect(http.StatusTooManyRequests, right)
		clock.Advance(time.Duration(wait) * time.Second)
		e.expect(http.StatusUnauthorized, wrong) // checked, and counted
	}
	clock.Advance(15 * time.Minute)
	e.expect(http.StatusCreated, right)
	// The failures are forgiven: the next mistake is free again.
	e.expect(http.StatusUnauthorized, wrong)
}

// TestKnownDeviceSignsInDuringBackOff: strangers guessing cannot lock the
// owner out. A browser that signed in before keeps a signed cookie; with
// it the right password passes during the back-off, while every other
// attempt waits. A known device's own mistakes get their own back-off.
func TestKnownDeviceSignsInDuringBackOff(t *testing.T) {
	e, _ := newClockEnv(t)
	owner, other := e.newPerson("eigenaar", false), e.newPerson("ander", false)
	res := e.expect(http.StatusCreated, signInRequest(owner.Email, testPassword, ""))
	c := deviceCookie(t, res)
	if !c.HttpOnly || c.Path != "/api/v1/session" || c.SameSite != http.SameSiteStrictMode || c.MaxAge < 80*24*3600 {
		t.Fatalf("device cookie %+v", c)
	}
	device := c.Value
	otherDevice := deviceCookie(t, e.expect(http.StatusCreated, signInRequest(other.Email, testPassword, ""))).Value
	forged := device[:len(device)-2] + "xx"

	for i := 0; i < policy.DefaultConfig().MaxFailsAccount; i++ {
		e.expect(http.StatusUnauthorized, signInRequest(owner.Email, "a stranger guessing", ""))
	}
	for _, tc := range []struct {
		name             string
		password, device string
		status           int
	}{
		{"stranger with the right password", testPassword, "", http.StatusTooManyRequests},
		{"known device, right password", testPassword, device, http.StatusCreated},
		{"another account's device", testPassword, otherDevice, http.StatusTooManyRequests},
		{"forged device cookie", testPassword, forged, http.StatusTooManyRequests},
		{"garbage device cookie", testPassword, "a.b.c", http.StatusTooManyRequests},
		{"known device, wrong password", "a typo by the owner", device, http.StatusUnauthorized},
		{"the stranger still waits", "a stranger guessing", "", http.StatusTooManyRequests},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.t = t
			e.expect(tc.status, signInRequest(owner.Email, tc.password, tc.device))
		})
	}
	e.t = t
	// Four more mistakes on the device: it backs off like an unknown one.
	for i := 1; i < policy.DefaultConfig().MaxFailsAccount; i++ {
		e.expect(http.StatusUnauthorized, signInRequest(owner.Email, "another typo", device))
	}
	e.expect(http.StatusTooManyRequests, signInRequest(owner.Email, testPassword, device))
}

// TestPasswordChangeForgetsDevices: the device cookie is signed with a key
// derived from the password hash, so a new password forgets every device.
func TestPasswordChangeForgetsDevices(t *testing.T) {
	e, _ := newClockEnv(t)
	owner := e.newPerson("vergeten", false)
	device := deviceCookie(t, e.expect(http.StatusCreated, signInRequest(owner.Email, testPassword, ""))).Value
	const next = "a completely new passphrase"
	e.expect(http.StatusNoContent, request{method: "PUT", path: "/api/v1/me/password", as: owner,
		body: map[string]any{"current_password": testPassword, "new_password": next}})
	for i := 0; i < policy.DefaultConfig().MaxFailsAccount; i++ {
		e.expect(http.StatusUnauthorized, signInRequest(owner.Email, "a stranger guessing", ""))
	}
	e.expect(http.StatusTooManyRequests, signInRequest(owner.Email, next, device))
}

// TestPasswordChangeBacksOff: wrong current passwords back off like
// sign-in, counted in the database (so across instances) and apart from
// sign-in failures.
func TestPasswordChangeBacksOff(t *testing.T) {
	addr := dbtest.Address(t)
	a := newEnvOn(t, dbtest.OpenAddress(t, addr), true)
	b := newEnvOn(t, dbtest.OpenAddress(t, addr), false)
	p := a.people[member]
	change := func(current string) request {
		return request{method: "PUT", path: "/api/v1/me/password", as: p,
			body: map[string]any{"current_password": current, "new_password": "a completely new passphrase"}}
	}
	for i := 0; i < policy.DefaultConfig().MaxFailsAccount; i++ {
		pr := a.expect(http.StatusBadRequest, change("not my password")).problem(t)
		if len(pr.Errors) == 0 || pr.Errors[0].Field != "current_password" {
			t.Fatalf("errors %+v", pr.Errors)
		}
	}
	for _, tc := range []struct {
		name    string
		on      *env
		current string
	}{
		{"wrong again, other instance", b, "not my password"},
		{"right password during the wait", a, testPassword},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.on.t = t
			res := tc.on.expect(http.StatusTooManyRequests, change(tc.current))
			res.problem(t)
			if s := retryAfter(t, res); s < 1 || s > 30 {
				t.Fatalf("Retry-After %d", s)
			}
		})
	}
	a.t = t
	// Signing in is a different subject: the owner is not slowed down there.
	a.expect(http.StatusCreated, signInRequest(p.Email, testPassword, ""))
}

// captured is a slog handler that keeps the records, for log assertions.
type captured struct {
	mu      sync.Mutex
	records []slog.Record
}

func (h *captured) Enabled(context.Context, slog.Level) bool { return true }
func (h *captured) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *captured) WithGroup(string) slog.Handler            { return h }
func (h *captured) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r)
	return nil
}

func (h *captured) warnings() []slog.Record {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []slog.Record
	for _, r := range h.records {
		if r.Level == slog.LevelWarn {
			out = append(out, r)
		}
	}
	return out
}

// TestUntrustedForwardingIsLoggedOnce: X-Forwarded-For from a peer that is
// not a trusted proxy is ignored and logged as a warning, once per server.
func TestUntrustedForwardingIsLoggedOnce(t *testing.T) {
	db := dbtest.Open(t)
	svc := policy.NewService(db, nil, cheapConfig())
	for _, tc := range []struct {
		name     string
		trusted  []string
		header   map[string]string
		warnings int
	}{
		{"untrusted peer sends X-Forwarded-For", nil, map[string]string{"X-Forwarded-For": "203.0.113.7"}, 1},
		{"no X-Forwarded-For", nil, nil, 0},
		{"trusted proxy", []string{"192.0.2.0/24"}, map[string]string{"X-Forwarded-For": "203.0.113.7"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := &captured{}
			srv, err := api.New(withCases(api.Deps{DB: db, Policy: svc, Scanner: testScanner(t), Log: slog.New(h), TrustedProxies: tc.trusted}))
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 3; i++ {
				for _, path := range []string{"/healthz", "/api/v1/me"} {
					serveRaw(srv, "GET", path, "", tc.header)
				}
			}
			got := h.warnings()
			if len(got) != tc.warnings {
				t.Fatalf("%d warnings, want %d", len(got), tc.warnings)
			}
			for _, r := range got {
				if !strings.Contains(r.Message, "--trusted-proxies") {
					t.Errorf("warning %q does not name the setting", r.Message)
				}
			}
		})
	}
}

// TestKnownDeviceExpires: a browser stays a known device for 90 days after
// its last sign-in, no longer.
func TestKnownDeviceExpires(t *testing.T) {
	e, clock := newClockEnv(t)
	owner := e.newPerson("oud", false)
	device := deviceCookie(t, e.expect(http.StatusCreated, signInRequest(owner.Email, testPassword, ""))).Value
	for _, tc := range []struct {
		name   string
		after  time.Duration
		status int
	}{
		{"89 days later", 89 * 24 * time.Hour, http.StatusCreated},
		{"91 days later", 91 * 24 * time.Hour, http.StatusTooManyRequests},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.t = t
			e.svc = policy.NewService(e.db, func() time.Time { return clock.Now().Add(tc.after) }, cheapConfig())
			srv, err := api.New(withCases(api.Deps{DB: e.db, Policy: e.svc, Scanner: testScanner(t)}))
			if err != nil {
				t.Fatal(err)
			}
			e.srv = srv
			for i := 0; i < policy.DefaultConfig().MaxFailsAccount; i++ {
				e.expect(http.StatusUnauthorized, signInRequest(owner.Email, "a stranger guessing", ""))
			}
			e.expect(tc.status, signInRequest(owner.Email, testPassword, device))
		})
	}
}
