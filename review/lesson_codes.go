package review

import (
	"fmt"

	"gorm.io/gorm"

	"leerlus"
)

// lessonCodes looks up codes of a network's codebook by id. Ids of other
// networks' codes are simply absent from the answer.
//
// It is the lessons' own minimal lookup; the codebook's resolveCodes
// (review/codebook_resolve.go) can take its place.
func lessonCodes(tx *gorm.DB, networkID string, ids []string) (map[string]Code, error) {
	out := map[string]Code{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []Code
	if err := tx.Where("network_id = ? AND id IN ?", networkID, ids).Find(&rows).Error; err != nil {
		return nil, err
	}
	for _, c := range rows {
		out[c.ID] = c
	}
	return out, nil
}

// checkCodeList checks the shape of a list of code ids: at most
// curatedCodesMax, each an id, none twice.
func checkCodeList(v *leerlus.Validation, codes *[]string) {
	if codes == nil {
		return
	}
	if len(*codes) > curatedCodesMax {
		v.Add("codes", leerlus.FieldTooMany, leerlus.Params{"max": curatedCodesMax})
		return
	}
	seen := map[string]bool{}
	for i, id := range *codes {
		at := fmt.Sprintf("/codes/%d", i)
		switch {
		case !leerlus.ValidID(id):
			v.Add(at, leerlus.FieldFormat, leerlus.Params{"format": "id"})
		case seen[id]:
			v.Add(at, leerlus.FieldDuplicate, nil)
		}
		seen[id] = true
	}
}

// checkCodesUsable refuses codes a lesson may not get: not in the
// network's codebook, merged into another code (the client's codebook is
// stale) or retired.
func (s *Service) checkCodesUsable(tx *gorm.DB, networkID string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	if err := s.ensureNetwork(tx, networkID); err != nil {
		return err
	}
	found, err := lessonCodes(tx, networkID, ids)
	if err != nil {
		return err
	}
	var v leerlus.Validation
	for i, id := range ids {
		at := fmt.Sprintf("/codes/%d", i)
		c, ok := found[id]
		switch {
		case !ok:
			v.Add(at, leerlus.FieldNotAllowed, leerlus.Params{"reason": "unknown_code"})
		case c.MergedInto != nil:
			v.Add(at, leerlus.FieldNotAllowed, leerlus.Params{"reason": "merged_code"})
		case c.RetiredAt != nil:
			v.Add(at, leerlus.FieldNotAllowed, leerlus.Params{"reason": "retired_code"})
		}
	}
	return v.Err()
}

// codeIDsOf reads the codes of one lesson, in codebook order.
func codeIDsOf(tx *gorm.DB, lessonID string) ([]string, error) {
	refs, err := codeRefs(tx, []string{lessonID})
	if err != nil {
		return nil, err
	}
	ids := []string{}
	for _, c := range refs[lessonID] {
		ids = append(ids, c.ID)
	}
	return ids, nil
}

// codeRefs reads the codes of lessons, per lesson in codebook order.
func codeRefs(db *gorm.DB, lessonIDs []string) (map[string][]CodeRef, error) {
	out := map[string][]CodeRef{}
	if len(lessonIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		LessonID, ID, Key, LabelNL, LabelEN string
	}
	err := db.Table("lesson_codes lc").
		Select("lc.lesson_id, cc.id, cc.key, cc.label_nl, cc.label_en").
		Joins("JOIN codebook_codes cc ON cc.id = lc.code_id").
		Joins("JOIN codebook_themes t ON t.id = cc.theme_id").
		Where("lc.lesson_id IN ?", lessonIDs).
		Order("t.position, cc.position, cc.id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.LessonID] = append(out[r.LessonID], CodeRef{ID: r.ID, Key: r.Key, LabelNL: r.LabelNL, LabelEN: r.LabelEN})
	}
	return out, nil
}

// setCodes replaces the codes of a lesson.
func setCodes(tx *gorm.DB, lessonID string, ids []string) error {
	if err := tx.Where("lesson_id = ?", lessonID).Delete(&LessonCode{}).Error; err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	rows := make([]LessonCode, len(ids))
	for i, id := range ids {
		rows[i] = LessonCode{LessonID: lessonID, CodeID: id}
	}
	return tx.Create(&rows).Error
}
