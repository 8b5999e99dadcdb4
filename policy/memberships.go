package policy

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// Membership gives a person one role in one network, from one perspective,
// optionally naming their organisation.
type Membership struct {
	ID             string      `gorm:"column:id;primaryKey"`
	NetworkID      string      `gorm:"column:network_id"`
	PersonID       string      `gorm:"column:person_id"`
	Role           Role        `gorm:"column:role"`
	Perspective    Perspective `gorm:"column:perspective"`
	OrganisationID *string     `gorm:"column:organisation_id"`
	CreatedAt      time.Time   `gorm:"column:created_at"`
	UpdatedAt      time.Time   `gorm:"column:updated_at"`
	Version        int         `gorm:"column:version"`
}

// TableName names the table.
func (Membership) TableName() string { return "memberships" }

// Member is a membership as a facilitator sees it: with the person's name
// and e-mail and the organisation's name.
type Member struct {
	ID               string
	NetworkID        string
	PersonID         string
	PersonName       string
	PersonEmail      string
	Role             Role
	Perspective      Perspective
	OrganisationID   *string
	OrganisationName *string
	CreatedAt        time.Time
	Version          int
}

const memberSelect = `m.id, m.network_id, m.person_id, p.name AS person_name, p.email AS person_email, m.role, m.perspective,
	m.organisation_id, o.name AS organisation_name, m.created_at, m.version`

// memberFrom joins what a Member shows: the person and the organisation.
const memberFrom = `memberships m
JOIN people p ON p.id = m.person_id
LEFT JOIN organisations o ON o.id = m.organisation_id`

func memberQuery(tx *gorm.DB) *gorm.DB {
	return tx.Table(memberFrom).Select(memberSelect)
}

// listMembersSQL is the members list as one prepared statement: it runs on
// every visit of the members page, so it skips GORM (see performance.md).
const listMembersSQL = `SELECT ` + memberSelect + `
FROM ` + memberFrom + `
WHERE m.network_id = ? AND m.id > ?
ORDER BY m.id
LIMIT ?`

// ListMembers pages through a network's members.
func (s *Service) ListMembers(ctx context.Context, acc leerlus.Access, p leerlus.Page) ([]Member, string, error) {
	rows, err := s.db.ReadRows(ctx, listMembersSQL, acc.NetworkID, p.After, p.Limit+1)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		if err := rows.Scan(&m.ID, &m.NetworkID, &m.PersonID, &m.PersonName, &m.PersonEmail, &m.Role, &m.Perspective,
			&m.OrganisationID, &m.OrganisationName, &m.CreatedAt, &m.Version); err != nil {
			return nil, "", err
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	if len(out) <= p.Limit {
		return out, "", nil
	}
	out = out[:p.Limit]
	return out, out[len(out)-1].ID, nil
}

func (s *Service) getMember(tx *gorm.DB, networkID, id string) (*Member, error) {
	if !leerlus.ValidID(id) {
		return nil, leerlus.NotFound("membership")
	}
	var rows []Member
	if err := memberQuery(tx).Where("m.network_id = ? AND m.id = ?", networkID, id).Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, leerlus.NotFound("membership")
	}
	return &rows[0], nil
}

// MyMembership is one of the caller's own memberships, with the network and
// workplace names the network switcher shows.
type MyMembership struct {
	ID               string
	NetworkID        string
	NetworkName      string
	WorkplaceID      string
	WorkplaceName    string
	Role             Role
	Perspective      Perspective
	OrganisationID   *string
	OrganisationName *string
}

// MyMemberships lists all memberships of one person.
func (s *Service) MyMemberships(ctx context.Context, personID string) ([]MyMembership, error) {
	rows, err := s.db.ReadRows(ctx, myMembershipsSQL, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MyMembership
	for rows.Next() {
		var m MyMembership
		if err := rows.Scan(&m.ID, &m.NetworkID, &m.NetworkName, &m.WorkplaceID, &m.WorkplaceName, &m.Role, &m.Perspective,
			&m.OrganisationID, &m.OrganisationName); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// myMembershipsSQL is GET /me's query, prepared once (it runs on every
// page load of the web app).
const myMembershipsSQL = `SELECT m.id, m.network_id, n.name, n.workplace_id, w.name, m.role, m.perspective,
	m.organisation_id, o.name
FROM memberships m
JOIN networks n ON n.id = m.network_id
JOIN workplaces w ON w.id = n.workplace_id
LEFT JOIN organisations o ON o.id = m.organisation_id
WHERE m.person_id = ?
ORDER BY w.name, n.name`

// checkOrganisation checks that an organisation belongs to the workplace of
// the network.
func checkOrganisation(tx *gorm.DB, v *leerlus.Validation, networkID string, orgID *string, membershipID string) error {
	if orgID == nil || *orgID == "" {
		return nil
	}
	if !leerlus.ValidID(*orgID) {
		v.Add("organisation_id", leerlus.FieldNotInWorkplace, nil)
		return nil
	}
	var n int64
	err := tx.Table("organisations o").Joins("JOIN networks n ON n.workplace_id = o.workplace_id").
		Where("o.id = ? AND n.id = ?", *orgID, networkID).
		// A retired organisation is refused, unless the membership names it already.
		Where("(o.retired_at IS NULL OR EXISTS (SELECT 1 FROM memberships x WHERE x.id = ? AND x.organisation_id = o.id))", membershipID).
		Count(&n).Error
	if err != nil {
		return err
	}
	v.Check(n == 1, "organisation_id", leerlus.FieldNotInWorkplace, nil)
	return nil
}

// addMembership gives a person a role in a network inside tx.
func (s *Service) addMembership(tx *gorm.DB, actor Actor, m Membership) (*Membership, error) {
	now := s.clock()
	m.ID, m.CreatedAt, m.UpdatedAt, m.Version = leerlus.NewID(), now, now, 1
	if m.OrganisationID != nil && *m.OrganisationID == "" {
		m.OrganisationID = nil
	}
	if err := tx.Create(&m).Error; err != nil {
		if leerlus.IsDuplicate(err) {
			return nil, leerlus.Errorf(leerlus.CodeConflict, "This person is a member of this network already.")
		}
		return nil, err
	}
	return &m, s.audit.Record(tx, actor, Event{Action: ActionMembershipCreated, ObjectType: "membership", ObjectID: m.ID, NetworkID: m.NetworkID})
}

// AddMembership gives a person a role in a network (demo and admin tools).
func (s *Service) AddMembership(ctx context.Context, actor Actor, m Membership) (*Membership, error) {
	var v leerlus.Validation
	v.Check(m.Role.Valid(), "role", leerlus.FieldOneOf, leerlus.Params{"allowed": RoleNames()})
	v.Check(m.Perspective.Valid(), "perspective", leerlus.FieldOneOf, leerlus.Params{"allowed": PerspectiveNames()})
	var out *Membership
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := checkOrganisation(tx, &v, m.NetworkID, m.OrganisationID, ""); err != nil {
			return err
		}
		if err := v.Err(); err != nil {
			return err
		}
		var err error
		out, err = s.addMembership(tx, actor, m)
		return err
	})
	return out, err
}

// MembershipChange edits a membership; nil fields stay as they are. An
// empty OrganisationID clears the organisation.
type MembershipChange struct {
	Role           *Role
	Perspective    *Perspective
	OrganisationID *string
	Version        int
}

// UpdateMembership changes a member's role, perspective or organisation.
// The new role counts from the very next request.
func (s *Service) UpdateMembership(ctx context.Context, acc leerlus.Access, id string, ch MembershipChange) (*Member, error) {
	actor, networkID := acc.Actor, acc.NetworkID
	var v leerlus.Validation
	v.Check(ch.Role == nil || ch.Role.Valid(), "role", leerlus.FieldOneOf, leerlus.Params{"allowed": RoleNames()})
	v.Check(ch.Perspective == nil || ch.Perspective.Valid(), "perspective", leerlus.FieldOneOf, leerlus.Params{"allowed": PerspectiveNames()})
	leerlus.CheckVersion(&v, ch.Version)
	var out *Member
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := checkOrganisation(tx, &v, networkID, ch.OrganisationID, id); err != nil {
			return err
		}
		if err := v.Err(); err != nil {
			return err
		}
		current, err := s.getMember(tx, networkID, id)
		if err != nil {
			return err
		}
		if ch.Role != nil && *ch.Role != RoleFacilitator {
			if err := keepAFacilitator(tx, current); err != nil {
				return err
			}
		}
		cols := leerlus.VersionBump(s.clock())
		leerlus.SetIf(cols, "role", ch.Role)
		leerlus.SetIf(cols, "perspective", ch.Perspective)
		if ch.OrganisationID != nil {
			cols["organisation_id"] = leerlus.Optional(*ch.OrganisationID)
		}
		if err := leerlus.UpdateVersioned(tx, &Membership{}, id, ch.Version, cols, "membership", ""); err != nil {
			return err
		}
		if out, err = s.getMember(tx, networkID, id); err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionMembershipChanged, ObjectType: "membership", ObjectID: id, NetworkID: networkID})
	})
	return out, err
}

// keepAFacilitator refuses to take the facilitator role from m when m is
// the network's only facilitator: a network without one has nobody to
// invite or manage its members (only an administrator could repair it).
func keepAFacilitator(tx *gorm.DB, m *Member) error {
	if m.Role != RoleFacilitator {
		return nil
	}
	// Take the network's row lock first: two facilitators demoting each
	// other at once then run one after the other, and the second counts
	// what the first committed (PostgreSQL runs writers side by side;
	// SQLite has one writer anyway).
	if err := tx.Exec("UPDATE networks SET id = id WHERE id = ?", m.NetworkID).Error; err != nil {
		return err
	}
	var n int64
	err := tx.Model(&Membership{}).Where("network_id = ? AND role = ?", m.NetworkID, RoleFacilitator).Count(&n).Error
	if err != nil {
		return err
	}
	if n <= 1 {
		return leerlus.Invalid("role", leerlus.FieldLastFacilitator, nil)
	}
	return nil
}

// RemoveMembership takes a person out of a network; their access ends with
// the next request. The network's last facilitator cannot be removed.
func (s *Service) RemoveMembership(ctx context.Context, acc leerlus.Access, id string) error {
	actor, networkID := acc.Actor, acc.NetworkID
	if !leerlus.ValidID(id) {
		return leerlus.NotFound("membership")
	}
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		current, err := s.getMember(tx, networkID, id)
		if err != nil {
			return err
		}
		if err := keepAFacilitator(tx, current); err != nil {
			return err
		}
		res := tx.Where("id = ? AND network_id = ?", id, networkID).Delete(&Membership{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return leerlus.NotFound("membership")
		}
		return s.audit.Record(tx, actor, Event{Action: ActionMembershipRemoved, ObjectType: "membership", ObjectID: id, NetworkID: networkID})
	})
}

// NetworksWithRole lists, ordered, the networks where personID holds one
// of roles: the scope of a query that spans networks, such as a
// researcher's pattern queries (the roles come from
// Authorizer.RolesGranting). It reads the memberships table on every call,
// like every other access decision.
func (s *Service) NetworksWithRole(ctx context.Context, personID string, roles ...Role) ([]string, error) {
	if len(roles) == 0 || !leerlus.ValidID(personID) {
		return nil, nil
	}
	var ids []string
	err := s.db.WithContext(ctx).Model(&Membership{}).Where("person_id = ? AND role IN ?", personID, roles).
		Order("network_id").Pluck("network_id", &ids).Error
	return ids, err
}
