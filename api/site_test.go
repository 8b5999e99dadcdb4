package api_test

import (
	"net/http"
	"testing"

	"leerlus/api"
	"leerlus/dbtest"
	"leerlus/policy"
)

// TestSite: the public texts are readable without signing in; texts the
// operator did not set are left out, so the app shows its defaults.
func TestSite(t *testing.T) {
	tests := []struct {
		name string
		site api.Site
		want map[string]string
	}{
		{"nothing configured", api.Site{}, map[string]string{}},
		{"all configured", api.Site{PrivacyStatement: "Wij bewaren weinig.\n\nVraag het ons.", AccessibilityStatement: "WCAG 2.1 AA.", Contact: "info@example.org"},
			map[string]string{"privacy_statement": "Wij bewaren weinig.\n\nVraag het ons.", "accessibility_statement": "WCAG 2.1 AA.", "contact": "info@example.org"}},
		{"only contact", api.Site{Contact: "Bel 058 123 4567"}, map[string]string{"contact": "Bel 058 123 4567"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := dbtest.Open(t)
			svc := policy.NewService(db, nil, cheapConfig())
			srv, err := api.New(withCases(api.Deps{DB: db, Policy: svc, Scanner: testScanner(t), Site: tt.site}))
			if err != nil {
				t.Fatal(err)
			}
			e := &env{t: t, db: db, svc: svc, srv: srv}
			res := e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/site"})
			got := map[string]string{}
			res.json(t, &got)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}
