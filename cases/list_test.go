package cases_test

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/cases"
)

func TestListFilters(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	publish := func(in cases.CaseInput) string { return publishCase(t, w, in) }
	stuck := publish(complete()) // stuck, 2024-Q2 to 2025-Q3, 12-18, neighbourhood team + youth mental health, signalling + access
	good := complete()
	good.Outcome, good.AgeBand = ptr("good"), ptr("4-12")
	good.Start, good.End = &cases.Period{Year: 2020, Quarter: 1}, &cases.Period{Year: 2020, Quarter: 4}
	good.Services = &[]string{"education"}
	good.Episodes = good.Episodes[:1]
	goodID := publish(good)
	// A draft is never in the network's list.
	_, err := w.svc.Create(ctx, w.as(w.author), complete())
	must(t, err)
	// The good case gets a correction: back to the check, out of the list.
	_, err = w.svc.Update(ctx, w.as(w.author), goodID, cases.CaseInput{Title: ptr("Goed verlopen na een vaste coach"), Version: 3})
	must(t, err)

	tests := []struct {
		name   string
		filter cases.Filter
		want   []string
		counts map[string]int
	}{
		{"all published", cases.Filter{}, []string{stuck}, map[string]int{"stuck": 1, "good": 0}},
		{"outcome", cases.Filter{Outcome: "stuck"}, []string{stuck}, map[string]int{"stuck": 1}},
		{"service", cases.Filter{Service: "youth_mental_health"}, []string{stuck}, nil},
		{"service none", cases.Filter{Service: "housing"}, nil, map[string]int{"stuck": 0}},
		{"phase", cases.Filter{Phase: "access"}, []string{stuck}, nil},
		{"phase none", cases.Filter{Phase: "closure"}, nil, nil},
		{"age band", cases.Filter{AgeBand: "12-18"}, []string{stuck}, nil},
		{"running in 2025", cases.Filter{From: &cases.Period{Year: 2025, Quarter: 1}}, []string{stuck}, nil},
		{"started before 2021", cases.Filter{To: &cases.Period{Year: 2020, Quarter: 4}}, nil, nil},
		{"submitted corrections for facilitators", cases.Filter{Status: "submitted"}, []string{goodID}, map[string]int{"good": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := w.svc.List(ctx, w.as(w.fac1), tt.filter, leerlus.Page{Limit: 10})
			must(t, err)
			var got []string
			for _, it := range l.Items {
				got = append(got, it.ID)
			}
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for k, n := range tt.counts {
				if l.ByOutcome[k] != n {
					t.Errorf("count %s = %d, want %d", k, l.ByOutcome[k], n)
				}
			}
		})
	}
	// Members may not list submitted cases; nobody lists others' drafts.
	for _, f := range []cases.Filter{{Status: "submitted"}, {Status: "draft"}} {
		_, err := w.svc.List(ctx, w.as(w.member), f, leerlus.Page{Limit: 10})
		domainError(t, err, leerlus.CodeInvalid)
	}
}

// The counts per outcome come from the page itself when it holds every
// case under the filter, else from a query: both must agree, on every page.
func TestListCountsAgreeAcrossPages(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for _, outcome := range []string{"stuck", "good", "stuck", "mixed", "good", "stuck"} {
		in := complete()
		in.Outcome = ptr(outcome)
		publishCase(t, w, in)
	}
	want := map[string]int{"stuck": 3, "good": 2, "mixed": 1}
	for _, limit := range []int{1, 4, 6, 7, 50} {
		after, pages := "", 0
		for {
			l, err := w.svc.List(ctx, w.as(w.fac1), cases.Filter{}, leerlus.Page{Limit: limit, After: after})
			must(t, err)
			pages++
			for k, n := range want {
				if l.ByOutcome[k] != n {
					t.Errorf("limit %d, page %d: count %s = %d, want %d", limit, pages, k, l.ByOutcome[k], n)
				}
			}
			if l.NextCursor == "" {
				break
			}
			after = l.NextCursor
		}
		if wantPages := (6 + limit - 1) / limit; pages != wantPages {
			t.Errorf("limit %d: %d pages, want %d", limit, pages, wantPages)
		}
	}
	// With an outcome filter the other outcomes are still counted.
	l, err := w.svc.List(ctx, w.as(w.fac1), cases.Filter{Outcome: "good"}, leerlus.Page{Limit: 50})
	must(t, err)
	if len(l.Items) != 2 || l.ByOutcome["stuck"] != 3 || l.ByOutcome["mixed"] != 1 {
		t.Errorf("outcome filter: %d items, counts %v", len(l.Items), l.ByOutcome)
	}
}

// publishCase writes a case as the author, submits it and publishes it as
// the first facilitator.
func publishCase(t *testing.T, w *world, in cases.CaseInput) string {
	t.Helper()
	ctx := context.Background()
	v, err := w.svc.Create(ctx, w.as(w.author), in)
	must(t, err)
	v, err = w.svc.Submit(ctx, w.as(w.author), v.ID, v.Version)
	must(t, err)
	v, err = w.svc.Publish(ctx, w.as(w.fac1), v.ID, v.Version)
	must(t, err)
	return v.ID
}
