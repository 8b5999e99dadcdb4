package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"leerlus"
)

// Problem is an RFC 9457 problem details body.
type Problem struct {
	Type   string           `json:"type"`
	Title  string           `json:"title"`
	Status int              `json:"status"`
	Detail string           `json:"detail,omitempty"`
	Errors []FieldErrorBody `json:"errors,omitempty"`
	// Findings are the identifying details of a refused write (422).
	Findings []FindingBody `json:"findings,omitempty"`
}

// statusOf is the one place where domain error codes become HTTP statuses.
var statusOf = map[leerlus.Code]int{
	leerlus.CodeInvalid:      http.StatusBadRequest,
	leerlus.CodeNotFound:     http.StatusNotFound,
	leerlus.CodeConflict:     http.StatusConflict,
	leerlus.CodeIdentifying:  http.StatusUnprocessableEntity,
	leerlus.CodeForbidden:    http.StatusForbidden,
	leerlus.CodeUnauthorized: http.StatusUnauthorized,
	leerlus.CodeRateLimited:  http.StatusTooManyRequests,
	leerlus.CodeGone:         http.StatusGone,
	leerlus.CodeInternal:     http.StatusInternalServerError,
}

// Problem types for failures the HTTP layer itself detects.
const (
	problemTooLarge         = "too_large"
	problemUnsupportedMedia = "unsupported_media_type"
	problemMethodNotAllowed = "method_not_allowed"
	problemCSRF             = "csrf"
)

func problemType(code string) string { return "urn:leerlus:problem:" + code }

// writeProblem answers with a problem+json body and stops the chain. A
// problem is never cached: it may answer a path or body that names a
// secret, and the next request may succeed.
func writeProblem(c *gin.Context, status int, code, detail string, fields []leerlus.FieldError) {
	writeProblemBody(c, Problem{Type: problemType(code), Title: http.StatusText(status), Status: status,
		Detail: detail, Errors: fieldErrorBodies(fields)})
}

func writeProblemBody(c *gin.Context, p Problem) {
	c.Header("Cache-Control", "no-store")
	c.Abort()
	writeBody(c, p.Status, "application/problem+json", p)
}

// writeInternalProblem answers a fault of ours with a generic message; the
// caller has logged (or kept for the request log) what went wrong.
func writeInternalProblem(c *gin.Context) {
	writeProblem(c, http.StatusInternalServerError, string(leerlus.CodeInternal),
		"Something went wrong on our side. Try again later; quote request id "+requestID(c)+".", nil)
}

// writeError maps any error to a problem. Domain errors show their message;
// anything else is a bug or an outage: it is logged with the request id and
// the client sees a generic message.
func (s *Server) writeError(c *gin.Context, err error) {
	var e *leerlus.Error
	if clientGone(c, err) {
		// Nobody reads the answer: the client closed the connection (or the
		// server is stopping) while the request ran. That is not a fault of
		// the server, so it is not logged as one; 499 is the status proxies
		// use for it, and the request log shows it at info level.
		c.AbortWithStatus(statusClientClosedRequest)
		return
	}
	if !errors.As(err, &e) {
		s.Log.ErrorContext(c.Request.Context(), "internal error", slog.String("request_id", requestID(c)),
			slog.String("route", c.FullPath()), slog.Any("error", err))
		writeInternalProblem(c)
		return
	}
	status := statusOf[e.Code]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if e.Code == leerlus.CodeRateLimited && e.RetryAfter > 0 {
		c.Header("Retry-After", strconv.Itoa(e.RetryAfter))
	}
	if len(e.Findings) > 0 {
		writeProblemBody(c, Problem{Type: problemType(string(e.Code)), Title: http.StatusText(status), Status: status,
			Detail: e.Message, Errors: fieldErrorBodies(e.Fields), Findings: findingBodies(e.Findings)})
		return
	}
	writeProblem(c, status, string(e.Code), e.Message, e.Fields)
}

// statusClientClosedRequest is nginx's status for a request whose client
// went away before the answer; no client ever receives it.
const statusClientClosedRequest = 499

// clientGone reports whether err only says that the request was
// cancelled: the client disconnected or the server is shutting down.
func clientGone(c *gin.Context, err error) bool {
	return errors.Is(err, context.Canceled) && c.Request.Context().Err() != nil
}
