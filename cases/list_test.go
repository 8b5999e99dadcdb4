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

// On SQLite a list page is kept in memory under the network's case
// revision, which the database moves on with every write to a case.
// Whatever writes — the service, another instance, plain SQL — the next
// list shows it, and what one caller may not see never reaches another
// through a kept page. PostgreSQL keeps no pages: the lists must hold
// there all the same.
func TestListIsNeverStale(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	counted := w.db.Dialect == leerlus.SQLite
	list := func(as string) *cases.Listing {
		t.Helper()
		l, err := w.svc.List(ctx, w.as(as), cases.Filter{}, leerlus.Page{Limit: 10})
		must(t, err)
		return l
	}
	titles := func(l *cases.Listing) []string {
		var out []string
		for _, it := range l.Items {
			out = append(out, it.Title)
		}
		return out
	}
	revision := func() int64 {
		t.Helper()
		if !counted {
			return 0
		}
		var r []int64
		must(t, w.db.Gorm.Raw("SELECT revision FROM case_revisions WHERE network_id = ?", w.network).Scan(&r).Error)
		if len(r) == 0 {
			return 0
		}
		return r[0]
	}

	if l := list(w.fac1); len(l.Items) != 0 || revision() != 0 {
		t.Fatalf("empty network: %d items, revision %d", len(l.Items), revision())
	}
	first := publishCase(t, w, complete())
	afterPublish := revision()
	if counted && afterPublish < 3 { // created, submitted, published
		t.Errorf("revision %d after three writes", afterPublish)
	}
	if got := titles(list(w.fac1)); len(got) != 1 {
		t.Fatalf("after publishing: %v", got)
	}

	// Plain SQL, as an operator or another instance would write.
	must(t, w.db.Gorm.Exec("UPDATE cases SET title = ? WHERE id = ?", "Door een ander geschreven", first).Error)
	if counted && revision() != afterPublish+1 {
		t.Errorf("revision %d after an UPDATE, want %d", revision(), afterPublish+1)
	}
	if got := titles(list(w.fac1)); len(got) != 1 || got[0] != "Door een ander geschreven" {
		t.Errorf("after an UPDATE outside the service: %v", got)
	}

	// The same kept page for a facilitator, a researcher and a member:
	// only the facilitator learns the author, every time.
	for i, as := range []string{w.fac1, w.rs, w.member, w.fac1} {
		it := list(as).Items[0]
		if knows := as == w.fac1; (it.AuthorID != "") != knows {
			t.Errorf("list %d: author %q shown to %s", i, it.AuthorID, as)
		}
	}

	// A second case, then the first archived: each shows at once.
	second := publishCase(t, w, complete())
	if l := list(w.member); len(l.Items) != 2 || l.Items[0].ID != second {
		t.Errorf("after a second case: %v", titles(l))
	}
	v, err := w.svc.Get(ctx, w.as(w.fac1), first)
	must(t, err)
	_, err = w.svc.Archive(ctx, w.as(w.fac1), first, v.Version)
	must(t, err)
	if l := list(w.member); len(l.Items) != 1 || l.Items[0].ID != second || l.ByOutcome["stuck"] != 1 {
		t.Errorf("after archiving: %v, counts %v", titles(l), l.ByOutcome)
	}
}
