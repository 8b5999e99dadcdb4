package review

import (
	"fmt"

	"gorm.io/gorm"

	"leerlus"
)

// maxMergeHops bounds how far resolveCodes follows merged codes. A merge
// repoints the codes merged into the code it merges, so one hop is the
// rule; the bound only guards against a loop in bad data.
const maxMergeHops = 8

// resolveCodes loads the codes a new coding names (of an item or a
// lesson), by id, in the network: a merged code resolves to the code it
// was merged into. The map is keyed by the ids asked for; two ids may
// resolve to the same code, so callers deduplicate by the resolved id
// before inserting (one coding per item and code). Unknown ids, codes of
// another network and retired codes (not offered for new codings) are
// refused with one field error each, on field "codes" with the id's index
// and a reason; callers that know the body's pointer may rename the field.
//
// On PostgreSQL the resolved codes' rows are held (FOR SHARE) until the
// caller's transaction ends, in id order: a merge or a retirement of one
// of them waits for the coding to commit and then moves or keeps it, and
// a coding that waited for a merge sees the merge and follows it.
func (s *Service) resolveCodes(tx *gorm.DB, networkID string, ids []string) (map[string]Code, error) {
	out := map[string]Code{}
	if len(ids) == 0 {
		return out, nil
	}
	var v leerlus.Validation
	var valid []string
	for i, id := range ids {
		if leerlus.ValidID(id) {
			valid = append(valid, id)
		} else {
			v.Add("codes", leerlus.FieldNotAllowed, leerlus.Params{"reason": "unknown_code", "index": i})
		}
	}
	known := map[string]Code{}
	if len(valid) > 0 {
		var rows []Code
		if err := tx.Where("network_id = ? AND id IN ?", networkID, valid).Find(&rows).Error; err != nil {
			return nil, err
		}
		for _, c := range rows {
			known[c.ID] = c
		}
	}
	for i, id := range ids {
		if _, ok := known[id]; !ok && leerlus.ValidID(id) {
			v.Add("codes", leerlus.FieldNotAllowed, leerlus.Params{"reason": "unknown_code", "index": i})
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	// Follow merges, then hold the codes reached; a merge may have
	// committed while we waited for one, so look again until every held
	// code is one in use.
	for hop := 0; ; hop++ {
		if hop == maxMergeHops {
			return nil, leerlus.Errorf(leerlus.CodeConflict, "The codebook changed while this was saved. Try again.")
		}
		if err := s.followMerges(tx, networkID, known); err != nil {
			return nil, err
		}
		held, err := s.lockCodes(tx, networkID, survivors(ids, known), "SHARE")
		if err != nil {
			return nil, err
		}
		moved := false
		for _, c := range held {
			known[c.ID] = c
			moved = moved || c.MergedInto != nil
		}
		if !moved {
			break
		}
	}
	for i, id := range ids {
		c := known[survivorOf(id, known)]
		if c.RetiredAt != nil {
			v.Add("codes", leerlus.FieldNotAllowed, leerlus.Params{"reason": "retired_code", "index": i})
			continue
		}
		out[id] = c
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// followMerges loads, into known, the codes that the known merged codes
// were merged into, until every chain ends in a code in use.
func (s *Service) followMerges(tx *gorm.DB, networkID string, known map[string]Code) error {
	for hop := 0; hop < maxMergeHops; hop++ {
		var missing []string
		for _, c := range known {
			if c.MergedInto != nil {
				if _, ok := known[*c.MergedInto]; !ok {
					missing = append(missing, *c.MergedInto)
				}
			}
		}
		if len(missing) == 0 {
			return nil
		}
		var rows []Code
		if err := tx.Where("network_id = ? AND id IN ?", networkID, missing).Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return fmt.Errorf("network %s: merged codes name codes that do not exist: %v", networkID, missing)
		}
		for _, c := range rows {
			known[c.ID] = c
		}
	}
	return fmt.Errorf("network %s: the codebook's merges form a loop", networkID)
}

// survivorOf follows id's merges through known to the code in use.
func survivorOf(id string, known map[string]Code) string {
	for hop := 0; hop < maxMergeHops; hop++ {
		c, ok := known[id]
		if !ok || c.MergedInto == nil {
			return id
		}
		id = *c.MergedInto
	}
	return id
}

// survivors lists, once each, the codes in use that ids resolve to.
func survivors(ids []string, known map[string]Code) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if sid := survivorOf(id, known); !seen[sid] {
			seen[sid] = true
			out = append(out, sid)
		}
	}
	return out
}
