package review

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/search"
)

// SearchQuery is a full-text search over published texts with the filters
// of the research queries. Empty fields do not filter.
type SearchQuery struct {
	Q string // the search words
	// Networks narrows the search to some of the caller's networks; empty
	// searches all of them (see researchNetworks).
	Networks    []string
	Kind        string // case, reflection or lesson texts only
	Outcome     string
	AgeBand     string
	Service     string
	Phase       string // cases with a key episode in this phase
	Perspective string // reflections and lessons from this perspective
	Code        string // cases that carry this code (a key such as T8.thuiszitten)
	From, To    *cases.Period
	// Offset is where the page starts in the ranked hits (the cursor).
	Offset int
	Limit  int
}

// Search limits: a query of up to searchQueryMax characters; pages of at
// most SearchMaxLimit hits, up to searchMaxOffset hits deep (ranking
// beyond the first few hundred tells a researcher nothing; they narrow
// the query instead).
const (
	searchQueryMax     = 200
	SearchDefaultLimit = 20
	SearchMaxLimit     = 50
	searchMaxOffset    = 1000
)

var searchKinds = []string{search.KindCase, search.KindReflection, search.KindLesson}

// codeKeyPattern is the form of a codebook key (T1, T1.wachttijd).
var codeKeyPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

// check validates a query and analyses its words.
func (q *SearchQuery) check() ([]search.Word, error) {
	var v leerlus.Validation
	q.Q = strings.TrimSpace(q.Q)
	leerlus.CheckLength(&v, "q", q.Q, 1, searchQueryMax)
	words := search.Words(q.Q)
	if q.Q != "" && len(q.Q) <= searchQueryMax {
		// Only stop words or signs: nothing the index holds.
		v.Check(len(words) > 0, "q", leerlus.FieldNotAllowed, leerlus.Params{"reason": "no_search_words"})
		v.Check(len(words) <= search.MaxWords, "q", leerlus.FieldTooMany, leerlus.Params{"max": search.MaxWords})
	}
	checkNetworkList(&v, q.Networks)
	oneOf := func(field, value string, allowed []string) {
		if value == "" {
			return
		}
		ok := false
		for _, a := range allowed {
			ok = ok || a == value
		}
		v.Check(ok, field, leerlus.FieldOneOf, leerlus.Params{"allowed": allowed})
	}
	oneOf("kind", q.Kind, searchKinds)
	oneOf("outcome", q.Outcome, cases.Outcomes.Codes())
	oneOf("age_band", q.AgeBand, cases.AgeBands.Codes())
	oneOf("service", q.Service, cases.Services.Codes())
	oneOf("phase", q.Phase, cases.Phases.Codes())
	oneOf("perspective", q.Perspective, policy.PerspectiveNames())
	if q.Code != "" {
		v.Check(codeKeyPattern.MatchString(q.Code), "code", leerlus.FieldFormat, leerlus.Params{"format": "code_key"})
	}
	if q.From != nil && q.To != nil && periodCode(*q.To) < periodCode(*q.From) {
		v.Add("to", leerlus.FieldBeforeStart, nil)
	}
	if q.Limit == 0 {
		q.Limit = SearchDefaultLimit
	}
	v.Check(q.Limit >= 1 && q.Limit <= SearchMaxLimit, "limit", leerlus.FieldOutOfRange, leerlus.Params{"min": 1, "max": SearchMaxLimit})
	v.Check(q.Offset >= 0 && q.Offset < searchMaxOffset, "cursor", leerlus.FieldFormat, leerlus.Params{"format": "cursor"})
	return words, v.Err()
}

// periodCode is a period as the cases table stores it (2024 Q3 → 20243).
func periodCode(p cases.Period) int { return p.Year*10 + p.Quarter }

// SearchCursor turns a cursor into the offset of its page; an empty
// cursor is the first page.
func SearchCursor(cursor string) (int, error) {
	if cursor == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(cursor)
	if err != nil || n < 0 || n >= searchMaxOffset {
		return 0, leerlus.Invalid("cursor", leerlus.FieldFormat, leerlus.Params{"format": "cursor"})
	}
	return n, nil
}

// cases is the search's filter on cases.
func (q *SearchQuery) cases() caseFilter {
	return caseFilter{Outcomes: one(q.Outcome), AgeBands: one(q.AgeBand), Service: q.Service, Phase: q.Phase, From: q.From, To: q.To}
}

// describe writes the query for the audit log: every filter, the number
// of search words but never the words (someone may search for a name,
// and the log keeps no case text).
func (q *SearchQuery) describe(words []search.Word) string {
	vals := url.Values{}
	set := func(k, v string) {
		if v != "" {
			vals.Set(k, v)
		}
	}
	set("words", strconv.Itoa(len(words)))
	set("networks", strings.Join(q.Networks, ","))
	set("kind", q.Kind)
	set("perspective", q.Perspective)
	set("code", q.Code)
	q.cases().describeInto(vals)
	if q.Offset > 0 {
		set("offset", strconv.Itoa(q.Offset))
	}
	return "search " + strings.ReplaceAll(vals.Encode(), "&", " ")
}
