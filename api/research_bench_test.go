package api_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"leerlus/dbtest"
	"leerlus/internal/procstat"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/review/defaults"
	rdemo "leerlus/review/demo"
	"leerlus/search"
)

// BenchmarkResearch50k measures the researcher's routes of issue 12 on one
// data set, seeded once per engine: 50,000 published cases in ten
// networks (one of 1,000 cases, for the project export), two published
// reflections per case from rotating perspectives with five coded items
// each, a text answer and a coded lesson: 100,000 reflections, 500,000
// codings, 100,000 lessons, about 250,000 indexed texts. A researcher of
// all ten networks then runs, in this order:
//
//   - search: ten queries (rare and common words, filters, a named
//     network, a code) in turn, p50 and p95 of the server time;
//   - exports: the full codings CSV and the REFI-QDA project of the
//     1,000-case network, each once into a writer that only counts bytes,
//     with the peak Go heap (sampled every 5 ms) and peak RSS (VmHWM, reset
//     before through /proc/self/clear_refs);
//   - patterns: eight pattern queries, p50 and p95, after a first query
//     that loads the facts (logged apart).
//
// Each part also reports the process's CPU time (user + system, from
// getrusage) per request: on a shared machine wall time says more about
// the neighbours than about the code. On PostgreSQL the database server's
// CPU is not in it. Seeding takes minutes, so it runs only when asked:
// LEERLUS_BENCH_RESEARCH=1 (make bench-research, or bench-search,
// bench-exports, bench-patterns for one part); LEERLUS_BENCH_RESEARCH_CASES
// makes a smaller set and LEERLUS_BENCH_RESEARCH_RUNS sets the requests
// per query (default 30, so 300 searches and 240 pattern queries). On
// SQLite, LEERLUS_BENCH_RESEARCH_SAVE=file keeps the seeded data set and
// LEERLUS_BENCH_RESEARCH_DB=file measures a kept one again.
func BenchmarkResearch50k(b *testing.B) {
	if os.Getenv("LEERLUS_BENCH_RESEARCH") == "" {
		b.Skip("set LEERLUS_BENCH_RESEARCH=1 (make bench-research)")
	}
	runs := 30
	if v, err := strconv.Atoi(os.Getenv("LEERLUS_BENCH_RESEARCH_RUNS")); err == nil && v > 0 {
		runs = v
	}
	var (
		e   *env
		res *person
		ids []string
	)
	if saved := os.Getenv("LEERLUS_BENCH_RESEARCH_DB"); saved != "" {
		e, res, ids = openSavedResearch(b, saved)
	} else {
		e, res, ids = seedResearch(b)
		if name := os.Getenv("LEERLUS_BENCH_RESEARCH_SAVE"); name != "" && dbtest.Postgres() {
			defer keepPostgres(b, e, name)
		}
	}

	b.Run("search", func(b *testing.B) {
		queries := []string{
			"q=thuiszitten", "q=wachtlijst", "q=" + url.QueryEscape("overdracht school"), "q=vertrouwen&outcome=stuck",
			"q=mentor&age_band=12-18&kind=reflection", "q=jeugdzorg&networks=" + ids[3], "q=" + url.QueryEscape("hulp gezin"),
			"q=ggz&perspective=ouder", "q=begeleiding&from=2022-Q1&to=2023-Q4", "q=gesprek&code=T8.thuiszitten_verzuim",
		}
		perQuery := map[string][]time.Duration{}
		var all []time.Duration
		cpu0 := procstat.ProcessCPU()
		for i := range runs * len(queries) {
			q := queries[i%len(queries)]
			t0 := time.Now()
			serve(b, e, "GET", "/api/v1/search?"+q, res, nil, 200, nil)
			d := time.Since(t0)
			perQuery[q] = append(perQuery[q], d)
			all = append(all, d)
		}
		cpu := procstat.ProcessCPU() - cpu0
		for _, q := range queries {
			var probe searchJSON
			serve(b, e, "GET", "/api/v1/search?"+q, res, nil, 200, &probe)
			p50, p95 := percentiles(perQuery[q])
			b.Logf("search %-45s %7d hits  p50 %6.1f ms  p95 %6.1f ms", q, probe.Total, ms(p50), ms(p95))
		}
		p50, p95 := percentiles(all)
		b.ReportMetric(ms(p50), "p50-ms")
		b.ReportMetric(ms(p95), "p95-ms")
		b.ReportMetric(ms(cpu)/float64(len(all)), "cpu-ms/op")
	})

	exportRun := func(path string) func(b *testing.B) {
		return func(b *testing.B) {
			procstat.ClearPeakRSS()
			var peak atomic.Uint64
			stop := sampleHeap(&peak)
			w := &countingWriter{header: http.Header{}}
			req := httptest.NewRequest("GET", path, nil)
			req.AddCookie(&http.Cookie{Name: "leerlus_session", Value: res.cookie})
			cpu0 := procstat.ProcessCPU()
			t0 := time.Now()
			e.srv.ServeHTTP(w, req)
			d := time.Since(t0)
			cpu := procstat.ProcessCPU() - cpu0
			stop()
			if w.status != http.StatusOK {
				b.Fatalf("%s: status %d", path, w.status)
			}
			b.ReportMetric(d.Seconds(), "s")
			b.ReportMetric(cpu.Seconds(), "cpu-s")
			b.ReportMetric(float64(w.n)/(1<<20), "MiB-out")
			b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(procstat.PeakRSSKiB())/1024, "peak-RSS-MiB")
		}
	}
	b.Run("exports/codings.csv", exportRun("/api/v1/exports/codings.csv"))
	b.Run("exports/project.qdpx-1000", exportRun("/api/v1/exports/project.qdpx?networks="+ids[0]))

	b.Run("patterns", func(b *testing.B) {
		t0 := time.Now()
		serve(b, e, "GET", "/api/v1/patterns/codes", res, nil, 200, nil)
		b.Logf("first pattern query, loading the facts of %d networks: %.0f ms", len(ids), ms(time.Since(t0)))
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
		var all []time.Duration
		cpu0 := procstat.ProcessCPU()
		for _, q := range queries {
			var times []time.Duration
			for range runs {
				t0 := time.Now()
				serve(b, e, "GET", q.path, res, nil, 200, nil)
				times = append(times, time.Since(t0))
			}
			all = append(all, times...)
			p50, p95 := percentiles(times)
			b.Logf("patterns %-18s p50 %6.1f ms  p95 %6.1f ms", q.name, ms(p50), ms(p95))
		}
		cpu := procstat.ProcessCPU() - cpu0
		p50, p95 := percentiles(all)
		b.ReportMetric(ms(p50), "p50-ms")
		b.ReportMetric(ms(p95), "p95-ms")
		b.ReportMetric(ms(cpu)/float64(len(all)), "cpu-ms/op")
	})
}

// seedResearch makes the benchmark's data set on a fresh database and
// returns the server, the researcher of all its networks and the
// networks, the one of 1,000 cases first.
func seedResearch(b *testing.B) (*env, *person, []string) {
	e := newEnvOn(b, dbtest.Open(b), true)
	ctx := context.Background()
	res := e.people[researcher]
	total := benchCases
	if v, err := strconv.Atoi(os.Getenv("LEERLUS_BENCH_RESEARCH_CASES")); err == nil && v >= 1900 {
		total = v
	}
	started := time.Now()
	ids := []string{e.own.ID}
	a, f := e.casePeople(e.own.ID)
	seedBenchCases(b, e.cases, e.own.ID, a.ID, f.ID, 1000)
	for i := range 9 {
		n := e.freshNetwork()
		e.addMember(res, n.ID, policy.RoleResearcher)
		a, f := e.casePeople(n.ID)
		size := (total - 1000) / 9
		if i < (total-1000)%9 {
			size++
		}
		seedBenchCases(b, e.cases, n.ID, a.ID, f.ID, size)
		ids = append(ids, n.ID)
	}
	for _, n := range ids {
		seedResearchReflections(b, e, n)
	}
	seeded := time.Since(started)
	started = time.Now()
	// Statistics first: without them the planner reads the reflection
	// items of every batch of the reindex by a full scan.
	if err := e.cases.Analyze(ctx); err != nil {
		b.Fatal(err)
	}
	docs, err := search.Reindex(ctx, e.db.Gorm)
	if err != nil {
		b.Fatal(err)
	}
	if err := e.cases.Analyze(ctx); err != nil {
		b.Fatal(err)
	}
	var nCases, nCodings int64
	e.db.WithContext(ctx).Table("cases").Count(&nCases)
	e.db.WithContext(ctx).Table("codings").Count(&nCodings)
	b.Logf("seeded %d cases and %d codings in %.1f s; indexed %d texts and analysed in %.1f s",
		nCases, nCodings, seeded.Seconds(), docs, time.Since(started).Seconds())
	// LEERLUS_BENCH_RESEARCH_SAVE keeps a copy of a SQLite data set, for
	// LEERLUS_BENCH_RESEARCH_DB and for the sqlite3 shell.
	if path := os.Getenv("LEERLUS_BENCH_RESEARCH_SAVE"); path != "" && !dbtest.Postgres() {
		if err := e.db.Writer(ctx).Exec("VACUUM INTO ?", path).Error; err != nil {
			b.Fatal(err)
		}
	}
	return e, res, ids
}

// openSavedResearch opens a copy of a data set kept with
// LEERLUS_BENCH_RESEARCH_SAVE (SQLite), to measure again without seeding:
// the researcher is the person with the most researcher memberships,
// signed in anew.
func openSavedResearch(b *testing.B, saved string) (*env, *person, []string) {
	if dbtest.Postgres() {
		return openResearch(b, copyPostgres(b, saved))
	}
	path := filepath.Join(b.TempDir(), "leerlus.db")
	// Streamed, so that the copy leaves nothing in the heap or the RSS.
	in, err := os.Open(saved)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return openResearch(b, path)
}

// openResearch opens a kept data set's copy at address.
func openResearch(b *testing.B, address string) (*env, *person, []string) {
	e := newEnvOn(b, dbtest.OpenAddress(b, address), false)
	db := e.db.WithContext(context.Background())
	res := &person{}
	if err := db.Raw(`SELECT p.id, p.email FROM people p JOIN memberships m ON m.person_id = p.id WHERE m.role = ?
		GROUP BY p.id, p.email ORDER BY COUNT(*) DESC LIMIT 1`, policy.RoleResearcher).Row().Scan(&res.ID, &res.Email); err != nil {
		b.Fatal(err)
	}
	e.signIn(res)
	var ids []string
	if err := db.Raw(`SELECT network_id FROM cases GROUP BY network_id ORDER BY COUNT(*), network_id`).Scan(&ids).Error; err != nil {
		b.Fatal(err)
	}
	return e, res, ids
}

// keepPostgres renames the benchmark's PostgreSQL database to name when
// the benchmark ends, so that the test's cleanup leaves it (use
// LEERLUS_TEST_POSTGRES_URL with a server that outlives the test).
func keepPostgres(b *testing.B, e *env, name string) {
	var current string
	ctx := context.Background()
	if err := e.db.WithContext(ctx).Raw("SELECT current_database()").Row().Scan(&current); err != nil {
		b.Fatal(err)
	}
	e.db.Close()
	admin := dbtest.OpenAddress(b, os.Getenv(dbtest.EnvPostgresURL))
	if err := admin.SQL().QueryRowContext(ctx, "SELECT 1").Err(); err != nil {
		b.Fatal(err)
	}
	if _, err := admin.SQL().ExecContext(ctx, "ALTER DATABASE "+current+" RENAME TO "+name); err != nil {
		b.Fatal(err)
	}
	b.Logf("kept the data set as database %s", name)
}

// copyPostgres makes a fresh database from a kept one, dropped after the
// benchmark, and returns its address.
func copyPostgres(b *testing.B, kept string) string {
	server := os.Getenv(dbtest.EnvPostgresURL)
	admin := dbtest.OpenAddress(b, server)
	name := "t_copy_" + strconv.FormatInt(time.Now().UnixNano(), 36)
	if _, err := admin.SQL().Exec("CREATE DATABASE " + name + " TEMPLATE " + kept); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { admin.SQL().Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") }) //nolint:errcheck // best effort
	u, err := url.Parse(server)
	if err != nil {
		b.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// percentiles returns the median and the 95th percentile of times.
func percentiles(times []time.Duration) (p50, p95 time.Duration) {
	s := slices.Clone(times)
	slices.Sort(s)
	return s[len(s)/2], s[(len(s)*95)/100]
}

// seedResearchReflections gives every case of a network two published
// reflections from rotating perspectives, each with five items (the demo
// reflections' texts, what worked and what did not) coded helping or
// hindering, an answer to "what would you do differently", and a coded
// lesson: ten codings per case.
func seedResearchReflections(b *testing.B, e *env, network string) {
	ctx := context.Background()
	var caseIDs []string
	if err := e.db.WithContext(ctx).Table("cases").Where("network_id = ?", network).Order("id").Pluck("id", &caseIDs).Error; err != nil {
		b.Fatal(err)
	}
	_, fac := e.casePeople(network)
	authors := benchAuthors(e, network, 2)
	keys := defaultCodeKeys(b)
	demo, err := rdemo.Reflections()
	if err != nil {
		b.Fatal(err)
	}
	var items []rdemo.Item
	var answers, statements []string
	for _, cr := range demo {
		for _, r := range cr.Reflections {
			items = append(append(items, r.Worked...), r.DidNotWork...)
			if r.Differently != "" {
				answers = append(answers, r.Differently)
			}
			for _, l := range r.Lessons {
				statements = append(statements, l.Statement)
			}
		}
	}
	perspectives := []string{"ouder", "professional", "jongere", "onderwijs"}
	at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	var batch []review.SeedReflection
	for ci, caseID := range caseIDs {
		for j := range 2 {
			n := ci*2 + j
			sr := review.SeedReflection{CaseID: caseID, NetworkID: network, AuthorID: authors[j], Perspective: perspectives[(ci+j)%len(perspectives)],
				PublishedBy: fac.ID, At: at.Add(time.Duration(n) * time.Second),
				Texts: map[string]string{"differently": answers[n%len(answers)]}}
			for k := range 5 {
				effect := review.EffectHelped
				if (ci+k)%3 == 0 {
					effect = review.EffectHindered
				}
				it := items[(n*5+k)%len(items)]
				sr.Items = append(sr.Items, review.SeedItem{Question: []string{"worked", "did_not_work"}[k%2], What: it.What, Why: it.Why,
					Codes: map[string]review.Effect{keys[(n*7+k*3+ci%5)%len(keys)]: effect}})
			}
			sr.Lessons = []review.SeedLesson{{Statement: statements[n%len(statements)], CodeKeys: []string{keys[n%len(keys)]}, Sources: []int{1}}}
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

// benchAuthors adds n members to a network, who write its reflections.
func benchAuthors(e *env, network string, n int) []string {
	var authors []string
	for range n {
		p := e.newPerson("reflectant", false)
		e.addMember(p, network, policy.RoleMember)
		authors = append(authors, p.ID)
	}
	return authors
}

// defaultCodeKeys are the keys of the default codebook's codes, in order.
func defaultCodeKeys(b *testing.B) []string {
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
	return keys
}
