package cases

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
	"leerlus/search"
)

// Review is a facilitator's decision at the four-eyes check.
type Review struct {
	Version int
	// Comment tells the author what to change (sending back only).
	Comment string
	// RealIdentifiers are dismissed findings the facilitator found to be
	// real identifiers after all (sending back only).
	RealIdentifiers []string
	// Missed are the types of identifiers the anonymiser did not flag and
	// the facilitator found (sending back only): counted, never located.
	Missed []string
	Decisions
}

// Submit hands a complete draft to the network's facilitators.
func (s *Service) Submit(ctx context.Context, acc leerlus.Access, id string, version int) (*View, error) {
	return s.transition(ctx, acc, id, version, policy.ActionCaseSubmitted, func(tx *gorm.DB, c *Case, now time.Time) (map[string]any, error) {
		if err := acc.CheckOwner(c.AuthorID, "case", visible(acc, c)); err != nil {
			return nil, err
		}
		if c.Status != StatusDraft {
			return nil, wrongStatus("Only a draft can be submitted.")
		}
		if err := s.checkSubmittable(tx, c); err != nil {
			return nil, err
		}
		return map[string]any{"status": StatusSubmitted, "submitted_at": now}, nil
	})
}

// Withdraw takes a submitted case back to its author's drafts.
func (s *Service) Withdraw(ctx context.Context, acc leerlus.Access, id string, version int) (*View, error) {
	return s.transition(ctx, acc, id, version, policy.ActionCaseWithdrawn, func(tx *gorm.DB, c *Case, now time.Time) (map[string]any, error) {
		if err := acc.CheckOwner(c.AuthorID, "case", visible(acc, c)); err != nil {
			return nil, err
		}
		if c.Status != StatusSubmitted {
			return nil, wrongStatus("Only a submitted case can be withdrawn.")
		}
		return map[string]any{"status": StatusDraft, "submitted_at": nil}, nil
	})
}

// Publish makes a submitted case readable for the network. Four eyes: the
// facilitator who publishes neither wrote the case nor changed it last.
// Publishing accepts the author's dismissed findings as false alarms.
func (s *Service) Publish(ctx context.Context, acc leerlus.Access, id string, version int) (*View, error) {
	return s.transition(ctx, acc, id, version, policy.ActionCasePublished, func(tx *gorm.DB, c *Case, now time.Time) (map[string]any, error) {
		if err := checkFourEyes(acc, c); err != nil {
			return nil, err
		}
		if err := s.checkSubmittable(tx, c); err != nil {
			return nil, err
		}
		if err := s.tallyReview(tx, c, nil, nil, now); err != nil {
			return nil, err
		}
		return map[string]any{
			"status": StatusPublished, "published_at": now, "published_by": acc.PersonID(),
			"correction": false, "review_comment": "",
		}, nil
	})
}

// SendBack returns a submitted case to its author as a draft, with a
// comment the author sees. Dismissed findings that were real identifiers
// are marked so (the anonymiser's quality report counts them).
func (s *Service) SendBack(ctx context.Context, acc leerlus.Access, id string, in Review) (*View, error) {
	var v leerlus.Validation
	in.Comment = trim(in.Comment)
	leerlus.CheckLength(&v, "comment", in.Comment, 1, commentMax)
	for _, m := range in.RealIdentifiers {
		leerlus.CheckID(&v, "real_identifiers", m)
	}
	checkMissed(&v, in.Missed)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.transition(ctx, acc, id, in.Version, policy.ActionCaseSentBack, func(tx *gorm.DB, c *Case, now time.Time) (map[string]any, error) {
		if err := checkFourEyes(acc, c); err != nil {
			return nil, err
		}
		// The comment is free text too: screened like the case itself, but
		// nobody checks its decisions later.
		texts := []text{{pointer: "/comment", field: "/comment", value: in.Comment}}
		red, err := s.redactor(c)
		if err != nil {
			return nil, err
		}
		if _, err := screen(red, texts, in.Decisions.Unchecked()); err != nil {
			return nil, err
		}
		if err := s.tallyReview(tx, c, in.RealIdentifiers, in.Missed, now); err != nil {
			return nil, err
		}
		return map[string]any{"status": StatusDraft, "submitted_at": nil, "review_comment": in.Comment}, nil
	})
}

// Archive takes a published case out of current use; it stays readable.
func (s *Service) Archive(ctx context.Context, acc leerlus.Access, id string, version int) (*View, error) {
	return s.transition(ctx, acc, id, version, policy.ActionCaseArchived, func(tx *gorm.DB, c *Case, now time.Time) (map[string]any, error) {
		if !facilitates(acc, c) {
			return nil, leerlus.Errorf(leerlus.CodeForbidden, "Only a facilitator of the network can archive a case.")
		}
		if c.Status != StatusPublished {
			return nil, wrongStatus("Only a published case can be archived.")
		}
		return map[string]any{"status": StatusArchived, "archived_at": now}, nil
	})
}

// Delete removes a draft for good. Published cases are archived instead.
func (s *Service) Delete(ctx context.Context, acc leerlus.Access, id string, version int) error {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	if err := v.Err(); err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		c, err := s.caseForChange(tx, id, version, func(c *Case) error {
			if err := acc.CheckOwner(c.AuthorID, "case", visible(acc, c)); err != nil {
				return err
			}
			if c.Status != StatusDraft {
				return wrongStatus("Only a draft can be deleted; a published case can be archived.")
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := tx.Where("id = ?", id).Delete(&Case{}).Error; err != nil {
			return err
		}
		return s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionCaseDeleted, ObjectType: "case", ObjectID: id, NetworkID: c.NetworkID})
	})
}

// checkFourEyes lets a facilitator of the network decide on a submitted
// case that they neither wrote nor changed last.
func checkFourEyes(acc leerlus.Access, c *Case) error {
	if !visible(acc, c) {
		return leerlus.NotFound("case")
	}
	if !facilitates(acc, c) {
		return leerlus.Errorf(leerlus.CodeForbidden, "Only a facilitator of the network can check a case.")
	}
	if c.Status != StatusSubmitted {
		return wrongStatus("Only a submitted case can be checked.")
	}
	if c.AuthorID == acc.PersonID() || c.LastEditorID == acc.PersonID() {
		return leerlus.Errorf(leerlus.CodeForbidden, "Four eyes: another facilitator checks a case you wrote or changed.")
	}
	return nil
}

func wrongStatus(msg string) error { return leerlus.Errorf(leerlus.CodeConflict, "%s", msg) }

// transition runs one lifecycle step: load, check the version, let step
// decide and name the columns, update and audit, in one transaction.
func (s *Service) transition(ctx context.Context, acc leerlus.Access, id string, version int, action policy.AuditAction,
	step func(tx *gorm.DB, c *Case, now time.Time) (map[string]any, error)) (*View, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *View
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		c, err := s.caseForChange(tx, id, version, func(c *Case) error {
			if !visible(acc, c) {
				return leerlus.NotFound("case")
			}
			return nil
		})
		if err != nil {
			return err
		}
		now := s.now.Now()
		cols, err := step(tx, c, now)
		if err != nil {
			return err
		}
		for k, val := range leerlus.VersionBump(now) {
			cols[k] = val
		}
		if err := leerlus.UpdateVersioned(tx, &Case{}, id, version, cols, "case", ""); err != nil {
			return err
		}
		// Publishing and archiving change what search finds of the case.
		if err := search.IndexCase(tx, id); err != nil {
			return err
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: action, ObjectType: "case", ObjectID: id, NetworkID: c.NetworkID}); err != nil {
			return err
		}
		if c, err = leerlus.GetByID[Case](tx, id, "case"); err != nil {
			return err
		}
		out, err = loadView(tx, acc, c)
		return err
	})
	return out, err
}
