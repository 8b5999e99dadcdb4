package api_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"leerlus"

	"leerlus/api"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
)

// The permission matrix, written out by hand from the domain's table
// (shared/guide/domain.md) rather than read from policy.csv, so that the
// policy file is checked against the specification and not against itself.
//
// allow lists the subjects that may call a route: anonymous, user (anyone
// signed in), the network roles, admin. ok is the status of a successful
// call; build prepares a valid call for one caller in one network.
type matrixRoute struct {
	method, path string
	allow        []string
	ok           int
	build        func(e *env, as *person, network string) request
}

const (
	anyone = "anonymous"
	user   = "user"
	admin  = "admin"
)

var (
	member      = string(policy.RoleMember)
	facilitator = string(policy.RoleFacilitator)
	researcher  = string(policy.RoleResearcher)
	manager     = string(policy.RoleManager)
	allRoles    = []string{member, facilitator, researcher, manager, admin}
	// participants are the network roles (not administrators).
	participants = []string{member, facilitator, researcher, manager}
)

// get is a build for a plain GET of a path with :network filled in.
func get(path string) func(*env, *person, string) request {
	return func(e *env, as *person, network string) request {
		return request{method: "GET", path: strings.ReplaceAll(path, ":network", network), as: as}
	}
}

func matrix() []matrixRoute {
	return []matrixRoute{
		{"GET", "/healthz", []string{anyone}, 200, get("/healthz")},
		{"GET", "/readyz", []string{anyone}, 200, get("/readyz")},
		{"GET", "/api/v1/openapi.json", []string{anyone}, 200, get("/api/v1/openapi.json")},
		{"GET", "/api/v1/site", []string{anyone}, 200, get("/api/v1/site")},

		{"POST", "/api/v1/session", []string{anyone}, 201, func(e *env, as *person, _ string) request {
			p := e.newPerson("signin", false)
			return request{method: "POST", path: "/api/v1/session", body: map[string]any{"email": p.Email, "password": testPassword}, as: as}
		}},
		{"GET", "/api/v1/session", []string{user}, 200, get("/api/v1/session")},
		{"DELETE", "/api/v1/session", []string{user}, 204, func(e *env, as *person, _ string) request {
			if as == nil {
				return request{method: "DELETE", path: "/api/v1/session"}
			}
			fresh := &person{Person: as.Person}
			e.signIn(fresh) // end a second session, keep the fixture's
			return request{method: "DELETE", path: "/api/v1/session", as: fresh}
		}},
		{"GET", "/api/v1/me", []string{user}, 200, get("/api/v1/me")},
		{"PATCH", "/api/v1/me", []string{user}, 200, func(e *env, as *person, _ string) request {
			return request{method: "PATCH", path: "/api/v1/me", body: map[string]any{"name": "Nieuwe naam"}, as: as}
		}},
		{"PUT", "/api/v1/me/password", []string{user}, 204, func(e *env, as *person, _ string) request {
			return request{method: "PUT", path: "/api/v1/me/password", as: as,
				body: map[string]any{"current_password": testPassword, "new_password": testPassword}}
		}},
		{"GET", "/api/v1/me/tokens", []string{user}, 200, get("/api/v1/me/tokens")},
		{"POST", "/api/v1/me/tokens", []string{user}, 201, func(e *env, as *person, _ string) request {
			return request{method: "POST", path: "/api/v1/me/tokens", body: map[string]any{"name": "script", "expires_in_days": 30}, as: as}
		}},
		{"DELETE", "/api/v1/me/tokens/:token", []string{user}, 204, func(e *env, as *person, _ string) request {
			id := "00000000-0000-7000-8000-000000000000"
			if as != nil {
				t, _, err := e.svc.CreateToken(context.Background(), policy.Actor{PersonID: as.ID}, policy.NewToken{Name: "x", ExpiresInDays: 1})
				if err != nil {
					e.t.Fatal(err)
				}
				id = t.ID
			}
			return request{method: "DELETE", path: "/api/v1/me/tokens/" + id, as: as}
		}},

		{"POST", "/api/v1/scan", []string{user}, 200, func(e *env, as *person, _ string) request {
			return request{method: "POST", path: "/api/v1/scan", as: as, body: map[string]any{"text": "Jan belde 06-12345678."}}
		}},

		{"GET", "/api/v1/case-vocabulary", []string{user}, 200, get("/api/v1/case-vocabulary")},
		{"GET", "/api/v1/workplaces", []string{user}, 200, get("/api/v1/workplaces")},
		{"POST", "/api/v1/workplaces", []string{admin}, 201, func(e *env, as *person, _ string) request {
			return request{method: "POST", path: "/api/v1/workplaces", as: as,
				body: map[string]any{"name": "Werkplaats " + e.unique(), "region": "Regio", "description": "Een test."}}
		}},
		{"GET", "/api/v1/workplaces/:workplace", []string{user}, 200, func(e *env, as *person, _ string) request {
			return request{method: "GET", path: "/api/v1/workplaces/" + e.work.ID, as: as}
		}},
		{"PATCH", "/api/v1/workplaces/:workplace", []string{admin}, 200, func(e *env, as *person, _ string) request {
			w := e.freshWorkplace()
			return request{method: "PATCH", path: "/api/v1/workplaces/" + w.ID, as: as, body: map[string]any{"region": "Andere regio", "version": w.Version}}
		}},
		{"GET", "/api/v1/workplaces/:workplace/organisations", []string{user}, 200, func(e *env, as *person, _ string) request {
			return request{method: "GET", path: "/api/v1/workplaces/" + e.work.ID + "/organisations", as: as}
		}},
		{"POST", "/api/v1/workplaces/:workplace/organisations", []string{admin}, 201, func(e *env, as *person, _ string) request {
			return request{method: "POST", path: "/api/v1/workplaces/" + e.work.ID + "/organisations", as: as,
				body: map[string]any{"name": "Organisatie " + e.unique(), "kind": "school"}}
		}},
		{"PATCH", "/api/v1/workplaces/:workplace/organisations/:organisation", []string{admin}, 200, func(e *env, as *person, _ string) request {
			o := must(e.svc.CreateOrganisation(context.Background(), policy.Actor{}, e.work.ID,
				policy.NewOrganisation{Name: "Organisatie " + e.unique(), Kind: policy.KindSchool}))
			return request{method: "PATCH", path: "/api/v1/workplaces/" + e.work.ID + "/organisations/" + o.ID, as: as,
				body: map[string]any{"retired": true, "version": o.Version}}
		}},
		{"GET", "/api/v1/workplaces/:workplace/networks", []string{user}, 200, func(e *env, as *person, _ string) request {
			return request{method: "GET", path: "/api/v1/workplaces/" + e.work.ID + "/networks", as: as}
		}},
		{"POST", "/api/v1/workplaces/:workplace/networks", []string{admin}, 201, func(e *env, as *person, _ string) request {
			return request{method: "POST", path: "/api/v1/workplaces/" + e.work.ID + "/networks", as: as,
				body: map[string]any{"name": "Netwerk " + e.unique(), "description": "Test."}}
		}},

		{"GET", "/api/v1/networks/:network", allRoles, 200, get("/api/v1/networks/:network")},
		{"PATCH", "/api/v1/networks/:network", []string{admin}, 200, func(e *env, as *person, network string) request {
			n, err := e.svc.GetNetwork(context.Background(), network)
			if err != nil {
				e.t.Fatal(err)
			}
			return request{method: "PATCH", path: "/api/v1/networks/" + network, as: as, body: map[string]any{"description": "Nieuw " + e.unique(), "version": n.Version}}
		}},
		{"GET", "/api/v1/networks/:network/members", []string{facilitator, admin}, 200, get("/api/v1/networks/:network/members")},
		{"PATCH", "/api/v1/networks/:network/members/:membership", []string{facilitator, admin}, 200, func(e *env, as *person, network string) request {
			m := e.addMember(e.newPerson("lid", false), network, policy.RoleMember)
			return request{method: "PATCH", path: "/api/v1/networks/" + network + "/members/" + m.ID, as: as,
				body: map[string]any{"perspective": "ouder", "version": m.Version}}
		}},
		{"DELETE", "/api/v1/networks/:network/members/:membership", []string{facilitator, admin}, 204, func(e *env, as *person, network string) request {
			m := e.addMember(e.newPerson("lid", false), network, policy.RoleMember)
			return request{method: "DELETE", path: "/api/v1/networks/" + network + "/members/" + m.ID, as: as}
		}},
		{"POST", "/api/v1/networks/:network/members/:membership/password-resets", []string{facilitator, admin}, 201, func(e *env, as *person, network string) request {
			m := e.addMember(e.newPerson("lid", false), network, policy.RoleMember)
			return request{method: "POST", path: "/api/v1/networks/" + network + "/members/" + m.ID + "/password-resets", as: as}
		}},
		{"GET", "/api/v1/networks/:network/cases", []string{member, facilitator, researcher, manager}, 200, get("/api/v1/networks/:network/cases")},
		{"POST", "/api/v1/networks/:network/cases", []string{member, facilitator}, 201, func(e *env, as *person, network string) request {
			return request{method: "POST", path: "/api/v1/networks/" + network + "/cases", as: as, body: map[string]any{"title": "Een nieuwe casus"}}
		}},
		{"POST", "/api/v1/networks/:network/code-suggestions", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			return request{method: "POST", path: "/api/v1/networks/" + network + "/code-suggestions", as: as, body: map[string]any{"text": "Lang wachten op passende hulp"}}
		}},
		{"GET", "/api/v1/cases/:case", []string{member, facilitator, researcher, manager}, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/cases/" + e.fixtureCase(as, network, cases.StatusPublished).ID, as: as}
		}},
		{"PATCH", "/api/v1/cases/:case", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureCase(as, network, cases.StatusDraft)
			return request{method: "PATCH", path: "/api/v1/cases/" + v.ID, as: as, body: map[string]any{"title": "Andere titel", "version": v.Version}}
		}},
		{"DELETE", "/api/v1/cases/:case", []string{member, facilitator}, 204, func(e *env, as *person, network string) request {
			v := e.fixtureCase(as, network, cases.StatusDraft)
			return request{method: "DELETE", path: fmt.Sprintf("/api/v1/cases/%s?version=%d", v.ID, v.Version), as: as}
		}},
		{"POST", "/api/v1/cases/:case/scan", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureCase(as, network, cases.StatusDraft)
			return request{method: "POST", path: "/api/v1/cases/" + v.ID + "/scan", as: as, body: map[string]any{"text": "De moeder belde Jan de Vries."}}
		}},
		{"POST", "/api/v1/cases/:case/episodes", []string{member, facilitator}, 201, func(e *env, as *person, network string) request {
			v := e.fixtureCase(as, network, cases.StatusDraft)
			return request{method: "POST", path: "/api/v1/cases/" + v.ID + "/episodes", as: as, body: map[string]any{"phase": "help", "what_happened": "Er kwam een vaste hulpverlener."}}
		}},
		{"PATCH", "/api/v1/cases/:case/episodes/:episode", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureCase(as, network, cases.StatusDraft)
			ep := v.Episodes[0]
			return request{method: "PATCH", path: "/api/v1/cases/" + v.ID + "/episodes/" + ep.ID, as: as, body: map[string]any{"effect": "neutral", "version": ep.Version}}
		}},
		{"DELETE", "/api/v1/cases/:case/episodes/:episode", []string{member, facilitator}, 204, func(e *env, as *person, network string) request {
			v := e.fixtureCase(as, network, cases.StatusDraft)
			ep := v.Episodes[0]
			return request{method: "DELETE", path: fmt.Sprintf("/api/v1/cases/%s/episodes/%s?version=%d", v.ID, ep.ID, ep.Version), as: as}
		}},
		{"PUT", "/api/v1/cases/:case/episode-order", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureCase(as, network, cases.StatusDraft)
			return request{method: "PUT", path: "/api/v1/cases/" + v.ID + "/episode-order", as: as,
				body: map[string]any{"episodes": []string{v.Episodes[1].ID, v.Episodes[0].ID}, "version": v.Version}}
		}},
		{"POST", "/api/v1/cases/:case/submit", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureCase(as, network, cases.StatusDraft)
			return request{method: "POST", path: "/api/v1/cases/" + v.ID + "/submit", as: as, body: map[string]any{"version": v.Version}}
		}},
		{"POST", "/api/v1/cases/:case/withdraw", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureCase(as, network, cases.StatusSubmitted)
			return request{method: "POST", path: "/api/v1/cases/" + v.ID + "/withdraw", as: as, body: map[string]any{"version": v.Version}}
		}},
		{"POST", "/api/v1/cases/:case/publish", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureCase(nil, network, cases.StatusSubmitted)
			return request{method: "POST", path: "/api/v1/cases/" + v.ID + "/publish", as: as, body: map[string]any{"version": v.Version}}
		}},
		{"POST", "/api/v1/cases/:case/send-back", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureCase(nil, network, cases.StatusSubmitted)
			return request{method: "POST", path: "/api/v1/cases/" + v.ID + "/send-back", as: as, body: map[string]any{"comment": "Maak het korter.", "version": v.Version}}
		}},
		{"POST", "/api/v1/cases/:case/archive", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureCase(nil, network, cases.StatusPublished)
			return request{method: "POST", path: "/api/v1/cases/" + v.ID + "/archive", as: as, body: map[string]any{"version": v.Version}}
		}},

		{"GET", "/api/v1/networks/:network/reflections", []string{member, facilitator, researcher, manager}, 200, get("/api/v1/networks/:network/reflections")},
		{"GET", "/api/v1/cases/:case/reflections", []string{member, facilitator, researcher, manager}, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/cases/" + e.fixtureReflection(nil, network, review.StatusPublished).CaseID + "/reflections", as: as}
		}},
		{"POST", "/api/v1/cases/:case/reflections", []string{member, facilitator}, 201, func(e *env, as *person, network string) request {
			c := e.fixtureCase(nil, network, cases.StatusPublished)
			return request{method: "POST", path: "/api/v1/cases/" + c.ID + "/reflections", as: as, body: reflectionBody(0)}
		}},
		{"GET", "/api/v1/reflections/:reflection", []string{member, facilitator, researcher, manager}, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/reflections/" + e.fixtureReflection(nil, network, review.StatusPublished).ID, as: as}
		}},
		{"PATCH", "/api/v1/reflections/:reflection", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureReflection(as, network, review.StatusDraft)
			return request{method: "PATCH", path: "/api/v1/reflections/" + v.ID, as: as, body: reflectionBody(v.Version)}
		}},
		{"DELETE", "/api/v1/reflections/:reflection", []string{member, facilitator}, 204, func(e *env, as *person, network string) request {
			v := e.fixtureReflection(as, network, review.StatusDraft)
			return request{method: "DELETE", path: fmt.Sprintf("/api/v1/reflections/%s?version=%d", v.ID, v.Version), as: as}
		}},
		{"POST", "/api/v1/reflections/:reflection/scan", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureReflection(as, network, review.StatusDraft)
			return request{method: "POST", path: "/api/v1/reflections/" + v.ID + "/scan", as: as, body: map[string]any{"text": "Ik sprak Jan de Vries."}}
		}},
		{"POST", "/api/v1/reflections/:reflection/submit", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureReflection(as, network, review.StatusDraft)
			return request{method: "POST", path: "/api/v1/reflections/" + v.ID + "/submit", as: as, body: map[string]any{"version": v.Version}}
		}},
		{"POST", "/api/v1/reflections/:reflection/withdraw", []string{member, facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureReflection(as, network, review.StatusSubmitted)
			return request{method: "POST", path: "/api/v1/reflections/" + v.ID + "/withdraw", as: as, body: map[string]any{"version": v.Version}}
		}},
		{"POST", "/api/v1/reflections/:reflection/publish", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureReflection(nil, network, review.StatusSubmitted)
			return request{method: "POST", path: "/api/v1/reflections/" + v.ID + "/publish", as: as, body: map[string]any{"version": v.Version}}
		}},
		{"POST", "/api/v1/reflections/:reflection/send-back", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureReflection(nil, network, review.StatusSubmitted)
			return request{method: "POST", path: "/api/v1/reflections/" + v.ID + "/send-back", as: as, body: map[string]any{"comment": "Maak het algemener.", "version": v.Version}}
		}},
		{"PUT", "/api/v1/reflections/:reflection/items/:item/codes", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			v := e.fixtureReflection(nil, network, review.StatusPublished)
			return request{method: "PUT", path: "/api/v1/reflections/" + v.ID + "/items/" + v.Items[0].ID + "/codes", as: as,
				body: map[string]any{"codes": []any{}, "version": v.Version}}
		}},

		{"GET", "/api/v1/networks/:network/lessons", []string{member, facilitator, researcher, manager}, 200, get("/api/v1/networks/:network/lessons")},
		{"POST", "/api/v1/networks/:network/lessons/merge", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			ls := e.fixtureLessons(network, review.LessonProposed, review.LessonProposed)
			return request{method: "POST", path: "/api/v1/networks/" + network + "/lessons/merge", as: as,
				body: map[string]any{"into": ls[0].ID, "lessons": []map[string]any{{"id": ls[1].ID, "version": ls[1].Version}}}}
		}},
		{"GET", "/api/v1/lessons/:lesson", []string{member, facilitator, researcher, manager}, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/lessons/" + e.fixtureLesson(network, review.LessonAccepted).ID, as: as}
		}},
		{"PATCH", "/api/v1/lessons/:lesson", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			l := e.fixtureLesson(network, review.LessonProposed)
			return request{method: "PATCH", path: "/api/v1/lessons/" + l.ID, as: as,
				body: map[string]any{"statement": "Zorg voor hulp tijdens het wachten.", "version": l.Version}}
		}},
		{"POST", "/api/v1/lessons/:lesson/accept", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			l := e.fixtureLesson(network, review.LessonProposed)
			return request{method: "POST", path: "/api/v1/lessons/" + l.ID + "/accept", as: as, body: map[string]any{"version": l.Version}}
		}},
		{"POST", "/api/v1/lessons/:lesson/reject", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			l := e.fixtureLesson(network, review.LessonProposed)
			return request{method: "POST", path: "/api/v1/lessons/" + l.ID + "/reject", as: as,
				body: map[string]any{"reason": "Dit staat al in een andere les.", "version": l.Version}}
		}},
		{"POST", "/api/v1/lessons/:lesson/reopen", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			l := e.fixtureLesson(network, review.LessonRejected)
			return request{method: "POST", path: "/api/v1/lessons/" + l.ID + "/reopen", as: as, body: map[string]any{"version": l.Version}}
		}},
		{"GET", "/api/v1/lessons/:lesson/history", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/lessons/" + e.fixtureLesson(network, review.LessonProposed).ID + "/history", as: as}
		}},

		{"GET", "/api/v1/networks/:network/actions", participants, 200, get("/api/v1/networks/:network/actions?overdue=false&status=proposed")},
		{"POST", "/api/v1/networks/:network/actions", []string{member, facilitator, manager}, 201, func(e *env, as *person, network string) request {
			return request{method: "POST", path: "/api/v1/networks/" + network + "/actions", as: as,
				body: map[string]any{"title": "Vaste contactpersoon tijdens het wachten", "kind": "practice", "description": "Voor elke jongere."}}
		}},
		{"GET", "/api/v1/networks/:network/attention", participants, 200, get("/api/v1/networks/:network/attention")},
		{"GET", "/api/v1/networks/:network/digest", []string{manager}, 200, get("/api/v1/networks/:network/digest")},
		{"GET", "/api/v1/actions/:action", participants, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/actions/" + e.fixtureAction(network, review.ActionProposed).ID, as: as}
		}},
		{"PATCH", "/api/v1/actions/:action", []string{manager}, 200, func(e *env, as *person, network string) request {
			a := e.fixtureAction(network, review.ActionAccepted)
			return request{method: "PATCH", path: "/api/v1/actions/" + a.ID, as: as,
				body: map[string]any{"title": "Een betere titel", "description": "Nu met de school erbij.", "phase": "do", "version": a.Version}}
		}},
		{"POST", "/api/v1/actions/:action/status", []string{manager}, 200, func(e *env, as *person, network string) request {
			a := e.fixtureAction(network, review.ActionProposed)
			return request{method: "POST", path: "/api/v1/actions/" + a.ID + "/status", as: as,
				body: map[string]any{"status": "stopped", "reason": "Een andere actie doet dit al.", "version": a.Version}}
		}},
		{"GET", "/api/v1/actions/:action/progress", participants, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/actions/" + e.fixtureAction(network, review.ActionInProgress).ID + "/progress", as: as}
		}},
		{"GET", "/api/v1/actions/:action/effect", participants, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/actions/" + e.fixtureAction(network, review.ActionInProgress).ID + "/effect", as: as}
		}},
		{"POST", "/api/v1/actions/:action/progress", []string{manager}, 201, func(e *env, as *person, network string) request {
			a := e.fixtureAction(network, review.ActionInProgress)
			return request{method: "POST", path: "/api/v1/actions/" + a.ID + "/progress", as: as, body: map[string]any{"text": "Eerste bijeenkomst gehouden."}}
		}},
		{"GET", "/api/v1/networks/:network/goals", participants, 200, get("/api/v1/networks/:network/goals")},
		{"POST", "/api/v1/networks/:network/goals", []string{manager}, 201, func(e *env, as *person, network string) request {
			return request{method: "POST", path: "/api/v1/networks/" + network + "/goals", as: as,
				body: map[string]any{"name": "0 thuiszitters " + e.unique(), "unit": "jongeren", "baseline": 12, "target": 0}}
		}},
		{"GET", "/api/v1/goals/:goal", participants, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/goals/" + e.fixtureGoal(network).ID, as: as}
		}},
		{"PATCH", "/api/v1/goals/:goal", []string{manager}, 200, func(e *env, as *person, network string) request {
			g := e.fixtureGoal(network)
			return request{method: "PATCH", path: "/api/v1/goals/" + g.ID, as: as, body: map[string]any{"name": "Nul thuiszitters " + e.unique(), "unit": "leerlingen", "version": g.Version}}
		}},
		{"POST", "/api/v1/goals/:goal/measurements", []string{manager}, 201, func(e *env, as *person, network string) request {
			g := e.fixtureGoal(network)
			return request{method: "POST", path: "/api/v1/goals/" + g.ID + "/measurements", as: as,
				body: map[string]any{"measured_on": "2026-04-01", "value": 9, "version": g.Version}}
		}},
		{"PATCH", "/api/v1/goals/:goal/measurements/:measurement", []string{manager}, 200, func(e *env, as *person, network string) request {
			g := e.fixtureGoal(network)
			return request{method: "PATCH", path: "/api/v1/goals/" + g.ID + "/measurements/" + g.Measurements[0].ID, as: as,
				body: map[string]any{"measured_on": "2026-02-01", "value": 11, "version": g.Version}}
		}},
		{"DELETE", "/api/v1/goals/:goal/measurements/:measurement", []string{manager}, 200, func(e *env, as *person, network string) request {
			g := e.fixtureGoal(network)
			return request{method: "DELETE", path: fmt.Sprintf("/api/v1/goals/%s/measurements/%s?version=%d", g.ID, g.Measurements[0].ID, g.Version), as: as}
		}},
		{"GET", "/api/v1/lessons/:lesson/closest-groups", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			e.fixtureGroup(network, groupAsk)
			l := e.fixtureLessonsSaying(network, groupLoose, review.LessonProposed)[0]
			return request{method: "GET", path: "/api/v1/lessons/" + l.ID + "/closest-groups", as: as}
		}},

		{"GET", "/api/v1/recurring-lessons", []string{user}, 200, get("/api/v1/recurring-lessons")},
		{"GET", "/api/v1/networks/:network/recurring-lessons", []string{member, facilitator, researcher, manager}, 200, get("/api/v1/networks/:network/recurring-lessons")},
		{"GET", "/api/v1/recurring-lessons/:group", []string{member, facilitator, researcher, manager}, 200, func(e *env, as *person, network string) request {
			return request{method: "GET", path: "/api/v1/recurring-lessons/" + e.fixtureGroup(network, groupWaiting).ID, as: as}
		}},
		{"PATCH", "/api/v1/recurring-lessons/:group", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			g := e.fixtureGroup(network, groupWaiting)
			return request{method: "PATCH", path: "/api/v1/recurring-lessons/" + g.ID, as: as,
				body: map[string]any{"statement": "Overbrug de wachttijd met lichte hulp.", "status": "dismissed",
					"dismiss_reason": "Dit is al afgesproken in het netwerk.", "version": g.Version}}
		}},
		{"POST", "/api/v1/recurring-lessons/:group/split", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			g := e.fixtureGroup(network, groupWaiting)
			return request{method: "POST", path: "/api/v1/recurring-lessons/" + g.ID + "/split", as: as,
				body: map[string]any{"lessons": []string{g.Lessons[len(g.Lessons)-1].ID}, "version": g.Version}}
		}},
		{"POST", "/api/v1/recurring-lessons/:group/merge", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			into, from := e.fixtureGroup(network, groupWaiting), e.fixtureGroup(network, groupAsk)
			return request{method: "POST", path: "/api/v1/recurring-lessons/" + into.ID + "/merge", as: as,
				body: map[string]any{"groups": []string{from.ID}, "version": into.Version}}
		}},
		{"POST", "/api/v1/recurring-lessons/:group/place", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			g := e.fixtureGroup(network, groupWaiting)
			l := e.fixtureLessonsSaying(network, groupLoose, review.LessonProposed)[0]
			return request{method: "POST", path: "/api/v1/recurring-lessons/" + g.ID + "/place", as: as,
				body: map[string]any{"lesson": l.ID, "version": g.Version}}
		}},

		{"GET", "/api/v1/anonymiser-quality", []string{admin}, 200, get("/api/v1/anonymiser-quality")},
		// Any signed-in person may ask (policy: user); the domain lets
		// researchers search their networks and facilitators and managers
		// their own, and forbids members and administrators without such
		// a role (search_test.go covers named networks).
		{"GET", "/api/v1/search", []string{facilitator, researcher, manager}, 200, get("/api/v1/search?q=thuiszitten")},
		{"GET", "/api/v1/networks/:network/template", participants, 200, get("/api/v1/networks/:network/template")},
		{"GET", "/api/v1/networks/:network/templates", participants, 200, get("/api/v1/networks/:network/templates")},
		{"POST", "/api/v1/networks/:network/templates", []string{facilitator}, 201, func(e *env, as *person, network string) request {
			return request{method: "POST", path: "/api/v1/networks/" + network + "/templates", as: as, body: e.templateRequest(network)}
		}},
		{"GET", "/api/v1/networks/:network/templates/:version", participants, 200, get("/api/v1/networks/:network/templates/1")},

		{"GET", "/api/v1/networks/:network/codebook", []string{member, facilitator, researcher, manager}, 200, get("/api/v1/networks/:network/codebook")},
		{"POST", "/api/v1/networks/:network/codebook/themes", []string{facilitator}, 201, func(e *env, as *person, network string) request {
			return request{method: "POST", path: "/api/v1/networks/" + network + "/codebook/themes", as: as,
				body: map[string]any{"label_nl": "Thema " + e.unique(), "label_en": "Theme " + e.unique()}}
		}},
		{"PATCH", "/api/v1/networks/:network/codebook/themes/:theme", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			th := e.codebookTheme(network)
			return request{method: "PATCH", path: "/api/v1/networks/" + network + "/codebook/themes/" + th.ID, as: as,
				body: map[string]any{"label_en": "Theme " + e.unique(), "version": th.Version}}
		}},
		{"POST", "/api/v1/networks/:network/codebook/codes", []string{facilitator}, 201, func(e *env, as *person, network string) request {
			return request{method: "POST", path: "/api/v1/networks/" + network + "/codebook/codes", as: as,
				body: map[string]any{"theme_id": e.codebookTheme(network).ID, "label_nl": "Code " + e.unique(), "label_en": "Code " + e.unique()}}
		}},
		{"PATCH", "/api/v1/networks/:network/codebook/codes/:code", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			c := e.codebookCode(network)
			return request{method: "PATCH", path: "/api/v1/networks/" + network + "/codebook/codes/" + c.ID, as: as,
				body: map[string]any{"label_en": "Code " + e.unique(), "version": c.Version}}
		}},
		{"GET", "/api/v1/networks/:network/codebook/codes/:code/merge-preview", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			from, into := e.codebookCode(network), e.codebookCode(network)
			return request{method: "GET", path: "/api/v1/networks/" + network + "/codebook/codes/" + from.ID + "/merge-preview?into=" + into.ID, as: as}
		}},
		{"POST", "/api/v1/networks/:network/codebook/codes/:code/merge", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			from, into := e.codebookCode(network), e.codebookCode(network)
			return request{method: "POST", path: "/api/v1/networks/" + network + "/codebook/codes/" + from.ID + "/merge", as: as,
				body: map[string]any{"into": into.ID, "version": from.Version}}
		}},
		{"GET", "/api/v1/networks/:network/codebook/history", []string{facilitator}, 200, get("/api/v1/networks/:network/codebook/history")},
		{"GET", "/api/v1/networks/:network/codebook.qdc", participants, 200, get("/api/v1/networks/:network/codebook.qdc")},
		{"POST", "/api/v1/networks/:network/codebook/import", []string{facilitator}, 200, func(e *env, as *person, network string) request {
			return request{method: "POST", path: "/api/v1/networks/" + network + "/codebook/import", as: as,
				body: map[string]any{"qdc": importDocument("Code " + e.unique())}}
		}},
		// Exports are asked for by anyone signed in; the domain answers
		// only researchers (403 for everyone else, as the matrix expects
		// of a route allowed to researchers alone).
		{"GET", "/api/v1/exports/codings.csv", []string{researcher}, 200, get("/api/v1/exports/codings.csv")},
		{"GET", "/api/v1/exports/codings.json", []string{researcher}, 200, get("/api/v1/exports/codings.json")},
		{"GET", "/api/v1/exports/lessons.csv", []string{researcher}, 200, get("/api/v1/exports/lessons.csv")},
		{"GET", "/api/v1/exports/lessons.json", []string{researcher}, 200, get("/api/v1/exports/lessons.json")},
		{"GET", "/api/v1/exports/project.qdpx", []string{researcher}, 200, get("/api/v1/exports/project.qdpx")},
		{"GET", "/api/v1/networks/:network/invitations", []string{facilitator, admin}, 200, get("/api/v1/networks/:network/invitations")},
		{"POST", "/api/v1/networks/:network/invitations", []string{facilitator, admin}, 201, func(e *env, as *person, network string) request {
			return request{method: "POST", path: "/api/v1/networks/" + network + "/invitations", as: as,
				body: map[string]any{"email": "nieuw" + e.unique() + "@example.org", "role": "member", "perspective": "ouder"}}
		}},
		{"DELETE", "/api/v1/networks/:network/invitations/:invitation", []string{facilitator, admin}, 204, func(e *env, as *person, network string) request {
			inv, _ := e.invite(network, "")
			return request{method: "DELETE", path: "/api/v1/networks/" + network + "/invitations/" + inv.ID, as: as}
		}},

		{"GET", "/api/v1/invitation-tokens/:token", []string{anyone}, 200, func(e *env, as *person, network string) request {
			_, token := e.invite(e.own.ID, "")
			return request{method: "GET", path: "/api/v1/invitation-tokens/" + token, as: as}
		}},
		{"POST", "/api/v1/invitation-tokens/:token/accept", []string{anyone}, 201, func(e *env, as *person, network string) request {
			if as == nil {
				_, token := e.invite(e.own.ID, "")
				return request{method: "POST", path: "/api/v1/invitation-tokens/" + token + "/accept",
					body: map[string]any{"name": "Nieuw Lid", "password": testPassword}}
			}
			// A signed-in person accepts an invitation to a network they are not in yet.
			target := e.freshNetwork()
			_, token := e.invite(target.ID, as.Email)
			return request{method: "POST", path: "/api/v1/invitation-tokens/" + token + "/accept", body: map[string]any{}, as: as}
		}},

		{"GET", "/api/v1/people", []string{admin}, 200, get("/api/v1/people")},
		{"PATCH", "/api/v1/people/:person", []string{admin}, 200, func(e *env, as *person, _ string) request {
			p := e.newPerson("iemand", false)
			return request{method: "PATCH", path: "/api/v1/people/" + p.ID, as: as, body: map[string]any{"disabled": true, "version": p.Version}}
		}},
		{"POST", "/api/v1/people/:person/password-resets", []string{admin}, 201, func(e *env, as *person, _ string) request {
			p := e.newPerson("iemand", false)
			return request{method: "POST", path: "/api/v1/people/" + p.ID + "/password-resets", as: as}
		}},
		{"GET", "/api/v1/password-reset-tokens/:token", []string{anyone}, 200, func(e *env, as *person, _ string) request {
			return request{method: "GET", path: "/api/v1/password-reset-tokens/" + e.resetLink(e.newPerson("vergeten", false)), as: as}
		}},
		{"POST", "/api/v1/password-reset-tokens/:token", []string{anyone}, 204, func(e *env, as *person, _ string) request {
			return request{method: "POST", path: "/api/v1/password-reset-tokens/" + e.resetLink(e.newPerson("vergeten", false)), as: as,
				body: map[string]any{"new_password": "een heel nieuw wachtwoord"}}
		}},
		{"GET", "/api/v1/audit", []string{admin}, 200, get("/api/v1/audit")},

		// Pattern queries: the domain answers over the networks where the
		// caller is researcher, facilitator or manager; members and
		// administrators without such a role are forbidden.
		{"GET", "/api/v1/patterns/codes", studyRoles, 200, get("/api/v1/patterns/codes")},
		{"GET", "/api/v1/patterns/cooccurrence", studyRoles, 200, get("/api/v1/patterns/cooccurrence")},
		{"GET", "/api/v1/patterns/crosstab", studyRoles, 200, get("/api/v1/patterns/crosstab?by=age_band")},
		{"GET", "/api/v1/patterns/trends", studyRoles, 200, get("/api/v1/patterns/trends")},
		{"GET", "/api/v1/patterns/perspectives", studyRoles, 200, get("/api/v1/patterns/perspectives?code=T1.wachttijd")},
	}
}

// studyRoles may run pattern queries.
var studyRoles = []string{facilitator, researcher, manager}

// resetLink issues a password reset link for p as admin and returns its secret.
func (e *env) resetLink(p *person) string {
	e.t.Helper()
	r, err := e.svc.IssuePasswordReset(context.Background(), policy.Actor{PersonID: e.admin.ID}, p.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.Secret
}

// invite creates an invitation (to email, or a fresh address) as admin.
func (e *env) invite(network, email string) (*policy.Invitation, string) {
	e.t.Helper()
	if email == "" {
		email = "genodigde" + e.unique() + "@example.org"
	}
	inv, token, err := e.svc.CreateInvitation(context.Background(), leerlus.Access{Actor: policy.Actor{PersonID: e.admin.ID}, NetworkID: network, Scope: leerlus.ScopeAny},
		policy.NewInvitation{Email: email, Role: policy.RoleMember, Perspective: policy.PerspectiveParent})
	if err != nil {
		e.t.Fatal(err)
	}
	return inv, token
}

func (e *env) freshWorkplace() *policy.Workplace {
	name, region := "Werkplaats "+e.unique(), "Regio"
	return must(e.svc.CreateWorkplace(context.Background(), policy.Actor{}, policy.WorkplaceInput{Name: &name, Region: &region}))
}

func (e *env) freshNetwork() *policy.Network {
	name := "Netwerk " + e.unique()
	return must(e.svc.CreateNetwork(context.Background(), policy.Actor{}, e.work.ID, policy.NetworkInput{Name: &name}))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// expectedStatus derives the exact answer from the hand-written matrix.
func expectedStatus(r matrixRoute, subject string, ownNetwork bool) int {
	// Routes keyed by a case, a reflection, a lesson, a group of lessons,
	// an action or a goal lie in its network.
	networkRoute := strings.Contains(r.path, ":network") || strings.Contains(r.path, ":case") ||
		strings.Contains(r.path, ":reflection") || strings.Contains(r.path, ":lesson") || strings.Contains(r.path, ":group") ||
		strings.Contains(r.path, ":action") || strings.Contains(r.path, ":goal")
	if contains(r.allow, anyone) {
		return r.ok
	}
	if subject == anyone {
		return http.StatusUnauthorized
	}
	if contains(r.allow, user) {
		return r.ok
	}
	if networkRoute && subject != admin && !ownNetwork {
		return http.StatusNotFound // a network where the caller has no role does not exist for them
	}
	if contains(r.allow, subject) {
		return r.ok
	}
	return http.StatusForbidden
}

func TestAccessMatrix(t *testing.T) {
	e := newEnv(t)
	subjects := append([]string{anyone}, allRoles...)
	for _, r := range matrix() {
		for _, subject := range subjects {
			for _, own := range []bool{true, false} {
				network := e.own.ID
				where := "own network"
				if !own {
					network, where = e.other.ID, "other network"
				}
				t.Run(fmt.Sprintf("%s %s as %s in %s", r.method, r.path, subject, where), func(t *testing.T) {
					e.t = t
					var as *person
					if subject != anyone {
						as = e.people[subject]
					}
					req := r.build(e, as, network)
					want := expectedStatus(r, subject, own)
					res := e.do(req)
					if res.status != want {
						t.Fatalf("status %d, want %d; body %s", res.status, want, res.body)
					}
					if res.status >= 400 {
						res.problem(t)
					}
				})
			}
		}
	}
}

// TestAccessMatrixCoversEveryRoute fails when a route is registered that
// the matrix does not list, or the matrix lists a route that is gone.
func TestAccessMatrixCoversEveryRoute(t *testing.T) {
	e := newEnv(t)
	listed := map[api.Endpoint]bool{}
	for _, r := range matrix() {
		listed[api.Endpoint{Method: r.method, Path: r.path}] = true
	}
	registered := map[api.Endpoint]bool{}
	for _, ep := range e.srv.RegisteredRoutes() {
		registered[ep] = true
		if !listed[ep] {
			t.Errorf("route %s is not in the access matrix test", ep)
		}
	}
	for ep := range listed {
		if !registered[ep] {
			t.Errorf("matrix lists %s, which the server does not register", ep)
		}
	}
}
