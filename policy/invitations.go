package policy

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// Invitation asks an e-mail address to join a network with a role. Its
// link works once and expires.
type Invitation struct {
	ID             string      `gorm:"column:id;primaryKey"`
	NetworkID      string      `gorm:"column:network_id"`
	Email          string      `gorm:"column:email"`
	Role           Role        `gorm:"column:role"`
	Perspective    Perspective `gorm:"column:perspective"`
	OrganisationID *string     `gorm:"column:organisation_id"`
	TokenHash      string      `gorm:"column:token_hash"`
	CreatedBy      string      `gorm:"column:created_by"`
	CreatedAt      time.Time   `gorm:"column:created_at"`
	ExpiresAt      time.Time   `gorm:"column:expires_at"`
	AcceptedAt     *time.Time  `gorm:"column:accepted_at"`
	AcceptedBy     *string     `gorm:"column:accepted_by"`
	WithdrawnAt    *time.Time  `gorm:"column:withdrawn_at"`
}

// TableName names the table.
func (Invitation) TableName() string { return "invitations" }

// InvitationStatus is where an invitation stands.
type InvitationStatus string

// The invitation statuses.
const (
	InvitationPending   InvitationStatus = "pending"
	InvitationAccepted  InvitationStatus = "accepted"
	InvitationExpired   InvitationStatus = "expired"
	InvitationWithdrawn InvitationStatus = "withdrawn"
)

// Status derives the status at time now.
func (i *Invitation) Status(now time.Time) InvitationStatus {
	switch {
	case i.AcceptedAt != nil:
		return InvitationAccepted
	case i.WithdrawnAt != nil:
		return InvitationWithdrawn
	case !now.Before(i.ExpiresAt):
		return InvitationExpired
	}
	return InvitationPending
}

// Now returns the service's clock, for deriving statuses.
func (s *Service) Now() time.Time { return s.clock() }

// NewInvitation is the input for inviting someone.
type NewInvitation struct {
	Email          string
	Role           Role
	Perspective    Perspective
	OrganisationID *string
}

// CreateInvitation invites an e-mail address to a network and returns the
// invitation with its secret token, shown this once (stored as a hash).
func (s *Service) CreateInvitation(ctx context.Context, acc leerlus.Access, in NewInvitation) (*Invitation, string, error) {
	actor, networkID := acc.Actor, acc.NetworkID
	in.Email = NormaliseEmail(in.Email)
	var v leerlus.Validation
	checkEmail(&v, in.Email)
	v.Check(in.Role.Valid(), "role", leerlus.FieldOneOf, leerlus.Params{"allowed": RoleNames()})
	v.Check(in.Perspective.Valid(), "perspective", leerlus.FieldOneOf, leerlus.Params{"allowed": PerspectiveNames()})
	token := newSecret()
	now := s.clock()
	inv := &Invitation{ID: leerlus.NewID(), NetworkID: networkID, Email: in.Email, Role: in.Role, Perspective: in.Perspective,
		OrganisationID: in.OrganisationID, TokenHash: hashSecret(token), CreatedBy: actor.PersonID,
		CreatedAt: now, ExpiresAt: now.Add(s.cfg.InvitationTTL)}
	if inv.OrganisationID != nil && *inv.OrganisationID == "" {
		inv.OrganisationID = nil
	}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := checkOrganisation(tx, &v, networkID, inv.OrganisationID, ""); err != nil {
			return err
		}
		if err := v.Err(); err != nil {
			return err
		}
		var n int64
		err := tx.Table("memberships m").Joins("JOIN people p ON p.id = m.person_id").
			Where("m.network_id = ? AND p.email = ?", networkID, in.Email).Count(&n).Error
		if err != nil {
			return err
		}
		if n > 0 {
			return &leerlus.Error{Code: leerlus.CodeConflict, Message: "This person is a member of this network already.",
				Fields: []leerlus.FieldError{leerlus.NewFieldError("email", leerlus.FieldMemberAlready, nil)}}
		}
		if err := tx.Create(inv).Error; err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionInvitationCreated, ObjectType: "invitation", ObjectID: inv.ID, NetworkID: networkID})
	})
	if err != nil {
		return nil, "", err
	}
	return inv, token, nil
}

// ListInvitations pages through a network's invitations, newest last.
func (s *Service) ListInvitations(ctx context.Context, acc leerlus.Access, p leerlus.Page) ([]Invitation, string, error) {
	networkID := acc.NetworkID
	db := s.db.WithContext(ctx).Where("network_id = ?", networkID)
	return leerlus.PageByID(db, p, func(i Invitation) string { return i.ID })
}

// WithdrawInvitation makes a pending invitation unusable.
func (s *Service) WithdrawInvitation(ctx context.Context, acc leerlus.Access, id string) error {
	actor, networkID := acc.Actor, acc.NetworkID
	if !leerlus.ValidID(id) {
		return leerlus.NotFound("invitation")
	}
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&Invitation{}).Where("id = ? AND network_id = ? AND accepted_at IS NULL AND withdrawn_at IS NULL", id, networkID).
			Update("withdrawn_at", s.clock())
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			if _, err := leerlus.GetByID[Invitation](tx.Where("network_id = ?", networkID), id, "invitation"); err != nil {
				return err
			}
			return leerlus.Errorf(leerlus.CodeConflict, "This invitation was accepted or withdrawn already.")
		}
		return s.audit.Record(tx, actor, Event{Action: ActionInvitationWithdrawn, ObjectType: "invitation", ObjectID: id, NetworkID: networkID})
	})
}

// InvitationDetails is what the person holding an invitation link may see.
type InvitationDetails struct {
	Invitation    Invitation
	Network       Network
	Workplace     Workplace
	AccountExists bool
}

// usableInvitation finds a pending invitation by its token.
func (s *Service) usableInvitation(tx *gorm.DB, token string) (*Invitation, error) {
	var inv Invitation
	if token == "" || len(token) > 100 {
		return nil, leerlus.NotFound("invitation")
	}
	if err := tx.Where("token_hash = ?", hashSecret(token)).Take(&inv).Error; err != nil {
		if leerlus.IsNotFound(err) {
			return nil, leerlus.NotFound("invitation")
		}
		return nil, err
	}
	switch inv.Status(s.clock()) {
	case InvitationAccepted:
		return nil, leerlus.Errorf(leerlus.CodeGone, "This invitation has been used already.")
	case InvitationWithdrawn:
		return nil, leerlus.Errorf(leerlus.CodeGone, "This invitation was withdrawn.")
	case InvitationExpired:
		return nil, leerlus.Errorf(leerlus.CodeGone, "This invitation has expired. Ask for a new one.")
	}
	return &inv, nil
}

// InspectInvitation returns what an invitation link offers.
func (s *Service) InspectInvitation(ctx context.Context, token string) (*InvitationDetails, error) {
	tx := s.db.WithContext(ctx)
	inv, err := s.usableInvitation(tx, token)
	if err != nil {
		return nil, err
	}
	out := &InvitationDetails{Invitation: *inv}
	n, err := leerlus.GetByID[Network](tx, inv.NetworkID, "network")
	if err != nil {
		return nil, err
	}
	out.Network = *n
	w, err := leerlus.GetByID[Workplace](tx, n.WorkplaceID, "workplace")
	if err != nil {
		return nil, err
	}
	out.Workplace = *w
	var count int64
	if err := tx.Model(&Person{}).Where("email = ?", inv.Email).Count(&count).Error; err != nil {
		return nil, err
	}
	out.AccountExists = count > 0
	return out, nil
}

// Acceptance is how someone accepts an invitation: signed in as the invited
// address (Caller set), or as a new account (Name and Password set).
type Acceptance struct {
	Caller     *Caller
	Name       string
	Password   string
	ClientAddr string
}

// AcceptInvitation uses an invitation once: it creates the account when
// needed and adds the membership. For a new account it also opens a
// session (SignedIn is nil when the caller was signed in already).
func (s *Service) AcceptInvitation(ctx context.Context, token string, a Acceptance) (*SignedIn, error) {
	// A new account's password is hashed before the transaction.
	var account *Person
	if a.Caller == nil {
		var v leerlus.Validation
		var err error
		if account, err = s.newAccount(&v, a.Name, a.Password); err != nil {
			return nil, err
		}
	}
	var out *SignedIn
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		inv, err := s.usableInvitation(tx, token)
		if err != nil {
			return err
		}
		var person *Person
		var existing Person
		err = tx.Where("email = ?", inv.Email).Take(&existing).Error
		switch {
		case err == nil:
			if a.Caller == nil {
				return leerlus.Errorf(leerlus.CodeUnauthorized, "You have an account already. Sign in first, then accept the invitation.")
			}
			if a.Caller.PersonID != existing.ID {
				return leerlus.Errorf(leerlus.CodeForbidden, "This invitation is for another e-mail address.")
			}
			person = &existing
		case leerlus.IsNotFound(err):
			if a.Caller != nil {
				return leerlus.Errorf(leerlus.CodeForbidden, "This invitation is for another e-mail address. Sign out first.")
			}
			person, account.Email = account, inv.Email
			if err := s.insertPerson(tx, Actor{ClientAddr: a.ClientAddr}, person); err != nil {
				return err
			}
			if out, err = s.startSession(tx, person, a.ClientAddr); err != nil {
				return err
			}
		default:
			return err
		}
		// Claim the invitation first: of two concurrent accepts only one
		// updates the row.
		res := tx.Model(&Invitation{}).Where("id = ? AND accepted_at IS NULL AND withdrawn_at IS NULL", inv.ID).
			Updates(map[string]any{"accepted_at": s.clock(), "accepted_by": person.ID})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return leerlus.Errorf(leerlus.CodeGone, "This invitation has been used already.")
		}
		actor := Actor{PersonID: person.ID, ClientAddr: a.ClientAddr}
		if _, err := s.addMembership(tx, actor, Membership{NetworkID: inv.NetworkID, PersonID: person.ID, Role: inv.Role,
			Perspective: inv.Perspective, OrganisationID: inv.OrganisationID}); err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionInvitationAccepted, ObjectType: "invitation", ObjectID: inv.ID, NetworkID: inv.NetworkID})
	})
	return out, err
}
