package api_test

import (
	"strings"
	"testing"

	"leerlus/policy"
)

// TestResearchScopeRule: pattern queries, search and exports decide the
// networks they reach by one rule (docs/research.md, "Which networks"). A
// named network where the caller is not a member — or that does not
// exist — is 404; one where they are a member without the role the read
// needs is 403; nothing named reads every research network. Facilitators
// and managers read their own network alone with the aggregates and
// search, never with exports.
func TestResearchScopeRule(t *testing.T) {
	e := newEnv(t)
	res := e.people[researcher] // researcher in own
	second, memberNet, facNet := e.freshNetwork(), e.freshNetwork(), e.freshNetwork()
	e.addMember(res, second.ID, policy.RoleResearcher)
	e.addMember(res, memberNet.ID, policy.RoleMember)
	e.addMember(res, facNet.ID, policy.RoleFacilitator)
	stranger := e.other.ID // a network where the researcher has no role
	const unknown = "0190f3a0-0000-7000-8000-000000000000"
	twoFacs := e.newPerson("facilitator", false)
	e.addMember(twoFacs, e.own.ID, policy.RoleFacilitator)
	e.addMember(twoFacs, second.ID, policy.RoleManager)

	// Each family's path for the named networks, in its own syntax:
	// exports repeat the parameter, the others separate by commas.
	families := []struct {
		name string
		path func(networks []string) string
	}{
		{"patterns", func(ns []string) string { return "/api/v1/patterns/codes" + commaNetworks("?", ns) }},
		{"search", func(ns []string) string { return "/api/v1/search?q=hulp" + commaNetworks("&", ns) }},
		{"exports", func(ns []string) string {
			q := ""
			for i, n := range ns {
				q += map[bool]string{true: "?", false: "&"}[i == 0] + "networks=" + n
			}
			return "/api/v1/exports/codings.csv" + q
		}},
	}
	cases := []struct {
		name     string
		as       *person
		networks []string
		want     [3]int // patterns, search, exports
	}{
		{"all research networks", res, nil, [3]int{200, 200, 200}},
		{"one research network", res, []string{second.ID}, [3]int{200, 200, 200}},
		{"two research networks", res, []string{e.own.ID, second.ID}, [3]int{200, 200, 200}},
		{"the same network twice", res, []string{second.ID, second.ID}, [3]int{400, 400, 400}},
		{"a network without a membership", res, []string{stranger}, [3]int{404, 404, 404}},
		{"a network that does not exist", res, []string{unknown}, [3]int{404, 404, 404}},
		{"with a network without a membership", res, []string{e.own.ID, stranger}, [3]int{404, 404, 404}},
		{"a network where the caller is a member", res, []string{memberNet.ID}, [3]int{403, 403, 403}},
		{"with a network where the caller is a member", res, []string{e.own.ID, memberNet.ID}, [3]int{403, 403, 403}},
		{"not found before forbidden", res, []string{memberNet.ID, stranger}, [3]int{404, 404, 404}},
		{"the caller's own network as facilitator, alone", res, []string{facNet.ID}, [3]int{200, 200, 403}},
		{"the own network with a research network", res, []string{e.own.ID, facNet.ID}, [3]int{403, 403, 403}},
		{"a facilitator, nothing named", e.people[facilitator], nil, [3]int{200, 200, 403}},
		{"a manager, their network named", e.people[manager], []string{e.own.ID}, [3]int{200, 200, 403}},
		{"a facilitator of two networks names none", twoFacs, nil, [3]int{400, 400, 403}},
		{"a facilitator of two networks names one", twoFacs, []string{second.ID}, [3]int{200, 200, 403}},
		{"a member", e.people[member], nil, [3]int{403, 403, 403}},
		{"a member names their network", e.people[member], []string{e.own.ID}, [3]int{403, 403, 403}},
		{"an administrator without a role", e.admin, nil, [3]int{403, 403, 403}},
		{"an administrator names a network", e.admin, []string{e.own.ID}, [3]int{404, 404, 404}},
	}
	for _, c := range cases {
		for i, f := range families {
			r := e.do(request{method: "GET", path: f.path(c.networks), as: c.as})
			if r.status != c.want[i] {
				t.Errorf("%s, %s: status %d, want %d; body %.200s", f.name, c.name, r.status, c.want[i], r.body)
			} else if r.status != 200 {
				r.problem(t)
			}
		}
	}
}

func commaNetworks(sep string, networks []string) string {
	if len(networks) == 0 {
		return ""
	}
	return sep + "networks=" + strings.Join(networks, ",")
}
