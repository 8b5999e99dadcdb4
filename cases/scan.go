package cases

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"leerlus"
)

// Scan checks a text the author is typing in a case, with the case's
// numbering, so that the replacement offered ([PERSOON-1]) is the tag the
// same person has elsewhere in the case. The text is not stored; the
// numbering is, as keyed hashes, so that the tag stays the same later.
func (s *Service) Scan(ctx context.Context, acc leerlus.Access, caseID, value string) ([]leerlus.Finding, error) {
	var v leerlus.Validation
	// The longest text of a case is its summary; a scan is for one field.
	leerlus.CheckLength(&v, "text", value, 0, maxScanned)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out []leerlus.Finding
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		c, err := s.lockCase(tx, caseID)
		if err != nil {
			return err
		}
		if err := editable(acc, c); err != nil {
			return err
		}
		out, err = s.scanLocked(tx, c, []text{{pointer: "/text", field: "/text", value: value}})
		return err
	})
	return out, err
}

// scanLocked gives the findings in texts of a locked case and stores the
// grown numbering (keyed hashes), so that a tag offered now stays the tag
// of that person later.
func (s *Service) scanLocked(tx *gorm.DB, c *Case, texts []text) ([]leerlus.Finding, error) {
	before := c.Numbering
	out := []leerlus.Finding{}
	err := s.screenInto(tx, c, texts, Decisions{}, func(screened) error { return nil })
	var e *leerlus.Error
	if errors.As(err, &e) && e.Code == leerlus.CodeIdentifying {
		out, err = e.Findings, nil
	}
	if err != nil || c.Numbering == before {
		return out, err
	}
	return out, tx.Model(&Case{}).Where("id = ?", c.ID).Update("numbering", c.Numbering).Error
}

// maxScanned is the longest text a scan takes, in characters: a case's
// longest field with room to spare.
const maxScanned = 2 * summaryMax
