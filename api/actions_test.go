package api_test

import (
	"fmt"
	"testing"
	"time"

	"leerlus"
	"leerlus/review"
)

// TestActionLifecycleOverHTTP proposes an action as a member, accepts it
// and moves it through the PDCA phases with progress as a manager, and
// checks the version, transition and board answers on the way.
func TestActionLifecycleOverHTTP(t *testing.T) {
	e := newEnv(t)
	net := e.own.ID
	mem, mgr := e.people[member], e.people[manager]
	var a struct {
		ID           string   `json:"id"`
		Status       string   `json:"status"`
		Phase        string   `json:"phase"`
		Version      int      `json:"version"`
		StartedOn    string   `json:"started_on"`
		NextStatuses []string `json:"next_statuses"`
		Owner        *struct {
			ID string `json:"id"`
		} `json:"owner"`
		ProposedBy *struct {
			ID string `json:"id"`
		} `json:"proposed_by"`
		Cases []struct {
			ID string `json:"id"`
		} `json:"cases"`
	}
	c := e.fixtureCase(nil, net, "published")
	e.expect(201, request{method: "POST", path: "/api/v1/networks/" + net + "/actions", as: mem,
		body: map[string]any{"title": "Vaste contactpersoon tijdens het wachten", "kind": "practice", "due_on": "2027-06-30", "cases": []string{c.ID}}}).json(t, &a)
	if a.Status != "proposed" || a.Phase != "plan" || a.ProposedBy == nil || a.ProposedBy.ID != mem.ID || len(a.Cases) != 1 ||
		fmt.Sprint(a.NextStatuses) != "[accepted stopped]" {
		t.Fatalf("proposal %+v", a)
	}
	path := "/api/v1/actions/" + a.ID

	// A member may not accept or change it.
	e.expect(403, request{method: "POST", path: path + "/status", as: mem, body: map[string]any{"status": "accepted", "version": a.Version}})
	e.expect(403, request{method: "PATCH", path: path, as: mem, body: map[string]any{"title": "Anders", "version": a.Version}})
	// Skipping a step is a conflict naming the allowed ones.
	res := e.expect(409, request{method: "POST", path: path + "/status", as: mgr, body: map[string]any{"status": "done", "version": a.Version}})
	if p := res.problem(t); len(p.Errors) != 1 || p.Errors[0].Field != "status" {
		t.Errorf("problem %+v", p)
	}
	e.expect(200, request{method: "POST", path: path + "/status", as: mgr, body: map[string]any{"status": "accepted", "version": a.Version}}).json(t, &a)
	if a.Owner == nil || a.Owner.ID != mgr.ID {
		t.Errorf("owner %+v", a.Owner)
	}
	stale := a.Version
	e.expect(200, request{method: "PATCH", path: path, as: mgr, body: map[string]any{"phase": "do", "version": a.Version}}).json(t, &a)
	if a.Phase != "do" || a.StartedOn == "" {
		t.Errorf("phase %s started %q", a.Phase, a.StartedOn)
	}
	res = e.expect(409, request{method: "PATCH", path: path, as: mgr, body: map[string]any{"phase": "check", "version": stale}})
	if p := res.problem(t); len(p.Errors) != 1 || p.Errors[0].Code != "stale_version" {
		t.Errorf("stale problem %+v", p)
	}
	e.expect(200, request{method: "POST", path: path + "/status", as: mgr, body: map[string]any{"status": "in_progress", "version": a.Version}}).json(t, &a)
	e.expect(201, request{method: "POST", path: path + "/progress", as: mgr, body: map[string]any{"text": "Twee teams werken ermee."}})
	e.expect(201, request{method: "POST", path: path + "/progress", as: mgr, body: map[string]any{"text": "Jongeren zijn tevreden.", "phase": "check"}})
	var log struct {
		Items []struct {
			Phase  string `json:"phase"`
			Writer *struct {
				ID string `json:"id"`
			} `json:"writer"`
		} `json:"items"`
	}
	e.expect(200, request{method: "GET", path: path + "/progress", as: e.people[researcher]}).json(t, &log)
	if len(log.Items) != 2 || log.Items[0].Phase != "check" || log.Items[0].Writer != nil {
		t.Errorf("log as a researcher %+v", log.Items)
	}
	e.expect(400, request{method: "POST", path: path + "/status", as: mgr, body: map[string]any{"status": "stopped", "version": a.Version}})
	e.expect(200, request{method: "POST", path: path + "/status", as: mgr, body: map[string]any{"status": "done", "version": a.Version}}).json(t, &a)
	e.expect(409, request{method: "POST", path: path + "/progress", as: mgr, body: map[string]any{"text": "Te laat geschreven."}})

	var board struct {
		Items  []map[string]any `json:"items"`
		Counts struct {
			ByStatus map[string]int `json:"by_status"`
			ByPhase  map[string]int `json:"by_phase"`
			Total    int            `json:"total"`
		} `json:"counts"`
	}
	e.expect(200, request{method: "GET", path: "/api/v1/networks/" + net + "/actions?status=in_progress", as: mem}).json(t, &board)
	if board.Counts.Total != 1 || board.Counts.ByStatus["done"] != 1 || board.Counts.ByStatus["proposed"] != 0 || board.Counts.ByPhase["do"] != 1 || len(board.Items) != 0 {
		t.Errorf("board %+v", board)
	}
	for _, q := range []string{"overdue=maybe", "status=open", "owner=nobody", "phase=x", "limit=0"} {
		e.expect(400, request{method: "GET", path: "/api/v1/networks/" + net + "/actions?" + q, as: mem})
	}
	e.expect(200, request{method: "GET", path: "/api/v1/networks/" + net + "/actions?owner=me&stalled=true", as: mgr})
	// Another network's manager does not find it.
	other := e.newPerson("manager-elders", false)
	e.addMember(other, e.other.ID, "manager")
	e.expect(404, request{method: "GET", path: path, as: other})
	e.expect(404, request{method: "POST", path: path + "/status", as: other, body: map[string]any{"status": "in_progress", "version": a.Version}})
}

func TestGoalsOverHTTP(t *testing.T) {
	e := newEnv(t)
	mgr := e.people[manager]
	var g struct {
		ID           string `json:"id"`
		Version      int    `json:"version"`
		Measurements []struct {
			ID         string  `json:"id"`
			MeasuredOn string  `json:"measured_on"`
			Value      float64 `json:"value"`
		} `json:"measurements"`
	}
	e.expect(201, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/goals", as: mgr,
		body: map[string]any{"name": "0 jongeren verzuimen op school", "unit": "jongeren", "baseline": 40, "target": 0}}).json(t, &g)
	e.expect(409, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/goals", as: mgr,
		body: map[string]any{"name": "0 jongeren verzuimen op school", "unit": "jongeren", "target": 0}})
	e.expect(403, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/goals", as: e.people[facilitator],
		body: map[string]any{"name": "Een ander doel", "unit": "jongeren", "target": 0}})
	path := "/api/v1/goals/" + g.ID
	e.expect(201, request{method: "POST", path: path + "/measurements", as: mgr, body: map[string]any{"measured_on": "2026-01-01", "value": 38, "version": g.Version}}).json(t, &g)
	e.expect(409, request{method: "POST", path: path + "/measurements", as: mgr, body: map[string]any{"measured_on": "2026-01-01", "value": 30, "version": g.Version}})
	e.expect(409, request{method: "POST", path: path + "/measurements", as: mgr, body: map[string]any{"measured_on": "2026-04-01", "value": 30, "version": g.Version - 1}})
	e.expect(400, request{method: "POST", path: path + "/measurements", as: mgr, body: map[string]any{"measured_on": "2026-04-01", "version": g.Version}})
	e.expect(201, request{method: "POST", path: path + "/measurements", as: mgr, body: map[string]any{"measured_on": "2026-04-01", "value": 30, "version": g.Version}}).json(t, &g)
	if len(g.Measurements) != 2 || g.Measurements[1].Value != 30 {
		t.Fatalf("measurements %+v", g.Measurements)
	}
	m := g.Measurements[0].ID
	e.expect(200, request{method: "PATCH", path: path + "/measurements/" + m, as: mgr, body: map[string]any{"value": 37, "version": g.Version}}).json(t, &g)
	e.expect(409, request{method: "DELETE", path: fmt.Sprintf("%s/measurements/%s?version=%d", path, m, g.Version-1), as: mgr})
	e.expect(400, request{method: "DELETE", path: path + "/measurements/" + m, as: mgr})
	e.expect(200, request{method: "DELETE", path: fmt.Sprintf("%s/measurements/%s?version=%d", path, m, g.Version), as: mgr}).json(t, &g)
	if len(g.Measurements) != 1 || g.Measurements[0].MeasuredOn != "2026-04-01" {
		t.Errorf("after delete %+v", g.Measurements)
	}
	var list struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	e.expect(200, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/goals", as: e.people[researcher]}).json(t, &list)
	if len(list.Items) != 1 {
		t.Errorf("goals %+v", list)
	}
	// An action may follow the goal.
	var a struct {
		Goal *struct {
			ID string `json:"id"`
		} `json:"goal"`
	}
	e.expect(201, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/actions", as: e.people[facilitator],
		body: map[string]any{"title": "Thuiszitters eerder zien", "kind": string(review.KindResearch), "goal_id": g.ID}}).json(t, &a)
	if a.Goal == nil || a.Goal.ID != g.ID {
		t.Errorf("goal %+v", a.Goal)
	}
}

func TestActionEffectOverHTTP(t *testing.T) {
	e := newEnv(t)
	net := e.own.ID
	l := e.fixtureLesson(net, review.LessonAccepted)
	now := time.Now().UTC().Truncate(time.Microsecond)
	g := review.LessonGroup{ID: leerlus.NewID(), NetworkID: net, AnchorLessonID: l.ID, Statement: l.Statement, Status: review.GroupActive,
		CreatedAt: now, UpdatedAt: now, Version: 1}
	mustDo(e, e.db.Gorm.Create(&g).Error)
	mustDo(e, e.db.Gorm.Create(&review.GroupMember{LessonID: l.ID, GroupID: g.ID, NetworkID: net}).Error)
	a := e.fixtureAction(net, review.ActionInProgress)
	e.expect(200, request{method: "PATCH", path: "/api/v1/actions/" + a.ID, as: e.people[manager],
		body: map[string]any{"lessons": []string{g.ID}, "started_on": "2025-01-10", "version": a.Version}})
	var eff struct {
		Effect *struct {
			Verdict  string `json:"verdict"`
			Quarters []struct {
				Period     string `json:"period"`
				Cases      int    `json:"cases"`
				WithLesson int    `json:"with_lesson"`
			} `json:"quarters"`
		} `json:"effect"`
	}
	e.expect(200, request{method: "GET", path: "/api/v1/actions/" + a.ID + "/effect", as: e.people[researcher]}).json(t, &eff)
	if eff.Effect == nil || eff.Effect.Verdict != "too_few" || len(eff.Effect.Quarters) == 0 {
		t.Fatalf("effect %+v", eff.Effect)
	}
	with := 0
	for _, q := range eff.Effect.Quarters {
		with += q.WithLesson
	}
	if with != 1 {
		t.Errorf("quarters %+v", eff.Effect.Quarters)
	}
}

// In a text of no case nobody checks a dismissal later, so a finding with
// a fixed shape (here a phone number) cannot be dismissed: the write is
// refused with that finding marked must_change, and nothing is stored. A
// name can still be dismissed as a false alarm. (An outside attack stored
// a name, a phone number and a BSN in a progress entry by echoing the
// findings back as dismissals.)
func TestFreeTextDismissalsOverHTTP(t *testing.T) {
	e := newEnv(t)
	mgr := e.people[manager]
	var a struct {
		ID      string `json:"id"`
		Version int    `json:"version"`
	}
	e.expect(201, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/actions", as: mgr,
		body: map[string]any{"title": "Sneller overleg met school", "kind": "practice"}}).json(t, &a)
	e.expect(200, request{method: "POST", path: "/api/v1/actions/" + a.ID + "/status", as: mgr, body: map[string]any{"status": "accepted", "version": a.Version}})
	path := "/api/v1/actions/" + a.ID + "/progress"
	text := "Gebeld met Jan de Vries op 06-12345678."
	p := e.expect(422, request{method: "POST", path: path, as: mgr, body: map[string]any{"text": text}}).problem(t)
	var dismissed []map[string]any
	for _, f := range p.Findings {
		dismissed = append(dismissed, map[string]any{"field": f.Field, "type": f.Type, "start": f.Start, "end": f.End})
	}
	if len(dismissed) < 2 {
		t.Fatalf("findings %+v, want the name and the phone number", p.Findings)
	}
	p = e.expect(422, request{method: "POST", path: path, as: mgr, body: map[string]any{"text": text, "dismissed": dismissed}}).problem(t)
	if len(p.Findings) != 1 || p.Findings[0].Type != "phone" || !p.Findings[0].MustChange {
		t.Fatalf("findings %+v after dismissing all, want only the phone number, which must change", p.Findings)
	}
	var log struct {
		Items []struct {
			Text string `json:"text"`
		} `json:"items"`
	}
	e.expect(200, request{method: "GET", path: path, as: mgr}).json(t, &log)
	if len(log.Items) != 0 {
		t.Fatalf("progress %+v stored after a refused write", log.Items)
	}
	text = "Gebeld met Jan de Vries."
	p = e.expect(422, request{method: "POST", path: path, as: mgr, body: map[string]any{"text": text}}).problem(t)
	if len(p.Findings) != 1 || p.Findings[0].Type != "person" || p.Findings[0].MustChange {
		t.Fatalf("findings %+v, want the name, which may be dismissed", p.Findings)
	}
	f := p.Findings[0]
	e.expect(201, request{method: "POST", path: path, as: mgr, body: map[string]any{"text": text,
		"dismissed": []map[string]any{{"field": f.Field, "type": f.Type, "start": f.Start, "end": f.End}}}})
}
