package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"leerlus/api"
)

// contract is the OpenAPI document with a router over its operations.
type contract struct {
	doc    *openapi3.T
	router routers.Router
}

// loadContract parses and validates api/openapi.yaml once per test binary:
// loading takes milliseconds, but the harness checks every request.
var loadContract = sync.OnceValues(func() (*contract, error) {
	doc, err := loadOpenAPIDoc()
	if err != nil {
		return nil, err
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return &contract{doc: doc, router: router}, nil
})

// loadOpenAPIDoc parses the embedded document and validates it as OpenAPI.
func loadOpenAPIDoc() (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(api.OpenAPIYAML())
	if err != nil {
		return nil, fmt.Errorf("load api/openapi.yaml: %w", err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		return nil, fmt.Errorf("api/openapi.yaml is not a valid OpenAPI document: %w", err)
	}
	return doc, nil
}

// contractFormats makes the validator check the formats the document uses
// that kin-openapi leaves unchecked by default.
var contractFormats = []openapi3.SchemaValidationOption{
	openapi3.WithStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562)),
	openapi3.WithStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)),
}

// documented reports whether a path belongs to the API the document
// describes; other paths (the web app) are not checked.
func documented(path string) bool {
	return strings.HasPrefix(path, "/api/") || path == "/api" || path == "/healthz" || path == "/readyz"
}

// checkOpenAPI fails the test when a request/response pair does not match the OpenAPI document.
//
// The response must have a status the operation documents, its content type
// and a body matching its schema, and the headers it declares required.
// The request is checked too when the answer is a success: tests of bad
// input send invalid requests on purpose. A 405 for a documented path must
// be a problem; any other request to an undocumented API path fails.
func checkOpenAPI(t testing.TB, req *http.Request, reqBody []byte, status int, header http.Header, body []byte) {
	t.Helper()
	c, err := loadContract()
	if err != nil {
		t.Fatalf("OpenAPI: %v", err)
	}
	if !documented(req.URL.Path) {
		return
	}
	where := fmt.Sprintf("OpenAPI: %s %s answered %d", req.Method, req.URL.Path, status)
	r := withBody(req, reqBody)
	route, params, err := c.router.FindRoute(r)
	if err != nil {
		if status == http.StatusMethodNotAllowed && c.hasPath(r) {
			if msg := c.checkProblem(header, body); msg != "" {
				t.Errorf("%s: %s", where, msg)
			}
			return
		}
		t.Errorf("%s, but api/openapi.yaml documents no operation %s %s (%v); document it in api/openapi.yaml",
			where, req.Method, req.URL.Path, err)
		return
	}
	where += " (operation " + route.Operation.OperationID + ")"
	opts := &openapi3filter.Options{
		AuthenticationFunc:                openapi3filter.NoopAuthenticationFunc,
		IncludeResponseStatus:             true,
		MultiError:                        true,
		RejectWhenRequestBodyNotSpecified: true,
		SkipSettingDefaults:               true,
		SchemaValidationOptions:           contractFormats,
	}
	in := &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route, Options: opts}
	ctx := context.Background()
	if status >= 200 && status < 300 {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			t.Errorf("%s, but the request does not match the document: %v\nrequest body: %s", where, err, clip(reqBody))
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: status, Header: header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: opts}
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		t.Errorf("%s, but the response does not match the document: %v\nresponse body: %s", where, err, clip(body))
		return
	}
	// kin-openapi accepts any body where the document declares none.
	if res := route.Operation.Responses.Status(status); res != nil && len(res.Value.Content) == 0 && len(body) > 0 {
		t.Errorf("%s with a body, but the document declares none: %s", where, clip(body))
	}
}

// withBody returns a copy of req that reads body, as often as needed.
func withBody(req *http.Request, body []byte) *http.Request {
	r := req.Clone(context.Background())
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	r.ContentLength = int64(len(body))
	return r
}

// hasPath reports whether any documented operation has r's path.
func (c *contract) hasPath(r *http.Request) bool {
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(context.Background())
		probe.Method = m
		if _, _, err := c.router.FindRoute(probe); err == nil {
			return true
		}
	}
	return false
}

// checkProblem checks a response the document cannot describe per
// operation (405) against the Problem schema.
func (c *contract) checkProblem(header http.Header, body []byte) string {
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		return fmt.Sprintf("content type %q, want application/problem+json", ct)
	}
	schema := c.doc.Components.Schemas["Problem"]
	if schema == nil {
		return "the document has no Problem schema"
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return fmt.Sprintf("body is not JSON: %v: %s", err, clip(body))
	}
	if err := schema.Value.VisitJSON(v, append(contractFormats, openapi3.MultiErrors())...); err != nil {
		return fmt.Sprintf("body does not match Problem: %v: %s", err, clip(body))
	}
	return ""
}

// clip shortens a body for a failure message.
func clip(b []byte) string {
	const max = 2000
	if len(b) > max {
		return string(b[:max]) + fmt.Sprintf("… (%d bytes)", len(b))
	}
	return string(b)
}
