// Package api translates HTTP to the domain and back: routing, decoding,
// authentication, the authorization middleware, problem+json errors and
// the OpenAPI document. It holds no business rules.
package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"sync/atomic"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/cases"
	"leerlus/cases/anonymise"
	"leerlus/policy"
	"leerlus/review"
)

// Deps are what the API needs; cmd/leerlus builds them.
type Deps struct {
	DB      *leerlus.DB
	Policy  *policy.Service
	Cases   *cases.Service
	Review  *review.Service
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
	byEndpoint map[Endpoint]route
	// networkPermissions are the permissions decided per network, and
	// globalPermissions those outside any network; GET /me reports the
	// caller's share of each.
	networkPermissions, globalPermissions []policy.Permission
	access                                accessSource
	engine                                *gin.Engine
	openAPIDoc                            []byte
	// warnedForwarding is set once the untrusted X-Forwarded-For warning
	// has been logged.
	warnedForwarding atomic.Bool
}

// route is one API endpoint: its handler, the permission it needs, and
// where that permission is decided. Everything about a route's access is
// declared here and in policy/policy.csv (which grants the permission to
// roles), nowhere else.
type route struct {
	method, path string
	permission   policy.Permission
	// network finds the network whose role decides the permission; nil
	// for routes outside any network (the caller's system role decides).
	network networkScope
	handle  func(*gin.Context) error
}

// networkScope finds the network of a request: from the :network
// parameter, or by looking up the network of the object a route is keyed
// by. ok false means there is no such network or object; the request then
// answers 404 without revealing which.
type networkScope func(c *gin.Context) (networkID string, ok bool, err error)

// byNetworkParam is the scope of routes under /networks/:network.
func byNetworkParam(c *gin.Context) (string, bool, error) {
	id := c.Param("network")
	return id, leerlus.ValidID(id), nil
}

// byObject is the scope of routes keyed by an object id (such as
// /cases/:case): lookup returns the network the object belongs to, or not
// found. The route's handler then works on an object already known to lie
// in a network where the caller's role permits the action.
func byObject(param string, lookup func(ctx context.Context, id string) (string, error)) networkScope {
	return func(c *gin.Context) (string, bool, error) {
		id := c.Param(param)
		if !leerlus.ValidID(id) {
			return "", false, nil
		}
		networkID, err := lookup(c.Request.Context(), id)
		if leerlus.IsCode(err, leerlus.CodeNotFound) {
			return "", false, nil
		}
		return networkID, err == nil, err
	}
}

// New builds the HTTP handler. It refuses to start when a route has no
// policy rule, so that no endpoint ships without an access decision.
func New(d Deps) (*Server, error) {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.DB == nil || d.Policy == nil || d.Cases == nil || d.Review == nil || d.Scanner == nil {
		return nil, errors.New("api: DB, Policy, Cases, Review and Scanner are required")
	}
	s := &Server{Deps: d, access: d.Policy}
	routes := s.routes()
	authz, err := policy.NewAuthorizer(permissionsOf(routes, allRoutes))
	if err != nil {
		return nil, err
	}
	if missing := authz.Uncovered(permissionsOf(routes, allRoutes)); len(missing) > 0 {
		return nil, fmt.Errorf("routes whose permission no policy rule grants: %v", missing)
	}
	s.authz = authz
	s.byEndpoint = map[Endpoint]route{}
	for _, r := range routes {
		s.byEndpoint[Endpoint{Method: r.method, Path: r.path}] = r
	}
	s.networkPermissions = permissionsOf(routes, networkRoutes)
	s.globalPermissions = permissionsOf(routes, globalRoutes)
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
	e.Use(s.requestLog, s.recovery, s.warnUntrustedForwarding, s.securityHeaders, s.limitHeaders)
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	v1 := e.Group("/api/v1", s.limitBody, s.authorize, s.checkQuery)
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
func (s *Server) Endpoints() []Endpoint { return endpointsOf(s.routes()) }

// Decide exposes the authorizer's answer for a route, for documentation
// and tests.
func (s *Server) Decide(subjects []string, ep Endpoint) policy.Decision {
	r, ok := s.byEndpoint[ep]
	if !ok {
		return policy.Decision{}
	}
	return s.authz.Decide(subjects, r.permission)
}

func endpointsOf(routes []route) []Endpoint {
	out := make([]Endpoint, len(routes))
	for i, r := range routes {
		out[i] = Endpoint{Method: r.method, Path: r.path}
	}
	return out
}

// Which routes permissionsOf looks at.
const (
	allRoutes = iota
	networkRoutes
	globalRoutes
)

// permissionsOf lists the distinct permissions that the routes of one kind
// need, in route order.
func permissionsOf(routes []route, kind int) []policy.Permission {
	seen := map[policy.Permission]bool{}
	var out []policy.Permission
	for _, r := range routes {
		if (kind == networkRoutes && r.network == nil) || (kind == globalRoutes && r.network != nil) || seen[r.permission] {
			continue
		}
		seen[r.permission] = true
		out = append(out, r.permission)
	}
	return out
}

// handle adapts a handler that returns an error.
func (s *Server) handle(h func(*gin.Context) error) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := h(c); err != nil {
			s.writeError(c, err)
		}
	}
}

// noRoute answers paths no route matched: API-looking paths in any letter
// case get a 404 problem (never the web app with 200, which a script would
// take for success); everything else is the web app's.
func (s *Server) noRoute(c *gin.Context) {
	// Cleaned first: "//api/v1/me" and "/./API/v1" look like the API too.
	p := path.Clean("/" + strings.ToLower(c.Request.URL.Path))
	if strings.HasPrefix(p, "/api/") || p == "/api" || s.UI == nil {
		writeProblem(c, http.StatusNotFound, string(leerlus.CodeNotFound), "There is nothing at this address.", nil)
		return
	}
	s.UI.ServeHTTP(c.Writer, c.Request)
}

// routes is the whole API: each route with the permission it needs and
// the network that decides it. Every permission needs a rule in
// policy/policy.csv.
func (s *Server) routes() []route {
	net := byNetworkParam
	byCase := byObject("case", s.Cases.NetworkOf)
	byReflection := byObject("reflection", s.Review.NetworkOf)
	byLesson := byObject("lesson", s.Review.LessonNetwork)
	byAction := byObject("action", s.Review.ActionNetwork)
	byGoal := byObject("goal", s.Review.GoalNetwork)
	byGroup := byObject("group", s.Review.GroupNetwork)
	return []route{
		{"GET", "/api/v1/openapi.json", "api.describe", nil, s.openAPI},

		{"POST", "/api/v1/session", "session.create", nil, s.signIn},
		{"GET", "/api/v1/session", "session.read", nil, s.getSession},
		{"DELETE", "/api/v1/session", "session.end", nil, s.signOut},

		{"GET", "/api/v1/me", "account.read", nil, s.getMe},
		{"PATCH", "/api/v1/me", "account.edit", nil, s.patchMe},
		{"PUT", "/api/v1/me/password", "account.edit", nil, s.putPassword},
		{"GET", "/api/v1/me/tokens", "tokens.manage", nil, s.listTokens},
		{"POST", "/api/v1/me/tokens", "tokens.manage", nil, s.createToken},
		{"DELETE", "/api/v1/me/tokens/:token", "tokens.manage", nil, s.revokeToken},

		{"POST", "/api/v1/scan", "text.scan", nil, s.scan},
		{"GET", "/api/v1/case-vocabulary", "vocabulary.read", nil, s.getCaseVocabulary},

		{"GET", "/api/v1/workplaces", "workplaces.read", nil, s.listWorkplaces},
		{"POST", "/api/v1/workplaces", "workplaces.manage", nil, s.createWorkplace},
		{"GET", "/api/v1/workplaces/:workplace", "workplaces.read", nil, s.getWorkplace},
		{"PATCH", "/api/v1/workplaces/:workplace", "workplaces.manage", nil, s.patchWorkplace},
		{"GET", "/api/v1/workplaces/:workplace/organisations", "workplaces.read", nil, s.listOrganisations},
		{"POST", "/api/v1/workplaces/:workplace/organisations", "workplaces.manage", nil, s.createOrganisation},
		{"PATCH", "/api/v1/workplaces/:workplace/organisations/:organisation", "workplaces.manage", nil, s.patchOrganisation},
		{"GET", "/api/v1/workplaces/:workplace/networks", "workplaces.read", nil, s.listNetworks},
		{"POST", "/api/v1/workplaces/:workplace/networks", "networks.create", nil, s.createNetwork},

		{"GET", "/api/v1/networks/:network", "network.read", net, s.getNetwork},
		{"PATCH", "/api/v1/networks/:network", "network.edit", net, s.patchNetwork},
		{"GET", "/api/v1/networks/:network/members", "members.read", net, s.listMembers},
		{"PATCH", "/api/v1/networks/:network/members/:membership", "members.manage", net, s.patchMember},
		{"DELETE", "/api/v1/networks/:network/members/:membership", "members.manage", net, s.removeMember},
		{"POST", "/api/v1/networks/:network/members/:membership/password-resets", "members.manage", net, s.issueMemberReset},
		{"GET", "/api/v1/networks/:network/cases", "cases.read", net, s.listCases},
		{"POST", "/api/v1/networks/:network/cases", "cases.write", net, s.createCase},
		{"GET", "/api/v1/cases/:case", "cases.read", byCase, s.getCase},
		{"PATCH", "/api/v1/cases/:case", "cases.write", byCase, s.patchCase},
		{"DELETE", "/api/v1/cases/:case", "cases.write", byCase, s.deleteCase},
		{"POST", "/api/v1/cases/:case/scan", "cases.write", byCase, s.scanCaseText},
		{"POST", "/api/v1/cases/:case/episodes", "cases.write", byCase, s.addEpisode},
		{"PATCH", "/api/v1/cases/:case/episodes/:episode", "cases.write", byCase, s.patchEpisode},
		{"DELETE", "/api/v1/cases/:case/episodes/:episode", "cases.write", byCase, s.deleteEpisode},
		{"PUT", "/api/v1/cases/:case/episode-order", "cases.write", byCase, s.orderEpisodes},
		{"POST", "/api/v1/cases/:case/submit", "cases.write", byCase, s.caseStep(submitCase)},
		{"POST", "/api/v1/cases/:case/withdraw", "cases.write", byCase, s.caseStep(withdrawCase)},
		{"POST", "/api/v1/cases/:case/publish", "cases.review", byCase, s.caseStep(publishCase)},
		{"POST", "/api/v1/cases/:case/send-back", "cases.review", byCase, s.sendBackCase},
		{"POST", "/api/v1/cases/:case/archive", "cases.review", byCase, s.caseStep(archiveCase)},

		{"GET", "/api/v1/networks/:network/reflections", "reflections.read", net, s.listReflections},
		{"GET", "/api/v1/cases/:case/reflections", "reflections.read", byCase, s.caseReflections},
		{"POST", "/api/v1/cases/:case/reflections", "reflections.write", byCase, s.createReflection},
		{"GET", "/api/v1/reflections/:reflection", "reflections.read", byReflection, s.getReflection},
		{"PATCH", "/api/v1/reflections/:reflection", "reflections.write", byReflection, s.patchReflection},
		{"DELETE", "/api/v1/reflections/:reflection", "reflections.write", byReflection, s.deleteReflection},
		{"POST", "/api/v1/reflections/:reflection/scan", "reflections.write", byReflection, s.scanReflectionText},
		{"POST", "/api/v1/reflections/:reflection/submit", "reflections.write", byReflection, s.reflectionStep(submitReflection)},
		{"POST", "/api/v1/reflections/:reflection/withdraw", "reflections.write", byReflection, s.reflectionStep(withdrawReflection)},
		{"POST", "/api/v1/reflections/:reflection/publish", "reflections.review", byReflection, s.reflectionStep(publishReflection)},
		{"POST", "/api/v1/reflections/:reflection/send-back", "reflections.review", byReflection, s.sendBackReflection},
		{"PUT", "/api/v1/reflections/:reflection/items/:item/codes", "codings.recode", byReflection, s.recodeItem},

		{"GET", "/api/v1/networks/:network/lessons", "lessons.read", net, s.listLessons},
		{"POST", "/api/v1/networks/:network/lessons/merge", "lessons.curate", net, s.mergeLessons},
		{"GET", "/api/v1/lessons/:lesson", "lessons.read", byLesson, s.getLesson},
		{"PATCH", "/api/v1/lessons/:lesson", "lessons.curate", byLesson, s.rewordLesson},
		{"POST", "/api/v1/lessons/:lesson/accept", "lessons.curate", byLesson, s.acceptLesson},
		{"POST", "/api/v1/lessons/:lesson/reject", "lessons.curate", byLesson, s.rejectLesson},
		{"POST", "/api/v1/lessons/:lesson/reopen", "lessons.curate", byLesson, s.reopenLesson},
		{"GET", "/api/v1/lessons/:lesson/history", "lessons.curate", byLesson, s.getLessonHistory},
		{"GET", "/api/v1/lessons/:lesson/closest-groups", "lessons.curate", byLesson, s.closestGroups},

		{"GET", "/api/v1/recurring-lessons", "recurring.across", nil, s.listRecurringAcross},
		{"GET", "/api/v1/networks/:network/recurring-lessons", "lessons.read", net, s.listRecurringLessons},
		{"GET", "/api/v1/recurring-lessons/:group", "lessons.read", byGroup, s.getRecurringLesson},
		{"PATCH", "/api/v1/recurring-lessons/:group", "lessons.curate", byGroup, s.patchRecurringLesson},
		{"POST", "/api/v1/recurring-lessons/:group/split", "lessons.curate", byGroup, s.splitRecurringLesson},
		{"POST", "/api/v1/recurring-lessons/:group/merge", "lessons.curate", byGroup, s.mergeRecurringLessons},
		{"POST", "/api/v1/recurring-lessons/:group/place", "lessons.curate", byGroup, s.placeInRecurringLesson},

		{"GET", "/api/v1/networks/:network/actions", "actions.read", net, s.listActions},
		{"POST", "/api/v1/networks/:network/actions", "actions.propose", net, s.proposeAction},
		{"GET", "/api/v1/networks/:network/attention", "actions.read", net, s.getAttention},
		{"GET", "/api/v1/networks/:network/digest", "actions.manage", net, s.getDigest},
		{"GET", "/api/v1/actions/:action", "actions.read", byAction, s.getAction},
		{"PATCH", "/api/v1/actions/:action", "actions.manage", byAction, s.patchAction},
		{"POST", "/api/v1/actions/:action/status", "actions.manage", byAction, s.changeActionStatus},
		{"GET", "/api/v1/actions/:action/progress", "actions.read", byAction, s.listProgress},
		{"GET", "/api/v1/actions/:action/effect", "actions.read", byAction, s.getActionEffect},
		{"POST", "/api/v1/actions/:action/progress", "actions.manage", byAction, s.addProgress},
		{"GET", "/api/v1/networks/:network/goals", "goals.read", net, s.listGoals},
		{"POST", "/api/v1/networks/:network/goals", "goals.manage", net, s.createGoal},
		{"GET", "/api/v1/goals/:goal", "goals.read", byGoal, s.getGoal},
		{"PATCH", "/api/v1/goals/:goal", "goals.manage", byGoal, s.patchGoal},
		{"POST", "/api/v1/goals/:goal/measurements", "goals.manage", byGoal, s.addMeasurement},
		{"PATCH", "/api/v1/goals/:goal/measurements/:measurement", "goals.manage", byGoal, s.patchMeasurement},
		{"DELETE", "/api/v1/goals/:goal/measurements/:measurement", "goals.manage", byGoal, s.deleteMeasurement},

		{"POST", "/api/v1/networks/:network/code-suggestions", "codes.suggest", net, s.suggestCodes},
		{"GET", "/api/v1/anonymiser-quality", "anonymiser.quality", nil, s.getAnonymiserQuality},

		{"GET", "/api/v1/search", "search.read", nil, s.search},

		{"GET", "/api/v1/networks/:network/template", "templates.read", net, s.getTemplate},
		{"GET", "/api/v1/networks/:network/templates", "templates.read", net, s.listTemplates},
		{"POST", "/api/v1/networks/:network/templates", "templates.manage", net, s.createTemplate},
		{"GET", "/api/v1/networks/:network/templates/:version", "templates.read", net, s.getTemplateVersion},
		{"GET", "/api/v1/networks/:network/codebook", "codebook.read", net, s.getCodebook},
		{"POST", "/api/v1/networks/:network/codebook/themes", "codebook.manage", net, s.createCodebookTheme},
		{"PATCH", "/api/v1/networks/:network/codebook/themes/:theme", "codebook.manage", net, s.patchCodebookTheme},
		{"POST", "/api/v1/networks/:network/codebook/codes", "codebook.manage", net, s.createCodebookCode},
		{"PATCH", "/api/v1/networks/:network/codebook/codes/:code", "codebook.manage", net, s.patchCodebookCode},
		{"GET", "/api/v1/networks/:network/codebook/codes/:code/merge-preview", "codebook.manage", net, s.previewCodebookMerge},
		{"POST", "/api/v1/networks/:network/codebook/codes/:code/merge", "codebook.manage", net, s.mergeCodebookCode},
		{"GET", "/api/v1/networks/:network/codebook/history", "codebook.manage", net, s.listCodebookHistory},
		{"GET", "/api/v1/networks/:network/codebook.qdc", "codebook.read", net, s.getCodebookQDC},
		{"POST", "/api/v1/networks/:network/codebook/import", "codebook.manage", net, s.importCodebook},

		{"GET", "/api/v1/exports/codings.csv", "exports.read", nil, s.exportCodingsCSV},
		{"GET", "/api/v1/exports/codings.json", "exports.read", nil, s.exportCodingsJSON},
		{"GET", "/api/v1/exports/lessons.csv", "exports.read", nil, s.exportLessonsCSV},
		{"GET", "/api/v1/exports/lessons.json", "exports.read", nil, s.exportLessonsJSON},
		{"GET", "/api/v1/exports/project.qdpx", "exports.read", nil, s.exportProject},

		{"GET", "/api/v1/networks/:network/invitations", "invitations.manage", net, s.listInvitations},
		{"POST", "/api/v1/networks/:network/invitations", "invitations.manage", net, s.createInvitation},
		{"DELETE", "/api/v1/networks/:network/invitations/:invitation", "invitations.manage", net, s.withdrawInvitation},

		{"GET", "/api/v1/invitation-tokens/:token", "invitation.accept", nil, s.inspectInvitation},
		{"POST", "/api/v1/invitation-tokens/:token/accept", "invitation.accept", nil, s.acceptInvitation},

		{"GET", "/api/v1/people", "people.manage", nil, s.listPeople},
		{"PATCH", "/api/v1/people/:person", "people.manage", nil, s.patchPerson},
		{"POST", "/api/v1/people/:person/password-resets", "people.manage", nil, s.issuePersonReset},

		{"GET", "/api/v1/password-reset-tokens/:token", "password.reset", nil, s.inspectReset},
		{"POST", "/api/v1/password-reset-tokens/:token", "password.reset", nil, s.useReset},

		{"GET", "/api/v1/audit", "audit.read", nil, s.listAudit},

		{"GET", "/api/v1/site", "site.read", nil, s.getSite},

		// Pattern queries span networks: the domain decides which.
		{"GET", "/api/v1/patterns/codes", "patterns.read", nil, s.getCodePatterns},
		{"GET", "/api/v1/patterns/cooccurrence", "patterns.read", nil, s.getCooccurrence},
		{"GET", "/api/v1/patterns/crosstab", "patterns.read", nil, s.getCrosstab},
		{"GET", "/api/v1/patterns/trends", "patterns.read", nil, s.getTrends},
		{"GET", "/api/v1/patterns/perspectives", "patterns.read", nil, s.getPerspectiveContrast},
	}
}

// RegisteredRoutes lists every route the HTTP engine serves, API or not,
// so tests can check that each one has an expected access answer.
func (s *Server) RegisteredRoutes() []Endpoint {
	var out []Endpoint
	for _, r := range s.engine.Routes() {
		out = append(out, Endpoint{Method: r.Method, Path: r.Path})
	}
	return out
}

// Endpoint is one route: method and gin route template.
type Endpoint struct {
	Method string
	Path   string
}

func (e Endpoint) String() string { return e.Method + " " + e.Path }

// Permissions lists every permission the routes need, for the API
// document's enum and its test.
func (s *Server) Permissions() []policy.Permission { return permissionsOf(s.routes(), allRoutes) }
