package api

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"

	"leerlus"
)

const requestIDKey = "request_id"

var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

func requestID(c *gin.Context) string { return c.GetString(requestIDKey) }

// requestLog gives each request an id (the client's X-Request-Id when it is
// sane) and logs one line when it is done. It logs the route template, not
// the path, so secrets in paths (invitation tokens) stay out of the logs.
func (s *Server) requestLog(c *gin.Context) {
	start := time.Now()
	id := c.GetHeader("X-Request-Id")
	if !validRequestID.MatchString(id) {
		b := make([]byte, 8)
		rand.Read(b) //nolint:errcheck // crypto/rand does not fail
		id = hex.EncodeToString(b)
	}
	c.Set(requestIDKey, id)
	c.Header("X-Request-Id", id)
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "(no route)"
	}
	level := slog.LevelInfo
	if c.Writer.Status() >= 500 {
		level = slog.LevelError
	}
	attrs := []slog.Attr{slog.String("request_id", id), slog.String("method", c.Request.Method), slog.String("route", route),
		slog.Int("status", c.Writer.Status()), slog.Int("bytes", c.Writer.Size()),
		slog.Duration("duration", time.Since(start)), slog.String("client", c.ClientIP())}
	if err := c.Errors.Last(); err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	s.Log.LogAttrs(c.Request.Context(), level, "request", attrs...)
}

// warnUntrustedForwarding logs once per server when a request carries
// X-Forwarded-For from a peer that is not a trusted proxy. The header is
// then ignored, which is right for a client that forges it, but behind a
// proxy left out of --trusted-proxies every user shares the proxy's
// address: one per-address sign-in limit for all, and the proxy's address
// in the audit log.
func (s *Server) warnUntrustedForwarding(c *gin.Context) {
	if !s.warnedForwarding.Load() && c.GetHeader("X-Forwarded-For") != "" && !s.fromTrustedProxy(c) &&
		s.warnedForwarding.CompareAndSwap(false, true) {
		peer, _, _ := net.SplitHostPort(c.Request.RemoteAddr)
		s.Log.Warn("a request came with X-Forwarded-For from a peer that is not a trusted proxy; the header is ignored. "+
			"If this peer is your reverse proxy, add it to --trusted-proxies: until then all clients behind it share one "+
			"address for the sign-in limits and the audit log. Logged once.", slog.String("peer", peer))
	}
	c.Next()
}

// recovery turns a panic into a logged 500, so one bug cannot take the
// server down. Bad input must never get here: it is answered with 4xx.
func (s *Server) recovery(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.Log.Error("panic", slog.String("request_id", requestID(c)), slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
			if !c.Writer.Written() {
				writeInternalProblem(c)
			}
			c.Abort()
		}
	}()
	c.Next()
}

// contentSecurityPolicy allows only this origin's own scripts and styles.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// securityHeaders sets the headers every response carries. There are no
// CORS headers: the API is same-origin only.
func (s *Server) securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	if s.secure(c) {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	c.Next()
}

// MaxHeaderBytes is the most a request's line and headers may take. The
// server lets net/http read up to ServerHeaderBytes, so that a request
// over this limit still gets a problem+json answer here; only one over
// that gets net/http's own plain-text 431.
const (
	MaxHeaderBytes    = 64 << 10
	ServerHeaderBytes = 1 << 20
)

// limitHeaders answers 431 with a problem to a request whose line and
// headers exceed MaxHeaderBytes (a 70,000-character query, a huge
// cookie).
func (s *Server) limitHeaders(c *gin.Context) {
	n := len(c.Request.Method) + len(c.Request.RequestURI) + len(c.Request.Proto) + 4
	for k, vs := range c.Request.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	if n > MaxHeaderBytes {
		writeProblem(c, http.StatusRequestHeaderFieldsTooLarge, problemTooLarge, "The request line and headers are larger than 64 KiB.", nil)
		return
	}
	c.Next()
}

// limitBody caps every API request body at MaxBodyBytes, also for
// handlers that do not decode JSON.
func (s *Server) limitBody(c *gin.Context) {
	if c.Request.ContentLength > MaxBodyBytes {
		writeProblem(c, http.StatusRequestEntityTooLarge, problemTooLarge, "The body is larger than 1 MiB.", nil)
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, MaxBodyBytes)
	c.Header("Cache-Control", "no-store")
	c.Next()
}

// checkQuery refuses query strings whose names or values are not valid
// UTF-8 or hold NUL characters, for every API route at once, so that no
// filter can hand PostgreSQL text it refuses (which would be a 500).
func (s *Server) checkQuery(c *gin.Context) {
	for name, values := range c.Request.URL.Query() {
		field := name
		if !leerlus.ValidText(name) {
			field = "query"
		}
		ok := field != "query"
		for _, v := range values {
			ok = ok && leerlus.ValidText(v)
		}
		if !ok {
			s.writeError(c, leerlus.Invalid(field, leerlus.FieldFormat, leerlus.Params{"format": "text"}))
			return
		}
	}
	c.Next()
}
