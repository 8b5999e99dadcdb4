package policy

import (
	"context"
	"math"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// signInFailure is one failed password check. Kept in the database so that
// the limits hold across server instances. Its email column holds the
// subject the failure counts against: an account's e-mail address, or a key
// made by deviceKey or passwordKey (neither holds an "@", so they never
// collide with an address).
type signInFailure struct {
	ID         int64     `gorm:"column:id;primaryKey;autoIncrement"`
	At         time.Time `gorm:"column:at"`
	Email      string    `gorm:"column:email"`
	ClientAddr string    `gorm:"column:client_addr"`
}

func (signInFailure) TableName() string { return "sign_in_failures" }

// passwordKey is the subject that wrong current passwords in a password
// change count against: apart from sign-in failures, so that strangers
// failing to sign in cannot keep the owner from changing their password.
func passwordKey(personID string) string { return "password:" + personID }

// checkAddressLimit refuses an attempt while the client address has too
// many failures in FailWindow, saying when to try again. The limit holds
// for everyone behind that address, known devices included.
func (s *Service) checkAddressLimit(ctx context.Context, clientAddr string) error {
	var rows []signInFailure
	err := s.db.WithContext(ctx).Where("client_addr = ? AND at > ?", clientAddr, s.clock().Add(-s.cfg.FailWindow)).
		Order("at DESC").Limit(s.cfg.MaxFailsAddress).Find(&rows).Error
	if err != nil {
		return err
	}
	if len(rows) < s.cfg.MaxFailsAddress {
		return nil
	}
	// Free again when the oldest of the last max failures leaves the window.
	return tooManyAttempts(rows[len(rows)-1].At.Add(s.cfg.FailWindow).Sub(s.clock()))
}

// backoff returns how long subject must still wait before its password is
// checked again (zero or less: not at all). The first MaxFailsAccount
// failures within BackoffWindow cost nothing; after that each attempt must
// wait BackoffBase after the last failure, doubling with every further
// failure up to BackoffMax. Attempts refused while the wait runs are not
// checked and not counted, so the wait never grows without a real attempt.
func (s *Service) backoff(ctx context.Context, subject string) (time.Duration, error) {
	now := s.clock()
	var n int64
	if err := s.db.WithContext(ctx).Model(&signInFailure{}).
		Where("email = ? AND at > ?", subject, now.Add(-s.cfg.BackoffWindow)).Count(&n).Error; err != nil {
		return 0, err
	}
	if n < int64(s.cfg.MaxFailsAccount) {
		return 0, nil
	}
	var last signInFailure
	if err := s.db.WithContext(ctx).Where("email = ?", subject).Order("at DESC").Take(&last).Error; err != nil {
		return 0, err
	}
	return last.At.Add(s.backoffDelay(int(n))).Sub(now), nil
}

// backoffDelay is the wait after fails failures (fails ≥ MaxFailsAccount).
func (s *Service) backoffDelay(fails int) time.Duration {
	d := s.cfg.BackoffBase
	for i := s.cfg.MaxFailsAccount; i < fails && d < s.cfg.BackoffMax; i++ {
		d *= 2
	}
	return min(d, s.cfg.BackoffMax)
}

// tooManyAttempts is the 429 answer, with the wait in whole seconds.
func tooManyAttempts(wait time.Duration) error {
	return &leerlus.Error{Code: leerlus.CodeRateLimited, RetryAfter: int(math.Ceil(math.Max(wait.Seconds(), 1))),
		Message: "Too many failed attempts. Wait a while and try again."}
}

// recordFailure counts a failed password check against subject (and the
// client address) and audits it, in a transaction of its own: the failure
// must count even though the request fails.
func (s *Service) recordFailure(ctx context.Context, actor Actor, subject string, ev Event) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		now := s.clock()
		if err := tx.Where("at < ?", now.Add(-max(s.cfg.FailWindow, s.cfg.BackoffWindow))).Delete(&signInFailure{}).Error; err != nil {
			return err
		}
		if err := tx.Create(&signInFailure{At: now, Email: subject, ClientAddr: actor.ClientAddr}).Error; err != nil {
			return err
		}
		ev.Outcome = OutcomeFailure
		return s.audit.Record(tx, actor, ev)
	})
}

// clearFailures forgets the failures of the given subjects.
func clearFailures(tx *gorm.DB, subjects ...string) error {
	return tx.Where("email IN ?", subjects).Delete(&signInFailure{}).Error
}
