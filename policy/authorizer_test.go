package policy_test

import (
	"reflect"
	"testing"

	"leerlus"
	"leerlus/policy"
)

func TestAuthorizerDecisions(t *testing.T) {
	const (
		members  policy.Permission = "members.read"
		account  policy.Permission = "account.edit"
		network  policy.Permission = "network.read"
		unlisted policy.Permission = "secret.read"
	)
	a, err := policy.NewAuthorizer([]policy.Permission{members, account, network, unlisted})
	if err != nil {
		t.Fatal(err)
	}
	anyScope := policy.Decision{Allowed: true, Scope: leerlus.ScopeAny}
	for _, tc := range []struct {
		name     string
		subjects []string
		p        policy.Permission
		want     policy.Decision
	}{
		{"facilitator sees members", []string{"facilitator", "user", "anonymous"}, members, anyScope},
		{"member does not", []string{"member", "user", "anonymous"}, members, policy.Decision{}},
		{"admin without role does, through the steward role", []string{"admin", "user", "anonymous"}, members, anyScope},
		{"every role takes part in its network", []string{"researcher", "user", "anonymous"}, network, anyScope},
		{"signed in edits own account", []string{"user", "anonymous"}, account, policy.Decision{Allowed: true, Scope: leerlus.ScopeOwn}},
		{"anonymous does not", []string{"anonymous"}, account, policy.Decision{}},
		{"a permission missing from the policy is denied to all", []string{"admin", "facilitator", "user", "anonymous"}, unlisted, policy.Decision{}},
	} {
		if got := a.Decide(tc.subjects, tc.p); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if missing := a.Uncovered([]policy.Permission{members, unlisted}); len(missing) != 1 || missing[0] != unlisted {
		t.Errorf("Uncovered = %v, want only the unlisted permission", missing)
	}
	if got := a.RolesGranting(members); !reflect.DeepEqual(got, []policy.Role{policy.RoleFacilitator}) {
		t.Errorf("RolesGranting(members.read) = %v, want facilitator only", got)
	}
	got := a.Permitted([]string{"member", "user", "anonymous"}, []policy.Permission{members, network, account})
	if want := []policy.Permission{account, network}; !reflect.DeepEqual(got, want) {
		t.Errorf("Permitted(member) = %v, want %v", got, want)
	}
}

func TestAccessReachesOwnObjectsOnly(t *testing.T) {
	own := leerlus.Access{Actor: leerlus.Actor{PersonID: "p1"}, Scope: leerlus.ScopeOwn}
	anyone := leerlus.Access{Actor: leerlus.Actor{PersonID: "p1"}, Scope: leerlus.ScopeAny}
	for _, tc := range []struct {
		name   string
		access leerlus.Access
		owner  string
		want   bool
	}{
		{"own scope, own object", own, "p1", true},
		{"own scope, another's object", own, "p2", false},
		{"own scope, ownerless object", own, "", false},
		{"any scope", anyone, "p2", true},
		{"no decision", leerlus.Access{Actor: leerlus.Actor{PersonID: "p1"}}, "p1", false},
	} {
		if got := tc.access.MayActOn(tc.owner); got != tc.want {
			t.Errorf("%s: MayActOn = %v, want %v", tc.name, got, tc.want)
		}
	}
	if err := own.CheckOwner("p2", "case", false); !leerlus.IsCode(err, leerlus.CodeNotFound) {
		t.Errorf("another's invisible draft: %v, want not found", err)
	}
	if err := own.CheckOwner("p2", "case", true); !leerlus.IsCode(err, leerlus.CodeForbidden) {
		t.Errorf("another's visible object: %v, want forbidden", err)
	}
}
