package policy

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// PasswordReset is a single-use link that lets a person choose a new
// password, issued by an administrator or by a facilitator for a member
// of their network. Only a hash of its secret is stored.
type PasswordReset struct {
	ID        string     `gorm:"column:id;primaryKey"`
	PersonID  string     `gorm:"column:person_id"`
	TokenHash string     `gorm:"column:token_hash"`
	CreatedBy *string    `gorm:"column:created_by"`
	CreatedAt time.Time  `gorm:"column:created_at"`
	ExpiresAt time.Time  `gorm:"column:expires_at"`
	UsedAt    *time.Time `gorm:"column:used_at"`
}

// TableName names the table.
func (PasswordReset) TableName() string { return "password_resets" }

// IssuedReset is a new reset link: its secret, shown this once.
type IssuedReset struct {
	Reset  PasswordReset
	Secret string
}

// IssuePasswordReset lets an administrator issue a reset link for anyone.
func (s *Service) IssuePasswordReset(ctx context.Context, actor Actor, personID string) (*IssuedReset, error) {
	var out *IssuedReset
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		p, err := s.getPerson(tx, personID)
		if err != nil {
			return err
		}
		out, err = s.issueReset(tx, actor, p.ID)
		return err
	})
	return out, err
}

// IssueMemberPasswordReset lets a network's steward issue a reset link for
// one of its members. A facilitator may do so only for someone whose every
// role lies in networks that this facilitator runs, and who is no
// administrator: a reset link takes an account over, so it must never
// reach further than the facilitator's own networks.
func (s *Service) IssueMemberPasswordReset(ctx context.Context, acc leerlus.Access, membershipID string) (*IssuedReset, error) {
	var out *IssuedReset
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		m, err := s.getMember(tx, acc.NetworkID, membershipID)
		if err != nil {
			return err
		}
		if acc.Role != "" { // not acting as system administrator
			if err := s.checkResetReach(tx, acc.Actor.PersonID, m.PersonID); err != nil {
				return err
			}
		}
		out, err = s.issueReset(tx, acc.Actor, m.PersonID)
		return err
	})
	return out, err
}

// checkResetReach refuses a reset link for an administrator, or for
// someone who holds a role in a network where the issuer is not
// facilitator.
func (s *Service) checkResetReach(tx *gorm.DB, issuerID, personID string) error {
	p, err := s.getPerson(tx, personID)
	if err != nil {
		return err
	}
	var outside int64
	err = tx.Model(&Membership{}).Where("person_id = ? AND network_id NOT IN (?)", personID,
		tx.Model(&Membership{}).Select("network_id").Where("person_id = ? AND role = ?", issuerID, RoleFacilitator)).
		Count(&outside).Error
	if err != nil {
		return err
	}
	if p.IsAdmin || outside > 0 {
		return leerlus.Errorf(leerlus.CodeForbidden,
			"This person also takes part elsewhere or is an administrator; ask an administrator for a reset link.")
	}
	return nil
}

func (s *Service) issueReset(tx *gorm.DB, actor Actor, personID string) (*IssuedReset, error) {
	now := s.clock()
	// A new link replaces any earlier one that is still open.
	if err := tx.Model(&PasswordReset{}).Where("person_id = ? AND used_at IS NULL", personID).
		Update("expires_at", now).Error; err != nil {
		return nil, err
	}
	secret := newSecret()
	r := PasswordReset{ID: leerlus.NewID(), PersonID: personID, TokenHash: hashSecret(secret),
		CreatedBy: leerlus.Optional(actor.PersonID), CreatedAt: now, ExpiresAt: now.Add(s.cfg.ResetTTL)}
	if err := tx.Create(&r).Error; err != nil {
		return nil, err
	}
	if err := s.audit.Record(tx, actor, Event{Action: ActionPasswordResetIssued, ObjectType: "person", ObjectID: personID}); err != nil {
		return nil, err
	}
	return &IssuedReset{Reset: r, Secret: secret}, nil
}

// usableReset finds the open reset link with this secret.
func (s *Service) usableReset(tx *gorm.DB, secret string) (*PasswordReset, error) {
	var r PasswordReset
	if secret == "" || len(secret) > 100 {
		return nil, leerlus.NotFound("reset link")
	}
	if err := tx.Where("token_hash = ?", hashSecret(secret)).Take(&r).Error; err != nil {
		if leerlus.IsNotFound(err) {
			return nil, leerlus.NotFound("reset link")
		}
		return nil, err
	}
	if r.UsedAt != nil {
		return nil, leerlus.Errorf(leerlus.CodeGone, "This link has been used already. Ask for a new one.")
	}
	if !s.clock().Before(r.ExpiresAt) {
		return nil, leerlus.Errorf(leerlus.CodeGone, "This link has expired. Ask for a new one.")
	}
	return &r, nil
}

// ResetPreview is what a reset link page shows before the new password is
// chosen.
type ResetPreview struct {
	Name      string
	ExpiresAt time.Time
}

// InspectPasswordReset says whose password an open link resets.
func (s *Service) InspectPasswordReset(ctx context.Context, secret string) (*ResetPreview, error) {
	tx := s.db.WithContext(ctx)
	r, err := s.usableReset(tx, secret)
	if err != nil {
		return nil, err
	}
	p, err := s.getPerson(tx, r.PersonID)
	if err != nil {
		return nil, err
	}
	return &ResetPreview{Name: p.Name, ExpiresAt: r.ExpiresAt}, nil
}

// ResetPassword uses a link once: it sets the new password and ends every
// session and access token of the person, as a password change does.
func (s *Service) ResetPassword(ctx context.Context, clientAddr, secret, password string) error {
	var v leerlus.Validation
	CheckPassword(&v, "new_password", password)
	if err := v.Err(); err != nil {
		return err
	}
	hash, err := s.hash(password) // before the transaction: see newAccount
	if err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		r, err := s.usableReset(tx, secret)
		if err != nil {
			return err
		}
		// Claim the link first: of two concurrent uses only one updates it.
		now := s.clock()
		res := tx.Model(&PasswordReset{}).Where("id = ? AND used_at IS NULL", r.ID).Update("used_at", now)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return leerlus.Errorf(leerlus.CodeGone, "This link has been used already. Ask for a new one.")
		}
		if err := tx.Model(&Person{}).Where("id = ?", r.PersonID).
			Updates(map[string]any{"password_hash": hash, "updated_at": now}).Error; err != nil {
			return err
		}
		if err := tx.Where("person_id = ?", r.PersonID).Delete(&Session{}).Error; err != nil {
			return err
		}
		actor := Actor{PersonID: r.PersonID, ClientAddr: clientAddr}
		p, err := s.getPerson(tx, r.PersonID)
		if err != nil {
			return err
		}
		// The owner proved who they are to whoever issued the link: the
		// failed attempts against the account are forgiven.
		if err := clearFailures(tx, p.Email, passwordKey(r.PersonID)); err != nil {
			return err
		}
		if _, err := s.revokeAllTokens(tx, actor, r.PersonID); err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionPasswordResetUsed, ObjectType: "person", ObjectID: r.PersonID})
	})
}
