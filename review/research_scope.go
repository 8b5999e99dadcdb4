package review

import (
	"slices"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// researchNetwork is a network a research read (pattern query, search,
// export) reaches.
type researchNetwork struct {
	ID, Name string
}

// researchUse says who may make a kind of research read.
type researchUse struct {
	// what names the read in the refusals: "Search reaches".
	what string
	// ownNetwork lets a facilitator or manager read their own network,
	// one at a time. Exports, which hand out texts row by row, are for
	// researchers only.
	ownNetwork bool
}

// The research reads.
var (
	usePatterns = researchUse{what: "Pattern queries reach", ownNetwork: true}
	useSearch   = researchUse{what: "Search reaches", ownNetwork: true}
	useExports  = researchUse{what: "Exports reach"}
)

// researchNetworks is the one rule for the networks a research read
// reaches (docs/research.md, "Which networks"), from the caller's
// memberships:
//
//   - nothing named: every network where the caller is researcher; without
//     one, the one network where they are facilitator or manager (if the
//     use allows it; several such networks must be named, 422); else 403;
//   - named networks (networks=): each must be a network where the caller
//     is a member, or the answer is 404 — whether it does not exist or the
//     caller is not in it, which outsiders must not tell apart;
//   - a named network where the caller is a member but not researcher is
//     403, unless the use allows their own network and it is a network
//     where they are facilitator or manager, named alone.
//
// The set is never widened beyond what was named and never silently
// narrowed: a network that cannot be read is an error, not a smaller
// answer. Networks come in name order; a network named twice counts once.
func researchNetworks(db *gorm.DB, acc leerlus.Access, named []string, use researchUse) ([]researchNetwork, error) {
	var rows []struct{ ID, Name, Role string }
	err := db.Raw(`SELECT n.id, n.name, m.role FROM memberships m JOIN networks n ON n.id = m.network_id
		WHERE m.person_id = ? ORDER BY n.name, n.id`, acc.PersonID()).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	forbidden := leerlus.Errorf(leerlus.CodeForbidden, "%s the networks where you are researcher.", use.what)
	if use.ownNetwork {
		forbidden = leerlus.Errorf(leerlus.CodeForbidden,
			"%s the networks where you are researcher, or one network where you are facilitator or manager.", use.what)
	}
	var research, own []researchNetwork
	role := map[string]policy.Role{}
	for _, r := range rows {
		role[r.ID] = policy.Role(r.Role)
		switch policy.Role(r.Role) {
		case policy.RoleResearcher:
			research = append(research, researchNetwork{r.ID, r.Name})
		case policy.RoleFacilitator, policy.RoleManager:
			if use.ownNetwork {
				own = append(own, researchNetwork{r.ID, r.Name})
			}
		}
	}
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
	// Not found before forbidden: a caller learns nothing of a network
	// they are not in from the other networks named with it.
	for _, id := range named {
		if _, ok := role[id]; !ok {
			return nil, leerlus.NotFound("network")
		}
	}
	var out []researchNetwork
	for _, n := range rows {
		if !slices.Contains(named, n.ID) {
			continue
		}
		switch {
		case role[n.ID] == policy.RoleResearcher:
		case slices.ContainsFunc(own, func(o researchNetwork) bool { return o.ID == n.ID }):
			if len(named) > 1 && slices.ContainsFunc(named, func(id string) bool { return id != n.ID }) {
				return nil, leerlus.Errorf(leerlus.CodeForbidden, "A facilitator or manager reads one network at a time.")
			}
		default:
			return nil, forbidden
		}
		out = append(out, researchNetwork{n.ID, n.Name})
	}
	return out, nil
}

// maxNetworks bounds the networks= list of a research read before it is
// compared with the caller's memberships.
const maxNetworks = 100

// checkNetworkList checks a research read's networks= list the same way
// for every read: at most maxNetworks ids, each an id, none twice.
func checkNetworkList(v *leerlus.Validation, ids []string) {
	v.Check(len(ids) <= maxNetworks, "networks", leerlus.FieldTooMany, leerlus.Params{"max": maxNetworks})
	seen := map[string]bool{}
	for _, id := range ids {
		if !leerlus.ValidID(id) {
			v.Add("networks", leerlus.FieldFormat, leerlus.Params{"format": "id"})
			return
		}
		if seen[id] {
			v.Add("networks", leerlus.FieldDuplicate, nil)
			return
		}
		seen[id] = true
	}
}

// researchIDs are the networks' ids.
func researchIDs(networks []researchNetwork) []string {
	ids := make([]string, len(networks))
	for i, n := range networks {
		ids[i] = n.ID
	}
	return ids
}
