package review

import (
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leerlus"
)

// lockCodebook makes the changes of one network's codebook take turns on
// every instance: the checks of a change (a label unique in its theme, the
// next key, the positions, the codes of a merge) still hold when it
// commits. It is the network's lock (lockNetwork, FOR NO KEY UPDATE on
// PostgreSQL, so inserts that refer to the network do not wait for it).
func (s *Service) lockCodebook(tx *gorm.DB, networkID string) error {
	return s.lockNetwork(tx, networkID)
}

// lockCodes locks codes' rows in id order, strength UPDATE for a merge or
// SHARE for writers of codings, on PostgreSQL. Both sides lock in one
// statement in the same order, so that a merge and a reflection coding
// the same codes wait for each other instead of deadlocking; the rows
// read are the latest committed versions.
func (s *Service) lockCodes(tx *gorm.DB, networkID string, ids []string, strength string) ([]Code, error) {
	q := tx.Where("network_id = ? AND id IN ?", networkID, ids).Order("id")
	if s.db.Dialect == leerlus.Postgres {
		q = q.Clauses(clause.Locking{Strength: strength})
	}
	var out []Code
	err := q.Find(&out).Error
	return out, err
}

// codeInNetwork loads a code of the caller's network: a code of another
// network is not found.
func codeInNetwork(tx *gorm.DB, networkID, id string) (*Code, error) {
	c, err := leerlus.GetByID[Code](tx, id, "code")
	if err != nil {
		return nil, err
	}
	if c.NetworkID != networkID {
		return nil, leerlus.NotFound("code")
	}
	return c, nil
}

// themeInNetwork loads a theme of the caller's network.
func themeInNetwork(tx *gorm.DB, networkID, id string) (*Theme, error) {
	t, err := leerlus.GetByID[Theme](tx, id, "theme")
	if err != nil {
		return nil, err
	}
	if t.NetworkID != networkID {
		return nil, leerlus.NotFound("theme")
	}
	return t, nil
}
