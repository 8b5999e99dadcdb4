package api_test

import (
	"context"
	"net/url"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"leerlus/dbtest"
	"leerlus/policy"
	"leerlus/search"
)

// BenchmarkSearch50k measures the server time of GET /api/v1/search on
// 50,000 cases over ten networks, each with four published reflections
// (200,000, with their items, codings and lessons), for a researcher of
// all ten networks, and reports p50 and p95 per query. Seeding takes
// minutes, so it runs only when asked: LEERLUS_BENCH_SEARCH=1 (make
// bench-search); LEERLUS_BENCH_SEARCH_CASES makes a smaller set.
func BenchmarkSearch50k(b *testing.B) {
	if os.Getenv("LEERLUS_BENCH_SEARCH") == "" {
		b.Skip("set LEERLUS_BENCH_SEARCH=1 (make bench-search)")
	}
	e := newEnvOn(b, dbtest.Open(b), true)
	ctx := context.Background()
	author, fac := e.people[member], e.people[facilitator]
	const networks = 10
	total := benchCases
	if v, err := strconv.Atoi(os.Getenv("LEERLUS_BENCH_SEARCH_CASES")); err == nil && v >= networks {
		total = v
	}
	started := time.Now()
	res := e.newPerson("onderzoeker", false)
	ids := seedBenchNetworks(b, e, networks, total/networks, author, fac)
	for _, network := range ids {
		seedBenchReflections(b, e, network)
		e.addMember(res, network, policy.RoleResearcher)
	}
	seeded := time.Since(started)
	started = time.Now()
	docs, err := search.Reindex(ctx, e.db.Gorm)
	if err != nil {
		b.Fatal(err)
	}
	if err := e.cases.Analyze(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d cases in %.1f s; indexed %d texts in %.1f s", total, seeded.Seconds(), docs, time.Since(started).Seconds())

	// Words researchers look for, rare and common, with and without
	// filters; every query is one request through router, authorization,
	// handler and database.
	queries := []string{
		"q=thuiszitten", "q=wachtlijst", "q=" + url.QueryEscape("overdracht school"), "q=vertrouwen&outcome=stuck",
		"q=mentor&age_band=12-18&kind=reflection", "q=jeugdzorg&networks=" + ids[3], "q=" + url.QueryEscape("hulp gezin"),
		"q=ggz&perspective=ouder", "q=begeleiding&from=2022-Q1&to=2023-Q4", "q=gesprek&code=T8.thuiszitten",
	}
	for _, q := range queries {
		var probe searchJSON
		t0 := time.Now()
		serve(b, e, "GET", "/api/v1/search?"+q, res, nil, 200, &probe)
		b.Logf("%-45s %7d hits %6.1f ms", q, probe.Total, ms(time.Since(t0)))
	}
	b.Run("search", func(b *testing.B) {
		var times []time.Duration
		i := 0
		for b.Loop() {
			q := queries[i%len(queries)]
			i++
			t0 := time.Now()
			serve(b, e, "GET", "/api/v1/search?"+q, res, nil, 200, nil)
			times = append(times, time.Since(t0))
		}
		slices.Sort(times)
		b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
		b.ReportMetric(ms(times[(len(times)*95)/100]), "p95-ms")
	})
}
