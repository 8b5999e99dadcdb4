package api_test

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"leerlus/dbtest"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/review/defaults"
)

// BenchmarkPatterns50k measures the server time of the pattern queries
// on 50,000 published cases in ten networks with 500,000 codings (two
// published reflections per case, five coded items each) and a coded
// lesson per reflection, for a researcher in all ten networks, and
// reports p50 and p95 per query. The first query after the facts expire
// loads them; its time is logged apart (see docs/performance.md). Seeding
// takes minutes, so it runs only when asked: LEERLUS_BENCH_PATTERNS=1
// (make bench-patterns).
func BenchmarkPatterns50k(b *testing.B) {
	if os.Getenv("LEERLUS_BENCH_PATTERNS") == "" {
		b.Skip("set LEERLUS_BENCH_PATTERNS=1 (make bench-patterns)")
	}
	e := newEnvOn(b, dbtest.Open(b), true)
	ctx := context.Background()
	res := e.people[researcher]
	const networks = 10
	started := time.Now()
	author, fac := e.casePeople(e.own.ID)
	ids := seedBenchNetworks(b, e, networks, benchCases/networks, author, fac)
	for _, n := range ids[1:] {
		e.addMember(res, n, policy.RoleResearcher)
	}
	for _, n := range ids {
		seedPatternReflections(b, e, n)
	}
	if err := e.cases.Analyze(ctx); err != nil {
		b.Fatal(err)
	}
	var codings int64
	if err := e.db.WithContext(ctx).Table("codings").Count(&codings).Error; err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d cases and %d codings in %.1f s", benchCases, codings, time.Since(started).Seconds())

	t0 := time.Now()
	serve(b, e, "GET", "/api/v1/patterns/codes", res, nil, 200, nil)
	b.Logf("first query, loading the facts of %d networks: %.0f ms", networks, ms(time.Since(t0)))

	queries := []struct{ name, path string }{
		{"codes", "/api/v1/patterns/codes"},
		{"codes-filtered", "/api/v1/patterns/codes?outcome=stuck&age_band=12-18&perspective=ouder&from=2020-Q1&to=2024-Q4"},
		{"codes-lessons", "/api/v1/patterns/codes?source=lessons"},
		{"cooccurrence", "/api/v1/patterns/cooccurrence"},
		{"crosstab-service", "/api/v1/patterns/crosstab?by=service"},
		{"crosstab-network", "/api/v1/patterns/crosstab?by=network&age_band=4-12"},
		{"trends", "/api/v1/patterns/trends?from=2019-Q1&to=2026-Q4"},
		{"perspectives", "/api/v1/patterns/perspectives?code=T1.wachttijd,T2.informatiedeling"},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				t0 := time.Now()
				serve(b, e, "GET", q.path, res, nil, 200, nil)
				times = append(times, time.Since(t0))
			}
			slices.Sort(times)
			b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
			b.ReportMetric(ms(times[(len(times)*95)/100]), "p95-ms")
		})
	}
}

// seedPatternReflections gives every case of a network two published
// reflections from two perspectives, each with five coded items (what
// worked and what did not, helping or hindering) and a coded lesson.
func seedPatternReflections(b *testing.B, e *env, network string) {
	ctx := context.Background()
	var caseIDs []string
	if err := e.db.WithContext(ctx).Table("cases").Where("network_id = ?", network).Order("id").Pluck("id", &caseIDs).Error; err != nil {
		b.Fatal(err)
	}
	_, fac := e.casePeople(network)
	var authors []string
	for range 2 {
		p := e.newPerson("reflectant", false)
		e.addMember(p, network, policy.RoleMember)
		authors = append(authors, p.ID)
	}
	cb, err := defaults.DefaultCodebook()
	if err != nil {
		b.Fatal(err)
	}
	var keys []string
	for _, t := range cb.Themes {
		for _, c := range t.Codes {
			keys = append(keys, c.Key)
		}
	}
	perspectives := []string{"ouder", "professional", "jongere", "onderwijs"}
	at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	var batch []review.SeedReflection
	for ci, caseID := range caseIDs {
		for j := range 2 {
			n := ci*2 + j
			sr := review.SeedReflection{CaseID: caseID, NetworkID: network, AuthorID: authors[j], Perspective: perspectives[(ci+j)%len(perspectives)],
				PublishedBy: fac.ID, At: at}
			for k := range 5 {
				effect := review.EffectHelped
				if (ci+k)%3 == 0 {
					effect = review.EffectHindered
				}
				sr.Items = append(sr.Items, review.SeedItem{Question: []string{"worked", "did_not_work"}[k%2], What: "Wachten op hulp.",
					Codes: map[string]review.Effect{keys[(n*7+k*3+ci%5)%len(keys)]: effect}})
			}
			sr.Lessons = []review.SeedLesson{{Statement: "Regel hulp tijdens het wachten.", CodeKeys: []string{keys[n%len(keys)]}, Sources: []int{1}}}
			batch = append(batch, sr)
		}
		if len(batch) >= 1000 {
			if err := e.review.Seed(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if err := e.review.Seed(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}
