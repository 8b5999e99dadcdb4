package review

import (
	"cmp"
	"context"
	"strings"

	"gorm.io/gorm"

	"leerlus"
)

// Limits of a suggestion request.
const (
	// MaxSuggestText is the longest text, in characters, suggestions are
	// asked for: an item's what and why together.
	MaxSuggestText = 2000
	// DefaultSuggestions is how many codes a request gets unless it asks.
	DefaultSuggestions = 5
	// MaxSuggestions is the most codes one request may ask for.
	MaxSuggestions = 20
)

// Suggestion is a code of the network's codebook proposed for a text.
type Suggestion struct {
	CodeID       string
	CodeKey      string
	LabelNL      string
	LabelEN      string
	ThemeKey     string
	ThemeLabelNL string
	ThemeLabelEN string
	Score        float64
	Reason       SuggestionReason
}

// SuggestionReason says why a code is suggested. It names only words of
// the asker's own text and counts; never another member's text.
type SuggestionReason struct {
	// Words are the words of the text that matched, as typed, strongest
	// first.
	Words []string
	// Codebook says the words occur in the code's label, description or
	// examples.
	Codebook bool
	// Codings is how many earlier codings with this code in the network
	// hold one of the words (the most for any one word); 0 for none.
	Codings int
}

// Suggest ranks the network's live codes (not retired, not merged) for a
// text a member is typing, from the code-suggestion index: the codebook's
// own words and the network's earlier codings. The text is not stored,
// logged or audited. An empty text, or one without content words, gets no
// suggestions.
func (s *Service) Suggest(ctx context.Context, acc leerlus.Access, text string, limit int) ([]Suggestion, error) {
	text = strings.TrimSpace(text)
	var v leerlus.Validation
	leerlus.CheckLength(&v, "text", text, 0, MaxSuggestText)
	v.Check(limit >= 1 && limit <= MaxSuggestions, "limit", leerlus.FieldOutOfRange, leerlus.Params{"min": 1, "max": MaxSuggestions})
	if err := v.Err(); err != nil {
		return nil, err
	}
	q := newQuery(text)
	if len(q.terms) == 0 {
		return []Suggestion{}, nil
	}
	// The two reads are independent: the codes run beside the terms, so a
	// suggestion waits for the slower of them, not for both.
	var codes []*candidate
	var codesErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		codes, codesErr = s.readLiveCodes(ctx, acc.NetworkID)
	}()
	rows, err := s.readTerms(ctx, acc.NetworkID, q.terms)
	<-done
	if err = cmp.Or(codesErr, err); err != nil {
		return nil, err
	}
	if len(codes) == 0 {
		// No live code: either every code is retired, or the network was
		// never used and its codebook is still to be seeded. Seeding takes
		// the writer, so a cheap read tells the two apart first.
		var n int
		row, err := s.db.ReadRow(ctx, "SELECT COUNT(*) FROM codebook_codes WHERE network_id = ?", acc.NetworkID)
		if err != nil {
			return nil, err
		}
		if err := row.Scan(&n); err != nil || n > 0 {
			return []Suggestion{}, err
		}
		if err := s.db.InTx(ctx, func(tx *gorm.DB) error { return s.ensureNetwork(tx, acc.NetworkID) }); err != nil {
			return nil, err
		}
		if codes, err = s.readLiveCodes(ctx, acc.NetworkID); err != nil {
			return nil, err
		}
		if rows, err = s.readTerms(ctx, acc.NetworkID, q.terms); err != nil {
			return nil, err
		}
	}
	return rank(codes, q, rows, limit), nil
}

// liveCodesSQL reads the codes a suggestion may name, with their themes
// and the lengths the ranking normalises by.
const liveCodesSQL = `SELECT c.id, c.key, c.label_nl, c.label_en, t.key, t.label_nl, t.label_en,
	COALESCE(cb.terms, 0), COALESCE(cd.texts, 0)
FROM codebook_codes c
JOIN codebook_themes t ON t.id = c.theme_id
LEFT JOIN code_term_totals cb ON cb.code_id = c.id AND cb.source = 'codebook'
LEFT JOIN code_term_totals cd ON cd.code_id = c.id AND cd.source = 'codings'
WHERE c.network_id = ? AND c.retired_at IS NULL AND c.merged_into IS NULL AND t.retired_at IS NULL
ORDER BY t.position, c.position`

func (s *Service) readLiveCodes(ctx context.Context, networkID string) ([]*candidate, error) {
	rows, err := s.db.ReadRows(ctx, liveCodesSQL, networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*candidate
	for rows.Next() {
		c := &candidate{}
		if err := rows.Scan(&c.s.CodeID, &c.s.CodeKey, &c.s.LabelNL, &c.s.LabelEN, &c.s.ThemeKey, &c.s.ThemeLabelNL, &c.s.ThemeLabelEN,
			&c.codebookLen, &c.codingsTexts); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// termRow is a row of code_terms as a suggestion reads it.
type termRow struct {
	codeID, term, source string
	count                int
}

// readTerms reads the index rows of the query's terms, in one indexed
// query. The IN list is padded to a few fixed lengths, so that each stays
// one prepared statement; the padding "" matches no term.
func (s *Service) readTerms(ctx context.Context, networkID string, terms []string) ([]termRow, error) {
	size := 8
	for size < len(terms) {
		size *= 2
	}
	args := make([]any, 0, size+1)
	args = append(args, networkID)
	for i := range size {
		if i < len(terms) {
			args = append(args, terms[i])
		} else {
			args = append(args, "")
		}
	}
	sql := "SELECT code_id, term, source, count FROM code_terms WHERE network_id = ? AND term IN (?" + strings.Repeat(", ?", size-1) + ")"
	rows, err := s.db.ReadRows(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []termRow
	for rows.Next() {
		var r termRow
		if err := rows.Scan(&r.codeID, &r.term, &r.source, &r.count); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
