package cases

import (
	"encoding/json"
	"fmt"

	"leerlus"
	"leerlus/cases/anonymise"
	"leerlus/policy"
)

// Service keeps the case reviews. Every write screens its texts with the
// anonymiser inside its transaction and writes its audit entry there too.
// It is safe for concurrent use; all state lives in the database, but for
// recently read list pages, kept under a revision the database moves on
// (listPages).
type Service struct {
	db    *leerlus.DB
	now   leerlus.Clock
	audit *policy.AuditLog
	// reads writes the audit entries of reads and lists, many per commit.
	reads   *policy.ReadAudit
	scanner *anonymise.Scanner
	// sealKey keys the hashes of a case's redaction numbering; it is kept
	// outside the database, so that the stored hashes cannot be tested
	// against a list of names by someone holding only the database.
	sealKey []byte
	pages   *listPages
}

// NewService returns the case service.
func NewService(db *leerlus.DB, now leerlus.Clock, audit *policy.AuditLog, scanner *anonymise.Scanner, sealKey []byte) *Service {
	return &Service{db: db, now: now, audit: audit, reads: policy.NewReadAudit(db, audit), scanner: scanner, sealKey: sealKey, pages: leerlus.NewKept[*listPage](maxListPages)}
}

// currentPeriod is the quarter we are in: no period may lie after it.
func (s *Service) currentPeriod() Period {
	t := s.now.Now()
	return quarterOf(t.Year(), int(t.Month()))
}

// redactor returns the case's numbering, so that a person keeps one tag
// ([PERSOON-1]) in every text of the case. It works on keyed hashes only:
// names live in memory for the length of one request.
func (s *Service) redactor(c *Case) (*anonymise.Redactor, error) {
	var st anonymise.SealedState
	if c.Numbering != "" {
		if err := json.Unmarshal([]byte(c.Numbering), &st); err != nil {
			return nil, fmt.Errorf("case %s: numbering: %w", c.ID, err)
		}
	}
	r, err := s.scanner.RestoreSealed(s.sealKey, st)
	if err != nil {
		return nil, fmt.Errorf("case %s: numbering: %w", c.ID, err)
	}
	return r, nil
}

// numbering is what is stored of a redactor: keyed hashes only.
func (s *Service) numbering(r *anonymise.Redactor) (string, error) {
	st := r.Seal(s.sealKey)
	if len(st.Entities) > maxNumbered {
		return "", errTooManyNumbered
	}
	b, err := json.Marshal(st)
	return string(b), err
}

// maxNumbered bounds the numbering of one case: far more people, places
// and numbers than any case names, and small enough that loading the
// numbering stays cheap on every write. Texts that would grow it further
// are refused, so that repeated scans cannot bloat a case.
const maxNumbered = 2000

var errTooManyNumbered = leerlus.Errorf(leerlus.CodeInvalid, "This case names more people, places and numbers than Leerlus keeps apart (%d).", maxNumbered)

// Scanner is the anonymiser the service screens with, for the API's own
// scan of text that is not (yet) part of a case.
func (s *Service) Scanner() *anonymise.Scanner { return s.scanner }
