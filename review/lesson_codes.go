package review

import (
	"fmt"

	"gorm.io/gorm"

	"leerlus"
)

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

// usableCodes resolves the codes a facilitator gives a lesson with the
// codebook's rules for new codings: a merged code becomes the code it was
// merged into; unknown codes, retired ones and codes of another network
// are refused. It returns the ids to store, without repeats, in the order
// given.
func (s *Service) usableCodes(tx *gorm.DB, networkID string, ids []string) ([]string, error) {
	out := []string{}
	if len(ids) == 0 {
		return out, nil
	}
	if err := s.ensureNetwork(tx, networkID); err != nil {
		return nil, err
	}
	found, err := s.resolveCodes(tx, networkID, ids)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if c := found[id]; !seen[c.ID] {
			seen[c.ID] = true
			out = append(out, c.ID)
		}
	}
	return out, nil
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
func codeRefs(db *gorm.DB, lessonIDs []string) (map[string][]Code, error) {
	out := map[string][]Code{}
	if len(lessonIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		LessonID string
		Code     `gorm:"embedded"`
	}
	err := db.Table("lesson_codes lc").
		Select("lc.lesson_id, cc.*").
		Joins("JOIN codebook_codes cc ON cc.id = lc.code_id").
		Joins("JOIN codebook_themes t ON t.id = cc.theme_id").
		Where("lc.lesson_id IN ?", lessonIDs).
		Order("t.position, cc.position, cc.id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.LessonID] = append(out[r.LessonID], r.Code)
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
