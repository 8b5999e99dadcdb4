package review

import (
	"context"
	"encoding/binary"
	"math"
	"sort"
	"strings"

	"gorm.io/gorm"

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

// searchRankMax bounds the texts a search reads, counts and ranks: the
// searchRankMax most recently indexed texts that match the words and
// filters — as deep as a search pages (searchMaxOffset). Ranking every
// match of a common word cost seconds on 50,000 cases (every match scored,
// and on SQLite every match joined with its row for the filters); a
// researcher narrows such a search with filters instead
// (docs/performance.md, "Full-text search").
const searchRankMax = searchMaxOffset

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
	var ranked []rankedDoc
	known := true
	if q.Code != "" {
		// A code no network searched has finds nothing: answered without
		// reading every match of the words.
		var n int64
		if err := db.Raw("SELECT COUNT(*) FROM codebook_codes WHERE key = ? AND network_id IN ?", q.Code, networks).Scan(&n).Error; err != nil {
			return nil, err
		}
		known = n > 0
	}
	switch {
	case !known:
	case s.db.Dialect == leerlus.Postgres:
		ranked, err = searchPostgres(db, words, where, args, q.Offset, q.Limit)
	default:
		ranked, err = searchSQLite(db, words, where, args, q.Offset, q.Limit)
	}
	if err != nil {
		return nil, err
	}
	out := &SearchResult{Hits: []SearchHit{}}
	if len(ranked) > 0 {
		out.Total = ranked[0].Total
	}
	if out.Total > searchRankMax {
		out.Total, out.Capped = searchRankMax, true
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

// rankedDoc is one row of search_docs a query found, with its score and
// the number of rows found in all.
type rankedDoc struct {
	ID                     int64
	Kind, ObjectID, CaseID string
	NetworkID, Perspective string
	Outcome, AgeBand       string
	StartPeriod            int
	Score                  float64
	Total                  int
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
	if q.Outcome != "" {
		add("d.outcome = ?", q.Outcome)
	}
	if q.AgeBand != "" {
		add("d.age_band = ?", q.AgeBand)
	}
	if q.Service != "" {
		add("(d.service_mask & ?) <> 0", cases.Services.Mask(q.Service))
	}
	if q.Phase != "" {
		add("(d.phase_mask & ?) <> 0", cases.Phases.Mask(q.Phase))
	}
	if q.Perspective != "" {
		add("d.perspective = ?", q.Perspective)
	}
	if q.From != nil {
		// Trajectories still running at the start of the range count too,
		// as in the case list.
		add("(d.end_period IS NULL OR d.end_period >= ?)", periodCode(*q.From))
	}
	if q.To != nil {
		add("d.start_period <= ?", periodCode(*q.To))
	}
	if q.Code != "" {
		// The cases where a published reflection's item or a lesson that
		// is not rejected carries the code; codes can change on published
		// material (recoding), so they are read here, not copied. First
		// the cases with the code anywhere, from the covering indexes on
		// code ids (cheap, materialised once); then, for the rows that
		// pass, the exact condition with the one code of the row's own
		// network (a few index probes per row). Reading the exact
		// condition for every coding of a common code took 150 ms on
		// 500,000 codings.
		add(`d.case_id IN (SELECT cg.case_id FROM codings cg WHERE cg.code_id IN (SELECT id FROM codebook_codes WHERE key = ? AND network_id IN ?)
			UNION SELECT l.case_id FROM lesson_codes lc JOIN lessons l ON l.id = lc.lesson_id
				WHERE lc.code_id IN (SELECT id FROM codebook_codes WHERE key = ? AND network_id IN ?))`,
			q.Code, networks, q.Code, networks)
		add(`(EXISTS (SELECT 1 FROM codebook_codes cc JOIN codings cg ON cg.code_id = cc.id AND cg.case_id = d.case_id
				JOIN reflections r ON r.id = cg.reflection_id
				WHERE cc.network_id = d.network_id AND cc.key = ? AND r.status = 'published')
			OR EXISTS (SELECT 1 FROM codebook_codes cc JOIN lesson_codes lc ON lc.code_id = cc.id
				JOIN lessons l ON l.id = lc.lesson_id AND l.case_id = d.case_id JOIN reflections r ON r.id = l.reflection_id
				WHERE cc.network_id = d.network_id AND cc.key = ? AND l.status <> 'rejected' AND r.status = 'published'))`,
			q.Code, q.Code)
	}
	return strings.Join(conds, " AND "), args
}

// searchPostgres finds the newest searchRankMax+1 matching rows (the GIN
// index and the filters; only ids sorted), ranks the first searchRankMax
// of them with ts_rank and returns one page, each row with the number of
// candidates.
func searchPostgres(db *gorm.DB, words []search.Word, where string, args []any, offset, limit int) ([]rankedDoc, error) {
	tsq, qargs := search.TSQuery(words)
	all := append(append([]any{}, qargs...), args...)
	all = append(all, searchRankMax+1, searchRankMax, limit, offset)
	var out []rankedDoc
	err := db.Raw("WITH q AS MATERIALIZED (SELECT "+tsq+" AS q), "+
		"m AS MATERIALIZED (SELECT d.id, ROW_NUMBER() OVER (ORDER BY d.id DESC) AS n FROM search_docs d, q WHERE d.tsv @@ q.q AND "+where+
		" ORDER BY d.id DESC LIMIT ?) "+
		"SELECT "+docColumns+", ts_rank(d.tsv, q.q) AS score, (SELECT COUNT(*) FROM m) AS total "+
		"FROM m JOIN search_docs d ON d.id = m.id, q WHERE m.n <= ? ORDER BY score DESC, d.id DESC LIMIT ? OFFSET ?", all...).Scan(&out).Error
	return out, err
}

// searchSQLite reads the newest searchRankMax+1 matching rows from FTS4
// (newest first is the full-text index's own order, so the scan stops
// there), ranks the first searchRankMax with BM25 from matchinfo (SQLite
// has no ranking function for FTS4; bm25K1 and bm25B are the suggestions'
// constants) and keeps one page, each row with the number of candidates.
func searchSQLite(db *gorm.DB, words []search.Word, where string, args []any, offset, limit int) ([]rankedDoc, error) {
	rows, err := db.Raw("SELECT "+docColumns+", matchinfo(search_fts, 'pcnalx') FROM search_fts CROSS JOIN search_docs d ON d.id = search_fts.docid "+
		"WHERE search_fts MATCH ? AND "+where+" ORDER BY search_fts.docid DESC LIMIT ?",
		append(append([]any{search.FTSMatch(words)}, args...), searchRankMax+1)...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []rankedDoc
	for rows.Next() {
		var d rankedDoc
		var info []byte
		if err := rows.Scan(&d.ID, &d.Kind, &d.ObjectID, &d.CaseID, &d.NetworkID, &d.Perspective, &d.Outcome, &d.AgeBand, &d.StartPeriod, &info); err != nil {
			return nil, err
		}
		d.Score = bm25(info)
		all = append(all, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	total := len(all)
	all = all[:min(len(all), searchRankMax)]
	sort.Slice(all, func(i, j int) bool {
		if all[i].Score != all[j].Score {
			return all[i].Score > all[j].Score
		}
		return all[i].ID > all[j].ID
	})
	if offset >= len(all) {
		return nil, nil
	}
	page := all[offset:min(len(all), offset+limit)]
	for i := range page {
		page[i].Total = total
	}
	return page, nil
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
