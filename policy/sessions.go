package policy

import (
	"context"
	"database/sql"
	"errors"
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

// sessionLookup reads, in one query on a prepared statement, the session
// with its person and — when the first parameter names a network — whether
// that network exists and the person's role in it. Every lookup is by a
// unique index (sessions.id_hash, networks.id, memberships(network_id,
// person_id)).
const sessionLookup = `SELECT s.person_id, s.csrf_token, s.client_addr, s.created_at, s.last_seen_at, s.expires_at,
	p.email, p.name, p.is_admin, p.disabled, n.id, m.role
FROM sessions s
JOIN people p ON p.id = s.person_id
LEFT JOIN networks n ON n.id = ?
LEFT JOIN memberships m ON m.network_id = n.id AND m.person_id = s.person_id
WHERE s.id_hash = ?`

// SessionCaller resolves a session cookie secret to its caller. Expired
// sessions are removed and answer unauthorized.
func (s *Service) SessionCaller(ctx context.Context, secret string) (*Caller, *Session, error) {
	a, err := s.SessionAccess(ctx, secret, "")
	if err != nil {
		return nil, nil, err
	}
	return a.Caller, a.Session, nil
}

// SessionAccess resolves a session cookie secret to its caller and, when
// networkID is not "", the caller's access to that network — in one query,
// read from the database on every call, so a revoked session or role counts
// from the next request on, on every instance. Expired sessions and those
// of disabled accounts are removed and answer unauthorized; the last-seen
// time is written at most once a minute.
func (s *Service) SessionAccess(ctx context.Context, secret, networkID string) (*Credentials, error) {
	if secret == "" || len(secret) > 100 {
		return nil, leerlus.Errorf(leerlus.CodeUnauthorized, "Please sign in.")
	}
	sess := Session{IDHash: hashSecret(secret)}
	var (
		who      Caller
		disabled bool
		net      networkRow
	)
	row, err := s.db.ReadRow(ctx, sessionLookup, lookupNetwork(networkID), sess.IDHash)
	if err == nil {
		err = row.Scan(&sess.PersonID, &sess.CSRFToken, &sess.ClientAddr, &sess.CreatedAt, &sess.LastSeenAt, &sess.ExpiresAt,
			&who.Email, &who.Name, &who.IsAdmin, &disabled, &net.ID, &net.Role)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, leerlus.Errorf(leerlus.CodeUnauthorized, "Your session has ended. Please sign in again.")
	}
	if err != nil {
		return nil, err
	}
	now := s.clock()
	if disabled || !now.Before(sess.IdleExpiresAt(s.cfg.SessionIdle)) {
		s.db.Writer(ctx).Where("id_hash = ?", sess.IDHash).Delete(&Session{}) //nolint:errcheck // expired anyway
		return nil, leerlus.Errorf(leerlus.CodeUnauthorized, "Your session has ended. Please sign in again.")
	}
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		if err := s.db.Writer(ctx).Model(&Session{}).Where("id_hash = ?", sess.IDHash).
			Update("last_seen_at", now).Error; err != nil {
			return nil, err
		}
		sess.LastSeenAt = now
	}
	who.PersonID = sess.PersonID
	return &Credentials{Caller: &who, Session: &sess, Network: net.access()}, nil
}

// SessionIdle is the configured idle expiry.
func (s *Service) SessionIdle() time.Duration { return s.cfg.SessionIdle }

// SessionHash returns the stored form of a session cookie secret.
func SessionHash(secret string) string { return hashSecret(secret) }
