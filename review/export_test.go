package review

import (
	"context"

	"gorm.io/gorm"
)

// ProposeForGroups exposes the batched proposal of a full recompute to the
// tests: for each group in the answer, whether its action was made now.
func (s *Service) ProposeForGroups(ctx context.Context, networkID string, groupIDs []string) (map[string]bool, error) {
	created := map[string]bool{}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		got, err := s.proposeForGroups(tx, networkID, groupIDs)
		for id, p := range got {
			created[id] = p.created
		}
		return err
	})
	return created, err
}
