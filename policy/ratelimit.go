package policy

import (
	"context"
	"math"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// signInFailure is one failed sign-in. Kept in the database so that the
// limits hold across server instances.
type signInFailure struct {
	ID         int64     `gorm:"column:id;primaryKey;autoIncrement"`
	At         time.Time `gorm:"column:at"`
	Email      string    `gorm:"column:email"`
	ClientAddr string    `gorm:"column:client_addr"`
}

func (signInFailure) TableName() string { return "sign_in_failures" }

// checkSignInLimits refuses a sign-in while the account or the client
// address has too many recent failures, saying when to try again.
func (s *Service) checkSignInLimits(ctx context.Context, email, clientAddr string) error {
	since := s.clock().Add(-s.cfg.FailWindow)
	for _, lim := range []struct {
		column, value string
		max           int
	}{{"email", email, s.cfg.MaxFailsAccount}, {"client_addr", clientAddr, s.cfg.MaxFailsAddress}} {
		var rows []signInFailure
		err := s.db.WithContext(ctx).Where(lim.column+" = ? AND at > ?", lim.value, since).
			Order("at DESC").Limit(lim.max).Find(&rows).Error
		if err != nil {
			return err
		}
		if len(rows) >= lim.max {
			// Free again when the oldest of the last max failures leaves the window.
			wait := rows[len(rows)-1].At.Add(s.cfg.FailWindow).Sub(s.clock())
			return &leerlus.Error{Code: leerlus.CodeRateLimited, RetryAfter: int(math.Ceil(math.Max(wait.Seconds(), 1))),
				Message: "Too many failed sign-in attempts. Wait a while and try again."}
		}
	}
	return nil
}

// recordSignInFailure counts a failed attempt and audits it.
func (s *Service) recordSignInFailure(ctx context.Context, actor Actor, email string) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		now := s.clock()
		if err := tx.Where("at < ?", now.Add(-s.cfg.FailWindow)).Delete(&signInFailure{}).Error; err != nil {
			return err
		}
		if err := tx.Create(&signInFailure{At: now, Email: email, ClientAddr: actor.ClientAddr}).Error; err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionSessionSignInFailed, ObjectType: "person", ObjectID: actor.PersonID, Outcome: OutcomeFailure})
	})
}
