package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"leerlus/cases/demo"
	"leerlus/dbtest"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/review/defaults"
)

// BenchmarkExports50k measures the exports on 50,000 published cases
// with 100,000 published reflections and 500,000 codings: the full
// codings CSV, and the REFI-QDA project of the 1,000 cases of one
// network. Each export streams into a writer that only counts bytes, so
// the figures are the server's; it reports the time, the bytes, the
// peak Go heap sampled every 5 ms, and the process's peak RSS during the
// export (reset before it through /proc/self/clear_refs). Seeding takes
// minutes: it runs only with LEERLUS_BENCH_EXPORTS=1 (make bench-exports).
func BenchmarkExports50k(b *testing.B) {
	if os.Getenv("LEERLUS_BENCH_EXPORTS") == "" {
		b.Skip("set LEERLUS_BENCH_EXPORTS=1 (make bench-exports)")
	}
	e := newEnvOn(b, dbtest.Open(b), true)
	ctx := context.Background()
	res := e.people[researcher]
	// One network of 1,000 cases (the project export) and nine that make
	// up the rest of 50,000 (LEERLUS_BENCH_EXPORTS_CASES for a smaller set).
	total := 50000
	if v, err := strconv.Atoi(os.Getenv("LEERLUS_BENCH_EXPORTS_CASES")); err == nil && v >= 1900 {
		total = v
	}
	started := time.Now()
	small := e.own.ID
	a, f := e.casePeople(small)
	seedBenchCases(b, e.cases, small, a.ID, f.ID, 1000)
	seedExportReflections(b, e, small)
	for i := range 9 {
		n := e.freshNetwork()
		e.addMember(res, n.ID, policy.RoleResearcher)
		a, f := e.casePeople(n.ID)
		size := (total - 1000) / 9
		if i < (total-1000)%9 {
			size++
		}
		seedBenchCases(b, e.cases, n.ID, a.ID, f.ID, size)
		seedExportReflections(b, e, n.ID)
	}
	if err := e.cases.Analyze(ctx); err != nil {
		b.Fatal(err)
	}
	var nCases, nCodings int64
	e.db.WithContext(ctx).Table("cases").Count(&nCases)
	e.db.WithContext(ctx).Table("codings").Count(&nCodings)
	b.Logf("seeded %d cases and %d codings in %.1f s", nCases, nCodings, time.Since(started).Seconds())

	run := func(b *testing.B, path string) {
		for b.Loop() {
			clearPeakRSS()
			var peak atomic.Uint64
			stop := sampleHeap(&peak)
			w := &countingWriter{header: http.Header{}}
			req := httptest.NewRequest("GET", path, nil)
			req.AddCookie(&http.Cookie{Name: "leerlus_session", Value: res.cookie})
			t0 := time.Now()
			e.srv.ServeHTTP(w, req)
			d := time.Since(t0)
			stop()
			if w.status != http.StatusOK {
				b.Fatalf("%s: status %d", path, w.status)
			}
			b.ReportMetric(d.Seconds(), "s")
			b.ReportMetric(float64(w.n)/(1<<20), "MiB-out")
			b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(peakRSS())/1024, "peak-RSS-MiB")
		}
	}
	b.Run("codings.csv", func(b *testing.B) { run(b, "/api/v1/exports/codings.csv") })
	b.Run("project.qdpx-1000", func(b *testing.B) { run(b, "/api/v1/exports/project.qdpx?networks="+small) })
}

// seedExportReflections gives every case of a network two published
// reflections of five items with one code each: ten codings per case.
func seedExportReflections(b *testing.B, e *env, network string) {
	ctx := context.Background()
	var caseIDs []string
	if err := e.db.WithContext(ctx).Table("cases").Where("network_id = ?", network).Pluck("id", &caseIDs).Error; err != nil {
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
	list, err := demo.Cases()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, c := range list {
		for _, ep := range c.Episodes {
			texts = append(texts, ep.WhatHappened)
		}
	}
	at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	var batch []review.SeedReflection
	n := 0
	for ci, caseID := range caseIDs {
		for j, perspective := range []string{"ouder", "professional"} {
			n++
			sr := review.SeedReflection{CaseID: caseID, NetworkID: network, AuthorID: authors[j], Perspective: perspective, PublishedBy: fac.ID,
				At: at.Add(time.Duration(n) * time.Second)}
			for k := range 5 {
				effect := review.EffectHelped
				if (ci+k)%2 == 1 {
					effect = review.EffectHindered
				}
				sr.Items = append(sr.Items, review.SeedItem{Question: []string{"worked", "did_not_work"}[k%2], What: texts[(n+k)%len(texts)],
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

// countingWriter is a ResponseWriter that keeps nothing but the status
// and the number of bytes, and can be flushed: what a client reading as
// fast as the server writes costs the server.
type countingWriter struct {
	header http.Header
	status int
	n      int64
}

func (w *countingWriter) Header() http.Header { return w.header }
func (w *countingWriter) WriteHeader(s int) {
	if w.status == 0 {
		w.status = s
	}
}
func (w *countingWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.n += int64(len(p))
	return len(p), nil
}
func (w *countingWriter) Flush() {}

// sampleHeap records the largest live heap until stop is called.
func sampleHeap(peak *atomic.Uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}

// clearPeakRSS resets the process's peak resident set (Linux), so that
// peakRSS tells the peak of what follows.
func clearPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident set in KiB (VmHWM), 0 if unknown.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			v, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return v
		}
	}
	return 0
}
