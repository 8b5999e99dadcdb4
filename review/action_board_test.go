package review_test

import (
	"sort"
	"testing"

	"leerlus"
	"leerlus/review"
)

// boardScene is a network with actions in every status, some overdue
// and some without progress for a long time.
type boardScene struct {
	proposed, accepted, running, done, stopped *review.ActionView
	overdue, quiet, mine                       *review.ActionView
}

func newBoardScene(w *actionWorld) boardScene {
	var s boardScene
	s.proposed = w.inStatus("Voorstel", review.ActionProposed)
	s.accepted = w.inStatus("Aangenomen", review.ActionAccepted)
	s.running = w.inStatus("Loopt", review.ActionInProgress)
	s.done = w.inStatus("Klaar", review.ActionDone)
	s.stopped = w.inStatus("Gestopt", review.ActionStopped)
	// Overdue: due yesterday, owned by the first manager.
	s.overdue = w.inStatus("Te laat", review.ActionInProgress)
	var err error
	s.overdue, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), s.overdue.ID, review.ActionEdit{Version: s.overdue.Version, DueOn: ptr("2026-12-05"), Phase: ptr("do")})
	w.must(err)
	// Quiet: running, with progress written 30 days on (so it stalls
	// later than the others, which only have their acceptance).
	s.quiet = w.inStatus("Stil", review.ActionInProgress)
	_, err = w.later(30).AddProgress(w.ctx, w.as(w.mgr), s.quiet.ID, review.ProgressInput{Text: "Gestart met twee teams."})
	w.must(err)
	// Owned by the second manager, due in the future.
	s.mine = w.inStatus("Van manager 2", review.ActionProposed)
	s.mine, err = w.svc.ChangeStatus(w.ctx, w.as(w.mgr), s.mine.ID, review.StatusChange{Version: s.mine.Version, Status: "accepted", OwnerID: w.mgr2})
	w.must(err)
	// A done action past its date is not overdue.
	_, err = w.svc.ChangeStatus(w.ctx, w.as(w.mgr), s.done.ID, review.StatusChange{Version: s.done.Version, Status: "in_progress"})
	w.must(err)
	d, err := w.svc.GetAction(w.ctx, w.as(w.mgr), s.done.ID)
	w.must(err)
	d, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), d.ID, review.ActionEdit{Version: d.Version, DueOn: ptr("2026-01-01")})
	w.must(err)
	s.done = w.step(d, "done", "")
	return s
}

func titles(items []review.ActionSummary) []string {
	out := make([]string, len(items))
	for i, a := range items {
		out[i] = a.Title
	}
	sort.Strings(out)
	return out
}

func TestBoardCountsAndFilters(t *testing.T) {
	w := newActionWorld(t)
	newBoardScene(w)
	all, err := w.svc.Actions(w.ctx, w.as(w.member), review.ActionFilter{}, leerlus.Page{Limit: 50})
	w.must(err)
	if all.Total != 8 || len(all.Items) != 8 || all.StalledAfterDays != 60 {
		t.Fatalf("total %d items %d", all.Total, len(all.Items))
	}
	wantStatus := map[review.ActionStatus]int{"proposed": 1, "accepted": 2, "in_progress": 3, "done": 1, "stopped": 1}
	for st, n := range wantStatus {
		if all.ByStatus[st] != n {
			t.Errorf("status %s: %d, want %d", st, all.ByStatus[st], n)
		}
	}
	if all.ByPhase["plan"] != 7 || all.ByPhase["do"] != 1 || all.Overdue != 1 || all.Stalled != 0 {
		t.Errorf("phases %v overdue %d stalled %d", all.ByPhase, all.Overdue, all.Stalled)
	}
	// Two actions follow up one recurring lesson; another lesson has none.
	followed, quiet := w.group(w.network, "Vraag de jongere eerst"), w.group(w.network, "Bel de school")
	for _, title := range []string{"Loopt", "Van manager 2"} {
		for _, a := range all.Items {
			if a.Title == title {
				v, err := w.svc.GetAction(w.ctx, w.as(w.mgr), a.ID)
				w.must(err)
				_, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), a.ID, review.ActionEdit{Version: v.Version, Lessons: &[]string{followed}})
				w.must(err)
			}
		}
	}
	for _, tc := range []struct {
		name string
		f    review.ActionFilter
		want []string
	}{
		{"lesson", review.ActionFilter{Lesson: followed}, []string{"Loopt", "Van manager 2"}},
		{"lesson without actions", review.ActionFilter{Lesson: quiet}, []string{}},
		{"lesson and status", review.ActionFilter{Lesson: followed, Status: "accepted"}, []string{"Van manager 2"}},
		{"status", review.ActionFilter{Status: "in_progress"}, []string{"Loopt", "Stil", "Te laat"}},
		{"phase", review.ActionFilter{Phase: "do"}, []string{"Te laat"}},
		{"owner", review.ActionFilter{Owner: w.mgr2}, []string{"Van manager 2"}},
		{"overdue", review.ActionFilter{Overdue: true}, []string{"Te laat"}},
		{"stalled today", review.ActionFilter{Stalled: true}, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := w.svc.Actions(w.ctx, w.as(w.researcher), tc.f, leerlus.Page{Limit: 50})
			w.must(err)
			if got := titles(b.Items); !equal(got, tc.want) {
				t.Errorf("items %v, want %v", got, tc.want)
			}
		})
	}
	// The counts follow the owner filter, not the status filter.
	b, err := w.svc.Actions(w.ctx, w.as(w.mgr2), review.ActionFilter{Owner: "me", Status: "done"}, leerlus.Page{Limit: 50})
	w.must(err)
	if b.Total != 1 || b.ByStatus["accepted"] != 1 || len(b.Items) != 0 {
		t.Errorf("mine: total %d by status %v items %d", b.Total, b.ByStatus, len(b.Items))
	}
	// Paging walks every action once, newest first.
	seen := map[string]bool{}
	p := leerlus.Page{Limit: 3}
	for range 5 {
		b, err := w.svc.Actions(w.ctx, w.as(w.member), review.ActionFilter{}, p)
		w.must(err)
		for _, a := range b.Items {
			if seen[a.ID] {
				t.Errorf("%s twice", a.Title)
			}
			seen[a.ID] = true
		}
		if b.NextCursor == "" {
			break
		}
		p.After = b.NextCursor
	}
	if len(seen) != 8 {
		t.Errorf("paging saw %d actions", len(seen))
	}
	_, err = w.svc.Actions(w.ctx, w.as(w.member), review.ActionFilter{Status: "open", Phase: "pdca", Owner: "x", Lesson: "y"}, leerlus.Page{Limit: 5})
	if f := fieldsOf(domainError(t, err, leerlus.CodeInvalid)); f["status"] != leerlus.FieldOneOf || f["phase"] != leerlus.FieldOneOf || f["owner"] != leerlus.FieldFormat || f["lesson"] != leerlus.FieldFormat {
		t.Errorf("fields %v", f)
	}
	if n := w.Count("audit_log", "action = 'actions.listed'"); n < 7 {
		t.Errorf("%d list entries", n)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestStalledActions(t *testing.T) {
	w := newActionWorld(t)
	newBoardScene(w)
	for _, tc := range []struct {
		name  string
		days  int
		opts  []review.Option
		want  []string
		after int
	}{
		// The accepted and running actions without progress stall after
		// 60 days from their acceptance; the one with progress, from it.
		{"day 60", 60, nil, []string{}, 60},
		{"day 61", 61, nil, []string{"Aangenomen", "Loopt", "Te laat", "Van manager 2"}, 60},
		{"configured 30 days", 31, []review.Option{review.StalledAfterDays(30)}, []string{"Aangenomen", "Loopt", "Te laat", "Van manager 2"}, 30},
		{"a bad setting keeps 60", 31, []review.Option{review.StalledAfterDays(0)}, []string{}, 60},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := w.later(tc.days, tc.opts...)
			b, err := svc.Actions(w.ctx, w.as(w.mgr), review.ActionFilter{Stalled: true}, leerlus.Page{Limit: 50})
			w.must(err)
			if got := titles(b.Items); !equal(got, tc.want) || b.StalledAfterDays != tc.after {
				t.Errorf("stalled %v (after %d), want %v", got, b.StalledAfterDays, tc.want)
			}
			for _, a := range b.Items {
				if !a.Stalled {
					t.Errorf("%s is listed but not flagged", a.Title)
				}
			}
		})
	}
	// Progress restarts the clock.
	svc := w.later(61)
	b, err := svc.Actions(w.ctx, w.as(w.mgr), review.ActionFilter{Stalled: true}, leerlus.Page{Limit: 50})
	w.must(err)
	_, err = svc.AddProgress(w.ctx, w.as(w.mgr), b.Items[0].ID, review.ProgressInput{Text: "Weer opgepakt."})
	w.must(err)
	b2, err := svc.Actions(w.ctx, w.as(w.mgr), review.ActionFilter{Stalled: true}, leerlus.Page{Limit: 50})
	w.must(err)
	if b2.Stalled != b.Stalled-1 {
		t.Errorf("stalled %d after progress, before %d", b2.Stalled, b.Stalled)
	}
}

func TestAttentionAndDigest(t *testing.T) {
	w := newActionWorld(t)
	newBoardScene(w)
	svc := w.later(61)
	for _, tc := range []struct {
		name string
		who  string
		want []string
	}{
		// Owned and overdue or stalled, and the proposals awaiting a manager.
		{"first manager", w.mgr, []string{"Aangenomen", "Loopt", "Te laat", "Voorstel"}},
		{"second manager", w.mgr2, []string{"Van manager 2", "Voorstel"}},
		{"member", w.member, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items, _, err := svc.Attention(w.ctx, w.as(tc.who), leerlus.Page{Limit: 50})
			w.must(err)
			got := make([]review.ActionSummary, len(items))
			for i, it := range items {
				got[i] = it.ActionSummary
				if len(it.Reasons) == 0 {
					t.Errorf("%s has no reason", it.Title)
				}
			}
			if !equal(titles(got), tc.want) {
				t.Errorf("attention %v, want %v", titles(got), tc.want)
			}
		})
	}
	items, _, err := svc.Attention(w.ctx, w.as(w.mgr), leerlus.Page{Limit: 50})
	w.must(err)
	for _, it := range items {
		if it.Title == "Te laat" && !equal(it.Reasons, []string{"overdue", "stalled"}) {
			t.Errorf("reasons %v", it.Reasons)
		}
	}
	d, err := svc.Digest(w.ctx, w.as(w.mgr))
	w.must(err)
	if !equal(titles(d.Overdue), []string{"Te laat"}) || d.OverdueCount != 1 ||
		!equal(titles(d.Stalled), []string{"Aangenomen", "Loopt", "Te laat", "Van manager 2"}) || d.StalledCount != 4 ||
		!equal(titles(d.Awaiting), []string{"Voorstel"}) || d.AwaitingCount != 1 || d.Today != "2027-02-05" {
		t.Errorf("digest overdue %v stalled %v awaiting %v today %s", titles(d.Overdue), titles(d.Stalled), titles(d.Awaiting), d.Today)
	}
}
