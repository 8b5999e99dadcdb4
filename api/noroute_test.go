package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"leerlus/api"
	"leerlus/dbtest"
	"leerlus/frontend"
	"leerlus/policy"
)

// serveRaw sends a request straight to the server, bypassing the harness's
// OpenAPI check (these paths are not in the document on purpose).
func serveRaw(srv http.Handler, method, path string, body string, header map[string]string) *http.Response {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.RemoteAddr = "192.0.2.10:1234"
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec.Result()
}

// TestUnknownAPIPathsAreProblemsNeverTheWebApp: API-looking paths in any
// letter case or with extra slashes answer a 404 problem that is not
// cached, while other paths still reach the web app; a request line over
// 64 KiB is a 431 problem, not net/http's plain text.
func TestUnknownAPIPathsAreProblemsNeverTheWebApp(t *testing.T) {
	db := dbtest.Open(t)
	svc := policy.NewService(db, nil, cheapConfig())
	srv, err := api.New(withCases(api.Deps{DB: db, Policy: svc, Scanner: testScanner(t), UI: frontend.Handler()}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/api/v1/nothing-here", http.StatusNotFound},
		{"/api/v2/me", http.StatusNotFound},
		{"/api", http.StatusNotFound},
		{"/API", http.StatusNotFound},
		{"/Api/V1/me", http.StatusNotFound},
		{"/API/v1/session", http.StatusNotFound},
		{"/aPi/", http.StatusNotFound},
		{"//api/v1/me", http.StatusNotFound},
		{"/./API/v1/me", http.StatusNotFound},
		{"/api/v1/site?q=" + strings.Repeat("a", 70_000), http.StatusRequestHeaderFieldsTooLarge},
		{"/lessen?q=" + strings.Repeat("a", 70_000), http.StatusRequestHeaderFieldsTooLarge},
		{"/", http.StatusOK},
		{"/networks/abc", http.StatusOK},
		{"/apiary", http.StatusOK},
	} {
		t.Run(tc.path[:min(len(tc.path), 40)], func(t *testing.T) {
			res := serveRaw(srv, "GET", tc.path, "", nil)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.status)
			}
			if tc.status == http.StatusOK {
				return
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
				t.Fatalf("content type %q", ct)
			}
			if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
				t.Fatalf("Cache-Control %q, want no-store", cc)
			}
		})
	}
}

// TestTooLargeIsNotCached: the 413 that limitBody answers from the
// Content-Length alone carries no-store like every API answer.
func TestTooLargeIsNotCached(t *testing.T) {
	e := newEnv(t)
	big := strings.Repeat("a", api.MaxBodyBytes+1)
	for _, ep := range []struct{ method, path string }{
		{"POST", "/api/v1/session"},
		{"DELETE", "/api/v1/me/tokens/0190f3a0-0000-7000-8000-000000000000"},
	} {
		method, path := ep.method, ep.path
		res := serveRaw(e.srv, method, path, big, map[string]string{"Content-Type": "application/json"})
		if res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("%s: status %d, want 413", path, res.StatusCode)
		}
		if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
			t.Fatalf("%s: Cache-Control %q, want no-store", path, cc)
		}
	}
}
