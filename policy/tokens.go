package policy

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// TokenPrefix starts every personal access token, so that leaked tokens are
// easy to recognise (and to scan for).
const TokenPrefix = "llt_"

// AccessToken is a named personal access token for scripts.
type AccessToken struct {
	ID         string     `gorm:"column:id;primaryKey"`
	PersonID   string     `gorm:"column:person_id"`
	Name       string     `gorm:"column:name"`
	SecretHash string     `gorm:"column:secret_hash"`
	CreatedAt  time.Time  `gorm:"column:created_at"`
	ExpiresAt  time.Time  `gorm:"column:expires_at"`
	LastUsedAt *time.Time `gorm:"column:last_used_at"`
	RevokedAt  *time.Time `gorm:"column:revoked_at"`
}

// TableName names the table.
func (AccessToken) TableName() string { return "access_tokens" }

// NewToken is the input for creating a token.
type NewToken struct {
	Name          string
	ExpiresInDays int
}

// CreateToken creates a token and returns it with its secret, which is
// shown this once and stored only as a hash.
func (s *Service) CreateToken(ctx context.Context, actor Actor, in NewToken) (*AccessToken, string, error) {
	in.Name = strings.TrimSpace(in.Name)
	var v leerlus.Validation
	leerlus.CheckLength(&v, "name", in.Name, 1, 100)
	v.Check(in.ExpiresInDays >= 1 && in.ExpiresInDays <= 365, "expires_in_days", leerlus.FieldOutOfRange, leerlus.Params{"min": 1, "max": 365})
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	secret := TokenPrefix + newSecret()
	now := s.clock()
	t := &AccessToken{ID: leerlus.NewID(), PersonID: actor.PersonID, Name: in.Name, SecretHash: hashSecret(secret),
		CreatedAt: now, ExpiresAt: now.Add(time.Duration(in.ExpiresInDays) * 24 * time.Hour)}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(t).Error; err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionTokenCreated, ObjectType: "token", ObjectID: t.ID})
	})
	if err != nil {
		return nil, "", err
	}
	return t, secret, nil
}

// ListTokens pages through a person's tokens, revoked ones included.
func (s *Service) ListTokens(ctx context.Context, personID string, p leerlus.Page) ([]AccessToken, string, error) {
	db := s.db.WithContext(ctx).Where("person_id = ?", personID)
	return leerlus.PageByID(db, p, func(t AccessToken) string { return t.ID })
}

// RevokeToken revokes one of the actor's own tokens.
func (s *Service) RevokeToken(ctx context.Context, actor Actor, id string) error {
	if !leerlus.ValidID(id) {
		return leerlus.NotFound("token")
	}
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&AccessToken{}).Where("id = ? AND person_id = ? AND revoked_at IS NULL", id, actor.PersonID).
			Update("revoked_at", s.clock())
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return leerlus.NotFound("token")
		}
		return s.audit.Record(tx, actor, Event{Action: ActionTokenRevoked, ObjectType: "token", ObjectID: id})
	})
}

// revokeAllTokens revokes every live token of a person inside tx, auditing
// each revocation as token.revoked, and returns how many it revoked. Used
// when the password changes and when an account is disabled: a token must
// not outlive the credentials or the account it was made with.
func (s *Service) revokeAllTokens(tx *gorm.DB, actor Actor, personID string) (int, error) {
	now := s.clock()
	var ids []string
	if err := tx.Model(&AccessToken{}).Where("person_id = ? AND revoked_at IS NULL AND expires_at > ?", personID, now).
		Order("id").Pluck("id", &ids).Error; err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, nil
	}
	if err := tx.Model(&AccessToken{}).Where("person_id = ? AND revoked_at IS NULL", personID).
		Update("revoked_at", now).Error; err != nil {
		return 0, err
	}
	for _, id := range ids {
		if err := s.audit.Record(tx, actor, Event{Action: ActionTokenRevoked, ObjectType: "token", ObjectID: id}); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// tokenLookup is sessionLookup for personal access tokens.
const tokenLookup = `SELECT t.id, t.person_id, t.expires_at, t.last_used_at, t.revoked_at,
	p.email, p.name, p.is_admin, p.disabled, n.id, m.role
FROM access_tokens t
JOIN people p ON p.id = t.person_id
LEFT JOIN networks n ON n.id = ?
LEFT JOIN memberships m ON m.network_id = n.id AND m.person_id = t.person_id
WHERE t.secret_hash = ?`

// TokenCaller resolves a bearer token to its caller.
func (s *Service) TokenCaller(ctx context.Context, secret string) (*Caller, error) {
	a, err := s.TokenAccess(ctx, secret, "")
	if err != nil {
		return nil, err
	}
	return a.Caller, nil
}

// TokenAccess resolves a bearer token to its caller and, when networkID is
// not "", the caller's access to that network, in one query like
// SessionAccess. Expired and revoked tokens, and those of disabled
// accounts, answer unauthorized; the last-used time is written at most
// once a minute.
func (s *Service) TokenAccess(ctx context.Context, secret, networkID string) (*Credentials, error) {
	unauthorized := leerlus.Errorf(leerlus.CodeUnauthorized, "The access token is not valid, expired or revoked.")
	if !strings.HasPrefix(secret, TokenPrefix) || len(secret) > 100 {
		return nil, unauthorized
	}
	var (
		who               Caller
		expires           time.Time
		lastUsed, revoked sql.NullTime
		disabled          bool
		net               networkRow
	)
	row, err := s.db.ReadRow(ctx, tokenLookup, lookupNetwork(networkID), hashSecret(secret))
	if err == nil {
		err = row.Scan(&who.TokenID, &who.PersonID, &expires, &lastUsed, &revoked,
			&who.Email, &who.Name, &who.IsAdmin, &disabled, &net.ID, &net.Role)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, unauthorized
	}
	if err != nil {
		return nil, err
	}
	now := s.clock()
	if disabled || revoked.Valid || !now.Before(expires) {
		return nil, unauthorized
	}
	if !lastUsed.Valid || now.Sub(lastUsed.Time) >= touchEvery {
		if err := s.db.Writer(ctx).Model(&AccessToken{}).Where("id = ?", who.TokenID).Update("last_used_at", now).Error; err != nil {
			return nil, err
		}
	}
	return &Credentials{Caller: &who, Network: net.access()}, nil
}
