package leerlus

import (
	"strings"
	"unicode/utf8"
)

// CheckText trims a text field in place and checks that its length in
// characters lies within min and max. A nil field is refused only when
// required (an edit leaves it as it is).
func CheckText(v *Validation, field string, s *string, required bool, min, max int) {
	if s == nil {
		v.Check(!required, field, FieldRequired, nil)
		return
	}
	*s = strings.TrimSpace(*s)
	CheckLength(v, field, *s, min, max)
}

// CheckLength checks the length in characters of an already trimmed text.
func CheckLength(v *Validation, field, s string, min, max int) {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0 && min > 0:
		v.Add(field, FieldRequired, nil)
	case n < min:
		v.Add(field, FieldTooShort, Params{"min": min})
	case n > max:
		v.Add(field, FieldTooLong, Params{"max": max})
	}
}

// CheckID records a format error when id is set but not an id this system
// hands out.
func CheckID(v *Validation, field, id string) {
	v.Check(id == "" || ValidID(id), field, FieldFormat, Params{"format": "id"})
}

// SetIf puts *v under column when v is set: the columns of a partial edit.
func SetIf[T any](cols map[string]any, column string, v *T) {
	if v != nil {
		cols[column] = *v
	}
}

// Optional turns an empty string into NULL for a nullable column.
func Optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Deref reads a nullable column, with "" for NULL.
func Deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
