package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"leerlus"
	"leerlus/policy"
)

// templateRequest is a valid save of the network's current template: its
// definition as a generic JSON object, so that tests can change any part
// of it by pointer, based on the current version.
func (e *env) templateRequest(network string) map[string]any {
	e.t.Helper()
	cur, err := e.review.CurrentTemplate(context.Background(), leerlus.Access{NetworkID: network})
	if err != nil {
		e.t.Fatal(err)
	}
	var def map[string]any
	if err := json.Unmarshal(must(json.Marshal(cur.Definition)), &def); err != nil {
		e.t.Fatal(err)
	}
	return map[string]any{"based_on": cur.Version, "definition": def}
}

// templateAnswer is the part of a Template body the tests read.
type templateAnswer struct {
	ID         string `json:"id"`
	Version    int    `json:"version"`
	Current    bool   `json:"current"`
	Author     *struct{ ID, Name string }
	Definition struct {
		Key      string `json:"key"`
		Sections []struct {
			Key       string `json:"key"`
			Questions []struct {
				Key       string           `json:"key"`
				Type      string           `json:"type"`
				Fields    []map[string]any `json:"fields"`
				Overrides []map[string]any `json:"overrides"`
			} `json:"questions"`
		} `json:"sections"`
	} `json:"definition"`
	Perspectives  []string               `json:"perspectives"`
	QuestionTypes []string               `json:"question_types"`
	CoreQuestions []string               `json:"core_questions"`
	RatingScale   struct{ Min, Max int } `json:"rating_scale"`
}

// edit returns the definition object of a template request for changes.
func edit(body map[string]any) map[string]any { return body["definition"].(map[string]any) }

// at walks a definition object by keys and list indexes.
func at(v any, path ...any) map[string]any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v.(map[string]any)
}

// A member reads the current template with everything a renderer needs;
// a network starts from the default as version 1.
func TestGetTemplate(t *testing.T) {
	e := newEnv(t)
	var got templateAnswer
	e.expect(200, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/template", as: e.people[member]}).json(t, &got)
	if got.Version != 1 || !got.Current || got.Author != nil || got.Definition.Key != "reflectie" || len(got.Definition.Sections) != 5 {
		t.Errorf("version %d current %v author %v key %q with %d sections", got.Version, got.Current, got.Author, got.Definition.Key, len(got.Definition.Sections))
	}
	if !slices.Equal(got.Perspectives, policy.PerspectiveNames()) || !slices.Equal(got.QuestionTypes, []string{"items", "text", "lessons", "rating"}) ||
		!slices.Equal(got.CoreQuestions, []string{"worked", "did_not_work", "lessons"}) || got.RatingScale.Min != 1 || got.RatingScale.Max != 5 {
		t.Errorf("renderer lists %v %v %v %+v", got.Perspectives, got.QuestionTypes, got.CoreQuestions, got.RatingScale)
	}
	// Lists are never null: a text question has no fields, and says so.
	q := got.Definition.Sections[2].Questions[0]
	if q.Type != "text" || q.Fields == nil || len(q.Fields) != 0 || len(q.Overrides) == 0 {
		t.Errorf("text question %+v", q)
	}
}

// A facilitator saves a new version; members see it without its author,
// and the earlier version stays readable as it was.
func TestCreateTemplate(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	body := e.templateRequest(e.own.ID)
	at(edit(body), "sections", 0, "questions", 0, "overrides", 0)["nl"] = "Wat hielp jou het meest?"
	var saved templateAnswer
	e.expect(201, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/templates", as: fac, body: body}).json(t, &saved)
	if saved.Version != 2 || !saved.Current || saved.Author == nil || saved.Author.ID != fac.ID {
		t.Errorf("saved version %d current %v author %+v", saved.Version, saved.Current, saved.Author)
	}
	for _, who := range []string{member, researcher, manager} {
		res := e.expect(200, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/template", as: e.people[who]})
		var cur templateAnswer
		res.json(t, &cur)
		if cur.Version != 2 || cur.Definition.Sections[0].Questions[0].Overrides[0]["nl"] != "Wat hielp jou het meest?" {
			t.Errorf("%s reads version %d", who, cur.Version)
		}
		list := e.expect(200, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/templates", as: e.people[who]})
		for _, r := range []*response{res, list} {
			if bytes.Contains(r.body, []byte(fac.ID)) || bytes.Contains(r.body, []byte(fac.Name)) || bytes.Contains(r.body, []byte(`"author"`)) {
				t.Errorf("a %s sees who saved the template: %s", who, r.body)
			}
		}
	}
	var list struct {
		Items []struct {
			Version int  `json:"version"`
			Current bool `json:"current"`
			Author  *struct{ ID string }
		} `json:"items"`
	}
	e.expect(200, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/templates", as: fac}).json(t, &list)
	if len(list.Items) != 2 || list.Items[0].Version != 2 || !list.Items[0].Current || list.Items[0].Author == nil ||
		list.Items[1].Version != 1 || list.Items[1].Current || list.Items[1].Author != nil {
		t.Errorf("versions %+v", list.Items)
	}
	var first templateAnswer
	e.expect(200, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/templates/1", as: e.people[member]}).json(t, &first)
	if first.Version != 1 || first.Current || first.Definition.Sections[0].Questions[0].Overrides[0]["nl"] != "Wat hielp jou?" {
		t.Errorf("version 1 reads %d current %v", first.Version, first.Current)
	}
	// The same base again is stale: someone saved in the meantime.
	res := e.expect(409, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/templates", as: fac, body: e.templateRequestBasedOn(1)})
	if p := res.problem(t); len(p.Errors) != 1 || p.Errors[0].Field != "based_on" || p.Errors[0].Code != leerlus.FieldStaleVersion {
		t.Errorf("errors %+v, want based_on stale_version", p.Errors)
	}
}

// templateRequestBasedOn is the own network's current template, claimed
// to be based on an older version.
func (e *env) templateRequestBasedOn(version int) map[string]any {
	body := e.templateRequest(e.own.ID)
	body["based_on"] = version
	return body
}

// A definition that breaks several rules answers 400 naming every one by
// its pointer in the body, with stable codes and params; nothing is saved.
func TestCreateTemplateFieldErrors(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	body := e.templateRequest(e.own.ID)
	def := edit(body)
	at(def, "sections", 2, "questions", 0)["type"] = "choice"
	at(def, "sections", 4, "questions", 1)["key"] = "on_time"
	at(def, "sections", 3)["en"] = ""
	at(def, "sections", 0, "questions", 0, "overrides", 1)["perspective"] = "kind"
	at(def, "sections", 1, "questions", 0)["type"] = "text"
	res := e.expect(400, request{method: "POST", path: "/api/v1/networks/" + e.own.ID + "/templates", as: fac, body: body})
	p := res.problem(t)
	type fe struct {
		field string
		code  leerlus.FieldCode
	}
	var got []fe
	params := map[string]leerlus.Params{}
	for _, f := range p.Errors {
		got = append(got, fe{f.Field, f.Code})
		params[f.Field] = f.Params
		if f.Message == "" {
			t.Errorf("%s has no message", f.Field)
		}
	}
	want := []fe{
		{"/definition/sections/0/questions/0/overrides/1/perspective", leerlus.FieldOneOf},
		{"/definition/sections/1/questions/0/fields", leerlus.FieldNotAllowed},
		{"/definition/sections/2/questions/0/type", leerlus.FieldOneOf},
		{"/definition/sections/3/en", leerlus.FieldRequired},
		{"/definition/sections/4/questions/1/key", leerlus.FieldDuplicate},
		{"/definition/sections/1/questions/0/type", leerlus.FieldNotAllowed},
	}
	byField := func(a, b fe) int { return strings.Compare(a.field, b.field) }
	slices.SortFunc(got, byField)
	slices.SortFunc(want, byField)
	if !slices.Equal(got, want) {
		t.Errorf("errors %+v, want %+v", got, want)
	}
	if allowed, _ := params["/definition/sections/2/questions/0/type"]["allowed"].([]any); len(allowed) != 4 {
		t.Errorf("one_of params %v, want the four question types", params["/definition/sections/2/questions/0/type"])
	}
	if r := params["/definition/sections/1/questions/0/type"]["reason"]; r != "core_question" {
		t.Errorf("core question reason %v", r)
	}
	var list struct{ Items []any }
	e.expect(200, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/templates", as: fac}).json(t, &list)
	if len(list.Items) != 1 {
		t.Errorf("%d versions after a refused save", len(list.Items))
	}
}

// Other refusals of a save: no definition, an unknown field deep in it,
// and wording that names someone.
func TestCreateTemplateRefusals(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	path := "/api/v1/networks/" + e.own.ID + "/templates"
	p := e.expect(400, request{method: "POST", path: path, as: fac, body: map[string]any{}}).problem(t)
	if len(p.Errors) != 2 || p.Errors[0].Field != "based_on" || p.Errors[1].Field != "definition" {
		t.Errorf("errors %+v, want based_on and definition", p.Errors)
	}
	body := e.templateRequest(e.own.ID)
	at(edit(body), "sections", 0)["colour"] = "rood"
	p = e.expect(400, request{method: "POST", path: path, as: fac, body: body}).problem(t)
	if len(p.Errors) != 1 || p.Errors[0].Code != leerlus.FieldUnknown {
		t.Errorf("errors %+v, want unknown_field", p.Errors)
	}
	body = e.templateRequest(e.own.ID)
	edit(body)["intro_nl"] = identifyingText
	p = e.expect(422, request{method: "POST", path: path, as: fac, body: body}).problem(t)
	if len(p.Findings) < 2 {
		t.Errorf("findings %+v, want the name and the BSN", p.Findings)
	}
	for _, f := range p.Findings {
		if f.Field != "/definition/intro_nl" {
			t.Errorf("finding at %s, want /definition/intro_nl", f.Field)
		}
	}
	for _, v := range []string{"2", "99", "0", "-1", "x", "1.0"} {
		e.expect(404, request{method: "GET", path: path + "/" + v, as: fac}).problem(t)
	}
}
