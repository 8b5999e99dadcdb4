package api_test

import (
	"net/http"
	"slices"
	"testing"

	"leerlus/api"
	"leerlus/policy"
)

// TestMeListsPermissionsPerNetwork checks that GET /me reports exactly what
// the middleware then allows, so the web app can show buttons from it.
func TestMeListsPermissionsPerNetwork(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		who               string
		inOwn, notInOwn   []policy.Permission
		global, notGlobal []policy.Permission
		everyNetwork      []policy.Permission
	}{
		{who: member, inOwn: []policy.Permission{"network.read"}, notInOwn: []policy.Permission{"members.read", "members.manage", "invitations.manage"},
			global: []policy.Permission{"account.edit", "workplaces.read"}, notGlobal: []policy.Permission{"audit.read", "people.manage"}},
		{who: facilitator, inOwn: []policy.Permission{"network.read", "members.read", "members.manage", "invitations.manage"},
			notInOwn: []policy.Permission{"network.edit"}, notGlobal: []policy.Permission{"audit.read"}},
		{who: researcher, inOwn: []policy.Permission{"network.read"}, notInOwn: []policy.Permission{"members.read"}},
		{who: admin, global: []policy.Permission{"audit.read", "people.manage", "workplaces.manage"},
			everyNetwork: []policy.Permission{"members.manage", "invitations.manage", "network.edit", "network.read"}},
	} {
		var me api.MeBody
		e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/me", as: e.people[tc.who]}).json(t, &me)
		var own []policy.Permission
		for _, m := range me.Memberships {
			if m.Network.ID == e.own.ID {
				own = m.Permissions
			}
		}
		check := func(what string, list []policy.Permission, want, wantNot []policy.Permission) {
			for _, p := range want {
				if !slices.Contains(list, p) {
					t.Errorf("%s: %s lacks %s (has %v)", tc.who, what, p, list)
				}
			}
			for _, p := range wantNot {
				if slices.Contains(list, p) {
					t.Errorf("%s: %s has %s", tc.who, what, p)
				}
			}
		}
		check("own network", own, tc.inOwn, tc.notInOwn)
		check("global", me.Permissions, tc.global, tc.notGlobal)
		check("every network", me.EveryNetworkPermissions, tc.everyNetwork, nil)
		if tc.who != admin && len(me.EveryNetworkPermissions) != 0 {
			t.Errorf("%s: may act in every network: %v", tc.who, me.EveryNetworkPermissions)
		}
	}
}
