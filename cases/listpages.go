package cases

import (
	"strconv"
	"strings"

	"leerlus"
)

// listPages keeps the most recently read case list pages in memory, on
// SQLite. A page is kept under the network's case revision it was read
// at, which every write to a case moves on in the writing transaction
// (database triggers, migration 0008); a list reads the revision first,
// so it can only find a page read at the current count or later, never an
// older one. Reading a page from SQLite costs a call into C per row and
// column and a time parse per timestamp: the larger part of a list
// request (docs/performance.md). PostgreSQL reads every page (the
// migration says why).
//
// Only what every caller under the same filter sees is kept; who may know
// the author is applied per answer. Pages of older revisions are never
// asked for again and leave as newer pages come in.
type listPages = leerlus.Kept[*listPage]

// listPage is one page as read; shared between requests and never changed.
type listPage struct {
	cases     []Case
	next      string
	byOutcome map[string]int
}

// maxListPages bounds the pages kept: at most leerlus.MaxLimit cases
// each, a few MB in all.
const maxListPages = 128

// pageKey names a page by the revision, the query and its arguments (the
// filter's values, the cursor and the limit are all among them). It is
// false for an argument it cannot write, and such a page is not kept.
func pageKey(revision int64, query string, args []any) (string, bool) {
	var b strings.Builder
	b.WriteString(strconv.FormatInt(revision, 10))
	b.WriteByte(0)
	b.WriteString(query)
	for _, a := range args {
		b.WriteByte(0)
		switch v := a.(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			return "", false
		}
	}
	return b.String(), true
}
