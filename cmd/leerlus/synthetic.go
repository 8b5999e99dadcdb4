package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"leerlus/cases"
	"leerlus/cases/demo"
	"leerlus/policy"
)

// syntheticBatch is how many generated cases go in one transaction.
const syntheticBatch = 1000

// seedSyntheticCases adds n generated cases over the demo networks, for
// benchmarks and trying Leerlus at scale. Each is put together from pieces
// of the demo cases (titles, summaries, key episodes), so that every text
// is one the demo's anonymity test has screened; outcomes lean on the
// episodes' effects as in the demo. A fixed seed makes runs repeatable.
func seedSyntheticCases(ctx context.Context, svc *cases.Service, networks [][]*policy.Network, roles demoRoles, n int) error {
	list, err := demo.Cases()
	if err != nil {
		return err
	}
	type place struct{ network, author, facilitator string }
	var places []place
	for _, ws := range networks {
		for _, net := range ws {
			var authors, facs []string
			for person, role := range roles[net.ID] {
				switch role {
				case policy.RoleMember:
					authors = append(authors, person)
				case policy.RoleFacilitator:
					facs = append(facs, person)
				}
			}
			sort.Strings(authors)
			sort.Strings(facs)
			for _, a := range authors {
				if len(facs) > 0 {
					places = append(places, place{net.ID, a, facs[0]})
				}
			}
		}
	}
	if len(places) == 0 {
		return fmt.Errorf("synthetic cases: no network with a member and a facilitator")
	}
	var helped, hindered, neutral []demo.Episode
	for _, c := range list {
		for _, e := range c.Episodes {
			switch e.Effect {
			case "helped":
				helped = append(helped, e)
			case "hindered":
				hindered = append(hindered, e)
			default:
				neutral = append(neutral, e)
			}
		}
	}
	rng := rand.New(rand.NewPCG(2026, 12))
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	base := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	batch := make([]cases.SeedCase, 0, syntheticBatch)
	for i := 0; i < n; i++ {
		src := list[rng.IntN(len(list))]
		p := places[rng.IntN(len(places))]
		outcome := []string{"good", "good", "stuck", "stuck", "mixed"}[rng.IntN(5)]
		year, quarter := 2019+rng.IntN(7), 1+rng.IntN(4)
		end := cases.Period{Year: year + rng.IntN(2), Quarter: 1 + rng.IntN(4)}
		if end.Year == year && end.Quarter < quarter {
			end.Quarter = quarter
		}
		sc := cases.SeedCase{
			NetworkID: p.network, AuthorID: p.author, PublishedBy: p.facilitator,
			Title: src.Title, Outcome: outcome, AgeBand: pick(cases.AgeBands.Codes()), Household: pick(cases.Households.Codes()),
			Duration: pick(cases.Durations.Codes()), Summary: src.Summary, Start: cases.Period{Year: year, Quarter: quarter}, End: &end,
			Services: distinct(rng, cases.Services.Codes(), 1+rng.IntN(4)), LifeDomains: distinct(rng, cases.LifeDomains.Codes(), 1+rng.IntN(3)),
			At: base.Add(time.Duration(i) * time.Minute),
		}
		if i%10 == 9 {
			sc.PublishedBy = "" // one in ten waits for its check
		}
		for k := 3 + rng.IntN(6); k > 0; k-- {
			// Stuck trajectories draw hindering episodes more often, good
			// ones helping episodes: the pattern the research queries find.
			pool := neutral
			switch r := rng.IntN(10); {
			case outcome == "stuck" && r < 6, outcome == "good" && r < 2, outcome == "mixed" && r < 4:
				pool = hindered
			case r < 9:
				pool = helped
			}
			e := pool[rng.IntN(len(pool))]
			sc.Episodes = append(sc.Episodes, cases.SeedEpisode{Phase: e.Phase, WhatHappened: e.WhatHappened, Duration: e.Duration, Effect: e.Effect})
		}
		batch = append(batch, sc)
		if len(batch) == syntheticBatch || i == n-1 {
			if err := svc.Seed(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return svc.Analyze(ctx)
}

// distinct picks k different codes.
func distinct(rng *rand.Rand, codes []string, k int) []string {
	perm := rng.Perm(len(codes))
	out := make([]string, 0, k)
	for _, i := range perm[:min(k, len(codes))] {
		out = append(out, codes[i])
	}
	return out
}
