package review

import (
	"context"
	"encoding/json"
	"fmt"

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
	var out *ReflectionView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
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
		resolved, err := resolveCodes(tx, r.NetworkID, ids)
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
		if err := s.codingsChanged(tx, r.NetworkID, before, -1); err != nil {
			return err
		}
		if len(after) > 0 {
			if err := tx.Create(&after).Error; err != nil {
				return err
			}
		}
		if err := s.codingsChanged(tx, r.NetworkID, after, 1); err != nil {
			return err
		}
		detail, err := json.Marshal(map[string]any{"item_id": itemID, "reflection_id": r.ID, "before": codingSummary(before), "after": codingSummary(after)})
		if err != nil {
			return err
		}
		if err := tx.Create(&CodebookChange{ID: leerlus.NewID(), NetworkID: r.NetworkID, Action: "recoded", Detail: string(detail), ActorID: &by, At: now}).Error; err != nil {
			return err
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

// codingSummary is a coding as the history keeps it: code and effect.
func codingSummary(cs []Coding) []map[string]string {
	out := []map[string]string{}
	for _, c := range cs {
		out = append(out, map[string]string{"code_id": c.CodeID, "effect": string(c.Effect)})
	}
	return out
}
