package policy

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"

	"leerlus"
)

// Config holds the tunable rules of sign-in and invitations.
type Config struct {
	SessionIdle     time.Duration  // a session ends after this long without a request
	SessionMax      time.Duration  // and at the latest this long after sign-in
	InvitationTTL   time.Duration  // how long an invitation link works
	ResetTTL        time.Duration  // how long a password reset link works
	Password        PasswordParams // argon2id cost
	FailWindow      time.Duration  // the window in which failed sign-ins per address count
	MaxFailsAddress int            // failed sign-ins per client address per window before 429
	MaxFailsAccount int            // failures per account (or device, or password change) before the back-off starts
	BackoffWindow   time.Duration  // how long an account's failures count towards its back-off
	BackoffBase     time.Duration  // the first wait of a back-off; it doubles with each further failure
	BackoffMax      time.Duration  // the longest wait of a back-off
	KnownDeviceTTL  time.Duration  // how long a browser stays a known device after signing in
}

// DefaultConfig returns the production defaults (documented in docs/configuration.md).
func DefaultConfig() Config {
	return Config{
		SessionIdle:     8 * time.Hour,
		SessionMax:      7 * 24 * time.Hour,
		InvitationTTL:   7 * 24 * time.Hour,
		ResetTTL:        24 * time.Hour,
		Password:        DefaultPasswordParams,
		FailWindow:      15 * time.Minute,
		MaxFailsAddress: 20,
		MaxFailsAccount: 5,
		BackoffWindow:   24 * time.Hour,
		BackoffBase:     30 * time.Second,
		BackoffMax:      15 * time.Minute,
		KnownDeviceTTL:  90 * 24 * time.Hour,
	}
}

// Service keeps the records access decisions rest on. It is safe for
// concurrent use; all state lives in the database, so several instances may
// share one PostgreSQL database.
type Service struct {
	db    *leerlus.DB
	now   leerlus.Clock
	cfg   Config
	audit *AuditLog
	// dummyHash is verified against when an e-mail is unknown, so that
	// sign-in takes as long for unknown accounts as for known ones.
	dummyHash string
	// hashSlots bounds concurrent argon2id runs: each takes the configured
	// memory (46 MiB by default), so a burst of sign-ins must queue rather
	// than exhaust memory.
	hashSlots chan struct{}
}

// maxConcurrentHashes is how many argon2id runs may use memory at once.
const maxConcurrentHashes = 4

// hash and verify run argon2id within the concurrency bound.
func (s *Service) hash(password string) (string, error) {
	s.hashSlots <- struct{}{}
	defer func() { <-s.hashSlots }()
	return HashPassword(password, s.cfg.Password)
}

func (s *Service) verify(password, hash string) bool {
	s.hashSlots <- struct{}{}
	defer func() { <-s.hashSlots }()
	return VerifyPassword(password, hash)
}

// NewService returns a Service on db. now is the clock (tests fix it).
func NewService(db *leerlus.DB, now func() time.Time, cfg Config) *Service {
	clock := leerlus.Clock(now)
	s := &Service{db: db, now: clock, cfg: cfg, audit: NewAuditLog(clock), hashSlots: make(chan struct{}, maxConcurrentHashes)}
	s.dummyHash, _ = HashPassword("dummy password for timing", cfg.Password)
	return s
}

// Actor is who does something and from where, for the audit log.
type Actor = leerlus.Actor

// clock returns the current time (UTC, microseconds).
func (s *Service) clock() time.Time { return s.now.Now() }

// newSecret returns 32 random bytes, URL-safe base64 encoded.
func newSecret() string {
	b := make([]byte, 32)
	rand.Read(b) //nolint:errcheck // crypto/rand does not fail
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashSecret is how session ids, token and invitation secrets are stored:
// a database leak must not hand out working credentials.
func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
