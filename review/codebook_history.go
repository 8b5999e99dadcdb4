package review

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// ChangeAction names what a codebook change did.
type ChangeAction string

// The actions of a codebook's history. Recoding an item (a facilitator
// changing another's coding) is kept in the same history.
const (
	ChangeThemeAdded ChangeAction = "theme_added"
	ChangeCodeAdded  ChangeAction = "code_added"
	ChangeRenamed    ChangeAction = "renamed"   // a label changed
	ChangeDescribed  ChangeAction = "described" // a description or the examples changed
	ChangeMoved      ChangeAction = "moved"     // another theme or position
	ChangeRetired    ChangeAction = "retired"
	ChangeRestored   ChangeAction = "restored"
	ChangeMerged     ChangeAction = "merged"
	ChangeRecoded    ChangeAction = "recoded"
)

// ChangeDetail is what a change records beside its action (stored as
// codebookChangeRecord). It holds codebook texts and ids, never text of a
// case.
type ChangeDetail struct {
	Key string // added: the key given
	// Before and After hold the texts that changed (added: After only).
	Before *Wording
	After  *Wording
	// Moved: the themes (ids) and positions before and after.
	FromTheme    string
	ToTheme      string
	FromPosition int
	ToPosition   int
	// Merged: the code the codings went to, what moved, and the codings
	// that were removed because their item had both codes.
	Into      string
	Counts    *MergeCounts
	Collapsed []CollapsedCoding
	// Recoded: the item, and its coding before and after.
	Item       string
	FromCode   string
	ToCode     string
	FromEffect Effect
	ToEffect   Effect
}

// CollapsedCoding is a coding a merge removed because its item carried
// the surviving code too: the item keeps that code's coding (and its
// effect, which Kept holds).
type CollapsedCoding struct {
	Item    string
	Coding  string
	Effect  Effect
	Kept    Effect
	CodedBy string
}

// Change is one entry of a codebook's history as it is shown.
type Change struct {
	CodebookChange
	ActorName string
	Detail    ChangeDetail
}

// change is one history row to write.
type change struct {
	themeID, codeID string
	action          ChangeAction
	detail          ChangeDetail
}

// recordChanges writes the history rows of one use case and its one audit
// entry, inside its transaction.
func (s *Service) recordChanges(tx *gorm.DB, acc leerlus.Access, objectType, objectID string, changes []change) error {
	if len(changes) == 0 {
		return nil
	}
	now := s.now.Now()
	rows := make([]CodebookChange, len(changes))
	actions := make([]string, len(changes))
	for i, c := range changes {
		b, err := json.Marshal(recordOf(c.detail))
		if err != nil {
			return err
		}
		rows[i] = CodebookChange{ID: leerlus.NewID(), NetworkID: acc.NetworkID, ThemeID: leerlus.Optional(c.themeID),
			CodeID: leerlus.Optional(c.codeID), Action: string(c.action), Detail: string(b), ActorID: leerlus.Optional(acc.PersonID()), At: now}
		actions[i] = string(c.action)
	}
	if err := tx.CreateInBatches(rows, 100).Error; err != nil {
		return err
	}
	return s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionCodebookChanged, ObjectType: objectType,
		ObjectID: objectID, NetworkID: acc.NetworkID, Detail: objectType + " " + strings.Join(actions, ", ")})
}

// HistoryFilter narrows the history to one code's changes.
type HistoryFilter struct {
	CodeID string
}

// History lists the caller's network's codebook changes, newest first.
func (s *Service) History(ctx context.Context, acc leerlus.Access, f HistoryFilter, p leerlus.Page) ([]Change, string, error) {
	var v leerlus.Validation
	leerlus.CheckID(&v, "code", f.CodeID)
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	q := s.db.WithContext(ctx).Table("codebook_changes AS h").
		Select("h.id, h.network_id, h.theme_id, h.code_id, h.action, h.detail, h.actor_id, h.at, p.name AS actor_name").
		Joins("LEFT JOIN people p ON p.id = h.actor_id").Where("h.network_id = ?", acc.NetworkID)
	if f.CodeID != "" {
		q = q.Where("h.code_id = ?", f.CodeID)
	}
	rows, next, err := leerlus.PageNewestFirst(q, p, "h.id", func(r historyRow) string { return r.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]Change, len(rows))
	for i, r := range rows {
		out[i] = Change{CodebookChange: CodebookChange{ID: r.ID, NetworkID: r.NetworkID, ThemeID: r.ThemeID, CodeID: r.CodeID,
			Action: r.Action, Detail: r.Detail, ActorID: r.ActorID, At: r.At}, ActorName: leerlus.Deref(r.ActorName)}
		var rec codebookChangeRecord
		if err := json.Unmarshal([]byte(r.Detail), &rec); err != nil {
			return nil, "", fmt.Errorf("codebook change %s: detail: %w", r.ID, err)
		}
		out[i].Detail = rec.detail()
	}
	return out, next, nil
}

// historyRow is a history row with its actor's name.
type historyRow struct {
	ID        string
	NetworkID string
	ThemeID   *string
	CodeID    *string
	Action    string
	Detail    string
	ActorID   *string
	At        time.Time
	ActorName *string
}
