package review

import (
	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review/disclosure"
)

// Service keeps reflections, the networks' codebooks and form templates,
// codings and lessons. Writes screen their texts with the case's
// anonymiser numbering (through the case service) and write their audit
// entry in the same transaction. All state lives in the database; the
// service keeps only parsed copies of immutable template versions and
// copies of groupings that it checks against the database before use.
type Service struct {
	db    *leerlus.DB
	now   leerlus.Clock
	audit *policy.AuditLog
	// reads writes the audit entries of reads and lists, many per commit.
	reads *policy.ReadAudit
	cases *cases.Service
	// forms keeps parsed template versions, which never change.
	forms *leerlus.Kept[*form]
	// groupings keeps networks' lesson groupings between requests, checked
	// against the database's token before every use.
	groupings *keptGroupings
	// stalledAfter is how many days without a progress entry make an
	// open action stalled.
	stalledAfter int
	// patterns keeps each network's published material as the pattern
	// queries count it, for a short while.
	patterns *patternCache
	// disclosure are the small-cell rules of every aggregate researchers see.
	disclosure disclosure.Rules
}

// NewService returns the review service.
func NewService(db *leerlus.DB, now leerlus.Clock, audit *policy.AuditLog, cs *cases.Service, opts ...Option) *Service {
	s := &Service{db: db, now: now, audit: audit, reads: policy.NewReadAudit(db, audit), cases: cs,
		forms: leerlus.NewKept[*form](formCacheSize), groupings: newKeptGroupings(), stalledAfter: DefaultStalledAfterDays,
		patterns: newPatternCache(DefaultPatternCacheTTL), disclosure: disclosure.New(disclosure.DefaultK)}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Option sets a configurable rule of the service.
type Option func(*Service)

// DefaultStalledAfterDays is how long an action may go without a progress
// entry before it counts as stalled, unless the operator sets another.
const DefaultStalledAfterDays = 60

// StalledAfterDays sets how many days without a progress entry make an
// open action stalled; values below 1 keep the default.
func StalledAfterDays(days int) Option {
	return func(s *Service) {
		if days >= 1 {
			s.stalledAfter = days
		}
	}
}

// PatternMinCases sets k, the fewest distinct cases a cell of a pattern
// query rests on to be shown; values below disclosure.MinK become MinK.
func PatternMinCases(k int) Option {
	return func(s *Service) { s.disclosure = disclosure.New(k) }
}
