package review

import (
	"context"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
)

// Scan checks a text its author is typing in a reflection, with the
// case's numbering, so that the tag offered ([PERSOON-1]) is the one the
// same person has in the case. The text is not stored.
func (s *Service) Scan(ctx context.Context, acc leerlus.Access, id, text string) ([]leerlus.Finding, error) {
	var v leerlus.Validation
	leerlus.CheckLength(&v, "text", text, 0, maxScannedText)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out []leerlus.Finding
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		r, err := leerlus.GetByID[Reflection](tx, id, "reflection")
		if err != nil {
			return err
		}
		if _, err := s.cases.LockForText(tx, r.CaseID); err != nil {
			return err
		}
		if err := editableReflection(acc, r); err != nil {
			return err
		}
		out, err = s.cases.ScanText(tx, r.CaseID, []cases.Text{{Pointer: "/text", Field: "/text", Value: text}})
		return err
	})
	return out, err
}
