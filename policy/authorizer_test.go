package policy_test

import (
	"testing"

	"leerlus/policy"
)

func TestAuthorizerDecisions(t *testing.T) {
	members := policy.Endpoint{Method: "GET", Path: "/api/v1/networks/:network/members"}
	me := policy.Endpoint{Method: "PATCH", Path: "/api/v1/me"}
	unlisted := policy.Endpoint{Method: "GET", Path: "/api/v1/secret"}
	a, err := policy.NewAuthorizer([]policy.Endpoint{members, me, unlisted})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		subjects []string
		ep       policy.Endpoint
		want     policy.Decision
	}{
		{"facilitator sees members", []string{"facilitator", "user", "anonymous"}, members, policy.Decision{Allowed: true, Scope: policy.ScopeAny}},
		{"member does not", []string{"member", "user", "anonymous"}, members, policy.Decision{}},
		{"admin without role does", []string{"admin", "user", "anonymous"}, members, policy.Decision{Allowed: true, Scope: policy.ScopeAny}},
		{"signed in edits own account", []string{"user", "anonymous"}, me, policy.Decision{Allowed: true, Scope: policy.ScopeOwn}},
		{"anonymous does not", []string{"anonymous"}, me, policy.Decision{}},
		{"a route missing from the policy is denied to all", []string{"admin", "facilitator", "user", "anonymous"}, unlisted, policy.Decision{}},
	} {
		if got := a.Decide(tc.subjects, tc.ep.Method, tc.ep.Path); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if missing := a.Covered([]policy.Endpoint{members, unlisted}); len(missing) != 1 || missing[0] != unlisted {
		t.Errorf("Covered = %v, want only the unlisted route", missing)
	}
}

func TestDecisionPermitsOwnObjectsOnly(t *testing.T) {
	own := policy.Decision{Allowed: true, Scope: policy.ScopeOwn}
	any := policy.Decision{Allowed: true, Scope: policy.ScopeAny}
	if !own.Permits("p1", "p1") || own.Permits("p2", "p1") {
		t.Error("own scope must permit exactly the owner")
	}
	if !any.Permits("p2", "p1") || (policy.Decision{}).Permits("p1", "p1") {
		t.Error("any scope permits all; no decision permits nothing")
	}
}
