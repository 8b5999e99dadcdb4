package review

import (
	"context"

	"gorm.io/gorm"

	"leerlus"
)

// MergeCounts say what a merge moves, or moved.
type MergeCounts struct {
	// Codings of the merged code that move to the surviving code.
	Codings int
	// Collapsed counts the items that carry both codes: they keep the
	// surviving code's coding, and the merged code's coding goes.
	Collapsed int
	// EffectConflicts counts the collapsed items whose two codings
	// disagreed on helped or hindered: the surviving coding's effect stays.
	EffectConflicts int
	// Items and Cases count the distinct items and cases coded with the
	// merged code.
	Items int
	Cases int
	// Lessons whose code moves, and lessons that had both codes.
	Lessons          int
	LessonsCollapsed int
	// Repointed counts codes merged into from earlier: they now point to
	// into, so that a merged code always names a code in use (no chains).
	Repointed int
}

// Merge is a merge of one code into another: before it happens (a
// preview), or after.
type Merge struct {
	From, Into CodeView // without usage: Counts says what moves
	Counts     MergeCounts
}

// MergeInput names the code to merge into and the version of the code
// that is merged.
type MergeInput struct {
	Into    string
	Version int
}

// MergePreview says what merging code from into code into would move,
// without changing anything, so that a facilitator sees it first.
func (s *Service) MergePreview(ctx context.Context, acc leerlus.Access, from, into string) (*Merge, error) {
	var v leerlus.Validation
	v.Check(into != "", "into", leerlus.FieldRequired, nil)
	leerlus.CheckID(&v, "into", into)
	if err := v.Err(); err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	m, err := mergeable(db, acc.NetworkID, from, into)
	if err != nil {
		return nil, err
	}
	if m.Counts, err = mergeCounts(db, acc.NetworkID, from, into); err != nil {
		return nil, err
	}
	return m, nil
}

// MergeCode merges code from into code into: every coding and lesson code
// of from moves to into, except where the item or lesson carries into
// already (it keeps into's coding; the removed coding is kept in the
// history with its effect). from keeps its row, marked merged into into,
// so that old links and the history still resolve, and leaves the code
// picker. Merging into a merged or retired code, or a code into itself,
// is refused.
func (s *Service) MergeCode(ctx context.Context, acc leerlus.Access, from string, in MergeInput) (*Merge, error) {
	var v leerlus.Validation
	v.Check(in.Into != "", "into", leerlus.FieldRequired, nil)
	leerlus.CheckID(&v, "into", in.Into)
	leerlus.CheckVersion(&v, in.Version)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *Merge
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.lockCodebook(tx, acc.NetworkID); err != nil {
			return err
		}
		m, err := mergeable(tx, acc.NetworkID, from, in.Into)
		if err != nil {
			return err
		}
		if m.From.Version != in.Version {
			return leerlus.StaleVersion()
		}
		// Writers of codings hold their codes' rows (FOR SHARE): the merge
		// waits for them, and they see the merged code after it.
		if _, err := s.lockCodes(tx, acc.NetworkID, []string{from, in.Into}, "UPDATE"); err != nil {
			return err
		}
		if m.Counts, err = mergeCounts(tx, acc.NetworkID, from, in.Into); err != nil {
			return err
		}
		collapsed, err := collapsedCodings(tx, from, in.Into)
		if err != nil {
			return err
		}
		// An item with both codes keeps one coding: its words leave the
		// merged code's counts before the rest of them move.
		var gone []codedText
		for _, c := range collapsed {
			text, err := itemText(tx, c.Item)
			if err != nil {
				return err
			}
			gone = append(gone, codedText{code: from, text: text, delta: -1})
		}
		if err := indexCodings(tx, acc.NetworkID, gone); err != nil {
			return err
		}
		if err := moveCodings(tx, acc.NetworkID, from, in.Into); err != nil {
			return err
		}
		if err := mergeCodeTerms(tx, from, in.Into); err != nil {
			return err
		}
		now := s.now.Now()
		if err := leerlus.UpdateVersioned(tx, &Code{}, from, in.Version, withBump(map[string]any{"merged_into": in.Into}, now), "code", ""); err != nil {
			return err
		}
		counts := m.Counts
		merged := change{themeID: m.From.ThemeID, codeID: from, action: ChangeMerged,
			detail: ChangeDetail{Into: in.Into, Counts: &counts, Collapsed: collapsed}}
		if err := s.recordChanges(tx, acc, "code", from, []change{merged}); err != nil {
			return err
		}
		// Lessons and items now carry the surviving code: they may group
		// differently.
		if err := s.regroupNetwork(tx, acc.NetworkID, now); err != nil {
			return err
		}
		f, err := leerlus.GetByID[Code](tx, from, "code")
		if err != nil {
			return err
		}
		if m.From, err = codeView(*f, nil); err != nil {
			return err
		}
		out = m
		return nil
	})
	return out, err
}

// mergeable loads the two codes of a merge and refuses a merge that would
// break the codebook: a code into itself, a merged code (again), or into
// a merged code (a chain) or a retired one (codings would land on a code
// nobody can pick). A retired code may be merged into an offered one.
func mergeable(db *gorm.DB, networkID, fromID, intoID string) (*Merge, error) {
	from, err := codeInNetwork(db, networkID, fromID)
	if err != nil {
		return nil, err
	}
	into, err := codeInNetwork(db, networkID, intoID)
	if leerlus.IsCode(err, leerlus.CodeNotFound) {
		return nil, leerlus.Invalid("into", leerlus.FieldNotAllowed, leerlus.Params{"reason": "unknown_code"})
	}
	if err != nil {
		return nil, err
	}
	switch {
	case from.MergedInto != nil:
		return nil, leerlus.Errorf(leerlus.CodeConflict, "This code was merged already.")
	case from.ID == into.ID:
		return nil, leerlus.Invalid("into", leerlus.FieldNotAllowed, leerlus.Params{"reason": "same_code"})
	case into.MergedInto != nil:
		return nil, leerlus.Invalid("into", leerlus.FieldNotAllowed, leerlus.Params{"reason": "merged_code"})
	case into.RetiredAt != nil:
		return nil, leerlus.Invalid("into", leerlus.FieldNotAllowed, leerlus.Params{"reason": "retired_code"})
	}
	fv, err := codeView(*from, nil)
	if err != nil {
		return nil, err
	}
	iv, err := codeView(*into, nil)
	if err != nil {
		return nil, err
	}
	return &Merge{From: fv, Into: iv}, nil
}

// mergeCounts counts what a merge of from into into moves, by index: the
// codings of a code, and per coding its item's coding of into (the unique
// item and code pair).
func mergeCounts(db *gorm.DB, networkID, from, into string) (MergeCounts, error) {
	var c MergeCounts
	var both struct{ Collapsed, Conflicts int }
	err := db.Raw(`SELECT COUNT(*) AS collapsed, COALESCE(SUM(CASE WHEN a.effect <> b.effect THEN 1 ELSE 0 END), 0) AS conflicts
		FROM codings a JOIN codings b ON b.item_id = a.item_id AND b.code_id = ? WHERE a.code_id = ?`, into, from).Scan(&both).Error
	if err != nil {
		return c, err
	}
	c.Collapsed, c.EffectConflicts = both.Collapsed, both.Conflicts
	for _, q := range []struct {
		dst  *int
		sql  string
		args []any
	}{
		{&c.Items, "SELECT COUNT(*) FROM codings WHERE code_id = ?", []any{from}},
		{&c.Cases, "SELECT COUNT(DISTINCT case_id) FROM codings WHERE code_id = ?", []any{from}},
		{&c.Lessons, "SELECT COUNT(*) FROM lesson_codes WHERE code_id = ?", []any{from}},
		{&c.LessonsCollapsed, "SELECT COUNT(*) FROM lesson_codes a JOIN lesson_codes b ON b.lesson_id = a.lesson_id AND b.code_id = ? WHERE a.code_id = ?", []any{into, from}},
		{&c.Repointed, "SELECT COUNT(*) FROM codebook_codes WHERE network_id = ? AND merged_into = ?", []any{networkID, from}},
	} {
		if err := db.Raw(q.sql, q.args...).Scan(q.dst).Error; err != nil {
			return c, err
		}
	}
	c.Codings = c.Items - c.Collapsed
	c.Lessons -= c.LessonsCollapsed
	return c, nil
}

// collapsedCodings lists the codings of from whose item carries into too.
func collapsedCodings(tx *gorm.DB, from, into string) ([]CollapsedCoding, error) {
	var rows []struct {
		ID, ItemID   string
		Effect, Kept Effect
		CodedBy      *string
	}
	err := tx.Raw(`SELECT a.id AS id, a.item_id AS item_id, a.effect AS effect, b.effect AS kept, a.coded_by AS coded_by
		FROM codings a JOIN codings b ON b.item_id = a.item_id AND b.code_id = ? WHERE a.code_id = ? ORDER BY a.id`, into, from).Scan(&rows).Error
	out := make([]CollapsedCoding, len(rows))
	for i, r := range rows {
		out[i] = CollapsedCoding{Item: r.ItemID, Coding: r.ID, Effect: r.Effect, Kept: r.Kept, CodedBy: leerlus.Deref(r.CodedBy)}
	}
	return out, err
}

// moveCodings moves the codings and lesson codes of from to into: first
// the ones whose item or lesson has into already go (one coding per item
// and code), then the rest change code. Codings keep their id, coder,
// effect and creation time. Codes merged into from before now point to
// into.
func moveCodings(tx *gorm.DB, networkID, from, into string) error {
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"DELETE FROM codings WHERE code_id = ? AND item_id IN (SELECT item_id FROM codings WHERE code_id = ?)", []any{from, into}},
		{"UPDATE codings SET code_id = ? WHERE code_id = ?", []any{into, from}},
		{"DELETE FROM lesson_codes WHERE code_id = ? AND lesson_id IN (SELECT lesson_id FROM lesson_codes WHERE code_id = ?)", []any{from, into}},
		{"UPDATE lesson_codes SET code_id = ? WHERE code_id = ?", []any{into, from}},
		{"UPDATE codebook_codes SET merged_into = ? WHERE network_id = ? AND merged_into = ?", []any{into, networkID, from}},
	} {
		if err := tx.Exec(q.sql, q.args...).Error; err != nil {
			return err
		}
	}
	return nil
}
