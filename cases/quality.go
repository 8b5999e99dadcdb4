package cases

import (
	"context"
	"time"

	"leerlus"
	"leerlus/cases/anonymise"
)

// QualityRow is how the anonymiser fared with one type of identifier in
// checked cases: counts of people's decisions, never text.
type QualityRow struct {
	Type string
	// Replaced are findings the author replaced by a tag.
	Replaced int
	// DismissalsAccepted are false alarms: dismissed by the author, and the
	// facilitator agreed.
	DismissalsAccepted int
	// RealIdentifiers are dismissals the facilitator found to be real
	// identifiers after all.
	RealIdentifiers int
	// Confirmed are quasi-identifiers the author kept.
	Confirmed int
	// Missed are identifiers the anonymiser did not flag, which a
	// facilitator found at the check.
	Missed int
}

// Findings is every finding of this type that reached a check.
func (q QualityRow) Findings() int {
	return q.Replaced + q.DismissalsAccepted + q.RealIdentifiers + q.Confirmed
}

// DismissalRate is the share of findings the author dismissed.
func (q QualityRow) DismissalRate() float64 {
	if q.Findings() == 0 {
		return 0
	}
	return float64(q.DismissalsAccepted+q.RealIdentifiers) / float64(q.Findings())
}

// Quality reports, over all networks and since a moment (zero: always),
// how the anonymiser's findings were decided at the four-eyes check: the
// product measuring its own anonymiser in real use without keeping any of
// the text.
func (s *Service) Quality(ctx context.Context, since time.Time) ([]QualityRow, error) {
	var rows []struct {
		FindingType string
		Event       string
		N           int
	}
	q := s.db.WithContext(ctx).Model(&tally{}).Select("finding_type, event, SUM(count) AS n").Group("finding_type, event")
	if !since.IsZero() {
		q = q.Where("at >= ?", since)
	}
	if err := q.Scan(&rows).Error; err != nil {
		return nil, err
	}
	byType := map[string]*QualityRow{}
	out := make([]QualityRow, len(anonymise.Types))
	for i, t := range anonymise.Types {
		out[i] = QualityRow{Type: string(t)}
		byType[string(t)] = &out[i]
	}
	for _, r := range rows {
		q, ok := byType[r.FindingType]
		if !ok {
			continue
		}
		switch r.Event {
		case tallyReplaced:
			q.Replaced += r.N
		case tallyDismissalAccepted:
			q.DismissalsAccepted += r.N
		case tallyRealIdentifier:
			q.RealIdentifiers += r.N
		case tallyConfirmed:
			q.Confirmed += r.N
		case tallyMissed:
			q.Missed += r.N
		}
	}
	return out, nil
}

// checkMissed validates the types of identifiers a facilitator says the
// anonymiser missed.
// CheckMissed checks the types of identifiers a facilitator found that
// the anonymiser did not flag.
func CheckMissed(v *leerlus.Validation, types []string) { checkMissed(v, types) }

func checkMissed(v *leerlus.Validation, types []string) {
	for _, t := range types {
		if anonymise.Type(t).Tag() == "" {
			v.Add("missed", leerlus.FieldOneOf, leerlus.Params{"allowed": typeNames()})
			return
		}
	}
}

func typeNames() []string {
	out := make([]string, len(anonymise.Types))
	for i, t := range anonymise.Types {
		out[i] = string(t)
	}
	return out
}
