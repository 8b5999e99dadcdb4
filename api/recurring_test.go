package api_test

import (
	"net/http"
	"strings"
	"testing"

	"leerlus/review"
)

// RecurringLessonBody as the tests read it.
type recurringJSON struct {
	ID              string `json:"id"`
	Statement       string `json:"statement"`
	StatementEdited bool   `json:"statement_edited"`
	Status          string `json:"status"`
	DismissReason   string `json:"dismiss_reason"`
	CaseCount       int    `json:"case_count"`
	Recurring       bool   `json:"recurring"`
	Version         int    `json:"version"`
	Spread          struct {
		Cases []struct {
			ID string `json:"id"`
		} `json:"cases"`
		Perspectives []struct {
			Perspective string `json:"perspective"`
			Lessons     int    `json:"lessons"`
		} `json:"perspectives"`
		Outcomes struct {
			Stuck int `json:"stuck"`
		} `json:"outcomes"`
		Lift      *float64 `json:"lift"`
		FirstSeen string   `json:"first_seen"`
		Quarters  []struct {
			Period string `json:"period"`
			Cases  int    `json:"cases"`
		} `json:"quarters"`
	} `json:"spread"`
	Lessons []struct {
		ID   string `json:"id"`
		Case struct {
			ID string `json:"id"`
		} `json:"case"`
	} `json:"lessons"`
}

// recurringScene is one lesson stated on three published cases of the
// own network: a recurring lesson.
func (e *env) recurringScene() (*review.RecurringLesson, []review.Lesson) {
	e.t.Helper()
	var ls []review.Lesson
	for range 3 {
		ls = append(ls, e.fixtureLessonsSaying(e.own.ID, groupAsk, review.LessonAccepted)...)
	}
	return e.groupOf(e.own.ID, ls[0].ID), ls
}

// Everyone with a role reads the recurring lesson with its spread and the
// cases behind it, and nothing that leads to who wrote the reflections.
func TestRecurringLessonsNeverNameAnAuthor(t *testing.T) {
	e := newEnv(t)
	g, ls := e.recurringScene()
	fac := e.people[facilitator]
	// A dismissal reason is for facilitators: dismiss another group.
	other := e.fixtureGroup(e.own.ID, groupWaiting)
	e.expect(http.StatusOK, request{method: "PATCH", path: "/api/v1/recurring-lessons/" + other.ID, as: fac,
		body: map[string]any{"status": "dismissed", "dismiss_reason": "Dit is al afgesproken.", "version": other.Version}})

	author, _ := e.casePeople(e.own.ID)
	secrets := []string{author.ID, author.Name, author.Email, fac.ID, fac.Name, *ls[0].ReflectionID, *ls[2].ReflectionID,
		"reflection_id", "author", "dismiss_reason", "Dit is al afgesproken."}
	for _, role := range []string{member, researcher, manager} {
		var list struct{ Items []recurringJSON }
		res := e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/recurring-lessons", as: e.people[role]})
		res.json(t, &list)
		if len(list.Items) != 1 || list.Items[0].ID != g.ID || !list.Items[0].Recurring || list.Items[0].CaseCount != 3 {
			t.Fatalf("%s lists %s, want the one recurring lesson on 3 cases", role, res.body)
		}
		sp := list.Items[0].Spread
		if len(sp.Cases) != 3 || len(sp.Perspectives) != 1 || sp.Perspectives[0].Lessons != 3 ||
			sp.FirstSeen == "" || len(sp.Quarters) == 0 {
			t.Errorf("%s: spread %+v", role, sp)
		}
		detail := e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/recurring-lessons/" + g.ID, as: e.people[role]})
		var d recurringJSON
		detail.json(t, &d)
		if len(d.Lessons) != 3 || d.Lessons[0].Case.ID == "" {
			t.Errorf("%s: detail lessons %+v", role, d.Lessons)
		}
		for _, body := range [][]byte{res.body, detail.body} {
			for _, s := range secrets {
				if strings.Contains(string(body), s) {
					t.Errorf("%s: the answer holds %q: %s", role, s, body)
				}
			}
		}
	}
	var all struct{ Items []recurringJSON }
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/recurring-lessons?all=true", as: fac}).json(t, &all)
	found := false
	for _, r := range all.Items {
		found = found || r.ID == other.ID && r.Status == "dismissed" && r.DismissReason == "Dit is al afgesproken."
	}
	if !found {
		t.Errorf("the facilitator's full list lacks the dismissed group with its reason: %+v", all.Items)
	}
}

func TestRecurringLessonCurationRefusals(t *testing.T) {
	e := newEnv(t)
	g, ls := e.recurringScene()
	fac, mem := e.people[facilitator], e.people[member]
	path := "/api/v1/recurring-lessons/" + g.ID
	v := g.Version
	tests := []struct {
		name   string
		req    request
		status int
		field  string
		code   string
	}{
		{"no version", request{method: "PATCH", path: path, body: map[string]any{"statement": "Een nieuwe zin."}}, 400, "version", "required"},
		{"nothing to change", request{method: "PATCH", path: path, body: map[string]any{"version": v}}, 400, "statement", "required"},
		{"a short statement", request{method: "PATCH", path: path, body: map[string]any{"statement": "Ja", "version": v}}, 400, "statement", "too_short"},
		{"an unknown status", request{method: "PATCH", path: path, body: map[string]any{"status": "weg", "version": v}}, 400, "status", "one_of"},
		{"dismissed without a reason", request{method: "PATCH", path: path, body: map[string]any{"status": "dismissed", "version": v}}, 400, "dismiss_reason", "required"},
		{"a stale version", request{method: "PATCH", path: path, body: map[string]any{"statement": "Een nieuwe zin.", "version": v + 1}}, 409, "version", "stale_version"},
		{"split without lessons", request{method: "POST", path: path + "/split", body: map[string]any{"lessons": []string{}, "version": v}}, 400, "lessons", "required"},
		{"split of a lesson elsewhere", request{method: "POST", path: path + "/split", body: map[string]any{"lessons": []string{e.own.ID}, "version": v}}, 400, "lessons", "not_allowed"},
		{"split of every lesson", request{method: "POST", path: path + "/split", body: map[string]any{"lessons": []string{ls[0].ID, ls[1].ID, ls[2].ID}, "version": v}}, 400, "lessons", "not_allowed"},
		{"stale split", request{method: "POST", path: path + "/split", body: map[string]any{"lessons": []string{ls[0].ID}, "version": v + 1}}, 409, "version", "stale_version"},
		{"merge with itself", request{method: "POST", path: path + "/merge", body: map[string]any{"groups": []string{g.ID}, "version": v}}, 400, "groups", "not_allowed"},
		{"merge with a malformed id", request{method: "POST", path: path + "/merge", body: map[string]any{"groups": []string{"x"}, "version": v}}, 400, "groups", "format"},
		{"place without a lesson", request{method: "POST", path: path + "/place", body: map[string]any{"version": v}}, 400, "lesson", "required"},
		{"place of an unknown lesson", request{method: "POST", path: path + "/place", body: map[string]any{"lesson": e.own.ID, "version": v}}, 400, "lesson", "not_allowed"},
		{"all=maybe", request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/recurring-lessons?all=maybe"}, 400, "all", "one_of"},
		{"a cursor", request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/recurring-lessons?cursor=abc"}, 400, "cursor", "not_allowed"},
		{"closest with limit 0", request{method: "GET", path: "/api/v1/lessons/" + ls[0].ID + "/closest-groups?limit=0"}, 400, "limit", "out_of_range"},
		{"a member asks for every group", request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/recurring-lessons?all=true", as: mem}, 403, "", ""},
		{"a member renames", request{method: "PATCH", path: path, as: mem, body: map[string]any{"statement": "Een nieuwe zin.", "version": v}}, 403, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.t = t
			if tt.req.as == nil {
				tt.req.as = fac
			}
			p := e.expect(tt.status, tt.req).problem(t)
			if tt.field != "" && (len(p.Errors) == 0 || p.Errors[0].Field != tt.field || string(p.Errors[0].Code) != tt.code) {
				t.Errorf("errors %+v, want %s %s", p.Errors, tt.field, tt.code)
			}
		})
	}
	e.t = t

	// A name in the statement or the reason: 422, and nothing stored.
	const name = "Sanne de Vries-Bakker"
	for _, body := range []map[string]any{
		{"statement": "Bel " + name + " als het misgaat.", "version": v},
		{"status": "dismissed", "dismiss_reason": "Zo wil " + name + " het.", "version": v},
	} {
		p := e.expect(http.StatusUnprocessableEntity, request{method: "PATCH", path: path, as: fac, body: body}).problem(t)
		if len(p.Findings) == 0 {
			t.Errorf("422 without findings: %+v", p)
		}
	}
	var n int64
	mustDo(e, e.db.Gorm.Table("lesson_groups").Where("statement LIKE ? OR dismiss_reason LIKE ?", "%Vries%", "%Vries%").Count(&n).Error)
	var now recurringJSON
	e.expect(http.StatusOK, request{method: "GET", path: path, as: fac}).json(t, &now)
	if n != 0 || now.Version != v || now.StatementEdited {
		t.Errorf("a refused request changed the group: %d rows hold the name, version %d → %d", n, v, now.Version)
	}
}

// A facilitator renames, splits, places back, merges and dismisses over
// HTTP; each answer is the group as it came out.
func TestRecurringLessonCurationOverHTTP(t *testing.T) {
	e := newEnv(t)
	g, ls := e.recurringScene()
	fac := e.people[facilitator]
	path := "/api/v1/recurring-lessons/" + g.ID
	var r recurringJSON
	e.expect(http.StatusOK, request{method: "PATCH", path: path, as: fac,
		body: map[string]any{"statement": "Vraag jongeren wat zij zelf willen.", "version": g.Version}}).json(t, &r)
	if r.Statement != "Vraag jongeren wat zij zelf willen." || !r.StatementEdited || r.Version <= g.Version {
		t.Fatalf("renamed %+v", r)
	}
	e.expect(http.StatusOK, request{method: "POST", path: path + "/split", as: fac,
		body: map[string]any{"lessons": []string{ls[2].ID}, "version": r.Version}}).json(t, &r)
	if r.CaseCount != 2 || r.Recurring || len(r.Lessons) != 2 {
		t.Fatalf("after the split %+v", r)
	}
	// The split lesson is a group of its own no longer; its closest groups
	// leave out the group it was split from.
	var closest struct {
		Items []struct {
			ID    string  `json:"id"`
			Score float64 `json:"score"`
		}
	}
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/lessons/" + ls[2].ID + "/closest-groups", as: fac}).json(t, &closest)
	for _, m := range closest.Items {
		if m.ID == g.ID {
			t.Errorf("the group it was split from is offered: %+v", closest.Items)
		}
	}
	e.expect(http.StatusOK, request{method: "POST", path: path + "/place", as: fac,
		body: map[string]any{"lesson": ls[2].ID, "version": r.Version}}).json(t, &r)
	if r.CaseCount != 3 || !r.Recurring {
		t.Fatalf("after placing it back %+v", r)
	}
	other := e.fixtureGroup(e.own.ID, groupWaiting)
	e.expect(http.StatusOK, request{method: "POST", path: path + "/merge", as: fac,
		body: map[string]any{"groups": []string{other.ID}, "version": r.Version}}).json(t, &r)
	if r.CaseCount != 4 || len(r.Lessons) != 5 {
		t.Fatalf("after the merge %+v", r)
	}
	e.expect(http.StatusOK, request{method: "PATCH", path: path, as: fac,
		body: map[string]any{"status": "dismissed", "dismiss_reason": "Dit is al beleid.", "version": r.Version}}).json(t, &r)
	if r.Status != "dismissed" || r.Recurring || r.DismissReason != "Dit is al beleid." {
		t.Fatalf("after the dismissal %+v", r)
	}
	restore := map[string]any{"status": "active", "version": r.Version}
	r = recurringJSON{} // dismiss_reason is left out when empty
	e.expect(http.StatusOK, request{method: "PATCH", path: path, as: fac, body: restore}).json(t, &r)
	if r.Status != "active" || !r.Recurring || r.DismissReason != "" {
		t.Fatalf("after the restoration %+v", r)
	}
}
