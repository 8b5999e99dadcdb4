package policy

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// Session is a signed-in browser. Its id is the cookie value, stored only
// as a hash.
type Session struct {
	IDHash     string    `gorm:"column:id_hash;primaryKey"`
	PersonID   string    `gorm:"column:person_id"`
	CSRFToken  string    `gorm:"column:csrf_token"`
	ClientAddr string    `gorm:"column:client_addr"`
	CreatedAt  time.Time `gorm:"column:created_at"`
	LastSeenAt time.Time `gorm:"column:last_seen_at"`
	ExpiresAt  time.Time `gorm:"column:expires_at"`
}

// TableName names the table.
func (Session) TableName() string { return "sessions" }

// IdleExpiresAt is when the session ends if no request comes first.
func (s Session) IdleExpiresAt(idle time.Duration) time.Time {
	t := s.LastSeenAt.Add(idle)
	if t.After(s.ExpiresAt) {
		return s.ExpiresAt
	}
	return t
}

// SignedIn is the result of signing in: the cookie secret (shown to the
// browser once) and the session, plus a fresh known-device cookie value
// for the browser to keep until DeviceExpiresAt.
type SignedIn struct {
	Secret          string
	Session         Session
	Person          Person
	Device          string
	DeviceExpiresAt time.Time
}

// invalidCredentials is the one answer for a wrong e-mail or password, so
// that sign-in does not tell which accounts exist.
var invalidCredentials = leerlus.Errorf(leerlus.CodeUnauthorized, "The e-mail address or password is not correct.")

// SignInAttempt is one try to sign in: where from, the credentials, and
// the known-device cookie the browser holds (may be empty).
type SignInAttempt struct {
	ClientAddr string
	Email      string
	Password   string
	Device     string
}

// SignIn checks a password and opens a session, for a browser that is not
// a known device.
func (s *Service) SignIn(ctx context.Context, clientAddr, email, password string) (*SignedIn, error) {
	return s.SignInFrom(ctx, SignInAttempt{ClientAddr: clientAddr, Email: email, Password: password})
}

// SignInFrom checks a password and opens a session. Failed attempts count
// towards the per-address limit and the account's back-off; while the
// back-off runs only a known device of the account (with fewer than
// MaxFailsAccount recent failures of its own) has its password checked.
func (s *Service) SignInFrom(ctx context.Context, a SignInAttempt) (*SignedIn, error) {
	email := NormaliseEmail(a.Email)
	var v leerlus.Validation
	v.Check(email != "" && len(email) <= 254, "email", leerlus.FieldRequired, nil)
	if email != "" {
		// No account can have such an address; saying so helps someone
		// who pasted a look-alike and tells an attacker nothing.
		v.Check(!mixesScripts(email), "email", leerlus.FieldMixedScripts, nil)
	}
	v.Check(a.Password != "", "password", leerlus.FieldRequired, nil)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.checkAddressLimit(ctx, a.ClientAddr); err != nil {
		return nil, err
	}
	wait, err := s.backoff(ctx, email)
	if err != nil {
		return nil, err
	}
	var p Person
	err = s.db.WithContext(ctx).Where("email = ?", email).Take(&p).Error
	if err != nil && !leerlus.IsNotFound(err) {
		return nil, err
	}
	found := err == nil
	device := ""
	if found && s.knownDevice(&p, a.Device) {
		device = deviceKey(a.Device)
		// A device in a back-off of its own counts as unknown.
		if dwait, err := s.backoff(ctx, device); err != nil {
			return nil, err
		} else if dwait > 0 {
			device = ""
		}
	}
	if wait > 0 && device == "" {
		return nil, tooManyAttempts(wait)
	}
	hash := p.PasswordHash
	if !found {
		hash = s.dummyHash
	}
	ok := s.verify(a.Password, hash) && found && !p.Disabled
	actor := Actor{PersonID: p.ID, ClientAddr: a.ClientAddr}
	if !ok {
		subject := email
		if device != "" {
			subject = device // a known device's mistakes do not slow the account down
		}
		if err := s.recordFailure(ctx, actor, subject, Event{Action: ActionSessionSignInFailed, ObjectType: "person", ObjectID: p.ID}); err != nil {
			return nil, err
		}
		return nil, invalidCredentials
	}
	var out *SignedIn
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		var err error
		if out, err = s.startSession(tx, &p, a.ClientAddr); err != nil {
			return err
		}
		// The account's failures are forgiven only when no back-off ran:
		// the owner passing on a known device must not reset a stranger's
		// count.
		forget := []string{}
		if wait <= 0 {
			forget = append(forget, email)
		}
		if device != "" {
			forget = append(forget, device)
		}
		if len(forget) > 0 {
			if err := clearFailures(tx, forget...); err != nil {
				return err
			}
		}
		return s.audit.Record(tx, actor, Event{Action: ActionSessionSignedIn, ObjectType: "person", ObjectID: p.ID})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// startSession opens a session for a person who proved who they are, by
// password or by accepting an invitation with a new password, and makes
// the browser a known device.
func (s *Service) startSession(tx *gorm.DB, p *Person, clientAddr string) (*SignedIn, error) {
	now := s.clock()
	out := &SignedIn{Secret: newSecret(), Person: *p, Device: deviceToken(p, now), DeviceExpiresAt: now.Add(s.cfg.KnownDeviceTTL)}
	out.Session = Session{IDHash: hashSecret(out.Secret), PersonID: p.ID, CSRFToken: newSecret(), ClientAddr: clientAddr,
		CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(s.cfg.SessionMax)}
	return out, tx.Create(&out.Session).Error
}

// SignOut ends the session with the given cookie secret.
func (s *Service) SignOut(ctx context.Context, actor Actor, secret string) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("id_hash = ?", hashSecret(secret)).Delete(&Session{}).Error; err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionSessionSignedOut, ObjectType: "person", ObjectID: actor.PersonID})
	})
}

// touchEvery bounds how often a busy session's last-seen time is written.
const touchEvery = time.Minute

// SessionCaller resolves a session cookie secret to its caller. Expired
// sessions are removed and answer unauthorized.
func (s *Service) SessionCaller(ctx context.Context, secret string) (*Caller, *Session, error) {
	if secret == "" || len(secret) > 100 {
		return nil, nil, leerlus.Errorf(leerlus.CodeUnauthorized, "Please sign in.")
	}
	var row struct {
		Session
		Email    string
		Name     string
		IsAdmin  bool
		Disabled bool
	}
	err := s.db.WithContext(ctx).Table("sessions").
		Select("sessions.*, people.email, people.name, people.is_admin, people.disabled").
		Joins("JOIN people ON people.id = sessions.person_id").
		Where("sessions.id_hash = ?", hashSecret(secret)).Take(&row).Error
	if leerlus.IsNotFound(err) {
		return nil, nil, leerlus.Errorf(leerlus.CodeUnauthorized, "Your session has ended. Please sign in again.")
	}
	if err != nil {
		return nil, nil, err
	}
	now := s.clock()
	if row.Disabled || !now.Before(row.Session.IdleExpiresAt(s.cfg.SessionIdle)) {
		s.db.WithContext(ctx).Where("id_hash = ?", row.IDHash).Delete(&Session{}) //nolint:errcheck // expired anyway
		return nil, nil, leerlus.Errorf(leerlus.CodeUnauthorized, "Your session has ended. Please sign in again.")
	}
	if now.Sub(row.LastSeenAt) >= touchEvery {
		if err := s.db.WithContext(ctx).Model(&Session{}).Where("id_hash = ?", row.IDHash).
			Update("last_seen_at", now).Error; err != nil {
			return nil, nil, err
		}
		row.LastSeenAt = now
	}
	sess := row.Session
	return &Caller{PersonID: row.PersonID, Email: row.Email, Name: row.Name, IsAdmin: row.IsAdmin}, &sess, nil
}

// SessionIdle is the configured idle expiry.
func (s *Service) SessionIdle() time.Duration { return s.cfg.SessionIdle }

// SessionHash returns the stored form of a session cookie secret.
func SessionHash(secret string) string { return hashSecret(secret) }
