package review

import (
	"slices"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// searchNetworks decides the networks a search reaches, from the caller's
// memberships: every network where they are researcher, or the ones of
// those they name; or one network where they are facilitator or manager,
// which they name unless it is their only one. A named network where the
// caller has no role is not found; one where their role does not allow
// searching is forbidden. The set is never widened beyond what was named.
func searchNetworks(db *gorm.DB, acc leerlus.Access, named []string) ([]string, error) {
	var rows []struct{ NetworkID, Role string }
	if err := db.Raw("SELECT network_id, role FROM memberships WHERE person_id = ? ORDER BY network_id",
		acc.PersonID()).Scan(&rows).Error; err != nil {
		return nil, err
	}
	var research, own, member []string
	for _, r := range rows {
		member = append(member, r.NetworkID)
		switch policy.Role(r.Role) {
		case policy.RoleResearcher:
			research = append(research, r.NetworkID)
		case policy.RoleFacilitator, policy.RoleManager:
			own = append(own, r.NetworkID)
		}
	}
	forbidden := leerlus.Errorf(leerlus.CodeForbidden,
		"Search reaches the networks where you are researcher, or one network where you are facilitator or manager.")
	if len(named) == 0 {
		switch {
		case len(research) > 0:
			return research, nil
		case len(own) == 1:
			return own, nil
		case len(own) > 1:
			return nil, leerlus.Invalid("networks", leerlus.FieldRequired, nil)
		}
		return nil, forbidden
	}
	for _, n := range named {
		if !slices.Contains(member, n) {
			return nil, leerlus.NotFound("network")
		}
	}
	allResearch := true
	for _, n := range named {
		allResearch = allResearch && slices.Contains(research, n)
	}
	switch {
	case allResearch:
		return named, nil
	case len(named) == 1 && slices.Contains(own, named[0]):
		return named, nil
	}
	return nil, forbidden
}
