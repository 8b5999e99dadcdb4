// Package leerlus holds what every Leerlus package shares: the domain error
// type, the database handle with its migrations, and paging cursors.
package leerlus

import (
	"errors"
	"fmt"
)

// Code says what kind of failure an Error is; the API maps each code to one
// HTTP status in one place.
type Code string

// The error codes of the domain.
const (
	CodeInvalid      Code = "invalid"      // the input breaks a rule
	CodeNotFound     Code = "not_found"    // the object does not exist or is not visible
	CodeConflict     Code = "conflict"     // a stale version or a duplicate
	CodeForbidden    Code = "forbidden"    // the caller may not do this
	CodeUnauthorized Code = "unauthorized" // the caller is not signed in or the credentials are wrong
	CodeRateLimited  Code = "rate_limited" // too many attempts; retry later
	CodeGone         Code = "gone"         // the object existed but expired or was used
	CodeInternal     Code = "internal"     // a bug or an outage; details are logged, not shown
)

// FieldError names one input field (by its JSON name) that breaks a rule.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is the one error type the domain returns for expected failures.
type Error struct {
	Code       Code
	Message    string
	Fields     []FieldError
	RetryAfter int // seconds, for CodeRateLimited
}

func (e *Error) Error() string {
	if len(e.Fields) > 0 {
		return fmt.Sprintf("%s: %s (%s: %s)", e.Code, e.Message, e.Fields[0].Field, e.Fields[0].Message)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an Error with a code and a message for the client.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, or CodeInternal for errors that are not
// domain errors.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// IsCode reports whether err is a domain error with the given code.
func IsCode(err error, code Code) bool {
	return err != nil && ErrorCode(err) == code
}

// Validation collects field errors so that one response names every bad
// field at once.
type Validation struct {
	fields []FieldError
}

// Add records that field breaks a rule.
func (v *Validation) Add(field, message string) {
	v.fields = append(v.fields, FieldError{Field: field, Message: message})
}

// Check records message for field when ok is false.
func (v *Validation) Check(ok bool, field, message string) {
	if !ok {
		v.Add(field, message)
	}
}

// Err returns an invalid Error naming all recorded fields, or nil.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, Message: "The input is not valid.", Fields: v.fields}
}
