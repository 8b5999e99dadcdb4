// Package api translates HTTP to the domain and back: routing, decoding,
// authentication, the authorization middleware, problem+json errors and
// the OpenAPI document. It holds no business rules.
package api

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/cases/anonymise"
	"leerlus/policy"
)

// Deps are what the API needs; cmd/leerlus builds them.
type Deps struct {
	DB      *leerlus.DB
	Policy  *policy.Service
	Scanner *anonymise.Scanner
	Log     *slog.Logger
	// UI serves the web app for every path outside /api; nil answers 404.
	UI http.Handler
	// TrustedProxies may set X-Forwarded-For/-Proto; empty trusts none.
	TrustedProxies []string
	// CookieSecure forces the Secure flag on cookies; otherwise it is set
	// when the request came over TLS or a trusted proxy says it did.
	CookieSecure bool
	// Site holds the operator's texts for the public pages (GET /api/v1/site).
	Site Site
}

// Server is the HTTP API.
type Server struct {
	Deps
	authz      *policy.Authorizer
	access     accessSource
	engine     *gin.Engine
	openAPIDoc []byte
}

// route is one API endpoint and its handler.
type route struct {
	method, path string
	handle       func(*gin.Context) error
}

// New builds the HTTP handler. It refuses to start when a route has no
// policy rule, so that no endpoint ships without an access decision.
func New(d Deps) (*Server, error) {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.DB == nil || d.Policy == nil || d.Scanner == nil {
		return nil, errors.New("api: DB, Policy and Scanner are required")
	}
	s := &Server{Deps: d, access: d.Policy}
	routes := s.routes()
	authz, err := policy.NewAuthorizer(endpointsOf(routes))
	if err != nil {
		return nil, err
	}
	if missing := authz.Covered(endpointsOf(routes)); len(missing) > 0 {
		return nil, errors.New("routes without a policy rule: " + joinEndpoints(missing))
	}
	s.authz = authz
	if s.openAPIDoc, err = openAPIJSON(); err != nil {
		return nil, fmt.Errorf("openapi document: %w", err)
	}

	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.RedirectTrailingSlash = false
	e.RedirectFixedPath = false
	e.ContextWithFallback = true
	if err := e.SetTrustedProxies(d.TrustedProxies); err != nil {
		return nil, err
	}
	e.Use(s.requestLog, s.recovery, s.securityHeaders)
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	v1 := e.Group("/api/v1", s.limitBody, s.authorize)
	for _, r := range routes {
		v1.Handle(r.method, strings.TrimPrefix(r.path, "/api/v1"), s.handle(r.handle))
	}
	e.NoRoute(s.noRoute)
	e.NoMethod(func(c *gin.Context) {
		writeProblem(c, http.StatusMethodNotAllowed, problemMethodNotAllowed, "This method is not allowed here.", nil)
	})
	s.engine = e
	return s, nil
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.engine.ServeHTTP(w, r) }

// Endpoints lists every API route (method and template), for tests and
// the access matrix in the docs.
func (s *Server) Endpoints() []policy.Endpoint { return endpointsOf(s.routes()) }

// Decide exposes the authorizer's answer, for documentation and tests.
func (s *Server) Decide(subjects []string, ep policy.Endpoint) policy.Decision {
	return s.authz.Decide(subjects, ep.Method, ep.Path)
}

func endpointsOf(routes []route) []policy.Endpoint {
	out := make([]policy.Endpoint, len(routes))
	for i, r := range routes {
		out[i] = policy.Endpoint{Method: r.method, Path: r.path}
	}
	return out
}

func joinEndpoints(eps []policy.Endpoint) string {
	parts := make([]string, len(eps))
	for i, ep := range eps {
		parts[i] = ep.String()
	}
	return strings.Join(parts, ", ")
}

// handle adapts a handler that returns an error.
func (s *Server) handle(h func(*gin.Context) error) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := h(c); err != nil {
			s.writeError(c, err)
		}
	}
}

func (s *Server) noRoute(c *gin.Context) {
	p := c.Request.URL.Path
	if strings.HasPrefix(p, "/api/") || p == "/api" || s.UI == nil {
		writeProblem(c, http.StatusNotFound, string(leerlus.CodeNotFound), "There is nothing at this address.", nil)
		return
	}
	s.UI.ServeHTTP(c.Writer, c.Request)
}

// routes is the whole API. Every entry needs a line in policy/policy.csv.
func (s *Server) routes() []route {
	return []route{
		{"GET", "/api/v1/openapi.json", s.openAPI},

		{"POST", "/api/v1/session", s.signIn},
		{"GET", "/api/v1/session", s.getSession},
		{"DELETE", "/api/v1/session", s.signOut},

		{"GET", "/api/v1/me", s.getMe},
		{"PATCH", "/api/v1/me", s.patchMe},
		{"PUT", "/api/v1/me/password", s.putPassword},
		{"GET", "/api/v1/me/tokens", s.listTokens},
		{"POST", "/api/v1/me/tokens", s.createToken},
		{"DELETE", "/api/v1/me/tokens/:token", s.revokeToken},

		{"POST", "/api/v1/scan", s.scan},

		{"GET", "/api/v1/workplaces", s.listWorkplaces},
		{"POST", "/api/v1/workplaces", s.createWorkplace},
		{"GET", "/api/v1/workplaces/:workplace", s.getWorkplace},
		{"PATCH", "/api/v1/workplaces/:workplace", s.patchWorkplace},
		{"GET", "/api/v1/workplaces/:workplace/organisations", s.listOrganisations},
		{"POST", "/api/v1/workplaces/:workplace/organisations", s.createOrganisation},
		{"GET", "/api/v1/workplaces/:workplace/networks", s.listNetworks},
		{"POST", "/api/v1/workplaces/:workplace/networks", s.createNetwork},

		{"GET", "/api/v1/networks/:network", s.getNetwork},
		{"PATCH", "/api/v1/networks/:network", s.patchNetwork},
		{"GET", "/api/v1/networks/:network/members", s.listMembers},
		{"PATCH", "/api/v1/networks/:network/members/:membership", s.patchMember},
		{"DELETE", "/api/v1/networks/:network/members/:membership", s.removeMember},
		{"GET", "/api/v1/networks/:network/invitations", s.listInvitations},
		{"POST", "/api/v1/networks/:network/invitations", s.createInvitation},
		{"DELETE", "/api/v1/networks/:network/invitations/:invitation", s.withdrawInvitation},

		{"GET", "/api/v1/invitation-tokens/:token", s.inspectInvitation},
		{"POST", "/api/v1/invitation-tokens/:token/accept", s.acceptInvitation},

		{"GET", "/api/v1/people", s.listPeople},
		{"PATCH", "/api/v1/people/:person", s.patchPerson},

		{"GET", "/api/v1/audit", s.listAudit},

		{"GET", "/api/v1/site", s.getSite},
	}
}

// RegisteredRoutes lists every route the HTTP engine serves, API or not,
// so tests can check that each one has an expected access answer.
func (s *Server) RegisteredRoutes() []policy.Endpoint {
	var out []policy.Endpoint
	for _, r := range s.engine.Routes() {
		out = append(out, policy.Endpoint{Method: r.Method, Path: r.Path})
	}
	return out
}
