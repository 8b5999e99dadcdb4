// Package leerlus holds what every Leerlus package shares: the domain error
// type with field codes, the database handle with its migrations, ids, the
// clock, versioned updates, paging cursors and text checks.
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

// Error is the one error type the domain returns for expected failures.
type Error struct {
	Code       Code
	Message    string
	Fields     []FieldError
	RetryAfter int       // seconds, for CodeRateLimited
	Findings   []Finding // for CodeIdentifying
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

// NotFound is the answer for an object that does not exist or that the
// caller may not know exists.
func NotFound(what string) *Error {
	return Errorf(CodeNotFound, "There is no such %s.", what)
}

// FieldFailure returns an Error of the given code that names one field.
func FieldFailure(code Code, message, field string, fcode FieldCode, params Params) *Error {
	return &Error{Code: code, Message: message, Fields: []FieldError{NewFieldError(field, fcode, params)}}
}

// Invalid returns an invalid-input Error naming one field.
func Invalid(field string, fcode FieldCode, params Params) *Error {
	return FieldFailure(CodeInvalid, invalidMessage, field, fcode, params)
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

const invalidMessage = "The input is not valid."

// Validation collects field errors so that one response names every bad
// field at once.
type Validation struct {
	fields []FieldError
}

// Add records that field breaks the rule fcode, with the values the rule
// names (a maximum length, the allowed values).
func (v *Validation) Add(field string, fcode FieldCode, params Params) {
	v.fields = append(v.fields, NewFieldError(field, fcode, params))
}

// Check records fcode for field when ok is false.
func (v *Validation) Check(ok bool, field string, fcode FieldCode, params Params) {
	if !ok {
		v.Add(field, fcode, params)
	}
}

// Failed reports whether any field error was recorded.
func (v *Validation) Failed() bool { return len(v.fields) > 0 }

// Err returns an invalid Error naming all recorded fields, or nil.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, Message: invalidMessage, Fields: v.fields}
}
