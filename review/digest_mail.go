package review

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// Mailer sends one plain-text message. The operator's SMTP server stands
// behind it (cmd/leerlus); without SMTP configured no digest is mailed.
type Mailer interface {
	Send(ctx context.Context, to []string, subject, body string) error
}

// DigestRun is when a network's digest was last mailed.
type DigestRun struct {
	NetworkID string `gorm:"primaryKey"`
	SentAt    time.Time
}

// TableName names the table.
func (DigestRun) TableName() string { return "digest_runs" }

// SendDigests mails each network's managers its follow-up digest — the
// overdue and stalled actions and the proposals waiting for a manager —
// when the last one went out at least every ago and there is something to
// follow up. Each network is handled under its lock, so with several
// instances running, one of them sends. It returns the number of messages
// sent; a failed send leaves the network for the next round.
func (s *Service) SendDigests(ctx context.Context, m Mailer, every time.Duration, link func(networkID string) string) (int, error) {
	var networks []struct{ ID, Name string }
	if err := s.db.WithContext(ctx).Table("networks").Select("id, name").Order("id").Scan(&networks).Error; err != nil {
		return 0, err
	}
	sent := 0
	for _, n := range networks {
		claimed, previous, err := s.claimDigest(ctx, n.ID, every)
		if err != nil || !claimed {
			if err != nil {
				return sent, err
			}
			continue
		}
		ok, err := s.mailDigest(ctx, m, n.ID, n.Name, link(n.ID))
		if err != nil {
			// Give the round back, so that the next one tries again.
			if rerr := s.releaseDigest(ctx, n.ID, previous); rerr != nil {
				err = fmt.Errorf("%w (and giving the round back: %v)", err, rerr)
			}
			return sent, err
		}
		if ok {
			sent++
		}
	}
	return sent, nil
}

// claimDigest takes this round of a network's digest, under the
// network's lock: it reports false when another instance (or an earlier
// round) sent one less than every ago. previous is the last run, if any.
func (s *Service) claimDigest(ctx context.Context, networkID string, every time.Duration) (bool, *time.Time, error) {
	var claimed bool
	var previous *time.Time
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.lockNetwork(tx, networkID); err != nil {
			return err
		}
		now := s.now.Now()
		var runs []DigestRun
		if err := tx.Where("network_id = ?", networkID).Find(&runs).Error; err != nil {
			return err
		}
		if len(runs) > 0 {
			if now.Sub(runs[0].SentAt) < every {
				return nil
			}
			previous = &runs[0].SentAt
			claimed = true
			return tx.Model(&DigestRun{}).Where("network_id = ?", networkID).Update("sent_at", now).Error
		}
		claimed = true
		return tx.Create(&DigestRun{NetworkID: networkID, SentAt: now}).Error
	})
	return claimed, previous, err
}

// releaseDigest gives a claimed round back after a failed send.
func (s *Service) releaseDigest(ctx context.Context, networkID string, previous *time.Time) error {
	w := s.db.Writer(ctx)
	if previous == nil {
		return w.Where("network_id = ?", networkID).Delete(&DigestRun{}).Error
	}
	return w.Model(&DigestRun{}).Where("network_id = ?", networkID).Update("sent_at", *previous).Error
}

// mailDigest sends a network's digest to its managers, when there is
// something to follow up and someone to tell.
func (s *Service) mailDigest(ctx context.Context, m Mailer, networkID, name, link string) (bool, error) {
	var to []string
	if err := s.db.WithContext(ctx).Raw(`SELECT p.email FROM memberships m JOIN people p ON p.id = m.person_id
		WHERE m.network_id = ? AND m.role = ? AND NOT p.disabled ORDER BY p.email`, networkID, policy.RoleManager).Scan(&to).Error; err != nil {
		return false, err
	}
	if len(to) == 0 {
		return false, nil
	}
	acc := leerlus.Access{Actor: leerlus.Actor{ClientAddr: "system"}, NetworkID: networkID, Role: string(policy.RoleManager), Scope: leerlus.ScopeAny}
	d, err := s.Digest(ctx, acc)
	if err != nil {
		return false, err
	}
	if d.OverdueCount+d.StalledCount+d.AwaitingCount == 0 {
		return false, nil
	}
	subject, body := digestMail(d, name, link)
	if err := m.Send(ctx, to, subject, body); err != nil {
		return false, fmt.Errorf("mail the digest of network %s: %w", networkID, err)
	}
	return true, nil
}

// digestMail writes the digest as a plain-text message in Dutch at B1
// level, with a short English part. It names actions by title only: the
// titles were screened when written, and the message names no one.
func digestMail(d *Digest, network, link string) (subject, body string) {
	subject = fmt.Sprintf("Leerlus: verbeteracties in %s die aandacht vragen", network)
	var b strings.Builder
	fmt.Fprintf(&b, "Hallo,\n\nIn het leernetwerk %s vragen deze verbeteracties aandacht (%s).\n", network, d.Today)
	section := func(title string, count int, items []ActionSummary, extra func(ActionSummary) string) {
		if count == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s (%d):\n", title, count)
		for _, a := range items {
			fmt.Fprintf(&b, "- %s%s\n", a.Title, extra(a))
		}
		if count > len(items) {
			fmt.Fprintf(&b, "- en nog %d andere\n", count-len(items))
		}
	}
	section("Te laat: de einddatum is voorbij", d.OverdueCount, d.Overdue, func(a ActionSummary) string {
		if a.DueOn != nil {
			return " (einddatum " + *a.DueOn + ")"
		}
		return ""
	})
	section(fmt.Sprintf("Stil: al %d dagen geen voortgang", d.StalledAfterDays), d.StalledCount, d.Stalled, func(ActionSummary) string { return "" })
	section("Voorstellen die wachten op een manager", d.AwaitingCount, d.Awaiting, func(ActionSummary) string { return "" })
	if link != "" {
		fmt.Fprintf(&b, "\nBekijk ze in Leerlus: %s\n", link)
	}
	fmt.Fprintf(&b, "\nJe krijgt dit bericht omdat je manager bent in dit leernetwerk.\n\n--\n"+
		"English: %d overdue, %d stalled and %d proposed improvement actions in %s need attention.\n",
		d.OverdueCount, d.StalledCount, d.AwaitingCount, network)
	return subject, b.String()
}
