package review

import (
	"errors"
	"slices"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The sources of the code-suggestion index (code_terms.source).
const (
	sourceCodebook = "codebook"
	sourceCodings  = "codings"
)

// codeTerm is a row of code_terms: how often a term occurs for a code in
// one source.
type codeTerm struct {
	NetworkID string
	CodeID    string
	Term      string
	Source    string
	Count     int
}

// TableName names the table.
func (codeTerm) TableName() string { return "code_terms" }

// codeTermTotal is a row of code_term_totals: the sum of a code's counts
// in one source and how many texts they came from.
type codeTermTotal struct {
	NetworkID string
	CodeID    string
	Source    string
	Terms     int
	Texts     int
}

// TableName names the table.
func (codeTermTotal) TableName() string { return "code_term_totals" }

// The index is kept by the use cases that change what it counts, inside
// their transactions, so it never disagrees with the codebook and the
// codings it was built from:
//   - indexCodebook after a network's codebook is seeded (ensureNetwork);
//   - reindexCode after a code is added or its labels, description or
//     examples change;
//   - indexCoding with +1 when an item is coded and −1 when a coding goes
//     (and −1 with the old text and +1 with the new when a coded item's
//     what or why changes);
//   - mergeCodeTerms when a code is merged into another.
// Retiring a code needs nothing: suggestions skip retired and merged codes.

// indexCodebook (re)counts the labels, descriptions and examples of codes
// of one network.
func indexCodebook(tx *gorm.DB, networkID string, codes []Code) error {
	if len(codes) == 0 {
		return nil
	}
	ids := make([]string, len(codes))
	var terms []codeTerm
	var totals []codeTermTotal
	for i, c := range codes {
		ids[i] = c.ID
		counts, err := codebookTerms(c)
		if err != nil {
			return err
		}
		sum := 0
		for _, term := range sortedKeys(counts) {
			terms = append(terms, codeTerm{NetworkID: networkID, CodeID: c.ID, Term: term, Source: sourceCodebook, Count: counts[term]})
			sum += counts[term]
		}
		totals = append(totals, codeTermTotal{NetworkID: networkID, CodeID: c.ID, Source: sourceCodebook, Terms: sum, Texts: 1})
	}
	if err := tx.Where("code_id IN ? AND source = ?", ids, sourceCodebook).Delete(&codeTerm{}).Error; err != nil {
		return err
	}
	if err := tx.Where("code_id IN ? AND source = ?", ids, sourceCodebook).Delete(&codeTermTotal{}).Error; err != nil {
		return err
	}
	if err := tx.CreateInBatches(terms, 500).Error; err != nil {
		return err
	}
	return tx.CreateInBatches(totals, 500).Error
}

// reindexCode recounts one code's labels, description and examples.
func reindexCode(tx *gorm.DB, code Code) error {
	if code.NetworkID == "" || code.ID == "" {
		return errors.New("review: reindexCode needs the code's id and network")
	}
	return indexCodebook(tx, code.NetworkID, []Code{code})
}

// indexCoding adds (delta +1) or takes away (delta −1) one coded item's
// text — its what and why — from a code's counts.
func indexCoding(tx *gorm.DB, networkID, codeID, text string, delta int) error {
	return indexCodings(tx, networkID, []codedText{{code: codeID, text: text, delta: delta}})
}

// codedText is one change of the index: an item's text added to (delta
// +1) or taken from (delta −1) a code's counts.
type codedText struct {
	code, text string
	delta      int
}

// indexCodings applies a write's changes to the index in one pass: summed
// per code and term, each term counted once per item, and written in one
// order — code, then its terms, then its total — so that concurrent
// transactions lock the rows they share in the same order. Written per
// item, or removals and additions in two passes, two writers with shared
// words under one code each held a row the other needed next (a deadlock
// on PostgreSQL).
func indexCodings(tx *gorm.DB, networkID string, changes []codedText) error {
	type sums struct {
		counts       map[string]int
		terms, texts int
		shrinks      bool // something was taken away: rows may reach 0
	}
	byCode := map[string]*sums{}
	for _, c := range changes {
		if c.delta == 0 {
			continue
		}
		s := byCode[c.code]
		if s == nil {
			s = &sums{counts: map[string]int{}}
			byCode[c.code] = s
		}
		for _, t := range itemTerms(c.text) {
			s.counts[t] += c.delta
			s.terms += c.delta
		}
		s.texts += c.delta
		s.shrinks = s.shrinks || c.delta < 0
	}
	for _, codeID := range sortedKeys(byCode) {
		s := byCode[codeID]
		var rows []codeTerm
		for _, t := range sortedKeys(s.counts) {
			if n := s.counts[t]; n != 0 {
				rows = append(rows, codeTerm{NetworkID: networkID, CodeID: codeID, Term: t, Source: sourceCodings, Count: n})
			}
		}
		if len(rows) > 0 {
			err := tx.Clauses(clause.OnConflict{
				Columns:   []clause.Column{{Name: "network_id"}, {Name: "term"}, {Name: "code_id"}, {Name: "source"}},
				DoUpdates: clause.Assignments(map[string]any{"count": gorm.Expr("code_terms.count + excluded.count")}),
			}).CreateInBatches(&rows, 500).Error
			if err != nil {
				return err
			}
		}
		if s.shrinks && len(rows) > 0 {
			terms := make([]string, len(rows))
			for i, r := range rows {
				terms[i] = r.Term
			}
			err := tx.Where("network_id = ? AND term IN ? AND code_id = ? AND source = ? AND count <= 0",
				networkID, terms, codeID, sourceCodings).Delete(&codeTerm{}).Error
			if err != nil {
				return err
			}
		}
		if s.terms == 0 && s.texts == 0 {
			continue
		}
		err := tx.Clauses(clause.OnConflict{
			Columns: []clause.Column{{Name: "code_id"}, {Name: "source"}},
			DoUpdates: clause.Assignments(map[string]any{
				"terms": gorm.Expr("code_term_totals.terms + excluded.terms"),
				"texts": gorm.Expr("code_term_totals.texts + excluded.texts"),
			}),
		}).Create(&codeTermTotal{NetworkID: networkID, CodeID: codeID, Source: sourceCodings, Terms: s.terms, Texts: s.texts}).Error
		if err != nil {
			return err
		}
		if s.shrinks {
			if err := tx.Where("code_id = ? AND source = ? AND texts <= 0", codeID, sourceCodings).Delete(&codeTermTotal{}).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// mergeCodeTerms moves the codings counts of a merged code to the code it
// was merged into, as its codings moved. The merged code keeps its
// codebook counts (it is no longer suggested). An item coded with both
// codes ends with one coding: take it away from the merged code with
// indexCoding(…, −1) before calling this, or it counts twice.
func mergeCodeTerms(tx *gorm.DB, fromCodeID, intoCodeID string) error {
	if fromCodeID == intoCodeID {
		return errors.New("review: a code cannot merge into itself")
	}
	steps := []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO code_terms (network_id, code_id, term, source, count)
			SELECT network_id, ?, term, source, count FROM code_terms WHERE code_id = ? AND source = ?
			ORDER BY term
			ON CONFLICT (network_id, term, code_id, source) DO UPDATE SET count = code_terms.count + excluded.count`,
			[]any{intoCodeID, fromCodeID, sourceCodings}},
		{`DELETE FROM code_terms WHERE code_id = ? AND source = ?`, []any{fromCodeID, sourceCodings}},
		{`INSERT INTO code_term_totals (network_id, code_id, source, terms, texts)
			SELECT network_id, ?, source, terms, texts FROM code_term_totals WHERE code_id = ? AND source = ?
			ON CONFLICT (code_id, source) DO UPDATE SET terms = code_term_totals.terms + excluded.terms,
				texts = code_term_totals.texts + excluded.texts`,
			[]any{intoCodeID, fromCodeID, sourceCodings}},
		{`DELETE FROM code_term_totals WHERE code_id = ? AND source = ?`, []any{fromCodeID, sourceCodings}},
	}
	for _, s := range steps {
		if err := tx.Exec(s.sql, s.args...).Error; err != nil {
			return err
		}
	}
	return nil
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
