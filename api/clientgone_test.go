package api_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"leerlus/api"
	"leerlus/dbtest"
	"leerlus/policy"
)

// A request whose client went away while it ran is not a server fault:
// it ends with 499 and no error line, where it used to log "internal
// error" with a 500 (seen under load when the load generator stopped).
// The request writes: on SQLite reads outside a transaction run to the
// end whatever the client does (leerlus.DB's readContext), a transaction
// stops.
func TestClientGoneIsNotAServerError(t *testing.T) {
	var logs bytes.Buffer
	db := dbtest.Open(t)
	svc := policy.NewService(db, nil, cheapConfig())
	deps := withCases(api.Deps{DB: db, Policy: svc, Scanner: testScanner(t),
		Log: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))})
	srv, err := api.New(deps)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, db: db, svc: svc, cases: deps.Cases, review: deps.Review, srv: srv, people: map[string]*person{}}
	p := e.newPerson("gone", false)

	for _, tc := range []struct {
		name   string
		cancel bool
		want   int
	}{
		{"client still there", false, http.StatusOK},
		{"client gone", true, 499},
	} {
		t.Run(tc.name, func(t *testing.T) {
			logs.Reset()
			ctx, cancel := context.WithCancel(context.Background())
			if tc.cancel {
				cancel()
			}
			defer cancel()
			req := httptest.NewRequestWithContext(ctx, http.MethodPatch, "/api/v1/me", strings.NewReader(`{"name":"Nieuwe naam"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set(api.CSRFHeader, p.csrf)
			req.AddCookie(&http.Cookie{Name: "leerlus_session", Value: p.cookie})
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Fatalf("status %d, want %d; body %s", rec.Code, tc.want, rec.Body)
			}
			if strings.Contains(logs.String(), `"level":"ERROR"`) {
				t.Errorf("logged an error: %s", logs.String())
			}
			if !strings.Contains(logs.String(), `"status":`+strconv.Itoa(tc.want)) {
				t.Errorf("request line lacks status %d: %s", tc.want, logs.String())
			}
		})
	}
}
