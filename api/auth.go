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
// *policy.Service provides it from the database.
type accessSource interface {
	SessionCaller(ctx context.Context, secret string) (*policy.Caller, *policy.Session, error)
	TokenCaller(ctx context.Context, secret string) (*policy.Caller, error)
	AccessTo(ctx context.Context, personID, networkID string) (policy.NetworkAccess, error)
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
	ctx := c.Request.Context()
	if route == "" {
		return true // NoRoute answers
	}
	who, sess, err := s.resolveCaller(c)
	if err != nil && !leerlus.IsCode(err, leerlus.CodeUnauthorized) {
		s.writeError(c, err)
		return false
	}
	if who != nil {
		c.Set(callerKey, who)
	}
	if sess != nil {
		c.Set(sessionKey, sess)
	}

	r, ok := s.byEndpoint[Endpoint{Method: c.Request.Method, Path: route}]
	if !ok {
		return true // not an API route of ours (health checks)
	}
	// The route's network decides the role. An anonymous caller gets no
	// network role; the decision below then answers 401.
	var role policy.Role
	var network string
	if r.network != nil && who != nil {
		id, found, err := r.network(c)
		if err != nil {
			s.writeError(c, err)
			return false
		}
		var acc policy.NetworkAccess
		if found {
			if acc, err = s.access.AccessTo(ctx, who.PersonID, id); err != nil {
				s.writeError(c, err)
				return false
			}
		}
		if !acc.Exists || (acc.Role == "" && !who.IsAdmin) {
			s.writeError(c, leerlus.Errorf(leerlus.CodeNotFound, "There is no such network."))
			return false
		}
		role, network = acc.Role, id
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

// resolveCaller reads a bearer token or the session cookie. A request with
// neither is anonymous (nil caller, nil error).
func (s *Server) resolveCaller(c *gin.Context) (*policy.Caller, *policy.Session, error) {
	ctx := c.Request.Context()
	if h := c.GetHeader("Authorization"); h != "" {
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return nil, nil, leerlus.Errorf(leerlus.CodeUnauthorized, "Use an Authorization header of the form: Bearer <token>.")
		}
		who, err := s.access.TokenCaller(ctx, strings.TrimSpace(token))
		return who, nil, err
	}
	secret, err := c.Cookie(SessionCookie)
	if err != nil || secret == "" {
		return nil, nil, nil
	}
	who, sess, err := s.access.SessionCaller(ctx, secret)
	if err != nil {
		s.clearSessionCookie(c)
		return nil, nil, err
	}
	return who, sess, nil
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
