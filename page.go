package leerlus

import (
	"encoding/base64"
	"strconv"
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

// ValidText reports whether s is text both engines store alike and that
// shows what it says: valid UTF-8 (PostgreSQL refuses anything else),
// without NUL (PostgreSQL refuses it, SQLite would keep it) or other
// control characters but tab and line ends, without the direction
// overrides and isolates that make a text display other than it reads
// (U+202A–U+202E, U+2066–U+2069), without the interlinear annotation
// controls and noncharacters (U+FFF9–U+FFFB, U+FFFE, U+FFFF), and without
// U+FFFD, which stands where a client's text was already broken. Every string from a request must
// pass it before a query sees it.
func ValidText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return false
		}
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
			r >= 0xfff9 && r <= 0xfffb || r == 0xfffe || r == 0xffff {
			return false // invalid UTF-8 decodes as RuneError too
		}
		i += w - 1
	}
	return true
}
