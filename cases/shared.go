package cases

import (
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases/anonymise"
)

// Text is a free-text field of another object of a case (a reflection's
// answer), screened with the case's numbering.
type Text struct {
	Pointer string // in the request body: /items/2/why
	Object  int    // index of the object it belongs to, for the marks returned
	Field   string // in that object: /why
	Value   string
}

// CaseFacts is what another package needs to know of a case it hangs on.
type CaseFacts struct {
	ID, NetworkID, AuthorID string
	Status                  Status
	Outcome                 string
}

// LockForText locks the case a text of another object belongs to (on
// PostgreSQL; SQLite's single writer already serialises), so that writes
// of a case and its reflections take turns on the one numbering.
func (s *Service) LockForText(tx *gorm.DB, caseID string) (CaseFacts, error) {
	c, err := s.lockCase(tx, caseID)
	if err != nil {
		return CaseFacts{}, err
	}
	return CaseFacts{ID: c.ID, NetworkID: c.NetworkID, AuthorID: c.AuthorID, Status: c.Status, Outcome: c.Outcome}, nil
}

// ScreenTexts screens texts of another object of a locked case with the
// case's numbering, so that a person is [PERSOON-1] in the case and in
// every reflection on it. The grown numbering is stored (keyed hashes
// only). It returns, per object index, the author's decisions that
// matched a finding; a finding not decided on refuses the write with
// the findings, and the caller stores nothing.
func (s *Service) ScreenTexts(tx *gorm.DB, caseID string, texts []Text, d Decisions) (map[int][]Mark, error) {
	c, err := leerlus.GetByID[Case](tx, caseID, "case")
	if err != nil {
		return nil, err
	}
	var marks map[int][]Mark
	before := c.Numbering
	err = s.screenInto(tx, c, toTexts(texts), d, func(sc screened) error {
		marks = sc.marks
		if c.Numbering == before {
			return nil // no new person or place: nothing to store
		}
		return tx.Model(&Case{}).Where("id = ?", c.ID).Update("numbering", c.Numbering).Error
	})
	return marks, err
}

// ScanText gives the findings in texts of another object of a locked
// case, with the case's tags, for live screening while typing. Only the
// numbering is stored.
func (s *Service) ScanText(tx *gorm.DB, caseID string, texts []Text) ([]leerlus.Finding, error) {
	c, err := leerlus.GetByID[Case](tx, caseID, "case")
	if err != nil {
		return nil, err
	}
	return s.scanLocked(tx, c, toTexts(texts))
}

// SaveReflectionMarks replaces a reflection's marks under the field
// prefixes a write rewrote (/answers/worked/ …) with the decisions that
// matched it. Marks are stored on the reflection with the field's JSON
// pointer as the request sent it.
func SaveReflectionMarks(tx *gorm.DB, caseID, reflectionID string, prefixes []string, marks []Mark, now time.Time) error {
	if len(prefixes) > 0 {
		// One statement for every rewritten part.
		like := tx.Where("field LIKE ? ESCAPE '\\'", leerlus.EscapeLike(prefixes[0])+"%")
		for _, p := range prefixes[1:] {
			like = like.Or("field LIKE ? ESCAPE '\\'", leerlus.EscapeLike(p)+"%")
		}
		if err := tx.Where("reflection_id = ?", reflectionID).Where(like).Delete(&Mark{}).Error; err != nil {
			return err
		}
	}
	for i := range marks {
		marks[i].ID, marks[i].CaseID, marks[i].ObjectID, marks[i].CreatedAt = leerlus.NewID(), caseID, reflectionID, now
		marks[i].ReflectionID = &reflectionID
	}
	if len(marks) == 0 {
		return nil
	}
	return tx.Create(&marks).Error
}

// ReflectionMarks reads the marks stored with a reflection's texts.
func ReflectionMarks(tx *gorm.DB, reflectionID string) ([]Mark, error) {
	var out []Mark
	err := tx.Where("reflection_id = ?", reflectionID).Order("object_id, field, start_at").Find(&out).Error
	return out, err
}

func toTexts(texts []Text) []text {
	out := make([]text, len(texts))
	for i, t := range texts {
		out[i] = text{pointer: t.Pointer, object: t.Object, field: t.Field, value: t.Value}
	}
	return out
}

// ScreenFree screens texts that belong to no case (a codebook's labels, a
// form template's wording, an action, a goal, a group's statement): same
// rules as a case's texts, with a numbering of their own that is not kept;
// nobody checks its decisions later (Decisions.Unchecked).
func (s *Service) ScreenFree(texts []Text, d Decisions) error {
	red, err := s.scanner.RestoreSealed(s.sealKey, anonymise.SealedState{})
	if err != nil {
		return err
	}
	in := toTexts(texts)
	for _, t := range in {
		reserveTags(red, t.value)
	}
	_, err = screen(red, in, d.Unchecked())
	return err
}
