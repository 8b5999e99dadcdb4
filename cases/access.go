package cases

import (
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leerlus"
	"leerlus/policy"
)

// facilitates reports whether the caller facilitates the case's network.
func facilitates(acc leerlus.Access, c *Case) bool {
	return acc.Role == string(policy.RoleFacilitator) && acc.NetworkID == c.NetworkID
}

// visible says whether the caller may know the case exists: a draft is its
// author's alone, a submitted case also its network's facilitators', and
// a published or archived case everyone's with a role in the network (the
// route's permission has checked that role).
func visible(acc leerlus.Access, c *Case) bool {
	if acc.NetworkID != c.NetworkID {
		return false
	}
	switch c.Status {
	case StatusDraft:
		return c.AuthorID == acc.PersonID()
	case StatusSubmitted:
		return c.AuthorID == acc.PersonID() || facilitates(acc, c)
	}
	return true
}

// knowsAuthor says whether the caller may see who wrote the case: its
// author and the network's facilitators. Members, managers and
// researchers see the case without any trace of its author.
func knowsAuthor(acc leerlus.Access, c *Case) bool {
	return c.AuthorID == acc.PersonID() || facilitates(acc, c)
}

// editable loads a case for a change of its text by its author: drafts,
// and published cases (a correction, which goes back to the four-eyes
// check). A submitted case is withdrawn first; an archived one stays as
// it is.
func editable(acc leerlus.Access, c *Case) error {
	if err := acc.CheckOwner(c.AuthorID, "case", visible(acc, c)); err != nil {
		return err
	}
	switch c.Status {
	case StatusSubmitted:
		return leerlus.Errorf(leerlus.CodeConflict, "This case waits for its check. Withdraw it first to change it.")
	case StatusArchived:
		return leerlus.Errorf(leerlus.CodeConflict, "An archived case cannot be changed.")
	}
	return nil
}

// lockCase loads a case for a change. On PostgreSQL it locks the case's
// row, so that concurrent changes of one case on any instance (an episode
// added in two tabs, two scans growing the numbering) take turns instead
// of overwriting each other's numbering or positions; SQLite's single
// writer already makes them take turns.
func (s *Service) lockCase(tx *gorm.DB, id string) (*Case, error) {
	if s.db.Dialect == leerlus.Postgres {
		tx = tx.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	return leerlus.GetByID[Case](tx, id, "case")
}

// caseForChange locks a case, lets allowed say whether the caller may
// change it, and refuses an edit based on an old version: the start of
// every versioned change of a case.
func (s *Service) caseForChange(tx *gorm.DB, id string, version int, allowed func(*Case) error) (*Case, error) {
	c, err := s.lockCase(tx, id)
	if err != nil {
		return nil, err
	}
	if err := allowed(c); err != nil {
		return nil, err
	}
	if c.Version != version {
		return nil, leerlus.StaleVersion()
	}
	return c, nil
}
