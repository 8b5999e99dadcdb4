package cases_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

func TestLifecycleWithFourEyes(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	draft, err := w.svc.Create(ctx, w.as(w.author), cases.CaseInput{Title: ptr("Nog niet af")})
	must(t, err)
	// An incomplete draft cannot be submitted; the answer names what lacks,
	// and the draft itself tells its author beforehand.
	_, err = w.svc.Submit(ctx, w.as(w.author), draft.ID, draft.Version)
	e := domainError(t, err, leerlus.CodeInvalid)
	if len(e.Fields) < 5 || len(draft.Missing) != len(e.Fields) {
		t.Errorf("fields %+v, missing %+v", e.Fields, draft.Missing)
	}
	v, err := w.svc.Create(ctx, w.as(w.author), complete())
	must(t, err)
	// Others do not see a draft.
	for _, p := range []string{w.member, w.fac1, w.rs} {
		_, err := w.svc.Get(ctx, w.as(p), v.ID)
		domainError(t, err, leerlus.CodeNotFound)
	}
	v, err = w.svc.Submit(ctx, w.as(w.author), v.ID, v.Version)
	must(t, err)
	if v.Status != cases.StatusSubmitted {
		t.Fatalf("status %s", v.Status)
	}
	// Submitted: the facilitators see it, a member does not.
	_, err = w.svc.Get(ctx, w.as(w.member), v.ID)
	domainError(t, err, leerlus.CodeNotFound)
	// Withdraw and submit again.
	v, err = w.svc.Withdraw(ctx, w.as(w.author), v.ID, v.Version)
	must(t, err)
	v, err = w.svc.Submit(ctx, w.as(w.author), v.ID, v.Version)
	must(t, err)
	// Only a facilitator who did not write it may check it, and is told so.
	for p, want := range map[string]bool{w.author: false, w.fac1: true, w.member: false} {
		if p == w.member {
			continue // a member does not see a submitted case at all
		}
		got, err := w.svc.Get(ctx, w.as(p), v.ID)
		must(t, err)
		if got.CanCheck != want {
			t.Errorf("can_check for %s: %v", w.as(p).Role, got.CanCheck)
		}
	}
	// The author cannot publish, nor can a member.
	_, err = w.svc.Publish(ctx, w.as(w.author), v.ID, v.Version)
	domainError(t, err, leerlus.CodeForbidden)
	v, err = w.svc.Publish(ctx, w.as(w.fac1), v.ID, v.Version)
	must(t, err)
	if v.Status != cases.StatusPublished || v.PublishedBy == nil || *v.PublishedBy != w.fac1 {
		t.Fatalf("after publish: %s %v", v.Status, v.PublishedBy)
	}
	// A researcher and a member read it without any trace of its author.
	for _, p := range []string{w.rs, w.member} {
		got, err := w.svc.Get(ctx, w.as(p), v.ID)
		must(t, err)
		if got.Author != nil || got.AuthorID != "" || got.LastEditorID != "" || got.PublishedBy != nil || got.Marks != nil || got.Mine {
			t.Errorf("%s sees the author: %+v %q %v", w.as(p).Role, got.Author, got.LastEditorID, got.PublishedBy)
		}
	}
	got, err := w.svc.Get(ctx, w.as(w.fac2), v.ID)
	must(t, err)
	if got.Author == nil || got.Author.ID != w.author {
		t.Errorf("a facilitator sees no author")
	}
	// A correction by the author goes back to the check and out of sight.
	v, err = w.svc.Update(ctx, w.as(w.author), v.ID, cases.CaseInput{Summary: ptr("Een jongere zat maanden thuis; school en zorg zochten samen naar een plek."), Version: v.Version})
	must(t, err)
	if v.Status != cases.StatusSubmitted || !v.Correction {
		t.Fatalf("after correction: %s %v", v.Status, v.Correction)
	}
	_, err = w.svc.Get(ctx, w.as(w.member), v.ID)
	domainError(t, err, leerlus.CodeNotFound)
	// Sent back with a comment, which is screened like every text.
	_, err = w.svc.SendBack(ctx, w.as(w.fac2), v.ID, cases.Review{Version: v.Version, Comment: "Haal de naam Jan de Vries weg."})
	domainError(t, err, leerlus.CodeIdentifying)
	v, err = w.svc.SendBack(ctx, w.as(w.fac2), v.ID, cases.Review{Version: v.Version, Comment: "Maak de samenvatting wat korter."})
	must(t, err)
	if v.Status != cases.StatusDraft || v.ReviewComment != "Maak de samenvatting wat korter." {
		t.Fatalf("after send back: %s %q", v.Status, v.ReviewComment)
	}
	// Published cases are archived, not deleted; drafts are deleted.
	v, err = w.svc.Submit(ctx, w.as(w.author), v.ID, v.Version)
	must(t, err)
	v, err = w.svc.Publish(ctx, w.as(w.fac2), v.ID, v.Version)
	must(t, err)
	err = w.svc.Delete(ctx, w.as(w.author), v.ID, v.Version)
	domainError(t, err, leerlus.CodeConflict)
	_, err = w.svc.Archive(ctx, w.as(w.member), v.ID, v.Version)
	domainError(t, err, leerlus.CodeForbidden)
	v, err = w.svc.Archive(ctx, w.as(w.fac1), v.ID, v.Version)
	must(t, err)
	if v.Status != cases.StatusArchived {
		t.Errorf("status %s", v.Status)
	}
	must(t, w.svc.Delete(ctx, w.as(w.author), draft.ID, draft.Version))
	_, err = w.svc.Get(ctx, w.as(w.author), draft.ID)
	domainError(t, err, leerlus.CodeNotFound)
}

func TestFacilitatorCannotPublishOwnCase(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	v, err := w.svc.Create(ctx, w.as(w.fac1), complete())
	must(t, err)
	v, err = w.svc.Submit(ctx, w.as(w.fac1), v.ID, v.Version)
	must(t, err)
	_, err = w.svc.Publish(ctx, w.as(w.fac1), v.ID, v.Version)
	domainError(t, err, leerlus.CodeForbidden)
	_, err = w.svc.SendBack(ctx, w.as(w.fac1), v.ID, cases.Review{Version: v.Version, Comment: "zelf"})
	domainError(t, err, leerlus.CodeForbidden)
	_, err = w.svc.Publish(ctx, w.as(w.fac2), v.ID, v.Version)
	must(t, err)
}

func TestRealIdentifierVerdictsAreTallied(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	in := complete()
	in.Summary = ptr("Gesprek met Jan de Vries over de planning van de hulp.")
	in.Dismissed = []cases.MarkInput{{Field: "/summary", Type: "person", Start: 12, End: 24}}
	v, err := w.svc.Create(ctx, w.as(w.author), in)
	must(t, err)
	v, err = w.svc.Submit(ctx, w.as(w.author), v.ID, v.Version)
	must(t, err)
	got, err := w.svc.Get(ctx, w.as(w.fac1), v.ID)
	must(t, err)
	if len(got.Marks) != 1 || got.Marks[0].Kind != cases.MarkDismissed {
		t.Fatalf("the facilitator sees marks %+v", got.Marks)
	}
	_, err = w.svc.SendBack(ctx, w.as(w.fac1), v.ID, cases.Review{Version: v.Version, Comment: "Dit is echt een naam.", RealIdentifiers: []string{got.Marks[0].ID}, Missed: []string{"phone"}})
	must(t, err)
	report, err := w.svc.Quality(ctx, time.Time{})
	must(t, err)
	for _, q := range report {
		switch q.Type {
		case "person":
			if q.RealIdentifiers != 1 || q.Findings() != 1 || q.DismissalRate() != 1 {
				t.Errorf("person row %+v", q)
			}
		case "phone":
			if q.Missed != 1 {
				t.Errorf("phone row %+v", q)
			}
		}
	}
	var verdict string
	must(t, w.db.WithContext(ctx).Raw("SELECT verdict FROM anonymity_marks WHERE id = ?", got.Marks[0].ID).Scan(&verdict).Error)
	var n int
	must(t, w.db.WithContext(ctx).Raw("SELECT COALESCE(SUM(count), 0) FROM anonymiser_tallies WHERE event = 'real_identifier' AND finding_type = 'person'").Scan(&n).Error)
	if verdict != cases.VerdictRealIdentifier || n != 1 {
		t.Errorf("verdict %q, tally %d", verdict, n)
	}
}

func TestReadsByOthersAreAudited(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	v, err := w.svc.Create(ctx, w.as(w.author), complete())
	must(t, err)
	v, err = w.svc.Submit(ctx, w.as(w.author), v.ID, v.Version)
	must(t, err)
	_, err = w.svc.Publish(ctx, w.as(w.fac1), v.ID, v.Version)
	must(t, err)
	audited := func(action policy.AuditAction, person string) int64 {
		var n int64
		must(t, w.db.WithContext(ctx).Table("audit_log").Where("action = ? AND actor_id = ?", action, person).Count(&n).Error)
		return n
	}
	_, err = w.svc.Get(ctx, w.as(w.author), v.ID)
	must(t, err)
	_, err = w.svc.Get(ctx, w.as(w.rs), v.ID)
	must(t, err)
	if audited(policy.ActionCaseRead, w.author) != 0 || audited(policy.ActionCaseRead, w.rs) != 1 {
		t.Errorf("reads audited: author %d, researcher %d", audited(policy.ActionCaseRead, w.author), audited(policy.ActionCaseRead, w.rs))
	}
	l, err := w.svc.List(ctx, w.as(w.rs), cases.Filter{Outcome: "stuck", Service: "youth_mental_health"}, leerlus.Page{Limit: 10})
	must(t, err)
	if len(l.Items) != 1 || l.ByOutcome["stuck"] != 1 || l.Items[0].AuthorID != "" {
		t.Fatalf("list %+v", l)
	}
	if it := l.Items[0]; it.EpisodeCount != 2 || strings.Join(it.Services, ",") != "neighbourhood_team,youth_mental_health" {
		t.Errorf("summary: %d episodes, services %v", it.EpisodeCount, it.Services)
	}
	var detail string
	must(t, w.db.WithContext(ctx).Raw("SELECT detail FROM audit_log WHERE action = ? AND actor_id = ?", policy.ActionCasesListed, w.rs).Scan(&detail).Error)
	if detail != "list outcome=stuck service=youth_mental_health" {
		t.Errorf("list audit detail %q", detail)
	}
	// The author's own list is not audited.
	_, err = w.svc.List(ctx, w.as(w.author), cases.Filter{Mine: true}, leerlus.Page{Limit: 10})
	must(t, err)
	if audited(policy.ActionCasesListed, w.author) != 0 {
		t.Error("the author's own list was audited")
	}
}
