package review

import (
	"gorm.io/gorm"

	"leerlus"
)

// resolveCodes loads codes of the network by id for new codings,
// following merges to the surviving code. Unknown ids, codes of another
// network and retired codes are refused.
func resolveCodes(tx *gorm.DB, networkID string, ids []string) (map[string]Code, error) {
	out := map[string]Code{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []Code
	if err := tx.Where("network_id = ? AND id IN ?", networkID, ids).Find(&rows).Error; err != nil {
		return nil, err
	}
	byID := map[string]Code{}
	for _, c := range rows {
		byID[c.ID] = c
	}
	for _, id := range ids {
		c, ok := byID[id]
		for hops := 0; ok && c.MergedInto != nil && hops < 32; hops++ {
			var next Code
			if err := tx.Where("id = ?", *c.MergedInto).Take(&next).Error; err != nil {
				return nil, err
			}
			c = next
		}
		if !ok || c.RetiredAt != nil || c.MergedInto != nil {
			return nil, leerlus.Invalid("codes", leerlus.FieldNotAllowed, leerlus.Params{"reason": "unknown_or_retired_code", "code": id})
		}
		out[id] = c
	}
	return out, nil
}
