package leerlus

import (
	"fmt"
	"sort"
	"strings"
)

// FieldCode is the stable, machine-readable reason a field was refused.
// Clients translate codes (with their params); the English message beside
// it is for people reading raw responses and logs.
type FieldCode string

// Params are the values a field rule names, such as {"max": 120}.
type Params map[string]any

// The field codes. Each is listed once, with the params it carries, in
// FieldCodes; the OpenAPI document exposes the list as an enum.
const (
	FieldRequired        FieldCode = "required"        // the field is missing or empty
	FieldTooShort        FieldCode = "too_short"       // params: min (characters)
	FieldTooLong         FieldCode = "too_long"        // params: max (characters)
	FieldOutOfRange      FieldCode = "out_of_range"    // params: min, max
	FieldOneOf           FieldCode = "one_of"          // params: allowed (list)
	FieldFormat          FieldCode = "format"          // params: format (email, id, date_time, cursor, text)
	FieldInUse           FieldCode = "in_use"          // the value is taken by another object
	FieldStaleVersion    FieldCode = "stale_version"   // someone else changed the object
	FieldWrongPassword   FieldCode = "wrong_password"  // not the current password
	FieldCommonPassword  FieldCode = "common_password" // in the list of common passwords
	FieldUnknown         FieldCode = "unknown_field"   // the request names a field the route does not know
	FieldWrongType       FieldCode = "wrong_type"      // params: expected (string, number, boolean, object, list)
	FieldInvalidBody     FieldCode = "invalid_body"    // params: reason (json, utf8, empty, several_values, unreadable)
	FieldNotInWorkplace  FieldCode = "not_in_workplace"
	FieldMemberAlready   FieldCode = "member_already"
	FieldOwnAccount      FieldCode = "own_account" // an admin may not demote or disable themselves
	FieldNotAllowed      FieldCode = "not_allowed" // params: reason; the value is valid but not allowed here
	FieldLastFacilitator FieldCode = "last_facilitator"
	FieldMixedScripts    FieldCode = "mixed_scripts" // an e-mail address mixing alphabets (Latin with Cyrillic), a look-alike
	FieldDuplicate       FieldCode = "duplicate"     // a list names one value twice
	FieldTooMany         FieldCode = "too_many"      // params: max (items of a list)
	FieldBeforeStart     FieldCode = "before_start"  // an end that lies before its start
	FieldInFuture        FieldCode = "in_future"     // a period or date that has not begun yet
)

// fieldMessages are the English messages of the codes; {name} is replaced
// by the param of that name.
var fieldMessages = map[FieldCode]string{
	FieldRequired:        "is required",
	FieldTooShort:        "must be at least {min} characters",
	FieldTooLong:         "must be at most {max} characters",
	FieldOutOfRange:      "must be from {min} to {max}",
	FieldOneOf:           "must be one of {allowed}",
	FieldFormat:          "is not a valid {format}",
	FieldInUse:           "is in use already",
	FieldStaleVersion:    "is not the current version",
	FieldWrongPassword:   "is not your current password",
	FieldCommonPassword:  "is too common; choose another",
	FieldUnknown:         "is not a known field",
	FieldWrongType:       "must be of type {expected}",
	FieldInvalidBody:     "is not acceptable ({reason})",
	FieldNotInWorkplace:  "is not an organisation of this workplace",
	FieldMemberAlready:   "is a member already",
	FieldOwnAccount:      "you cannot remove your own administrator rights or disable yourself",
	FieldNotAllowed:      "is not allowed here ({reason})",
	FieldLastFacilitator: "a network needs at least one facilitator",
	FieldMixedScripts:    "must not mix alphabets, such as Latin with Cyrillic or Greek",
	FieldDuplicate:       "names a value more than once",
	FieldTooMany:         "must have at most {max} items",
	FieldBeforeStart:     "must not lie before the start",
	FieldInFuture:        "must not lie in the future",
}

// FieldCodes lists every field code, sorted, for the API document.
func FieldCodes() []FieldCode {
	out := make([]FieldCode, 0, len(fieldMessages))
	for c := range fieldMessages {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// FieldError names one input field (by its JSON name or a JSON pointer)
// that breaks a rule.
type FieldError struct {
	Field   string
	Code    FieldCode
	Params  Params
	Message string
}

// NewFieldError builds a field error with its English message.
func NewFieldError(field string, code FieldCode, params Params) FieldError {
	return FieldError{Field: field, Code: code, Params: params, Message: fieldMessage(code, params)}
}

func fieldMessage(code FieldCode, params Params) string {
	msg, ok := fieldMessages[code]
	if !ok {
		msg = string(code)
	}
	for k, v := range params {
		msg = strings.ReplaceAll(msg, "{"+k+"}", paramText(v))
	}
	return msg
}

func paramText(v any) string {
	switch x := v.(type) {
	case []string:
		return strings.Join(x, ", ")
	default:
		return fmt.Sprint(x)
	}
}
