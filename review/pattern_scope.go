package review

import (
	"context"
	"slices"

	"leerlus"
	"leerlus/policy"
)

// studyNetwork is a network a pattern query may read.
type studyNetwork struct {
	ID, Name string
}

// studyNetworks resolves the networks a pattern query reads: every
// network where the caller is researcher, or the subset of them named in
// wanted. A facilitator or manager studies their own network only, so a
// network where the caller holds one of those roles may only be asked for
// alone. A named network outside the caller's reach is not found (never
// silently left out, which would widen nothing but mislead); a caller
// with no such role at all is forbidden.
func (s *Service) studyNetworks(ctx context.Context, acc leerlus.Access, wanted []string) ([]studyNetwork, error) {
	var rows []struct {
		ID, Name, Role string
	}
	err := s.db.WithContext(ctx).Raw(`SELECT n.id, n.name, m.role FROM memberships m JOIN networks n ON n.id = m.network_id
		WHERE m.person_id = ? AND m.role IN (?, ?, ?) ORDER BY n.name, n.id`,
		acc.PersonID(), policy.RoleResearcher, policy.RoleFacilitator, policy.RoleManager).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, leerlus.Errorf(leerlus.CodeForbidden, "Pattern queries are for researchers, and for facilitators and managers in their own network.")
	}
	var research, own []studyNetwork
	role := map[string]string{}
	for _, r := range rows {
		role[r.ID] = r.Role
		if r.Role == string(policy.RoleResearcher) {
			research = append(research, studyNetwork{r.ID, r.Name})
		} else {
			own = append(own, studyNetwork{r.ID, r.Name})
		}
	}
	if len(wanted) == 0 {
		switch {
		case len(research) > 0:
			return research, nil
		case len(own) == 1:
			return own, nil
		}
		return nil, leerlus.Invalid("networks", leerlus.FieldRequired, nil)
	}
	var out []studyNetwork
	for _, id := range wanted {
		r, ok := role[id]
		if !ok || !leerlus.ValidID(id) {
			return nil, leerlus.NotFound("network")
		}
		if r != string(policy.RoleResearcher) && len(wanted) > 1 {
			return nil, leerlus.Errorf(leerlus.CodeForbidden, "A facilitator or manager studies one network at a time.")
		}
		for _, n := range rows {
			if n.ID == id && !slices.ContainsFunc(out, func(x studyNetwork) bool { return x.ID == id }) {
				out = append(out, studyNetwork{n.ID, n.Name})
			}
		}
	}
	return out, nil
}
