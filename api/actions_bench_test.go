package api_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"leerlus"
	"leerlus/dbtest"
	"leerlus/review"
)

// benchActions is how many actions the board benchmark's network holds:
// the figure the issue names.
const benchActions = 5_000

// BenchmarkActionBoard5k measures the server time of the action routes
// (router, authorization, handler, database, JSON) on a network with
// 5,000 improvement actions in every status and phase, a tenth overdue
// and a tenth stalled, and reports p50 and p95. It runs only when asked:
// LEERLUS_BENCH_ACTIONS=1 (make bench-actions).
func BenchmarkActionBoard5k(b *testing.B) {
	if os.Getenv("LEERLUS_BENCH_ACTIONS") == "" {
		b.Skip("set LEERLUS_BENCH_ACTIONS=1 (make bench-actions)")
	}
	e := newEnvOn(b, dbtest.Open(b), true)
	started := time.Now()
	ids := seedBenchActions(b, e, e.own.ID, benchActions)
	// Another network of the same size, so the board reads its own rows
	// among others.
	seedBenchActions(b, e, e.other.ID, benchActions)
	if err := e.cases.Analyze(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d actions in each of two networks in %.1f s", benchActions, time.Since(started).Seconds())
	net := "/api/v1/networks/" + e.own.ID
	mgr, mem := e.people[manager], e.people[member]
	ops := []struct {
		name string
		run  func(i int)
	}{
		{"board-first-page", func(int) { serve(b, e, "GET", net+"/actions?limit=50", mem, nil, 200, nil) }},
		{"board-filtered", func(i int) {
			q := []string{"status=in_progress", "phase=check", "overdue=true", "stalled=true", "owner=me&status=accepted"}[i%5]
			serve(b, e, "GET", net+"/actions?limit=50&"+q, mgr, nil, 200, nil)
		}},
		{"attention", func(int) { serve(b, e, "GET", net+"/attention?limit=50", mgr, nil, 200, nil) }},
		{"digest", func(int) { serve(b, e, "GET", net+"/digest", mgr, nil, 200, nil) }},
		{"action-page", func(i int) { serve(b, e, "GET", "/api/v1/actions/"+ids[i%len(ids)], mem, nil, 200, nil) }},
	}
	for _, op := range ops {
		b.Run(op.name, func(b *testing.B) {
			var times []time.Duration
			i := 0
			for b.Loop() {
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

// seedBenchActions writes n actions straight into a network: statuses and
// phases in turn, a due date in the past for every tenth open one, an
// acceptance long ago for every tenth running one, and the fixture
// managers as owners.
func seedBenchActions(b *testing.B, e *env, network string, n int) []string {
	now := time.Now().UTC().Truncate(time.Microsecond)
	owners := []string{e.people[manager].ID, e.admin.ID}
	rows := make([]review.Action, n)
	ids := make([]string, n)
	for i := range rows {
		st := review.ActionStatuses[i%len(review.ActionStatuses)]
		a := review.Action{ID: leerlus.NewID(), NetworkID: network, Title: fmt.Sprintf("Verbeteractie %d", i),
			Description: "Een vaste contactpersoon voor jongeren op de wachtlijst.", Kind: review.ActionKinds[i%3],
			Phase: review.Phases[(i/5)%4], Status: st, ProposedBy: &e.people[member].ID, CreatedAt: now, UpdatedAt: now, Version: 1}
		due := now.AddDate(0, 2, 0).Format("2006-01-02")
		if i%10 == 3 {
			due = now.AddDate(0, -1, 0).Format("2006-01-02")
		}
		a.DueOn = &due
		if st != review.ActionProposed {
			accepted := now.AddDate(0, 0, -10)
			if i%10 == 6 {
				accepted = now.AddDate(0, 0, -90)
			}
			a.OwnerID, a.AcceptedAt = &owners[i%2], &accepted
		}
		rows[i], ids[i] = a, a.ID
	}
	if err := e.db.Gorm.CreateInBatches(rows, 500).Error; err != nil {
		b.Fatal(err)
	}
	return ids
}
