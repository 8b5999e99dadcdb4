package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkRequest is one whole GET request through the router, one at a
// time, on the fixture of BenchmarkAuthorize (1,000 networks, 10,000
// memberships): the middleware, the caller lookup, the handler's query and
// the JSON answer. The network's member list has 11 rows; its case list
// 8 published cases, each list with its audit entry committed. The load
// benchmark (cmd/loadbench) measures the same paths over real connections.
func BenchmarkRequest(b *testing.B) {
	f := newBenchFixture(b)
	for _, path := range []struct{ name, path string }{
		{"healthz", "/healthz"},
		{"me", "/api/v1/me"},
		{"members", "/api/v1/networks/" + f.network + "/members"},
		{"invitations", "/api/v1/networks/" + f.network + "/invitations"},
		{"cases", "/api/v1/networks/" + f.network + "/cases"},
	} {
		b.Run(path.name, func(b *testing.B) {
			b.ReportAllocs()
			report := reportCPU(b)
			for b.Loop() {
				req := httptest.NewRequest("GET", path.path, nil)
				req.AddCookie(&http.Cookie{Name: SessionCookie, Value: f.cookie})
				w := httptest.NewRecorder()
				f.srv.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d: %s", w.Code, w.Body.String())
				}
			}
			report()
		})
	}
}
