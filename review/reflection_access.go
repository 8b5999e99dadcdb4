package review

import (
	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

// facilitatesNetwork reports whether the caller facilitates the network.
func facilitatesNetwork(acc leerlus.Access, networkID string) bool {
	return acc.Role == string(policy.RoleFacilitator) && acc.NetworkID == networkID
}

// reflectionVisible says whether the caller may know a reflection exists:
// a draft is its author's alone, a submitted one also its network's
// facilitators', a published one everyone's with a role in the network.
func reflectionVisible(acc leerlus.Access, r *Reflection) bool {
	if acc.NetworkID != r.NetworkID {
		return false
	}
	switch r.Status {
	case StatusDraft:
		return r.AuthorID == acc.PersonID()
	case StatusSubmitted:
		return r.AuthorID == acc.PersonID() || facilitatesNetwork(acc, r.NetworkID)
	}
	return true
}

// knowsReflectionAuthor: only the author and the network's facilitators
// see who wrote a reflection, so that a parent can be frank about a
// professional.
func knowsReflectionAuthor(acc leerlus.Access, r *Reflection) bool {
	return r.AuthorID == acc.PersonID() || facilitatesNetwork(acc, r.NetworkID)
}

// caseOpenForReflections checks that the caller may write a reflection
// on the case: it is in the caller's network, they can see it, and it is
// submitted or published (a draft is its author's still; an archived
// case is closed).
func caseOpenForReflections(acc leerlus.Access, c cases.CaseFacts) error {
	if c.NetworkID != acc.NetworkID {
		return leerlus.NotFound("case")
	}
	switch c.Status {
	case cases.StatusPublished:
		return nil
	case cases.StatusSubmitted:
		if c.AuthorID == acc.PersonID() || facilitatesNetwork(acc, c.NetworkID) {
			return nil
		}
	case cases.StatusArchived:
		return leerlus.Errorf(leerlus.CodeConflict, "This case is archived: it takes no new reflections.")
	case cases.StatusDraft:
		if c.AuthorID == acc.PersonID() {
			return leerlus.Errorf(leerlus.CodeConflict, "Submit the case first; then reflections can be written.")
		}
	}
	return leerlus.NotFound("case")
}

// perspectiveOf reads the caller's perspective and organisation in the
// network: a reflection is written from the membership's perspective.
func perspectiveOf(tx *gorm.DB, acc leerlus.Access) (string, *string, error) {
	var m policy.Membership
	err := tx.Where("network_id = ? AND person_id = ?", acc.NetworkID, acc.PersonID()).Take(&m).Error
	if err == gorm.ErrRecordNotFound {
		return "", nil, leerlus.Errorf(leerlus.CodeForbidden, "Only a member of the network can write a reflection.")
	}
	return string(m.Perspective), m.OrganisationID, err
}

// reflectionForChange loads a reflection for a change by anyone: it locks
// its case first (the one numbering of the case and its reflections),
// lets allowed decide, and refuses an old version.
func (s *Service) reflectionForChange(tx *gorm.DB, acc leerlus.Access, id string, version int, allowed func(*Reflection) error) (*Reflection, error) {
	var caseID string
	rows := []string{}
	if err := tx.Model(&Reflection{}).Where("id = ?", id).Pluck("case_id", &rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, leerlus.NotFound("reflection")
	}
	caseID = rows[0]
	if _, err := s.cases.LockForText(tx, caseID); err != nil {
		return nil, err
	}
	r, err := leerlus.GetByID[Reflection](tx, id, "reflection")
	if err != nil {
		return nil, err
	}
	if !reflectionVisible(acc, r) {
		return nil, leerlus.NotFound("reflection")
	}
	if err := allowed(r); err != nil {
		return nil, err
	}
	if r.Version != version {
		return nil, leerlus.StaleVersion()
	}
	return r, nil
}
