package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"leerlus"
	"leerlus/cases"
	"leerlus/cases/demo"
	"leerlus/dbtest"
)

// benchCases is how many cases the case benchmarks run on: the figure the
// case issue names.
const benchCases = 50_000

// BenchmarkCases50k measures the server time of the case routes — router,
// authorization, handler, anonymiser and database — on 50,000 cases, and
// reports p50 and p95 per operation. Seeding takes a while, so it runs only
// when asked: LEERLUS_BENCH_CASES=1 (make bench-cases).
func BenchmarkCases50k(b *testing.B) {
	if os.Getenv("LEERLUS_BENCH_CASES") == "" {
		b.Skip("set LEERLUS_BENCH_CASES=1 (make bench-cases)")
	}
	e := newEnvOn(b, dbtest.Open(b), true)
	author, fac := e.people[member], e.people[facilitator]
	// The cases spread over networks as in a workplace: by default ten,
	// so the measured network holds 5,000; LEERLUS_BENCH_CASES_NETWORKS=1
	// puts all 50,000 in it (the worst case for its list).
	networks := 10
	if v, err := strconv.Atoi(os.Getenv("LEERLUS_BENCH_CASES_NETWORKS")); err == nil && v >= 1 {
		networks = v
	}
	started := time.Now()
	seedBenchNetworks(b, e, networks, benchCases/networks, author, fac)
	// Fresh statistics (and on PostgreSQL the visibility map), as
	// autovacuum or a routine ANALYZE give a database that grew over time.
	if err := e.cases.Analyze(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d cases over %d networks in %.1f s", benchCases, networks, time.Since(started).Seconds())
	summary, episode := benchTexts(b)

	// One published case to read, and a draft of the member to edit.
	var read, draft caseJSON
	body := newCaseBody()
	body["summary"] = summary
	serve(b, e, "POST", "/api/v1/networks/"+e.own.ID+"/cases", author, body, 201, &read)
	serve(b, e, "POST", "/api/v1/cases/"+read.ID+"/submit", author, map[string]any{"version": read.Version}, 200, &read)
	serve(b, e, "POST", "/api/v1/cases/"+read.ID+"/publish", fac, map[string]any{"version": read.Version}, 200, &read)
	serve(b, e, "POST", "/api/v1/networks/"+e.own.ID+"/cases", author, body, 201, &draft)

	// On SQLite a list page read at the network's current case revision
	// is kept in memory (cases/listpages.go). The list benchmarks read
	// from the database: before each request, untimed, the revision moves
	// on as a write would. The "-kept" ones measure the page found in
	// memory. PostgreSQL keeps no pages and reads every time.
	kept := e.db.Dialect == leerlus.SQLite
	fresh := func() {
		if !kept {
			return
		}
		if err := e.db.Gorm.Exec("UPDATE case_revisions SET revision = revision + 1 WHERE network_id = ?", e.own.ID).Error; err != nil {
			b.Fatal(err)
		}
	}
	filtered := func(i int) {
		q := []string{"outcome=stuck", "service=youth_mental_health", "age_band=12-18", "phase=access", "outcome=good&from=2022-Q1"}[i%5]
		serve(b, e, "GET", "/api/v1/networks/"+e.own.ID+"/cases?limit=50&"+q, e.people[researcher], nil, 200, nil)
	}
	firstPage := func(int) {
		serve(b, e, "GET", "/api/v1/networks/"+e.own.ID+"/cases?limit=50", e.people[researcher], nil, 200, nil)
	}
	ops := []struct {
		name   string
		before func() // untimed
		run    func(i int)
	}{
		{"create-3KB", nil, func(i int) {
			in := newCaseBody()
			in["summary"] = summary
			in["episodes"] = []map[string]any{
				{"phase": "access", "what_happened": episode, "duration": "4_12w", "effect": "hindered"},
				{"phase": "help", "what_happened": episode, "duration": "12_26w", "effect": "helped"},
			}
			serve(b, e, "POST", "/api/v1/networks/"+e.own.ID+"/cases", author, in, 201, nil)
		}},
		{"update-3KB", nil, func(i int) {
			serve(b, e, "PATCH", "/api/v1/cases/"+draft.ID, author, map[string]any{"summary": summary[:len(summary)-i%7], "version": draft.Version}, 200, &draft)
		}},
		{"case-page", nil, func(i int) {
			serve(b, e, "GET", "/api/v1/cases/"+read.ID, e.people[researcher], nil, 200, nil)
		}},
		{"list-filtered-50", fresh, filtered},
		{"list-first-page", fresh, firstPage},
		{"list-filtered-50-kept", nil, filtered},
		{"list-first-page-kept", nil, firstPage},
	}
	for _, op := range ops {
		if strings.HasSuffix(op.name, "-kept") && !kept {
			continue
		}
		b.Run(op.name, func(b *testing.B) {
			var times []time.Duration
			i := 0
			for b.Loop() {
				if op.before != nil {
					b.StopTimer()
					op.before()
					b.StartTimer()
				}
				t0 := time.Now()
				op.run(i)
				times = append(times, time.Since(t0))
				i++
			}
			slices.Sort(times)
			b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
			b.ReportMetric(ms(times[(len(times)*95)/100]), "p95-ms")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// serve runs one request straight through the handler (no contract check,
// which would dominate the time) and decodes the answer into out.
func serve(b *testing.B, e *env, method, path string, as *person, body any, want int, out any) {
	var buf []byte
	if body != nil {
		buf, _ = json.Marshal(body)
	}
	req := httptest.NewRequest(method, path, bytes.NewReader(buf))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.AddCookie(&http.Cookie{Name: "leerlus_session", Value: as.cookie})
	req.Header.Set("X-CSRF-Token", as.csrf)
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, req)
	if w.Code != want {
		b.Fatalf("%s %s: %d %s", method, path, w.Code, w.Body.String())
	}
	if out != nil {
		if err := json.Unmarshal(w.Body.Bytes(), out); err != nil {
			b.Fatal(err)
		}
	}
}

// benchTexts returns a summary of about 2 KB and an episode text of about
// 500 bytes, built from the demo's screened texts: with two episodes a
// create carries about 3 KB of text.
func benchTexts(b *testing.B) (summary, episode string) {
	list, err := demo.Cases()
	if err != nil {
		b.Fatal(err)
	}
	var s, ep strings.Builder
	for _, c := range list {
		if s.Len() < 1900 {
			s.WriteString(c.Summary + " ")
		}
		for _, x := range c.Episodes {
			if ep.Len() < 450 {
				ep.WriteString(x.WhatHappened + " ")
			}
		}
	}
	return strings.TrimSpace(s.String())[:min(s.Len()-1, 3990)], strings.TrimSpace(ep.String())
}

// seedBenchNetworks spreads generated published cases over the env's own
// network (written by author, published by fac) and networks-1 fresh ones
// with their own author and facilitator, perNetwork in each. It returns
// the networks' ids, the own network first.
func seedBenchNetworks(b *testing.B, e *env, networks, perNetwork int, author, fac *person) []string {
	b.Helper()
	ids := []string{e.own.ID}
	seedBenchCases(b, e.cases, e.own.ID, author.ID, fac.ID, perNetwork)
	for i := 1; i < networks; i++ {
		n := e.freshNetwork()
		a, f := e.casePeople(n.ID)
		seedBenchCases(b, e.cases, n.ID, a.ID, f.ID, perNetwork)
		ids = append(ids, n.ID)
	}
	return ids
}

// seedBenchCases adds n published cases to a network in batches.
func seedBenchCases(b *testing.B, svc *cases.Service, network, author, fac string, n int) {
	list, err := demo.Cases()
	if err != nil {
		b.Fatal(err)
	}
	outcomes := []string{"good", "stuck", "mixed"}
	ages := cases.AgeBands.Codes()
	services := cases.Services.Codes()
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var batch []cases.SeedCase
	for i := 0; i < n; i++ {
		src := list[i%len(list)]
		sc := cases.SeedCase{NetworkID: network, AuthorID: author, PublishedBy: fac, Title: src.Title,
			Outcome: outcomes[i%3], AgeBand: ages[i%len(ages)], Household: src.Household, Duration: src.Duration,
			Summary: src.Summary, Start: cases.Period{Year: 2019 + i%7, Quarter: 1 + i%4},
			Services: []string{services[i%len(services)], services[(i+5)%len(services)]}, LifeDomains: src.LifeDomains,
			At: at.Add(time.Duration(i) * time.Second)}
		for _, ep := range src.Episodes {
			sc.Episodes = append(sc.Episodes, cases.SeedEpisode{Phase: ep.Phase, WhatHappened: ep.WhatHappened, Duration: ep.Duration, Effect: ep.Effect})
		}
		batch = append(batch, sc)
		if len(batch) == 1000 || i == n-1 {
			if err := svc.Seed(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
}
