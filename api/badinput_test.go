package api_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"leerlus"

	"leerlus/policy"
)

// stringField names, per write route with a body, one string field, used
// to send a value of the wrong type.
var stringField = map[string]string{
	"POST /api/v1/session":                                            "email",
	"PATCH /api/v1/me":                                                "name",
	"PUT /api/v1/me/password":                                         "new_password",
	"POST /api/v1/me/tokens":                                          "name",
	"POST /api/v1/workplaces":                                         "name",
	"PATCH /api/v1/workplaces/:workplace":                             "region",
	"POST /api/v1/workplaces/:workplace/organisations":                "name",
	"PATCH /api/v1/workplaces/:workplace/organisations/:organisation": "name",
	"POST /api/v1/workplaces/:workplace/networks":                     "name",
	"PATCH /api/v1/networks/:network":                                 "description",
	"PATCH /api/v1/networks/:network/members/:membership":             "perspective",
	"POST /api/v1/networks/:network/invitations":                      "email",
	"POST /api/v1/invitation-tokens/:token/accept":                    "name",
	"PATCH /api/v1/people/:person":                                    "name",
	"POST /api/v1/password-reset-tokens/:token":                       "new_password",
	"POST /api/v1/scan":                                               "text",
	"POST /api/v1/networks/:network/cases":                            "summary",
	"PATCH /api/v1/cases/:case":                                       "summary",
	"POST /api/v1/cases/:case/scan":                                   "text",
	"POST /api/v1/cases/:case/episodes":                               "what_happened",
	"PATCH /api/v1/cases/:case/episodes/:episode":                     "what_happened",
	"PUT /api/v1/cases/:case/episode-order":                           "episodes",
	"POST /api/v1/cases/:case/submit":                                 "version",
	"POST /api/v1/cases/:case/withdraw":                               "version",
	"POST /api/v1/cases/:case/publish":                                "version",
	"POST /api/v1/cases/:case/send-back":                              "comment",
	"POST /api/v1/cases/:case/archive":                                "version",
	"POST /api/v1/cases/:case/reflections":                            "items",
	"PATCH /api/v1/reflections/:reflection":                           "items",
	"POST /api/v1/reflections/:reflection/scan":                       "text",
	"POST /api/v1/reflections/:reflection/submit":                     "version",
	"POST /api/v1/reflections/:reflection/withdraw":                   "version",
	"POST /api/v1/reflections/:reflection/publish":                    "version",
	"POST /api/v1/reflections/:reflection/send-back":                  "comment",
	"PUT /api/v1/reflections/:reflection/items/:item/codes":           "version",
	"POST /api/v1/networks/:network/templates":                        "definition",
	"POST /api/v1/networks/:network/codebook/themes":                  "label_nl",
	"PATCH /api/v1/networks/:network/codebook/themes/:theme":          "label_nl",
	"POST /api/v1/networks/:network/codebook/codes":                   "label_nl",
	"POST /api/v1/networks/:network/codebook/import":                  "qdc",
	"PATCH /api/v1/networks/:network/codebook/codes/:code":            "label_nl",
	"POST /api/v1/networks/:network/codebook/codes/:code/merge":       "into",
	"POST /api/v1/networks/:network/lessons/merge":                    "into",
	"PATCH /api/v1/lessons/:lesson":                                   "statement",
	"POST /api/v1/lessons/:lesson/accept":                             "statement",
	"POST /api/v1/lessons/:lesson/reject":                             "reason",
	"POST /api/v1/lessons/:lesson/reopen":                             "version",
	"PATCH /api/v1/recurring-lessons/:group":                          "statement",
	"POST /api/v1/recurring-lessons/:group/split":                     "lessons",
	"POST /api/v1/recurring-lessons/:group/merge":                     "groups",
	"POST /api/v1/recurring-lessons/:group/place":                     "lesson",
	"POST /api/v1/networks/:network/code-suggestions":                 "text",
	"POST /api/v1/networks/:network/actions":                          "title",
	"PATCH /api/v1/actions/:action":                                   "title",
	"POST /api/v1/actions/:action/status":                             "reason",
	"POST /api/v1/actions/:action/progress":                           "text",
	"POST /api/v1/networks/:network/goals":                            "name",
	"PATCH /api/v1/goals/:goal":                                       "name",
	"POST /api/v1/goals/:goal/measurements":                           "measured_on",
	"PATCH /api/v1/goals/:goal/measurements/:measurement":             "measured_on",
}

// bodyless are the write routes other than DELETE that take no body.
var bodyless = map[string]bool{
	"POST /api/v1/networks/:network/members/:membership/password-resets": true,
	"POST /api/v1/people/:person/password-resets":                        true,
}

// writerFor picks a caller allowed to call the route.
func (e *env) writerFor(r matrixRoute) *person {
	switch {
	case contains(r.allow, anyone):
		return nil
	case contains(r.allow, admin):
		return e.admin
	case contains(r.allow, facilitator):
		return e.people[facilitator]
	case !contains(r.allow, member) && contains(r.allow, manager):
		return e.people[manager]
	case !contains(r.allow, member) && contains(r.allow, researcher):
		return e.people[researcher]
	}
	return e.people[member]
}

// withParam replaces the value of one :param of a route in a built path.
func withParam(template, path, param, value string) string {
	path, query, hasQuery := strings.Cut(path, "?")
	tparts, pparts := strings.Split(template, "/"), strings.Split(path, "/")
	for i, tp := range tparts {
		if tp == ":"+param && i < len(pparts) {
			pparts[i] = value
		}
	}
	if hasQuery {
		return strings.Join(pparts, "/") + "?" + query
	}
	return strings.Join(pparts, "/")
}

// withQuery adds a raw query pair to a built path.
func withQuery(path, pair string) string {
	if strings.Contains(path, "?") {
		return path + "&" + pair
	}
	return path + "?" + pair
}

func params(template string) []string {
	var out []string
	for _, p := range strings.Split(template, "/") {
		if strings.HasPrefix(p, ":") {
			out = append(out, p[1:])
		}
	}
	return out
}

// TestBadInputOnEveryWriteRoute sends each write route malformed JSON,
// wrong types, unknown fields, oversized bodies, wrong content types,
// invalid UTF-8 and unknown or malformed ids, and expects a 4xx problem
// every time (the harness also fails on any 5xx).
func TestBadInputOnEveryWriteRoute(t *testing.T) {
	e := newEnv(t)
	big := make([]byte, (1<<20)+10)
	for i := range big {
		big[i] = 'a'
	}
	oversized := append(append([]byte(`{"name":"`), big...), '"', '}')
	for _, r := range matrix() {
		if r.method == "GET" {
			continue
		}
		key := r.method + " " + r.path
		field, hasBody := stringField[key]
		if r.method != "DELETE" && !hasBody && !bodyless[key] {
			t.Errorf("%s takes a body but has no entry in stringField", key)
			continue
		}
		type badCase struct {
			name   string
			mutate func(req *request)
			status int
			field  string
		}
		cases := []badCase{
			{"oversized body", func(q *request) { q.raw = oversized }, http.StatusRequestEntityTooLarge, ""},
		}
		// A value of the wrong type for the field: a number for a text or a
		// list, text for a number.
		var wrong any = 12345
		if field == "version" {
			wrong = "12345"
		}
		if hasBody {
			cases = append(cases,
				badCase{"malformed JSON", func(q *request) { q.raw = []byte(`{"` + field + `": `) }, 400, "body"},
				badCase{"empty body", func(q *request) { q.raw = []byte{}; q.contentType = "application/json" }, 400, "body"},
				badCase{"wrong type", func(q *request) { q.body = map[string]any{field: wrong} }, 400, field},
				badCase{"list instead of object", func(q *request) { q.raw = []byte(`[]`) }, 400, "body"},
				badCase{"unknown field", func(q *request) { q.body = map[string]any{"zzz_unknown": 1} }, 400, "zzz_unknown"},
				badCase{"two JSON values", func(q *request) { q.raw = []byte(`{} {}`) }, 400, "body"},
				badCase{"wrong content type", func(q *request) { q.contentType = "text/plain" }, http.StatusUnsupportedMediaType, ""},
				badCase{"form content type", func(q *request) {
					q.raw, q.contentType = []byte("name=x"), "application/x-www-form-urlencoded"
				}, http.StatusUnsupportedMediaType, ""},
				badCase{"invalid UTF-8", func(q *request) { q.raw = []byte("{\"" + field + "\": \"\xff\xfe\"}") }, 400, "body"},
				badCase{"NUL in a string", func(q *request) { q.raw = []byte(`{"` + field + `": "a\u0000b"}`) }, 400, field},
				badCase{"NUL alone", func(q *request) { q.raw = []byte(`{"` + field + `": "\u0000"}`) }, 400, field},
				// What encoding/json lets pass by itself (found by an outside
				// attack): a lone surrogate it turns into U+FFFD, control and
				// direction characters, a field named in another case, a
				// field given twice (the last would win).
				badCase{"lone surrogate", func(q *request) { q.raw = []byte(`{"` + field + `": "a\ud800b"}`) }, 400, "body"},
				badCase{"control character", func(q *request) { q.raw = []byte(`{"` + field + `": "a\u0007b"}`) }, 400, field},
				badCase{"direction override", func(q *request) { q.raw = []byte(`{"` + field + `": "\u202eabc"}`) }, 400, field},
				badCase{"field in another case", func(q *request) { q.raw = []byte(`{"` + strings.ToUpper(field) + `": "x"}`) }, 400, strings.ToUpper(field)},
				badCase{"field twice", func(q *request) { q.raw = []byte(`{"` + field + `": "x", "` + field + `": "y"}`) }, 400, field},
			)
		}
		cases = append(cases,
			badCase{"NUL in a query value", func(q *request) { q.path = withQuery(q.path, "zzz=%00") }, 400, "zzz"},
			badCase{"invalid UTF-8 in a query value", func(q *request) { q.path = withQuery(q.path, "zzz=%FF%FE") }, 400, "zzz"},
			badCase{"invalid UTF-8 in a query name", func(q *request) { q.path = withQuery(q.path, "%FF=1") }, 400, "query"},
		)
		for _, p := range params(r.path) {
			p := p
			cases = append(cases,
				badCase{"unknown " + p, func(q *request) {
					q.path = withParam(r.path, q.path, p, "0190f3a0-0000-7000-8000-000000000000")
				}, http.StatusNotFound, ""},
				badCase{"malformed " + p, func(q *request) { q.path = withParam(r.path, q.path, p, "not-an-id") }, http.StatusNotFound, ""},
				badCase{"NUL as " + p, func(q *request) { q.path = withParam(r.path, q.path, p, "%00") }, http.StatusNotFound, ""},
				badCase{"invalid UTF-8 as " + p, func(q *request) { q.path = withParam(r.path, q.path, p, "%FF%FE") }, http.StatusNotFound, ""},
			)
		}
		for _, c := range cases {
			t.Run(key+" "+c.name, func(t *testing.T) {
				e.t = t
				as := e.writerFor(r)
				req := r.build(e, as, e.own.ID)
				if req.body == nil && req.raw == nil && hasBody {
					req.body = map[string]any{}
				}
				c.mutate(&req)
				res := e.do(req)
				if res.status != c.status {
					t.Fatalf("status %d, want %d; body %s", res.status, c.status, res.body)
				}
				p := res.problem(t)
				if c.field != "" && (len(p.Errors) == 0 || p.Errors[0].Field != c.field) {
					t.Fatalf("field errors %+v, want one for %q", p.Errors, c.field)
				}
			})
		}
	}
}

// badQueries are query strings no route may pass on to the database: NUL
// characters and bytes that are not UTF-8, which PostgreSQL refuses.
var badQueries = []struct{ name, query, field string }{
	{"NUL in an unknown parameter", "zzz=%00", "zzz"},
	{"invalid UTF-8 in an unknown parameter", "zzz=%FF", "zzz"},
	{"invalid UTF-8 in a parameter name", "%C3%28=1", "query"},
	{"NUL in limit", "limit=%00", "limit"},
}

// badCursors decode to text that is not valid UTF-8 or holds NUL.
var badCursors = []struct{ name, cursor string }{
	{"cursor of NUL", base64.RawURLEncoding.EncodeToString([]byte{0})},
	{"cursor with NUL", base64.RawURLEncoding.EncodeToString([]byte("0190f3a0-0000-7000-8000-00000000000\x00"))},
	{"cursor of invalid UTF-8", base64.RawURLEncoding.EncodeToString([]byte{0xff, 0xfe})},
	{"cursor of a lone continuation byte", base64.RawURLEncoding.EncodeToString([]byte("abc\x80"))},
}

// filterQueries are the checked and unchecked filters of list routes.
var filterQueries = map[string][]string{
	"/api/v1/audit":  {"action", "actor", "network", "from", "to"},
	"/api/v1/people": {"q"},
	"/api/v1/networks/:network/codebook/history":                   {"code"},
	"/api/v1/networks/:network/codebook/codes/:code/merge-preview": {"into"},
	"/api/v1/networks/:network/lessons":                            {"status", "code", "case", "q"},
}

// TestBadQueryOnEveryReadRoute sends every API GET route NUL characters
// and invalid UTF-8 in query values and names; every list route also gets
// cursors that decode to such bytes, and filters holding them. Each answer
// must be a 400 problem naming the parameter, on both engines. The same
// bytes as a path id answer 404.
func TestBadQueryOnEveryReadRoute(t *testing.T) {
	e := newEnv(t)
	for _, r := range matrix() {
		if r.method != "GET" || !strings.HasPrefix(r.path, "/api/v1/") {
			continue
		}
		as := e.writerFor(r)
		// A route is a list when its answer has items and is not itself
		// an object with an id (a reflection has items too); lists take
		// cursors.
		var probe map[string]json.RawMessage
		isList := json.Unmarshal(e.expect(r.ok, r.build(e, as, e.own.ID)).body, &probe) == nil && probe["items"] != nil && probe["id"] == nil
		type badCase struct{ name, query, field string }
		var cases []badCase
		for _, q := range badQueries {
			cases = append(cases, badCase{q.name, q.query, q.field})
		}
		if isList {
			for _, c := range badCursors {
				cases = append(cases, badCase{c.name, "cursor=" + c.cursor, "cursor"})
			}
		}
		for _, f := range filterQueries[r.path] {
			cases = append(cases,
				badCase{"NUL in " + f, f + "=%00", f},
				badCase{"NUL inside " + f, f + "=a%00b", f},
				badCase{"invalid UTF-8 in " + f, f + "=%FF", f})
		}
		for _, p := range params(r.path) {
			for _, bad := range []string{"%00", "%FF%FE", "a%00b"} {
				t.Run(r.path+" "+p+" "+bad, func(t *testing.T) {
					e.t = t
					req := r.build(e, as, e.own.ID)
					req.path = withParam(r.path, req.path, p, bad)
					e.expect(http.StatusNotFound, req).problem(t)
				})
			}
		}
		for _, c := range cases {
			t.Run(r.path+" "+c.name, func(t *testing.T) {
				e.t = t
				req := r.build(e, as, e.own.ID)
				req.path = withQuery(req.path, c.query) // a route's own query stays
				res := e.expect(http.StatusBadRequest, req)
				p := res.problem(t)
				if len(p.Errors) == 0 || p.Errors[0].Field != c.field {
					t.Fatalf("field errors %+v, want one for %q", p.Errors, c.field)
				}
				if res.header.Get("Cache-Control") != "no-store" {
					t.Fatalf("Cache-Control %q", res.header.Get("Cache-Control"))
				}
			})
		}
	}
}

// TestIDsFromAnotherNetwork uses ids of objects in the other network under
// the own network's path: they do not exist there.
func TestIDsFromAnotherNetwork(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	otherMember := e.addMember(e.newPerson("elders", false), e.other.ID, policy.RoleMember)
	otherInv, _ := e.invite(e.other.ID, "")
	own := "/api/v1/networks/" + e.own.ID
	for _, req := range []request{
		{method: "PATCH", path: own + "/members/" + otherMember.ID, body: map[string]any{"perspective": "ouder", "version": 1}},
		{method: "DELETE", path: own + "/members/" + otherMember.ID},
		{method: "DELETE", path: own + "/invitations/" + otherInv.ID},
	} {
		for _, as := range []*person{fac, e.admin} {
			req.as = as
			res := e.expect(http.StatusNotFound, req)
			res.problem(t)
		}
	}
	// And they are untouched.
	ms, _, err := e.svc.ListMembers(context.Background(), leerlus.Access{NetworkID: e.other.ID}, pageAll)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range ms {
		found = found || m.ID == otherMember.ID
	}
	if !found {
		t.Fatal("the other network's membership was removed through the wrong network")
	}
}
