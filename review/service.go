package review

import (
	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
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
	forms *formCache
	// groupings keeps networks' lesson groupings between requests, checked
	// against the database's token before every use.
	groupings *keptGroupings
	// stalledAfter is how many days without a progress entry make an
	// open action stalled.
	stalledAfter int
}

// NewService returns the review service.
func NewService(db *leerlus.DB, now leerlus.Clock, audit *policy.AuditLog, cs *cases.Service, opts ...Option) *Service {
	s := &Service{db: db, now: now, audit: audit, reads: policy.NewReadAudit(db, audit), cases: cs,
		forms: newFormCache(), groupings: newKeptGroupings(), stalledAfter: DefaultStalledAfterDays}
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
