package review

import "gorm.io/gorm"

// linkedGroups reports which of the groups an improvement action links to.
func linkedGroups(tx *gorm.DB, ids []string) (map[string]bool, error) {
	var linked []string
	if err := tx.Table("action_lessons").Where("group_id IN ?", ids).Distinct().Pluck("group_id", &linked).Error; err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(linked))
	for _, id := range linked {
		out[id] = true
	}
	return out, nil
}
