package review

import (
	"encoding/json"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leerlus"
	"leerlus/review/defaults"
)

// ensureNetwork gives a network its first form template and its codebook,
// copied from the project's defaults, the first time anything of the
// network's review material is used. The network's row is locked on
// PostgreSQL so that two instances doing this at once do not both copy.
func (s *Service) ensureNetwork(tx *gorm.DB, networkID string) error {
	var n int64
	if err := tx.Model(&TemplateVersion{}).Where("network_id = ?", networkID).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if err := s.lockNetwork(tx, networkID); err != nil {
		return err
	}
	// Counted again under the lock: another instance may have copied first.
	if err := tx.Model(&TemplateVersion{}).Where("network_id = ?", networkID).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	now := s.now.Now()
	tpl, err := defaults.DefaultTemplate()
	if err != nil {
		return err
	}
	def, err := json.Marshal(tpl)
	if err != nil {
		return err
	}
	if err := tx.Create(&TemplateVersion{ID: leerlus.NewID(), NetworkID: networkID, Version: 1, Definition: string(def), CreatedAt: now}).Error; err != nil {
		return err
	}
	cb, err := defaults.DefaultCodebook()
	if err != nil {
		return err
	}
	var themes []Theme
	var codes []Code
	for i, t := range cb.Themes {
		th := Theme{ID: leerlus.NewID(), NetworkID: networkID, Key: t.Key, LabelNL: t.NL, LabelEN: t.EN,
			DescriptionNL: t.DescriptionNL, DescriptionEN: t.DescriptionEN, Position: i + 1, CreatedAt: now, UpdatedAt: now, Version: 1}
		themes = append(themes, th)
		for j, c := range t.Codes {
			ex, err := json.Marshal(c.Examples)
			if err != nil {
				return err
			}
			codes = append(codes, Code{ID: leerlus.NewID(), NetworkID: networkID, ThemeID: th.ID, Key: c.Key, LabelNL: c.NL, LabelEN: c.EN,
				DescriptionNL: c.DescriptionNL, DescriptionEN: c.DescriptionEN, Examples: string(ex), Position: j + 1,
				CreatedAt: now, UpdatedAt: now, Version: 1})
		}
	}
	if err := tx.CreateInBatches(themes, 100).Error; err != nil {
		return fmt.Errorf("codebook themes: %w", err)
	}
	if err := tx.CreateInBatches(codes, 100).Error; err != nil {
		return fmt.Errorf("codebook codes: %w", err)
	}
	// The suggestion index starts from the codebook's own words.
	if err := indexCodebook(tx, networkID, codes); err != nil {
		return fmt.Errorf("code suggestion index: %w", err)
	}
	return nil
}

// lockNetworkFirst takes the network's lock (lockNetwork) as the first
// lock of a transaction that may regroup the network: taken only when the
// grouping starts, after a case, a lesson or a code, it made cycles with
// transactions that hold the network and then want those (PostgreSQL
// found deadlocks between concurrent curation, recoding and merges). An
// access without a network has nothing to take.
func (s *Service) lockNetworkFirst(tx *gorm.DB, networkID string) error {
	if networkID == "" {
		return nil
	}
	return s.lockNetwork(tx, networkID)
}

// lockNetwork takes the network's row lock on PostgreSQL, so that work on
// the network's shared state (its first codebook, its grouping) from
// several instances runs one at a time. SQLite writes one transaction at
// a time already. The lock is FOR NO KEY UPDATE, as lockCodebook's: a
// transaction that has already inserted a row referring to the network
// (a lesson change, a coding) holds FOR KEY SHARE on it, and two of them
// upgrading to FOR UPDATE waited for each other — a deadlock that
// concurrent lesson curation on PostgreSQL hit. NO KEY UPDATE does not
// conflict with KEY SHARE, and still with itself.
func (s *Service) lockNetwork(tx *gorm.DB, networkID string) error {
	q := tx.Table("networks").Select("id").Where("id = ?", networkID)
	if s.db.Dialect == leerlus.Postgres {
		q = q.Clauses(clause.Locking{Strength: "NO KEY UPDATE"})
	}
	var ids []string
	if err := q.Pluck("id", &ids).Error; err != nil {
		return err
	}
	if len(ids) == 0 {
		return leerlus.NotFound("network")
	}
	return nil
}
