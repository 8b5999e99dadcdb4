package api_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"leerlus/cases/demo"
	"leerlus/dbtest"
	"leerlus/policy"
	"leerlus/review"
)

// benchReflectionsPerCase makes 200,000 reflections on the 50,000 cases
// of the case benchmark: the figures the reflection issue names.
const benchReflectionsPerCase = 4

// BenchmarkReflections200k measures the server time of the reflection
// routes on 50,000 cases with 200,000 reflections (with their items,
// codings and lessons), and reports p50 and p95 per operation. Seeding
// takes minutes, so it runs only when asked: LEERLUS_BENCH_REFLECTIONS=1
// (make bench-reflections).
func BenchmarkReflections200k(b *testing.B) {
	if os.Getenv("LEERLUS_BENCH_REFLECTIONS") == "" {
		b.Skip("set LEERLUS_BENCH_REFLECTIONS=1 (make bench-reflections)")
	}
	e := newEnvOn(b, dbtest.Open(b), true)
	ctx := context.Background()
	author, fac := e.people[member], e.people[facilitator]
	const networks = 10
	// LEERLUS_BENCH_REFLECTIONS_CASES makes a smaller set, for profiling.
	total := benchCases
	if v, err := strconv.Atoi(os.Getenv("LEERLUS_BENCH_REFLECTIONS_CASES")); err == nil && v >= networks {
		total = v
	}
	started := time.Now()
	ids := seedBenchNetworks(b, e, networks, total/networks, author, fac)
	for _, network := range ids {
		seedBenchReflections(b, e, network)
	}
	if err := e.cases.Analyze(ctx); err != nil {
		b.Fatal(err)
	}
	var count int64
	if err := e.db.WithContext(ctx).Table("reflections").Count(&count).Error; err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d cases and %d reflections in %.1f s", total, count, time.Since(started).Seconds())

	// A published case with four published reflections to read, and a
	// member's draft on a fresh published case to write and submit.
	var read caseJSON
	body := newCaseBody()
	serve(b, e, "POST", "/api/v1/networks/"+e.own.ID+"/cases", author, body, 201, &read)
	serve(b, e, "POST", "/api/v1/cases/"+read.ID+"/submit", author, map[string]any{"version": read.Version}, 200, &read)
	serve(b, e, "POST", "/api/v1/cases/"+read.ID+"/publish", fac, map[string]any{"version": read.Version}, 200, &read)
	answers := benchAnswers(b)
	for i := 0; i < benchReflectionsPerCase; i++ {
		p := e.newPerson("reflectant", false)
		e.addMember(p, e.own.ID, policy.RoleMember)
		var r caseJSON
		serve(b, e, "POST", "/api/v1/cases/"+read.ID+"/reflections", p, answers, 201, &r)
		serve(b, e, "POST", "/api/v1/reflections/"+r.ID+"/submit", p, map[string]any{"version": r.Version}, 200, &r)
		serve(b, e, "POST", "/api/v1/reflections/"+r.ID+"/publish", fac, map[string]any{"version": r.Version}, 200, &r)
	}
	var draft caseJSON
	serve(b, e, "POST", "/api/v1/cases/"+read.ID+"/reflections", author, map[string]any{}, 201, &draft)

	// Each operation returns the time of the request it measures: the
	// submit's withdraw, which readies the next round, is not counted.
	timed := func(f func()) time.Duration {
		t0 := time.Now()
		f()
		return time.Since(t0)
	}
	ops := []struct {
		name string
		run  func() time.Duration
	}{
		{"save-2KB", func() time.Duration {
			in := benchAnswers(b)
			in["version"] = draft.Version
			return timed(func() { serve(b, e, "PATCH", "/api/v1/reflections/"+draft.ID, author, in, 200, &draft) })
		}},
		{"submit", func() time.Duration {
			d := timed(func() {
				serve(b, e, "POST", "/api/v1/reflections/"+draft.ID+"/submit", author, map[string]any{"version": draft.Version}, 200, &draft)
			})
			serve(b, e, "POST", "/api/v1/reflections/"+draft.ID+"/withdraw", author, map[string]any{"version": draft.Version}, 200, &draft)
			return d
		}},
		{"case-reflections", func() time.Duration {
			return timed(func() {
				serve(b, e, "GET", "/api/v1/cases/"+read.ID+"/reflections", e.people[researcher], nil, 200, nil)
			})
		}},
		{"case-page-with-reflections", func() time.Duration {
			return timed(func() {
				serve(b, e, "GET", "/api/v1/cases/"+read.ID, e.people[researcher], nil, 200, nil)
				serve(b, e, "GET", "/api/v1/cases/"+read.ID+"/reflections", e.people[researcher], nil, 200, nil)
			})
		}},
	}
	for _, op := range ops {
		b.Run(op.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				times = append(times, op.run())
			}
			slices.Sort(times)
			b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
			b.ReportMetric(ms(times[(len(times)*95)/100]), "p95-ms")
		})
	}
}

// benchAnswers is a complete reflection of about 2 KB of text, put
// together from the demo's screened episode texts.
func benchAnswers(b *testing.B) map[string]any {
	list, err := demo.Cases()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, c := range list {
		for _, ep := range c.Episodes {
			if size < 1800 {
				texts = append(texts, ep.WhatHappened)
				size += len(ep.WhatHappened)
			}
		}
	}
	var items []any
	for i, t := range texts {
		q := []string{"worked", "did_not_work"}[i%2]
		items = append(items, map[string]any{"question": q, "what": t[:min(len(t), 480)]})
	}
	return map[string]any{
		"items":   items,
		"texts":   []any{map[string]any{"question": "differently", "text": texts[0]}},
		"ratings": []any{map[string]any{"question": "fitted", "rating": 3}},
		"lessons": []any{map[string]any{"statement": "Regel hulp tijdens het wachten.", "sources": []any{1}}},
	}
}

// seedBenchReflections gives every case of a network four published
// reflections from four members with different perspectives, each with
// four coded items, a text, two ratings and a lesson.
func seedBenchReflections(b *testing.B, e *env, network string) {
	ctx := context.Background()
	var caseIDs []string
	if err := e.db.WithContext(ctx).Table("cases").Where("network_id = ?", network).Pluck("id", &caseIDs).Error; err != nil {
		b.Fatal(err)
	}
	_, fac := e.casePeople(network)
	perspectives := []string{"jongere", "ouder", "professional", "onderwijs"}
	authors := benchAuthors(e, network, benchReflectionsPerCase)
	keys := defaultCodeKeys(b)
	list, err := demo.Cases()
	if err != nil {
		b.Fatal(err)
	}
	var episodes []string
	for _, c := range list {
		for _, ep := range c.Episodes {
			episodes = append(episodes, ep.WhatHappened)
		}
	}
	at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	var batch []review.SeedReflection
	n := 0
	for ci, caseID := range caseIDs {
		for j := range benchReflectionsPerCase {
			n++
			sr := review.SeedReflection{CaseID: caseID, NetworkID: network, AuthorID: authors[j], Perspective: perspectives[j], PublishedBy: fac.ID,
				Texts: map[string]string{"differently": episodes[n%len(episodes)]}, Ratings: map[string]int{"fitted": 1 + n%5, "young_person_heard": 1 + (n/3)%5},
				At: at.Add(time.Duration(n) * time.Second)}
			for k := range 4 {
				effect := review.EffectHelped
				if (ci+k)%2 == 1 {
					effect = review.EffectHindered
				}
				sr.Items = append(sr.Items, review.SeedItem{Question: []string{"worked", "did_not_work"}[k%2], What: episodes[(n+k)%len(episodes)],
					Codes: map[string]review.Effect{keys[(n*7+k)%len(keys)]: effect}})
			}
			sr.Lessons = []review.SeedLesson{{Statement: "Regel hulp tijdens het wachten.", CodeKeys: []string{keys[n%len(keys)]}, Sources: []int{1}}}
			batch = append(batch, sr)
			if len(batch) == 1000 {
				if err := e.review.Seed(ctx, batch); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
	}
	if len(batch) > 0 {
		if err := e.review.Seed(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}
