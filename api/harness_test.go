package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"leerlus/cases"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"leerlus"
	"leerlus/api"
	"leerlus/cases/anonymise"
	"leerlus/dbtest"
	"leerlus/policy"
	"leerlus/review"
)

// testPassword is the password of every fixture account.
const testPassword = "correct horse battery staple"

// cheapConfig keeps argon2 fast in tests; the production cost is measured
// in the benchmarks instead.
func cheapConfig() policy.Config {
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	return cfg
}

// env is one API server on a fresh database with a few fixtures: two
// networks (own and other) in one workplace, and a person per role in the
// own network plus an administrator.
type env struct {
	t       testing.TB
	db      *leerlus.DB
	svc     *policy.Service
	cases   *cases.Service
	srv     *api.Server
	admin   *person
	people  map[string]*person // by subject: member, facilitator, researcher, manager, admin
	work    *policy.Workplace
	own     *policy.Network
	other   *policy.Network
	counter atomic.Int64
}

// person is a fixture account with a signed-in browser session.
type person struct {
	policy.Person
	cookie string
	csrf   string
}

func newEnv(t testing.TB) *env {
	t.Helper()
	db := dbtest.Open(t)
	return newEnvOn(t, db, true)
}

// newEnvOn builds a server on db; with fixtures it also creates the
// workplace, networks and people.
func newEnvOn(t testing.TB, db *leerlus.DB, fixtures bool) *env {
	t.Helper()
	svc := policy.NewService(db, nil, cheapConfig())
	deps := withCases(api.Deps{DB: db, Policy: svc, Scanner: testScanner(t)})
	srv, err := api.New(deps)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, db: db, svc: svc, cases: deps.Cases, srv: srv, people: map[string]*person{}}
	if !fixtures {
		return e
	}
	ctx := context.Background()
	sys := policy.Actor{ClientAddr: "test"}
	e.admin = e.newPerson("admin", true)
	e.people[policy.SubjectAdmin] = e.admin
	name, region := "Werkplaats Test", "Testregio"
	e.work = must(svc.CreateWorkplace(ctx, sys, policy.WorkplaceInput{Name: &name, Region: &region}))
	own, other := "Eigen netwerk", "Ander netwerk"
	e.own = must(svc.CreateNetwork(ctx, sys, e.work.ID, policy.NetworkInput{Name: &own}))
	e.other = must(svc.CreateNetwork(ctx, sys, e.work.ID, policy.NetworkInput{Name: &other}))
	for _, r := range policy.Roles {
		p := e.newPerson(string(r), false)
		e.addMember(p, e.own.ID, r)
		e.people[string(r)] = p
	}
	return e
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// unique returns a fresh suffix for names that must not repeat.
func (e *env) unique() string { return fmt.Sprint(e.counter.Add(1)) }

// newPerson creates an account and signs it in.
func (e *env) newPerson(label string, admin bool) *person {
	e.t.Helper()
	email := fmt.Sprintf("%s.%s@example.org", label, e.unique())
	p, err := e.svc.CreatePerson(context.Background(), policy.Actor{ClientAddr: "test"},
		policy.NewPerson{Email: email, Name: "Test " + label, Password: testPassword, IsAdmin: admin})
	if err != nil {
		e.t.Fatal(err)
	}
	out := &person{Person: *p}
	e.signIn(out)
	return out
}

// signIn gives p a new session.
func (e *env) signIn(p *person) {
	e.t.Helper()
	in, err := e.svc.SignIn(context.Background(), "192.0.2.1", p.Email, testPassword)
	if err != nil {
		e.t.Fatal(err)
	}
	p.cookie, p.csrf = in.Secret, in.Session.CSRFToken
}

func (e *env) addMember(p *person, networkID string, r policy.Role) *policy.Membership {
	e.t.Helper()
	m, err := e.svc.AddMembership(context.Background(), policy.Actor{ClientAddr: "test"},
		policy.Membership{NetworkID: networkID, PersonID: p.ID, Role: r, Perspective: policy.PerspectiveProfessional})
	if err != nil {
		e.t.Fatal(err)
	}
	return m
}

// request is one HTTP call in a test.
type request struct {
	method, path string
	body         any    // marshalled as JSON unless raw is set
	raw          []byte // sent as is
	contentType  string // default application/json when there is a body
	as           *person
	bearer       string
	noCSRF       bool
	header       map[string]string
}

// response is what came back.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r *response) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

func (r *response) problem(t testing.TB) api.Problem {
	t.Helper()
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Fatalf("status %d: content type %q, want application/problem+json; body %s", r.status, ct, r.body)
	}
	var p api.Problem
	r.json(t, &p)
	if p.Status != r.status || p.Type == "" || p.Title == "" {
		t.Fatalf("problem %+v does not match status %d", p, r.status)
	}
	return p
}

// do sends a request through the server, checks the pair against the
// OpenAPI document, and fails the test on any 5xx: no input may cause one.
func (e *env) do(r request) *response {
	e.t.Helper()
	var body []byte
	switch {
	case r.raw != nil:
		body = r.raw
	case r.body != nil:
		body = must(json.Marshal(r.body))
	}
	req := httptest.NewRequest(r.method, r.path, bytes.NewReader(body))
	req.RemoteAddr = "192.0.2.10:1234"
	if body != nil {
		ct := r.contentType
		if ct == "" {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	if r.as != nil {
		req.AddCookie(&http.Cookie{Name: api.SessionCookie, Value: r.as.cookie})
		if !r.noCSRF {
			req.Header.Set(api.CSRFHeader, r.as.csrf)
		}
	}
	if r.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+r.bearer)
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	res := rec.Result()
	out, _ := io.ReadAll(res.Body)
	resp := &response{status: res.StatusCode, header: res.Header, body: out}
	if resp.status >= 500 {
		e.t.Fatalf("%s %s answered %d: %s", r.method, r.path, resp.status, out)
	}
	vreq := req.Clone(context.Background())
	vreq.Body = io.NopCloser(bytes.NewReader(body))
	checkOpenAPI(e.t, vreq, body, resp.status, resp.header, resp.body)
	return resp
}

// expect sends a request and fails unless the status is want.
func (e *env) expect(want int, r request) *response {
	e.t.Helper()
	res := e.do(r)
	if res.status != want {
		e.t.Fatalf("%s %s: status %d, want %d; body %s", r.method, r.path, res.status, want, res.body)
	}
	return res
}

// scanner is loaded once per test binary: its lists are immutable.
var scanner = sync.OnceValues(anonymise.New)

func testScanner(t testing.TB) *anonymise.Scanner {
	s, err := scanner()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newClockedEnv is an env without fixtures whose service runs on a clock
// the test moves.
func newClockedEnv(t *testing.T) (*env, *fixedNow, policy.Config) {
	t.Helper()
	db := dbtest.Open(t)
	clock := newClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	cfg := cheapConfig()
	svc := policy.NewService(db, clock.Now, cfg)
	srv, err := api.New(withCases(api.Deps{DB: db, Policy: svc, Scanner: testScanner(t)}))
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, db: db, svc: svc, srv: srv}, clock, cfg
}

// fixedNow is a clock tests can move.
type fixedNow struct{ t atomic.Int64 }

func newClock(start time.Time) *fixedNow {
	c := &fixedNow{}
	c.t.Store(start.UnixNano())
	return c
}

func (c *fixedNow) Now() time.Time          { return time.Unix(0, c.t.Load()).UTC() }
func (c *fixedNow) Advance(d time.Duration) { c.t.Add(int64(d)) }

// pageAll is a page large enough for every fixture list.
var pageAll = leerlus.Page{Limit: leerlus.MaxLimit}

// withCases adds the case and review services on the deps' database.
func withCases(d api.Deps) api.Deps {
	d.Cases = cases.NewService(d.DB, nil, d.Policy.AuditLog(), d.Scanner, []byte("a test key of thirty-two bytes!!"))
	d.Review = review.NewService(d.DB, nil, d.Policy.AuditLog(), d.Cases)
	return d
}
