package api

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"leerlus"
	"leerlus/cases"
	"leerlus/cases/anonymise"
	"leerlus/dbtest"
	"leerlus/internal/procstat"
	"leerlus/policy"
	"leerlus/review"
)

// benchFixture is a database with 1,000 networks and 10,000 memberships
// (2,000 people in 5 networks each) and one signed-in caller.
type benchFixture struct {
	srv     *Server
	svc     *policy.Service
	cookie  string
	network string // a network where the caller is facilitator
}

func newBenchFixture(b *testing.B) *benchFixture {
	b.Helper()
	db := dbtest.Open(b)
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	svc := policy.NewService(db, nil, cfg)
	ctx := context.Background()
	now := time.Now().UTC()
	id := func() string { return uuid.Must(uuid.NewV7()).String() }
	name, region := "Bench", "Regio"
	w, err := svc.CreateWorkplace(ctx, policy.Actor{}, policy.WorkplaceInput{Name: &name, Region: &region})
	if err != nil {
		b.Fatal(err)
	}
	networks := make([]policy.Network, 1000)
	for i := range networks {
		networks[i] = policy.Network{ID: id(), WorkplaceID: w.ID, Name: fmt.Sprint("Netwerk ", i), CreatedAt: now, UpdatedAt: now, Version: 1}
	}
	people := make([]policy.Person, 2000)
	for i := range people {
		people[i] = policy.Person{ID: id(), Email: fmt.Sprintf("p%d@example.org", i), Name: "P", PasswordHash: "x", CreatedAt: now, UpdatedAt: now, Version: 1}
	}
	var ms []policy.Membership
	for i, p := range people {
		for k := 0; k < 5; k++ {
			ms = append(ms, policy.Membership{ID: id(), NetworkID: networks[(i*5+k)%1000].ID, PersonID: p.ID,
				Role: policy.Roles[k%4], Perspective: policy.PerspectiveProfessional, CreatedAt: now, UpdatedAt: now, Version: 1})
		}
	}
	g := db.Gorm
	for _, batch := range []any{&networks, &people, &ms} {
		if err := g.CreateInBatches(batch, 200).Error; err != nil {
			b.Fatal(err)
		}
	}
	caller, err := svc.CreatePerson(ctx, policy.Actor{}, policy.NewPerson{Email: "caller@example.org", Name: "Caller", Password: "benchmark password"})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := svc.AddMembership(ctx, policy.Actor{}, policy.Membership{NetworkID: networks[500].ID, PersonID: caller.ID,
		Role: policy.RoleFacilitator, Perspective: policy.PerspectiveProfessional}); err != nil {
		b.Fatal(err)
	}
	srv, in := signedInServer(b, db, svc, "caller@example.org")
	// The network's case list, as in the demo: eight published cases.
	seedListCases(b, srv.Cases, networks[500].ID, people[0].ID, caller.ID)
	return &benchFixture{srv: srv, svc: svc, cookie: in.Secret, network: networks[500].ID}
}

// signedInServer signs in the person with email (password "benchmark
// password") and returns a Server on db with a real anonymiser.
func signedInServer(b *testing.B, db *leerlus.DB, svc *policy.Service, email string) (*Server, *policy.SignedIn) {
	b.Helper()
	in, err := svc.SignIn(context.Background(), "127.0.0.1", email, "benchmark password")
	if err != nil {
		b.Fatal(err)
	}
	scanner, err := anonymise.New()
	if err != nil {
		b.Fatal(err)
	}
	caseSvc := cases.NewService(db, nil, svc.AuditLog(), scanner, []byte("a bench key of thirty-two bytes!"))
	srv, err := New(Deps{DB: db, Policy: svc, Scanner: scanner, Cases: caseSvc,
		Review: review.NewService(db, nil, svc.AuditLog(), caseSvc)})
	if err != nil {
		b.Fatal(err)
	}
	return srv, in
}

func (f *benchFixture) context() *gin.Context {
	req := httptest.NewRequest("GET", "/api/v1/networks/"+f.network+"/members", nil)
	req.AddCookie(&http.Cookie{Name: SessionCookie, Value: f.cookie})
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	c.Request = req
	c.Params = gin.Params{{Key: "network", Value: f.network}}
	return c
}

// BenchmarkAuthorize is the whole authorization middleware for one
// request: caller from the session cookie, role from the memberships
// table, casbin decision.
func BenchmarkAuthorize(b *testing.B) {
	f := newBenchFixture(b)
	route := "/api/v1/networks/:network/members"
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := f.context()
		if !f.srv.authorizeRoute(c, route) {
			b.Fatalf("denied: %d", c.Writer.Status())
		}
	}
}

// resolvedAccess answers the middleware's lookup with the result read from
// the real database beforehand, so that BenchmarkAuthorizeOverhead measures
// what the middleware costs beyond that lookup.
type resolvedAccess struct{ access *policy.Credentials }

func (r resolvedAccess) SessionAccess(context.Context, string, string) (*policy.Credentials, error) {
	return r.access, nil
}

func (r resolvedAccess) TokenAccess(context.Context, string, string) (*policy.Credentials, error) {
	return r.access, nil
}

// BenchmarkAuthorizeOverhead is the middleware beyond the database: cookie
// parsing, subjects, the casbin decision, the CSRF check and the context
// values, with the lookup answered from its real earlier result.
func BenchmarkAuthorizeOverhead(b *testing.B) {
	f := newBenchFixture(b)
	acc, err := f.svc.SessionAccess(context.Background(), f.cookie, f.network)
	if err != nil {
		b.Fatal(err)
	}
	f.srv.access = resolvedAccess{access: acc}
	route := "/api/v1/networks/:network/members"
	c := f.context()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Keys = nil
		if !f.srv.authorizeRoute(c, route) {
			b.Fatalf("denied: %d", c.Writer.Status())
		}
	}
}

// BenchmarkCallerLookup is the database part alone: the one query the
// middleware makes (session with person, network and role in it), on a
// prepared statement on the reader pool.
func BenchmarkCallerLookup(b *testing.B) {
	f := newBenchFixture(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b)()
	for i := 0; i < b.N; i++ {
		acc, err := f.svc.SessionAccess(ctx, f.cookie, f.network)
		if err != nil {
			b.Fatal(err)
		}
		if acc.Network.Role != policy.RoleFacilitator {
			b.Fatalf("role %q", acc.Network.Role)
		}
	}
}

// reportCPU measures the process's CPU time (user and system, all threads)
// until the returned function runs, and reports it per operation as
// cpu-µs/op. On a machine shared with other work the wall time per
// operation grows with their load; the CPU time grows much less.
func reportCPU(b *testing.B) func() {
	start := procstat.ProcessCPU()
	return func() {
		b.ReportMetric(float64((procstat.ProcessCPU()-start).Nanoseconds())/1e3/float64(b.N), "cpu-µs/op")
	}
}

// BenchmarkCallerLookupParallel is BenchmarkCallerLookup from several
// goroutines at once, as concurrent requests make it: the reader pool's
// connections answer side by side.
func BenchmarkCallerLookupParallel(b *testing.B) {
	f := newBenchFixture(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := f.svc.SessionAccess(ctx, f.cookie, f.network); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkDecide is the casbin decision alone, over the real route table.
func BenchmarkDecide(b *testing.B) {
	f := newBenchFixture(b)
	subjects := (&policy.Caller{PersonID: "x"}).Subjects(policy.RoleFacilitator)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if !f.srv.authz.Decide(subjects, "members.read").Allowed {
			b.Fatal("denied")
		}
	}
}

// seedListCases publishes eight short cases in a network, good, stuck and
// mixed, for the case list of BenchmarkRequest.
func seedListCases(b *testing.B, svc *cases.Service, network, author, fac string) {
	b.Helper()
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	outcomes := []string{"good", "stuck", "mixed"}
	batch := make([]cases.SeedCase, 8)
	for i := range batch {
		batch[i] = cases.SeedCase{NetworkID: network, AuthorID: author, PublishedBy: fac,
			Title: fmt.Sprint("Traject ", i+1, ": de overdracht naar de nieuwe school"), Outcome: outcomes[i%3],
			AgeBand: "12-18", Duration: "1_2y", Summary: "Samenvatting.", Start: cases.Period{Year: 2024, Quarter: 1 + i%4},
			Services: []string{"youth_care", "education"}, At: at.Add(time.Duration(i) * time.Hour),
			Episodes: []cases.SeedEpisode{{Phase: "access", WhatHappened: "Aangemeld.", Duration: "1_4w", Effect: "helped"}}}
	}
	if err := svc.Seed(context.Background(), batch); err != nil {
		b.Fatal(err)
	}
}
