package api_test

import (
	"net/http"
	"testing"
)

// TestNetworkListAndDetailAgree: the list of a workplace's networks shows
// a network exactly when its own route answers 200 for the caller. Admins
// see every network; anyone else only networks where they hold a role.
func TestNetworkListAndDetailAgree(t *testing.T) {
	e := newEnv(t)
	outsider := e.newPerson("buiten", false)
	both := e.newPerson("beide", false)
	e.addMember(both, e.own.ID, "member")
	e.addMember(both, e.other.ID, "researcher")
	for _, tc := range []struct {
		name string
		as   *person
		want []string
	}{
		{"admin sees every network", e.admin, []string{e.own.ID, e.other.ID}},
		{"member sees only their network", e.people[member], []string{e.own.ID}},
		{"facilitator sees only their network", e.people[facilitator], []string{e.own.ID}},
		{"a role in two networks shows both", both, []string{e.own.ID, e.other.ID}},
		{"no role shows none", outsider, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.t = t
			var list struct {
				Items []struct {
					ID   string `json:"id"`
					Name string `json:"name"`
				} `json:"items"`
			}
			e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/workplaces/" + e.work.ID + "/networks", as: tc.as}).json(t, &list)
			var got []string
			for _, n := range list.Items {
				got = append(got, n.ID)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("listed %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("listed %v, want %v", got, tc.want)
				}
			}
			for _, id := range []string{e.own.ID, e.other.ID} {
				status := http.StatusNotFound
				if contains(tc.want, id) {
					status = http.StatusOK
				}
				e.expect(status, request{method: "GET", path: "/api/v1/networks/" + id, as: tc.as})
			}
		})
	}
}
