package api

import (
	"context"
	"crypto/subtle"
	"net"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/policy"
)

// SessionCookie is the name of the session cookie.
const SessionCookie = "leerlus_session"

// DeviceCookie marks a browser that signed in before (a known device): with
// it, the right password signs in even while the account's sign-in
// back-off runs. It is sent only to the sign-in route.
const DeviceCookie = "leerlus_device"

// CSRFHeader carries the session's CSRF token on cookie-authenticated writes.
const CSRFHeader = "X-CSRF-Token"

const (
	callerKey  = "caller"
	sessionKey = "session"
	accessKey  = "access"
)

// caller returns the signed-in caller, or nil for anonymous requests.
func caller(c *gin.Context) *policy.Caller {
	v, _ := c.Get(callerKey)
	p, _ := v.(*policy.Caller)
	return p
}

// session returns the cookie session of the request, or nil.
func session(c *gin.Context) *policy.Session {
	v, _ := c.Get(sessionKey)
	p, _ := v.(*policy.Session)
	return p
}

// actor is the caller as an audit actor.
func actor(c *gin.Context) policy.Actor {
	return caller(c).Actor(c.ClientIP())
}

// access is what the authorization middleware decided for this request:
// the value every domain method that acts in a network receives.
func access(c *gin.Context) leerlus.Access {
	v, _ := c.Get(accessKey)
	a, _ := v.(leerlus.Access)
	return a
}

// accessSource is what the authorization middleware reads per request;
// *policy.Service provides it from the database, in one query per request.
type accessSource interface {
	SessionAccess(ctx context.Context, secret, networkID string) (*policy.Credentials, error)
	TokenAccess(ctx context.Context, secret, networkID string) (*policy.Credentials, error)
}

// authorize runs before every API handler: it resolves the caller from the
// session cookie or bearer token, reads their role in the route's network
// from the memberships table, and asks the authorizer. Unknown networks,
// and networks where the caller holds no role (and is no admin), answer 404
// so that their existence is not revealed.
func (s *Server) authorize(c *gin.Context) {
	if s.authorizeRoute(c, c.FullPath()) {
		c.Next()
	}
}

// authorizeRoute decides for a known route template; when it refuses it
// has written the answer.
func (s *Server) authorizeRoute(c *gin.Context, route string) bool {
	if route == "" {
		return true // NoRoute answers
	}
	r, ok := s.byEndpoint[Endpoint{Method: c.Request.Method, Path: route}]
	if !ok {
		return true // not an API route of ours (health checks)
	}
	// The route declares how its network is found: from the path, or from
	// the object the route is keyed by. An unknown object finds none.
	var network string
	found := false
	if r.network != nil {
		id, ok, err := r.network(c)
		if err != nil {
			s.writeError(c, err)
			return false
		}
		network, found = id, ok
	}
	// The caller and their role in that network come from one query.
	lookup := ""
	if found {
		lookup = network
	}
	creds, err := s.resolveCaller(c, lookup)
	if err != nil && !leerlus.IsCode(err, leerlus.CodeUnauthorized) {
		s.writeError(c, err)
		return false
	}
	var (
		who  *policy.Caller
		sess *policy.Session
	)
	if creds != nil {
		who, sess = creds.Caller, creds.Session
		c.Set(callerKey, who)
		if sess != nil {
			c.Set(sessionKey, sess)
		}
	}

	// An anonymous caller gets no network role; the decision below then
	// answers 401. A network (or object) that does not exist, or where the
	// caller holds no role and is no admin, answers 404.
	var role policy.Role
	if r.network != nil && who != nil {
		if !found || !creds.Network.Exists || (creds.Network.Role == "" && !who.IsAdmin) {
			s.writeError(c, leerlus.Errorf(leerlus.CodeNotFound, "There is no such network."))
			return false
		}
		role = creds.Network.Role
	}

	d := s.authz.Decide(who.Subjects(role), r.permission)
	if !d.Allowed {
		if who == nil {
			s.writeError(c, unauthorizedOr(err))
		} else {
			s.writeError(c, leerlus.Errorf(leerlus.CodeForbidden, "You are not allowed to do this."))
		}
		return false
	}
	// Sign-in is exempt: it replaces the session anyway, and a cross-site
	// page cannot send its application/json body without a CORS preflight,
	// which this server never answers.
	signIn := route == "/api/v1/session" && c.Request.Method == http.MethodPost
	if sess != nil && isWrite(c.Request.Method) && !signIn && !s.csrfOK(c, sess) {
		writeProblem(c, http.StatusForbidden, problemCSRF,
			"The request lacks a valid "+CSRFHeader+" header. Reload the page and try again.", nil)
		return false
	}
	if !found {
		network = ""
	}
	c.Set(accessKey, leerlus.Access{Actor: who.Actor(c.ClientIP()), NetworkID: network, Role: string(role), Scope: d.Scope})
	return true
}

func unauthorizedOr(err error) error {
	if err != nil {
		return err
	}
	return leerlus.Errorf(leerlus.CodeUnauthorized, "Please sign in.")
}

func isWrite(method string) bool {
	return method != http.MethodGet && method != http.MethodHead && method != http.MethodOptions
}

// csrfOK checks the synchronizer token. Cookie-authenticated writes must
// echo the session's token in a header: a cross-site page can make the
// browser send the cookie but cannot read the token.
func (s *Server) csrfOK(c *gin.Context, sess *policy.Session) bool {
	got := c.GetHeader(CSRFHeader)
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(sess.CSRFToken)) == 1
}

// resolveCaller reads a bearer token or the session cookie and, when
// networkID is not "", the caller's access to that network. A request with
// neither is anonymous (nil access, nil error).
func (s *Server) resolveCaller(c *gin.Context, networkID string) (*policy.Credentials, error) {
	ctx := c.Request.Context()
	if h := c.GetHeader("Authorization"); h != "" {
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return nil, leerlus.Errorf(leerlus.CodeUnauthorized, "Use an Authorization header of the form: Bearer <token>.")
		}
		return s.access.TokenAccess(ctx, strings.TrimSpace(token), networkID)
	}
	secret, err := c.Cookie(SessionCookie)
	if err != nil || secret == "" {
		return nil, nil
	}
	acc, err := s.access.SessionAccess(ctx, secret, networkID)
	if err != nil {
		s.clearSessionCookie(c)
		return nil, err
	}
	return acc, nil
}

// secure reports whether the client talks to us over TLS, directly or
// through a trusted proxy that says so.
func (s *Server) secure(c *gin.Context) bool {
	if c.Request.TLS != nil || s.CookieSecure {
		return true
	}
	return c.GetHeader("X-Forwarded-Proto") == "https" && s.fromTrustedProxy(c)
}

func (s *Server) fromTrustedProxy(c *gin.Context) bool {
	host, _, err := net.SplitHostPort(c.Request.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	for _, p := range s.TrustedProxies {
		if _, cidr, err := net.ParseCIDR(p); err == nil && ip != nil && cidr.Contains(ip) {
			return true
		}
		if ip != nil && ip.Equal(net.ParseIP(p)) {
			return true
		}
	}
	return false
}

func (s *Server) setSessionCookie(c *gin.Context, secret string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: SessionCookie, Value: secret, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure(c), SameSite: http.SameSiteLaxMode})
}

func (s *Server) setDeviceCookie(c *gin.Context, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: DeviceCookie, Value: value, Path: "/api/v1/session", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure(c), SameSite: http.SameSiteStrictMode})
}

func (s *Server) clearSessionCookie(c *gin.Context) {
	s.setSessionCookie(c, "", -1)
}
