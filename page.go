package leerlus

import (
	"encoding/base64"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Paging limits for every list endpoint.
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// Page asks for one page of a list: at most Limit items after the position
// a cursor from the previous page names.
type Page struct {
	Limit int
	After string // the decoded cursor; empty for the first page
}

// ParsePage validates the limit and cursor query values of a list request.
func ParsePage(limit, cursor string) (Page, error) {
	p := Page{Limit: DefaultLimit}
	var v Validation
	if limit != "" {
		n, err := strconv.Atoi(limit)
		v.Check(err == nil && n >= 1 && n <= MaxLimit, "limit", FieldOutOfRange, Params{"min": 1, "max": MaxLimit})
		p.Limit = n
	}
	if cursor != "" {
		b, err := base64.RawURLEncoding.DecodeString(cursor)
		v.Check(err == nil && len(b) > 0 && len(b) <= 128 && ValidText(string(b)), "cursor", FieldFormat, Params{"format": "cursor"})
		p.After = string(b)
	}
	return p, v.Err()
}

// Cursor encodes a list position so that clients treat it as opaque.
func Cursor(position string) string {
	if position == "" {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(position))
}

// ValidText reports whether s is valid UTF-8 without NUL characters: text
// both engines store alike (PostgreSQL refuses both, SQLite would keep
// them). Every string from a request must pass it before a query sees it.
func ValidText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}
