package api_test

import (
	"net/http"
	"testing"
)

// TestLookAlikeEmailsAreFieldErrors: addresses that mix scripts answer 400
// naming "email" where they enter over HTTP.
func TestLookAlikeEmailsAreFieldErrors(t *testing.T) {
	e := newEnv(t)
	lookAlike := "pau\u04cf@example.org" // Cyrillic palochka for l
	for _, req := range []request{
		{method: "POST", path: "/api/v1/session", body: map[string]any{"email": lookAlike, "password": testPassword}},
		{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/invitations", as: e.admin,
			body: map[string]any{"email": lookAlike, "role": "member", "perspective": "ouder"}},
	} {
		p := e.expect(http.StatusBadRequest, req).problem(t)
		if len(p.Errors) != 1 || p.Errors[0].Field != "email" {
			t.Fatalf("%s %s: errors %+v, want one for email", req.method, req.path, p.Errors)
		}
	}
}
