package api_test

import (
	"net/http"
	"strings"
	"testing"

	"leerlus/cases"
	"leerlus/review"
)

// LessonBody and its list as the tests read them.
type lessonJSON struct {
	ID      string `json:"id"`
	Status  string `json:"status"`
	Version int    `json:"version"`
	Codes   []struct {
		ID string `json:"id"`
	} `json:"codes"`
	Sources []struct {
		LessonID     string `json:"lesson_id"`
		ReflectionID string `json:"reflection_id"`
	} `json:"sources"`
}

type lessonListJSON struct {
	Items []lessonJSON `json:"items"`
}

// reflectionOf reads the reflection a fixture lesson was written in.
func (e *env) reflectionOf(l review.Lesson) string { return *l.ReflectionID }

// Members, managers and researchers read lessons without any trace of
// who wrote the reflections behind them (nor who curated them); the
// network's facilitators get the reflections to open.
func TestLessonResponsesNeverNameAnAuthor(t *testing.T) {
	e := newEnv(t)
	a := e.fixtureLesson(e.own.ID, review.LessonAccepted)
	b := e.fixtureLesson(e.own.ID, review.LessonProposed)
	fac := e.people[facilitator]
	e.expect(http.StatusOK, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/lessons/merge", as: fac,
		body: map[string]any{"into": a.ID, "lessons": []map[string]any{{"id": b.ID, "version": b.Version}}}})
	author, _ := e.casePeople(e.own.ID)
	secrets := []string{author.ID, author.Name, author.Email, e.reflectionOf(a), e.reflectionOf(b), fac.ID, fac.Name,
		"reflection_id", "reject_reason", "curated_at", "merged_into", "author"}
	paths := []string{"/api/v1/networks/" + e.own.ID + "/lessons", "/api/v1/lessons/" + a.ID,
		"/api/v1/networks/" + e.own.ID + "/lessons?case=" + b.CaseID}
	for _, role := range []string{member, researcher, manager} {
		for _, path := range paths {
			res := e.expect(http.StatusOK, request{method: "GET", path: path, as: e.people[role]})
			if !strings.Contains(string(res.body), a.ID) {
				t.Errorf("%s %s: the lesson is missing: %s", role, path, res.body)
			}
			for _, s := range secrets {
				if strings.Contains(string(res.body), s) {
					t.Errorf("%s %s: the answer holds %q: %s", role, path, s, res.body)
				}
			}
		}
	}
	var v lessonJSON
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/lessons/" + a.ID, as: fac}).json(t, &v)
	if len(v.Sources) != 2 || v.Sources[0].ReflectionID != e.reflectionOf(a) || v.Sources[1].ReflectionID != e.reflectionOf(b) {
		t.Errorf("a facilitator's sources %+v", v.Sources)
	}
}

func TestLessonCurationOverHTTP(t *testing.T) {
	e := newEnv(t)
	fac, mem := e.people[facilitator], e.people[member]
	l := e.fixtureLesson(e.own.ID, review.LessonProposed)
	path := "/api/v1/lessons/" + l.ID
	codes := e.lessonCodes(e.own.ID)

	// Members do not know of a lesson that is not accepted.
	e.expect(http.StatusNotFound, request{method: "GET", path: path, as: mem}).problem(t)
	var list lessonListJSON
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/lessons", as: mem}).json(t, &list)
	if len(list.Items) != 0 {
		t.Errorf("a member lists %+v", list.Items)
	}
	p := e.expect(http.StatusBadRequest, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/lessons?status=proposed", as: mem}).problem(t)
	if len(p.Errors) == 0 || p.Errors[0].Field != "status" {
		t.Errorf("errors %+v", p.Errors)
	}

	var v lessonJSON
	e.expect(http.StatusOK, request{method: "POST", path: path + "/accept", as: fac,
		body: map[string]any{"statement": "Regel hulp voor de tijd dat een gezin wacht.", "codes": codes, "version": 1}}).json(t, &v)
	if v.Status != "accepted" || v.Version != 2 || len(v.Codes) != 2 {
		t.Errorf("accepted %+v", v)
	}
	e.expect(http.StatusOK, request{method: "GET", path: path, as: mem})

	p = e.expect(http.StatusConflict, request{method: "PATCH", path: path, as: fac, body: map[string]any{"statement": "Andere woorden.", "version": 1}}).problem(t)
	if len(p.Errors) == 0 || p.Errors[0].Field != "version" || p.Errors[0].Code != "stale_version" {
		t.Errorf("stale edit %+v", p.Errors)
	}
	p = e.expect(http.StatusBadRequest, request{method: "POST", path: path + "/reject", as: fac, body: map[string]any{"reason": " ", "version": 2}}).problem(t)
	if len(p.Errors) == 0 || p.Errors[0].Field != "reason" {
		t.Errorf("empty reason %+v", p.Errors)
	}
	p = e.expect(http.StatusBadRequest, request{method: "PATCH", path: path, as: fac, body: map[string]any{"codes": []string{e.own.ID}, "version": 2}}).problem(t)
	if len(p.Errors) == 0 || p.Errors[0].Field != "codes" || p.Errors[0].Code != "not_allowed" {
		t.Errorf("unknown code %+v", p.Errors)
	}
	e.expect(http.StatusOK, request{method: "POST", path: path + "/reject", as: fac, body: map[string]any{"reason": "Dit staat al in een andere les.", "version": 2}}).json(t, &v)
	e.expect(http.StatusNotFound, request{method: "GET", path: path, as: mem})
	e.expect(http.StatusOK, request{method: "POST", path: path + "/reopen", as: fac, body: map[string]any{"version": v.Version}}).json(t, &v)
	if v.Status != "proposed" {
		t.Errorf("reopened %+v", v)
	}

	var history struct {
		Items []struct {
			Action string         `json:"action"`
			Reason string         `json:"reason"`
			Actor  *personRefJSON `json:"actor"`
			Before *struct {
				Statement string `json:"statement"`
			} `json:"before"`
		} `json:"items"`
	}
	e.expect(http.StatusOK, request{method: "GET", path: path + "/history", as: fac}).json(t, &history)
	var actions []string
	for _, h := range history.Items {
		actions = append(actions, h.Action)
	}
	if strings.Join(actions, " ") != "accepted rejected reopened" || history.Items[0].Before == nil ||
		history.Items[0].Before.Statement != l.Statement || history.Items[1].Reason != "Dit staat al in een andere les." ||
		history.Items[0].Actor == nil || history.Items[0].Actor.ID != fac.ID {
		t.Errorf("history %+v", history.Items)
	}

	// A lesson of another network cannot be merged in, not even by id.
	elsewhere := e.fixtureLesson(e.other.ID, review.LessonProposed)
	e.expect(http.StatusNotFound, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/lessons/merge", as: fac,
		body: map[string]any{"into": l.ID, "lessons": []map[string]any{{"id": elsewhere.ID, "version": 1}}}}).problem(t)
	e.expect(http.StatusNotFound, request{method: "POST", path: "/api/v1/lessons/" + elsewhere.ID + "/accept", as: fac,
		body: map[string]any{"version": 1}}).problem(t)
	var stored review.Lesson
	mustDo(e, e.db.Gorm.Where("id = ?", elsewhere.ID).Take(&stored).Error)
	if stored.Status != review.LessonProposed || stored.Version != 1 {
		t.Errorf("the other network's lesson changed: %+v", stored)
	}
}

// personRefJSON is the shape of a person reference in answers.
type personRefJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// A lesson written in a reflection through the reflection routes enters
// curation when its reflection is published, not before; accepted, it
// leads members back to the item it came from.
func TestLessonsEnterCurationWhenTheirReflectionIsPublished(t *testing.T) {
	e := newEnv(t)
	fac, mem, reader := e.people[facilitator], e.people[member], e.people[researcher]
	c := e.fixtureCase(nil, e.own.ID, cases.StatusPublished)
	var r struct {
		ID      string `json:"id"`
		Version int    `json:"version"`
	}
	body := reflectionBody(0)
	body["items"] = []any{map[string]any{"question": "worked", "what": "De mentor bleef contact houden."},
		map[string]any{"question": "did_not_work", "what": "Het wachten op de jeugd-ggz duurde maanden."}}
	e.expect(http.StatusCreated, request{method: "POST", path: "/api/v1/cases/" + c.ID + "/reflections", as: mem, body: body}).json(t, &r)
	list := func(as *person) []lessonJSON {
		var l lessonListJSON
		e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/lessons", as: as}).json(t, &l)
		return l.Items
	}
	var ids []string
	mustDo(e, e.db.Gorm.Model(&review.Lesson{}).Where("reflection_id = ?", r.ID).Pluck("id", &ids).Error)
	if len(ids) != 1 {
		t.Fatalf("lessons of the reflection: %v", ids)
	}
	lesson := "/api/v1/lessons/" + ids[0]

	e.expect(http.StatusOK, request{method: "POST", path: "/api/v1/reflections/" + r.ID + "/submit", as: mem, body: map[string]any{"version": r.Version}}).json(t, &r)
	if got := list(fac); len(got) != 0 {
		t.Errorf("a submitted reflection's lesson is in curation: %+v", got)
	}
	e.expect(http.StatusNotFound, request{method: "GET", path: lesson, as: fac})

	e.expect(http.StatusOK, request{method: "POST", path: "/api/v1/reflections/" + r.ID + "/publish", as: fac, body: map[string]any{"version": r.Version}})
	got := list(fac)
	if len(got) != 1 || got[0].ID != ids[0] || got[0].Status != "proposed" {
		t.Fatalf("curation list %+v", got)
	}
	if len(list(mem)) != 0 || len(list(reader)) != 0 {
		t.Error("members or researchers see a proposed lesson")
	}
	e.expect(http.StatusOK, request{method: "POST", path: lesson + "/accept", as: fac, body: map[string]any{"version": got[0].Version}})
	var v struct {
		Sources []struct {
			Items []struct {
				What string `json:"what"`
			} `json:"items"`
		} `json:"sources"`
	}
	e.expect(http.StatusOK, request{method: "GET", path: lesson, as: reader}).json(t, &v)
	if len(v.Sources) != 1 || len(v.Sources[0].Items) != 1 || v.Sources[0].Items[0].What != "De mentor bleef contact houden." {
		t.Errorf("sources %+v", v.Sources)
	}
}
