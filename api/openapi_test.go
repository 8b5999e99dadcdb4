package api_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"leerlus/api"
	"leerlus/dbtest"
	"leerlus/policy"
)

// newOpenAPIServer is a server on a fresh database, without fixtures.
func newOpenAPIServer(t *testing.T) *api.Server {
	t.Helper()
	db := dbtest.Open(t)
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	srv, err := api.New(withCases(api.Deps{DB: db, Policy: policy.NewService(db, nil, cfg), Scanner: testScanner(t)}))
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

func TestOpenAPIDocumentIsValid(t *testing.T) {
	doc, err := loadOpenAPIDoc()
	if err != nil {
		t.Fatal(err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Errorf("openapi is %q, want 3.1.x", doc.OpenAPI)
	}
	if _, err := loadContract(); err != nil {
		t.Fatalf("router: %v", err)
	}
}

// openAPIPath turns a gin route template into an OpenAPI path template.
func openAPIPath(ginPath string) string {
	parts := strings.Split(ginPath, "/")
	for i, p := range parts {
		if strings.HasPrefix(p, ":") || strings.HasPrefix(p, "*") {
			parts[i] = "{" + p[1:] + "}"
		}
	}
	return strings.Join(parts, "/")
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	doc, err := loadOpenAPIDoc()
	if err != nil {
		t.Fatal(err)
	}
	srv := newOpenAPIServer(t)
	registered := map[string]bool{"GET /healthz": true, "GET /readyz": true}
	for _, ep := range srv.Endpoints() {
		registered[ep.Method+" "+openAPIPath(ep.Path)] = true
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	for _, ep := range sortedKeys(registered) {
		if !documented[ep] {
			t.Errorf("route %s is registered but not documented in api/openapi.yaml", ep)
		}
	}
	for _, ep := range sortedKeys(documented) {
		if !registered[ep] {
			t.Errorf("api/openapi.yaml documents %s, which the server does not register", ep)
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestOpenAPIServedAsJSON(t *testing.T) {
	srv := newOpenAPIServer(t)
	req := httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("content type %q, want application/json", ct)
	}
	checkOpenAPI(t, req, nil, rec.Code, rec.Header(), rec.Body.Bytes())

	var served any
	if err := json.Unmarshal(rec.Body.Bytes(), &served); err != nil {
		t.Fatalf("served document is not JSON: %v", err)
	}
	var written any
	if err := yaml.Unmarshal(api.OpenAPIYAML(), &written); err != nil {
		t.Fatal(err)
	}
	// Compare both as generic JSON values, so that YAML's integers and
	// JSON's float64 numbers do not differ.
	b, err := json.Marshal(written)
	if err != nil {
		t.Fatal(err)
	}
	var want any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(served, want) {
		t.Error("GET /api/v1/openapi.json differs from api/openapi.yaml")
	}
}

// routeHandlers reads the route table from the package source: for every
// composite literal {"METHOD", "/path", s.handler}, the handler's name by
// "METHOD /path".
func routeHandlers(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			// A route literal: method, path, permission, network scope, handler.
			if !ok || len(lit.Elts) != 5 {
				return true
			}
			method, ok1 := stringLit(lit.Elts[0])
			path, ok2 := stringLit(lit.Elts[1])
			sel, ok3 := lit.Elts[4].(*ast.SelectorExpr)
			if ok1 && ok2 && ok3 && strings.HasPrefix(path, "/api/") {
				out[method+" "+openAPIPath(path)] = sel.Sel.Name
			}
			return true
		})
	}
	return out
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

func TestOpenAPIOperationsMatchHandlers(t *testing.T) {
	doc, err := loadOpenAPIDoc()
	if err != nil {
		t.Fatal(err)
	}
	handlers := routeHandlers(t)
	if len(handlers) == 0 {
		t.Fatal("found no route table in the package source")
	}
	seen := map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			ep := method + " " + path
			if !lowerCamel.MatchString(op.OperationID) {
				t.Errorf("%s: operationId %q is not lowerCamelCase", ep, op.OperationID)
			}
			if other, dup := seen[op.OperationID]; dup {
				t.Errorf("%s and %s share operationId %q", ep, other, op.OperationID)
			}
			seen[op.OperationID] = ep
			if h, ok := handlers[ep]; ok && h != op.OperationID {
				t.Errorf("%s: operationId %q, but the handler is %s", ep, op.OperationID, h)
			}
			if op.Summary == "" || op.Description == "" {
				t.Errorf("%s: needs a summary and a description", ep)
			}
		}
	}
}

// TestOpenAPIResponseConventions checks what every operation must say, so
// that a new operation cannot forget the answers the middleware gives.
func TestOpenAPIResponseConventions(t *testing.T) {
	doc, err := loadOpenAPIDoc()
	if err != nil {
		t.Fatal(err)
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			ep := method + " " + path
			has := func(status int) bool { return op.Responses.Status(status) != nil }
			for code, res := range op.Responses.Map() {
				status, err := strconv.Atoi(code)
				if err != nil {
					t.Errorf("%s: response %q is not a status code", ep, code)
					continue
				}
				if status >= 400 && (len(res.Value.Content) != 1 || res.Value.Content["application/problem+json"] == nil) {
					t.Errorf("%s: %d must be application/problem+json only", ep, status)
				}
			}
			security := doc.Security
			if op.Security != nil {
				security = *op.Security
			}
			public := len(security) == 0 || slices.ContainsFunc(security, func(r openapi3.SecurityRequirement) bool { return len(r) == 0 })
			cookie := slices.ContainsFunc(security, func(r openapi3.SecurityRequirement) bool { _, ok := r["sessionCookie"]; return ok })
			if strings.HasPrefix(path, "/api/v1/") && !public && !has(http.StatusUnauthorized) {
				t.Errorf("%s needs sign-in but documents no 401", ep)
			}
			// checkQuery answers 400 on every API route for bad query text.
			if strings.HasPrefix(path, "/api/v1/") && !has(http.StatusBadRequest) {
				t.Errorf("%s documents no 400", ep)
			}
			if strings.HasPrefix(path, "/api/v1/") && method != http.MethodGet {
				// limitBody answers 413 before any handler runs.
				if !has(http.StatusRequestEntityTooLarge) {
					t.Errorf("%s documents no 413", ep)
				}
				if cookie && !has(http.StatusForbidden) {
					t.Errorf("%s is a write with the session cookie but documents no 403 (CSRF)", ep)
				}
			}
			if op.RequestBody != nil {
				for _, status := range []int{http.StatusBadRequest, http.StatusUnsupportedMediaType} {
					if !has(status) {
						t.Errorf("%s takes a body but documents no %d", ep, status)
					}
				}
				schema := op.RequestBody.Value.Content["application/json"]
				if schema == nil || schema.Schema == nil {
					t.Errorf("%s: request body must be application/json", ep)
				} else if ap := schema.Schema.Value.AdditionalProperties.Has; ap == nil || *ap {
					t.Errorf("%s: request body schema must set additionalProperties: false", ep)
				}
			}
			if res := op.Responses.Status(http.StatusTooManyRequests); res != nil && res.Value.Headers["Retry-After"] == nil {
				t.Errorf("%s: 429 without a Retry-After header", ep)
			}
		}
	}
}

// checkRecorder collects what checkOpenAPI reports instead of failing.
type checkRecorder struct {
	testing.TB
	errs []string
}

func (r *checkRecorder) Helper() {}

func (r *checkRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestOpenAPICheckCatchesMismatches makes sure the contract check fails
// where it should: kin-openapi's OpenAPI 3.1 support is young, and a check
// that accepts everything would pass every test silently.
func TestOpenAPICheckCatchesMismatches(t *testing.T) {
	const id = "0190f3a0-0000-7000-8000-000000000000"
	const at = "2026-11-01T09:30:00.123456Z"
	me := func(extra string) string {
		return `{"id":"` + id + `","email":"a@example.org","name":"A","is_admin":false,"memberships":[` + extra + `],"permissions":["account.read"],"every_network_permissions":[]}`
	}
	membership := `{"id":"` + id + `","network":{"id":"` + id + `","name":"N","workplace_id":"` + id + `","workplace_name":"W"},"role":"%s","perspective":"ouder","permissions":["network.read"]}`
	token := `{"items":[{"id":"` + id + `","name":"t","created_at":"%s","expires_at":"` + at + `"%s}],"next_cursor":"abc"}`
	problem := func(status int, typ string) string {
		return fmt.Sprintf(`{"type":"urn:leerlus:problem:%s","title":"%s","status":%d,"errors":[{"field":"name","code":"required","message":"is required"}]}`,
			typ, http.StatusText(status), status)
	}
	jsonCT, problemCT := "application/json; charset=utf-8", "application/problem+json"
	cases := []struct {
		name, method, path, reqBody string
		status                      int
		header                      map[string]string
		body                        string
		ok                          bool
	}{
		{"valid", "GET", "/api/v1/me", "", 200, nil, me(fmt.Sprintf(membership, "member")), true},
		{"web app path", "GET", "/netwerken/x", "", 200, map[string]string{"Content-Type": "text/html"}, "<p>", true},
		{"undocumented path", "GET", "/api/v1/nope", "", 404, nil, problem(404, "not_found"), false},
		{"undocumented status", "GET", "/api/v1/me", "", 418, nil, problem(418, "teapot"), false},
		{"missing required field", "GET", "/api/v1/me", "", 200, nil, `{"id":"` + id + `","email":"a@example.org","name":"A","is_admin":false}`, false},
		{"unknown field", "GET", "/api/v1/me", "", 200, nil, strings.TrimSuffix(me(""), "}") + `,"extra":1}`, false},
		{"not a uuid", "GET", "/api/v1/me", "", 200, nil, strings.Replace(me(""), id, "x", 1), false},
		{"not an enum value", "GET", "/api/v1/me", "", 200, nil, me(fmt.Sprintf(membership, "boss")), false},
		{"valid list", "GET", "/api/v1/me/tokens", "", 200, nil, fmt.Sprintf(token, at, `,"revoked_at":"`+at+`"`), true},
		{"not a date-time", "GET", "/api/v1/me/tokens", "", 200, nil, fmt.Sprintf(token, "yesterday", ""), false},
		{"null optional field", "GET", "/api/v1/me/tokens", "", 200, nil, fmt.Sprintf(token, at, `,"revoked_at":null`), false},
		{"wrong content type", "GET", "/api/v1/me", "", 200, map[string]string{"Content-Type": "text/plain"}, me(""), false},
		{"problem", "GET", "/api/v1/me", "", 401, map[string]string{"Content-Type": problemCT}, problem(401, "unauthorized"), true},
		{"problem as plain JSON", "GET", "/api/v1/me", "", 401, nil, problem(401, "unauthorized"), false},
		{"problem type not a URN", "GET", "/api/v1/me", "", 401, map[string]string{"Content-Type": problemCT}, `{"type":"about:blank","title":"x","status":401}`, false},
		{"no content", "DELETE", "/api/v1/session", "", 204, map[string]string{"Set-Cookie": "leerlus_session=; Max-Age=0"}, "", true},
		{"body where none is declared", "DELETE", "/api/v1/session", "", 204, map[string]string{"Set-Cookie": "leerlus_session=; Max-Age=0"}, "{}", false},
		{"required header missing", "DELETE", "/api/v1/session", "", 204, nil, "", false},
		{"rate limited", "POST", "/api/v1/session", `{}`, 429, map[string]string{"Content-Type": problemCT, "Retry-After": "60"}, problem(429, "rate_limited"), true},
		{"rate limited without Retry-After", "POST", "/api/v1/session", `{}`, 429, map[string]string{"Content-Type": problemCT}, problem(429, "rate_limited"), false},
		{"405 on a documented path", "PUT", "/api/v1/networks/" + id, "", 405, map[string]string{"Content-Type": problemCT}, problem(405, "method_not_allowed"), true},
		{"405 on an unknown path", "PUT", "/api/v1/nope", "", 405, map[string]string{"Content-Type": problemCT}, problem(405, "method_not_allowed"), false},
		{"invalid request that succeeded", "PATCH", "/api/v1/me", `{"nome":"x"}`, 200, nil, me(""), false},
		{"invalid request refused", "PATCH", "/api/v1/me", `{"nome":"x"}`, 400, map[string]string{"Content-Type": problemCT}, problem(400, "invalid"), true},
		{"invalid query that succeeded", "GET", "/api/v1/me/tokens?limit=500", "", 200, nil, fmt.Sprintf(token, at, ""), false},
		{"health", "GET", "/healthz", "", 200, nil, `{"status":"ok"}`, true},
		{"health with another status", "GET", "/healthz", "", 200, nil, `{"status":"bad"}`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader
			if c.reqBody != "" {
				body = strings.NewReader(c.reqBody)
			}
			req := httptest.NewRequest(c.method, c.path, body)
			if c.reqBody != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			header := http.Header{"Content-Type": {jsonCT}}
			if c.body == "" {
				header = http.Header{}
			}
			for k, v := range c.header {
				header.Set(k, v)
			}
			rec := &checkRecorder{TB: t}
			checkOpenAPI(rec, req, []byte(c.reqBody), c.status, header, []byte(c.body))
			switch {
			case c.ok && len(rec.errs) > 0:
				t.Errorf("the check failed a matching pair: %s", strings.Join(rec.errs, "\n"))
			case !c.ok && len(rec.errs) == 0:
				t.Error("the check passed a pair that does not match the document")
			}
		})
	}
}
