package review

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// Recode replaces the codes of one item of a submitted or published
// reflection: a facilitator's correction of how an author coded. The
// reflection's version guards it; the change is kept in the codebook's
// history with the codes before and after.
func (s *Service) Recode(ctx context.Context, acc leerlus.Access, reflectionID, itemID string, version int, codes []CodingInput) (*ReflectionView, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	checkCodings(&v, "codes", codes)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if !leerlus.ValidID(itemID) {
		return nil, leerlus.NotFound("item")
	}
	var out *ReflectionView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.lockNetworkFirst(tx, acc.NetworkID); err != nil {
			return err
		}
		r, err := s.reflectionForChange(tx, acc, reflectionID, version, func(r *Reflection) error {
			if !facilitatesNetwork(acc, r.NetworkID) {
				return leerlus.Errorf(leerlus.CodeForbidden, "Only a facilitator of the network can recode.")
			}
			if r.Status == StatusDraft {
				return conflict("A draft is coded by its author.")
			}
			return nil
		})
		if err != nil {
			return err
		}
		var items []string
		if err := tx.Model(&Item{}).Where("id = ? AND reflection_id = ?", itemID, r.ID).Pluck("id", &items).Error; err != nil {
			return err
		}
		if len(items) == 0 {
			return leerlus.NotFound("item")
		}
		ids := make([]string, len(codes))
		for i, c := range codes {
			ids[i] = c.CodeID
		}
		resolved, err := s.resolveCodes(tx, r.NetworkID, ids)
		if err != nil {
			return err
		}
		var before []Coding
		if err := tx.Where("item_id = ?", itemID).Order("created_at, id").Find(&before).Error; err != nil {
			return err
		}
		now := s.now.Now()
		by := acc.PersonID()
		var after []Coding
		for _, c := range codes {
			after = append(after, Coding{ID: leerlus.NewID(), ItemID: itemID, ReflectionID: r.ID, CaseID: r.CaseID,
				NetworkID: r.NetworkID, CodeID: resolved[c.CodeID].ID, Effect: c.Effect, CodedBy: &by, CreatedAt: now})
		}
		after = dedupeCodings(after)
		if err := tx.Where("item_id = ?", itemID).Delete(&Coding{}).Error; err != nil {
			return err
		}
		text, err := itemText(tx, itemID)
		if err != nil {
			return err
		}
		texts := map[string]string{itemID: text}
		if len(after) > 0 {
			if err := tx.Create(&after).Error; err != nil {
				return err
			}
		}
		if err := codingsChanged(tx, r.NetworkID, codingTexts(before, texts, -1), codingTexts(after, texts, 1)); err != nil {
			return err
		}
		if err := recordRecoding(tx, r.NetworkID, by, itemID, before, after, now); err != nil {
			return err
		}
		// The codes of the items behind a lesson count in its grouping.
		if r.Status == StatusPublished {
			var lessons []string
			if err := tx.Model(&LessonSource{}).Where("item_id = ?", itemID).Distinct().Pluck("lesson_id", &lessons).Error; err != nil {
				return err
			}
			if err := s.regroup(tx, r.NetworkID, groupingChange{lessons: lessons}, now); err != nil {
				return err
			}
		}
		if err := leerlus.UpdateVersioned(tx, &Reflection{}, r.ID, version, leerlus.VersionBump(now), "reflection", ""); err != nil {
			return err
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionItemRecoded, ObjectType: "reflection", ObjectID: r.ID, NetworkID: r.NetworkID,
			Detail: fmt.Sprintf("item %s: %d codes before, %d after", itemID, len(before), len(after))}); err != nil {
			return err
		}
		if r, err = leerlus.GetByID[Reflection](tx, r.ID, "reflection"); err != nil {
			return err
		}
		out, err = s.loadView(tx, acc, r)
		return err
	})
	return out, err
}

// recordRecoding keeps a recoding in the codebook's history: one row per
// code that left the item, came to it, or changed its effect.
func recordRecoding(tx *gorm.DB, networkID, actor, itemID string, before, after []Coding, now time.Time) error {
	was := map[string]Effect{}
	for _, c := range before {
		was[c.CodeID] = c.Effect
	}
	is := map[string]Effect{}
	for _, c := range after {
		is[c.CodeID] = c.Effect
	}
	var rows []CodebookChange
	add := func(code string, d ChangeDetail) error {
		b, err := json.Marshal(recordOf(d))
		if err != nil {
			return err
		}
		rows = append(rows, CodebookChange{ID: leerlus.NewID(), NetworkID: networkID, CodeID: &code, Action: string(ChangeRecoded),
			Detail: string(b), ActorID: &actor, At: now})
		return nil
	}
	for _, c := range before {
		if e, ok := is[c.CodeID]; !ok || e != c.Effect {
			d := ChangeDetail{Item: itemID, FromCode: c.CodeID, FromEffect: c.Effect}
			if ok {
				d.ToCode, d.ToEffect = c.CodeID, e
			}
			if err := add(c.CodeID, d); err != nil {
				return err
			}
		}
	}
	for _, c := range after {
		if _, ok := was[c.CodeID]; !ok {
			if err := add(c.CodeID, ChangeDetail{Item: itemID, ToCode: c.CodeID, ToEffect: c.Effect}); err != nil {
				return err
			}
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return tx.Create(&rows).Error
}
