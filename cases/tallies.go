package cases

import (
	"strings"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// tally is one count for the anonymiser's quality report: what it flagged
// in a checked case and what people decided. No text, no offsets.
type tally struct {
	ID          int64 `gorm:"primaryKey;autoIncrement"`
	At          time.Time
	NetworkID   string
	FindingType string
	Event       string
	Count       int
}

func (tally) TableName() string { return "anonymiser_tallies" }

// The events of a tally.
const (
	tallyReplaced          = "replaced"           // a finding the author replaced by its tag
	tallyDismissalAccepted = "dismissal_accepted" // a false alarm, confirmed by the facilitator
	tallyRealIdentifier    = "real_identifier"    // a dismissal that was a real identifier after all
	tallyConfirmed         = "confirmed"          // a quasi-identifier the author kept
	tallyMissed            = "missed"             // an identifier the anonymiser did not flag, found at the check
)

// tallyReview counts, at a four-eyes decision, the tags in the case's texts
// and the verdicts on its marks; realIdentifiers are the dismissals the
// facilitator found wrong (an empty list when publishing: all accepted).
func (s *Service) tallyReview(tx *gorm.DB, c *Case, realIdentifiers, missed []string, now time.Time) error {
	texts := []string{c.Title, c.Summary}
	episodes, err := loadEpisodes(tx, c.ID)
	if err != nil {
		return err
	}
	for _, e := range episodes {
		texts = append(texts, e.WhatHappened)
	}
	return tallyMarks(tx, c.NetworkID, texts, tx.Where("case_id = ? AND reflection_id IS NULL", c.ID), realIdentifiers, missed, now)
}

// TallyReflectionReview counts a four-eyes decision on a reflection for
// the anonymiser's quality report, as for a case: texts are the
// reflection's texts (for the tags its author put in).
func TallyReflectionReview(tx *gorm.DB, networkID, reflectionID string, texts []string, realIdentifiers, missed []string, now time.Time) error {
	return tallyMarks(tx, networkID, texts, tx.Where("reflection_id = ?", reflectionID), realIdentifiers, missed, now)
}

// tallyMarks counts the tags in texts, the missed types, and the verdicts
// on the marks that where selects, and records the verdicts.
func tallyMarks(tx *gorm.DB, networkID string, texts []string, where *gorm.DB, realIdentifiers, missed []string, now time.Time) error {
	counts := map[[2]string]int{}
	for _, t := range missed {
		counts[[2]string{t, tallyMissed}]++
	}
	replaced := map[string]int{}
	for _, t := range texts {
		countTags(t, replaced)
	}
	for typ, n := range replaced {
		counts[[2]string{typ, tallyReplaced}] += n
	}
	var marks []Mark
	if err := where.Find(&marks).Error; err != nil {
		return err
	}
	real := map[string]bool{}
	for _, id := range realIdentifiers {
		real[id] = true
	}
	for _, m := range marks {
		verdict, event := VerdictAccepted, tallyDismissalAccepted
		switch {
		case m.Kind == MarkConfirmed:
			verdict, event = VerdictAccepted, tallyConfirmed
		case real[m.ID]:
			verdict, event = VerdictRealIdentifier, tallyRealIdentifier
			delete(real, m.ID)
		}
		counts[[2]string{m.FindingType, event}]++
		if err := tx.Model(&Mark{}).Where("id = ?", m.ID).Update("verdict", verdict).Error; err != nil {
			return err
		}
	}
	if len(real) > 0 {
		return leerlus.Invalid("real_identifiers", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_a_dismissed_finding"})
	}
	for k, n := range counts {
		if err := tx.Create(&tally{At: now, NetworkID: networkID, FindingType: k[0], Event: k[1], Count: n}).Error; err != nil {
			return err
		}
	}
	return nil
}

func trim(s string) string { return strings.TrimSpace(s) }
