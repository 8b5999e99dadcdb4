package review

import (
	"context"
	"encoding/binary"
	"math"
	"strings"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/search"
)

// SearchHit is one object whose text a search found: a case, a reflection
// or a lesson, with its case's attributes and snippets of the texts that
// hold the words. It never names or points to an author.
type SearchHit struct {
	Kind        string // case, reflection, lesson
	ID          string // the case's, reflection's or lesson's id
	CaseID      string
	CaseTitle   string
	NetworkID   string
	NetworkName string
	Perspective string // of a reflection or lesson; "" for a case
	Outcome     string
	AgeBand     string
	Start       cases.Period
	Score       float64
	Snippets    []SearchSnippet
}

// SearchSnippet is a keyword in context from one text of a hit.
type SearchSnippet struct {
	// Field names the text: title, summary, episode, what, why, answer,
	// statement.
	Field string
	// Question is the form question of an item or answer; Position the
	// place of an episode or item (from 1); both empty where they do not
	// apply.
	Question string
	Position int
	search.Snippet
}

// SearchResult is one page of ranked hits. Total counts the hits of the
// query in the networks searched (its texts are the caller's to read), up
// to searchRankMax; Capped says that more texts matched than that.
type SearchResult struct {
	Hits       []SearchHit
	Total      int
	Capped     bool
	NextOffset int // 0: no further page
}

// Search finds published texts with the query's words, Dutch stemming
// and compounds included, within the networks the caller may search
// (researchNetworks), ranked by relevance. Every search is audited with its
// filters, never its words.
func (s *Service) Search(ctx context.Context, acc leerlus.Access, q SearchQuery) (*SearchResult, error) {
	words, err := q.check()
	if err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	scope, err := researchNetworks(db, acc, q.Networks, useSearch)
	if err != nil {
		return nil, err
	}
	networks := researchIDs(scope)
	where, args := q.filters(networks)
	out := &SearchResult{Hits: []SearchHit{}}
	c, err := s.candidates(db, words, where, args, q.Code, networks)
	if err != nil {
		return nil, err
	}
	out.Total, out.Capped = len(c.docs), c.capped
	if len(c.docs) > searchRankMax {
		out.Total, out.Capped = searchRankMax, true
		c.docs = c.docs[:searchRankMax]
	}
	ranked, err := s.rank(db, c, words)
	if err != nil {
		return nil, err
	}
	if q.Offset < len(ranked) {
		ranked = ranked[q.Offset:min(len(ranked), q.Offset+q.Limit)]
	} else {
		ranked = nil
	}
	if q.Offset+q.Limit < out.Total && q.Offset+q.Limit < searchMaxOffset {
		out.NextOffset = q.Offset + q.Limit
	}
	if out.Hits, err = hits(db, ranked, words); err != nil {
		return nil, err
	}
	described := q
	described.Networks = networks
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionSearchQueried, ObjectType: "person",
		ObjectID: acc.PersonID(), Detail: described.describe(words)})
	return out, err
}

// rankedDoc is one row of search_docs a query found, with its score.
type rankedDoc struct {
	ID                     int64
	Kind, ObjectID, CaseID string
	NetworkID, Perspective string
	Outcome, AgeBand       string
	StartPeriod            int
	Score                  float64
}

// docColumns are the columns of search_docs a hit shows.
const docColumns = "d.id, d.kind, d.object_id, d.case_id, d.network_id, d.perspective, d.outcome, d.age_band, d.start_period"

// filters writes the query's filters on search_docs d, with ? placeholders.
func (q *SearchQuery) filters(networks []string) (string, []any) {
	conds := []string{"d.network_id IN ?"}
	args := []any{networks}
	add := func(cond string, vals ...any) {
		conds = append(conds, cond)
		args = append(args, vals...)
	}
	if q.Kind != "" {
		add("d.kind = ?", q.Kind)
	}
	if q.Perspective != "" {
		add("d.perspective = ?", q.Perspective)
	}
	cf, cargs := q.cases().conditions("d")
	conds, args = append(conds, cf...), append(args, cargs...)
	if q.Code != "" {
		// The cases with the code anywhere, from the covering indexes on
		// code ids (cheap, materialised once). It is a superset: the exact
		// condition — a published reflection's item or a lesson that is
		// not rejected carries the code — is checked on the candidates
		// (exactCodeCases). Codes can change on published material
		// (recoding), so they are read here, not copied into the index.
		// "IS TRUE" keeps PostgreSQL from turning the IN into a join, which
		// made it read every row holding the words (300 ms for a common
		// word); as a hashed filter it reads the newest rows and stops at
		// the limit (30 ms). SQLite plans it the same either way.
		add(`(d.case_id IN (SELECT cg.case_id FROM codings cg WHERE cg.code_id IN (SELECT id FROM codebook_codes WHERE key = ? AND network_id IN ?)
			UNION SELECT l.case_id FROM lesson_codes lc JOIN lessons l ON l.id = lc.lesson_id
				WHERE lc.code_id IN (SELECT id FROM codebook_codes WHERE key = ? AND network_id IN ?))) IS TRUE`,
			q.Code, networks, q.Code, networks)
	}
	return strings.Join(conds, " AND "), args
}

// bm25 scores one row from matchinfo 'pcnalx' of a one-column table:
// phrases p, columns c (1), rows n, average length a, this row's length l,
// then per phrase its hits here, in all rows, and the rows it is in.
func bm25(info []byte) float64 {
	u := func(i int) float64 {
		if 4*i+4 > len(info) {
			return 0
		}
		return float64(binary.NativeEndian.Uint32(info[4*i:]))
	}
	p, n, avg, length := int(u(0)), u(2), u(3), u(4)
	if avg <= 0 {
		avg = 1
	}
	score := 0.0
	for i := range p {
		tf, docs := u(5+3*i), u(5+3*i+2)
		if tf == 0 {
			continue
		}
		idf := math.Log((n-docs+0.5)/(docs+0.5) + 1)
		score += idf * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*length/avg))
	}
	return score
}
