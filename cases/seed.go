package cases

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// SeedCase is a complete case for generated demo and benchmark data.
type SeedCase struct {
	NetworkID, AuthorID string
	// PublishedBy is the facilitator who checked it; empty leaves the case
	// submitted.
	PublishedBy                                           string
	Title, Outcome, AgeBand, Household, Duration, Summary string
	Start                                                 Period
	End                                                   *Period
	Services, LifeDomains                                 []string
	Episodes                                              []SeedEpisode
	At                                                    time.Time
}

// SeedEpisode is one key episode of a SeedCase.
type SeedEpisode struct {
	Phase, WhatHappened, Duration, Effect string
}

// Seed stores generated cases as they are, in one transaction: without
// screening and without audit entries. It exists for `leerlus demo
// --cases N` and the benchmarks, whose texts are put together from the
// demo texts (which a test screens); it must never take user input.
func (s *Service) Seed(ctx context.Context, batch []SeedCase) error {
	var (
		rows     []Case
		episodes []Episode
		services []caseService
		domains  []caseLifeDomain
	)
	for _, sc := range batch {
		c := Case{
			ID: leerlus.NewID(), NetworkID: sc.NetworkID, AuthorID: sc.AuthorID, Status: StatusSubmitted,
			Title: sc.Title, Outcome: sc.Outcome, StartPeriod: sc.Start.code(), AgeBand: sc.AgeBand,
			Household: sc.Household, Duration: sc.Duration, Summary: sc.Summary, LastEditorID: sc.AuthorID,
			CreatedAt: sc.At, UpdatedAt: sc.At, SubmittedAt: &sc.At, Version: 1, ServiceMask: Services.Mask(sc.Services...),
		}
		for _, e := range sc.Episodes {
			c.PhaseMask |= Phases.Mask(e.Phase)
		}
		c.EpisodeCount = len(sc.Episodes)
		if sc.End != nil {
			end := sc.End.code()
			c.EndPeriod = &end
		}
		if sc.PublishedBy != "" {
			by := sc.PublishedBy
			c.Status, c.PublishedBy, c.PublishedAt = StatusPublished, &by, &sc.At
		}
		rows = append(rows, c)
		for i, e := range sc.Episodes {
			episodes = append(episodes, Episode{ID: leerlus.NewID(), CaseID: c.ID, Position: i + 1, Phase: e.Phase,
				WhatHappened: e.WhatHappened, Duration: e.Duration, Effect: e.Effect, CreatedAt: sc.At, UpdatedAt: sc.At, Version: 1})
		}
		for _, sv := range sc.Services {
			services = append(services, caseService{CaseID: c.ID, Service: sv})
		}
		for _, d := range sc.LifeDomains {
			domains = append(domains, caseLifeDomain{CaseID: c.ID, LifeDomain: d})
		}
	}
	// SQLite allows at most 32,766 bound values per statement; 200 rows of
	// up to 20 columns stay well below.
	const perStatement = 200
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := insertAll(tx, rows, perStatement); err != nil {
			return err
		}
		if err := insertAll(tx, episodes, perStatement); err != nil {
			return err
		}
		if err := insertAll(tx, services, perStatement); err != nil {
			return err
		}
		return insertAll(tx, domains, perStatement)
	})
}

func insertAll[T any](tx *gorm.DB, rows []T, per int) error {
	if len(rows) == 0 {
		return nil
	}
	return tx.CreateInBatches(rows, per).Error
}

// Analyze refreshes the database's statistics after a large Seed, so that
// the planner knows the tables' new size.
func (s *Service) Analyze(ctx context.Context) error {
	if s.db.Dialect == leerlus.Postgres {
		// VACUUM also sets the visibility map, so that counts can read an
		// index alone, as they will once autovacuum has run.
		return s.db.Writer(ctx).Exec("VACUUM ANALYZE").Error
	}
	return s.db.Writer(ctx).Exec("ANALYZE").Error
}
