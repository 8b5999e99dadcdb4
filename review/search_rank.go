package review

import (
	"sort"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/search"
)

// searchRankMax bounds the texts a search reads, counts and ranks: the
// searchRankMax most recently indexed texts that match the words and
// filters — as deep as a search pages (searchMaxOffset). Ranking every
// match of a common word cost seconds on 50,000 cases (every match scored,
// and on SQLite every match joined with its row for the filters); a
// researcher narrows such a search with filters instead
// (docs/performance.md, "Full-text search").
const searchRankMax = searchMaxOffset

// searchCodeRounds bounds how often a search with a code filter reads
// more candidates when the exact check dropped some (a case whose code
// sits only in a draft or a rejected lesson), each time four times as
// many; after that the count is reported as capped.
const searchCodeRounds = 3

// candidateSet is what a search found before ranking: up to
// searchRankMax+1 rows, newest first, and whether more may exist.
type candidateSet struct {
	docs   []rankedDoc
	info   map[int64][]byte // SQLite: matchinfo per row, for BM25
	capped bool
}

// candidates reads the newest matching rows: FTS4 on SQLite (newest first
// is its own order, so the scan stops at the limit), the GIN index on
// PostgreSQL (only ids sorted). A code filter's exact condition is then
// checked on the candidates' cases.
func (s *Service) candidates(db *gorm.DB, words []search.Word, where string, args []any, code string, networks []string) (*candidateSet, error) {
	if code != "" {
		// A code no network searched has finds nothing: answered without
		// reading every match of the words.
		var n int64
		if err := db.Raw("SELECT COUNT(*) FROM codebook_codes WHERE key = ? AND network_id IN ?", code, networks).Scan(&n).Error; err != nil {
			return nil, err
		}
		if n == 0 {
			return &candidateSet{}, nil
		}
	}
	limit := searchRankMax + 1
	for round := 1; ; round++ {
		c, err := s.readCandidates(db, words, where, args, limit)
		if err != nil || code == "" {
			return c, err
		}
		full := len(c.docs) == limit
		// Each case once: a case has several texts, and SQLite allows
		// 32,766 bound values per statement.
		caseIDs := make([]string, 0, len(c.docs))
		seen := map[string]bool{}
		for _, d := range c.docs {
			if !seen[d.CaseID] {
				seen[d.CaseID] = true
				caseIDs = append(caseIDs, d.CaseID)
			}
		}
		exact, err := exactCodeCases(db, code, networks, caseIDs)
		if err != nil {
			return nil, err
		}
		kept := c.docs[:0]
		for _, d := range c.docs {
			if exact[d.CaseID] {
				kept = append(kept, d)
			}
		}
		dropped := len(kept) < len(c.docs)
		c.docs = kept
		if !full || !dropped || len(kept) > searchRankMax {
			return c, nil
		}
		if round == searchCodeRounds {
			c.capped = true
			return c, nil
		}
		limit *= 4
	}
}

// readCandidates reads up to limit matching rows, newest first.
func (s *Service) readCandidates(db *gorm.DB, words []search.Word, where string, args []any, limit int) (*candidateSet, error) {
	c := &candidateSet{}
	if s.db.Dialect == leerlus.Postgres {
		tsq, qargs := search.TSQuery(words)
		all := append(append(append([]any{}, qargs...), args...), limit)
		err := db.Raw("SELECT d.id, d.case_id FROM search_docs d WHERE d.tsv @@ "+tsq+" AND "+where+" ORDER BY d.id DESC LIMIT ?", all...).
			Scan(&c.docs).Error
		return c, err
	}
	rows, err := db.Raw("SELECT "+docColumns+", matchinfo(search_fts, 'pcnalx') FROM search_fts CROSS JOIN search_docs d ON d.id = search_fts.docid "+
		"WHERE search_fts MATCH ? AND "+where+" ORDER BY search_fts.docid DESC LIMIT ?",
		append(append([]any{search.FTSMatch(words)}, args...), limit)...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	c.info = map[int64][]byte{}
	for rows.Next() {
		var d rankedDoc
		var info []byte
		if err := rows.Scan(&d.ID, &d.Kind, &d.ObjectID, &d.CaseID, &d.NetworkID, &d.Perspective, &d.Outcome, &d.AgeBand, &d.StartPeriod, &info); err != nil {
			return nil, err
		}
		c.docs = append(c.docs, d)
		c.info[d.ID] = info
	}
	return c, rows.Err()
}

// exactCodeCases are those of the cases where a published reflection's
// item or a lesson that is not rejected carries the code (by key) in the
// case's own network.
func exactCodeCases(db *gorm.DB, code string, networks, caseIDs []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(caseIDs) == 0 {
		return out, nil
	}
	var found []string
	err := db.Raw(`SELECT cg.case_id FROM codings cg JOIN codebook_codes cc ON cc.id = cg.code_id JOIN reflections r ON r.id = cg.reflection_id
		WHERE cc.key = ? AND cc.network_id IN ? AND cg.case_id IN ? AND r.status = ?
		UNION SELECT l.case_id FROM lesson_codes lc JOIN codebook_codes cc ON cc.id = lc.code_id JOIN lessons l ON l.id = lc.lesson_id
			JOIN reflections r ON r.id = l.reflection_id
		WHERE cc.key = ? AND cc.network_id IN ? AND l.case_id IN ? AND l.status <> ? AND r.status = ?`,
		code, networks, caseIDs, string(StatusPublished), code, networks, caseIDs, string(LessonRejected), string(StatusPublished)).Scan(&found).Error
	for _, id := range found {
		out[id] = true
	}
	return out, err
}

// rank orders the candidates by relevance, best first (ties: newest
// first): BM25 from matchinfo on SQLite (it has no ranking function for
// FTS4; bm25K1 and bm25B are the suggestions' constants), ts_rank on
// PostgreSQL, which also reads the rows' columns.
func (s *Service) rank(db *gorm.DB, c *candidateSet, words []search.Word) ([]rankedDoc, error) {
	if len(c.docs) == 0 {
		return nil, nil
	}
	if s.db.Dialect == leerlus.Postgres {
		ids := make([]int64, len(c.docs))
		for i, d := range c.docs {
			ids[i] = d.ID
		}
		tsq, qargs := search.TSQuery(words)
		var out []rankedDoc
		err := db.Raw("SELECT "+docColumns+", ts_rank(d.tsv, "+tsq+") AS score FROM search_docs d WHERE d.id IN ? ORDER BY score DESC, d.id DESC",
			append(qargs, ids)...).Scan(&out).Error
		return out, err
	}
	out := c.docs
	for i := range out {
		out[i].Score = bm25(c.info[out[i].ID])
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID > out[j].ID
	})
	return out, nil
}
