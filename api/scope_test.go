package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/cases"
	"leerlus/cases/anonymise"
	"leerlus/dbtest"
	"leerlus/policy"
	"leerlus/review"
)

// TestObjectScopeDecidesByTheObjectsNetwork mounts a route keyed by an
// object id (as /cases/:case will be) and checks that the object's network
// decides: an object in a network where the caller has a role reaches the
// handler with that network and role in the access value; an object in
// another network, an unknown object and a malformed id all answer 404.
func TestObjectScopeDecidesByTheObjectsNetwork(t *testing.T) {
	ctx := context.Background()
	db := dbtest.Open(t)
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	svc := policy.NewService(db, nil, cfg)
	sys := policy.Actor{}
	name, region := "Werkplaats", "Regio"
	w, err := svc.CreateWorkplace(ctx, sys, policy.WorkplaceInput{Name: &name, Region: &region})
	if err != nil {
		t.Fatal(err)
	}
	mine, theirs := "Mijn netwerk", "Ander netwerk"
	own, err := svc.CreateNetwork(ctx, sys, w.ID, policy.NetworkInput{Name: &mine})
	if err != nil {
		t.Fatal(err)
	}
	other, err := svc.CreateNetwork(ctx, sys, w.ID, policy.NetworkInput{Name: &theirs})
	if err != nil {
		t.Fatal(err)
	}
	p, err := svc.CreatePerson(ctx, sys, policy.NewPerson{Email: "lid@example.org", Name: "Lid", Password: "een lang wachtwoord"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddMembership(ctx, sys, policy.Membership{NetworkID: own.ID, PersonID: p.ID, Role: policy.RoleMember,
		Perspective: policy.PerspectiveParent}); err != nil {
		t.Fatal(err)
	}
	in, err := svc.SignIn(ctx, "127.0.0.1", "lid@example.org", "een lang wachtwoord")
	if err != nil {
		t.Fatal(err)
	}
	scanner, err := anonymise.New()
	if err != nil {
		t.Fatal(err)
	}
	cs := cases.NewService(db, nil, svc.AuditLog(), scanner, make([]byte, 32))
	srv, err := New(Deps{DB: db, Policy: svc, Scanner: scanner, Cases: cs, Review: review.NewService(db, nil, svc.AuditLog(), cs)})
	if err != nil {
		t.Fatal(err)
	}

	// Objects and the networks they lie in, as a domain package would look them up.
	inOwn, inOther := leerlus.NewID(), leerlus.NewID()
	objects := map[string]string{inOwn: own.ID, inOther: other.ID}
	lookup := func(_ context.Context, id string) (string, error) {
		if n, ok := objects[id]; ok {
			return n, nil
		}
		return "", leerlus.NotFound("thing")
	}
	var seen leerlus.Access
	r := route{"GET", "/api/v1/things/:thing", "network.read", byObject("thing", lookup), func(c *gin.Context) error {
		seen = access(c)
		c.Status(http.StatusNoContent)
		return nil
	}}
	srv.byEndpoint[Endpoint{Method: r.method, Path: r.path}] = r
	srv.engine.Group("/api/v1", srv.limitBody, srv.authorize).GET("/things/:thing", srv.handle(r.handle))

	for _, tc := range []struct {
		name, id string
		status   int
	}{
		{"object in my network", inOwn, http.StatusNoContent},
		{"object in a network where I have no role", inOther, http.StatusNotFound},
		{"unknown object", leerlus.NewID(), http.StatusNotFound},
		{"malformed id", "nope", http.StatusNotFound},
	} {
		seen = leerlus.Access{}
		req := httptest.NewRequest("GET", "/api/v1/things/"+tc.id, nil)
		req.AddCookie(&http.Cookie{Name: SessionCookie, Value: in.Secret})
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, rec.Code, tc.status)
		}
		if tc.status == http.StatusNoContent && (seen.NetworkID != own.ID || seen.Role != string(policy.RoleMember) ||
			seen.Actor.PersonID != p.ID || seen.Scope != leerlus.ScopeAny) {
			t.Errorf("%s: access value %+v", tc.name, seen)
		}
	}
}
