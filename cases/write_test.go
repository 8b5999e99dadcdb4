package cases_test

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/cases"
)

func TestCreateRefusesIdentifiersAndStoresNothing(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	in := complete()
	in.Episodes[1].WhatHappened = ptr("De moeder belde Jan de Vries, BSN 123456782.")
	_, err := w.svc.Create(ctx, w.as(w.author), in)
	e := domainError(t, err, leerlus.CodeIdentifying)
	want := map[string]bool{"person": true, "bsn": true}
	for _, f := range e.Findings {
		if f.Field != "/episodes/1/what_happened" || !f.Direct || !want[f.Type] {
			t.Errorf("unexpected finding %+v", f)
		}
		delete(want, f.Type)
	}
	if len(want) > 0 {
		t.Errorf("findings missing: %v", want)
	}
	for _, table := range []string{"cases", "case_episodes", "anonymity_marks"} {
		if n := w.count(t, table); n != 0 {
			t.Errorf("%s has %d rows after a refused write", table, n)
		}
	}
}

func TestFindingOffsetsCountUTF16Units(t *testing.T) {
	w := newWorld(t)
	in := cases.CaseInput{Title: ptr("Een titel"), Summary: ptr("😀 Jan de Vries kwam langs.")}
	_, err := w.svc.Create(context.Background(), w.as(w.author), in)
	e := domainError(t, err, leerlus.CodeIdentifying)
	if len(e.Findings) != 1 {
		t.Fatalf("findings: %+v", e.Findings)
	}
	// The emoji is two UTF-16 units (four bytes), then a space.
	if f := e.Findings[0]; f.Start != 3 || f.End != 15 || f.Tag != "[PERSOON-1]" || f.Field != "/summary" {
		t.Errorf("finding %+v, want /summary 3–15 [PERSOON-1]", f)
	}
}

func TestDismissedAndConfirmedFindingsAreStoredAsMarks(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	tests := []struct {
		name      string
		summary   string
		decisions cases.Decisions
		wantErr   bool
		wantMarks int
	}{
		{name: "quasi unconfirmed", summary: "Ze zat op basisschool De Regenboog in Dokkum.", wantErr: true},
		{name: "quasi confirmed", summary: "Ze zat op basisschool De Regenboog in Dokkum.", decisions: cases.Decisions{Confirmed: []cases.MarkInput{
			{Field: "/summary", Type: "institution", Start: 22, End: 34}, {Field: "/summary", Type: "place", Start: 38, End: 44}}}, wantMarks: 2},
		{name: "confirmation at other offsets does not count", summary: "Ze zat op basisschool De Regenboog in Dokkum.", decisions: cases.Decisions{Confirmed: []cases.MarkInput{
			{Field: "/summary", Type: "institution", Start: 21, End: 34}, {Field: "/summary", Type: "place", Start: 38, End: 44}}}, wantErr: true},
		{name: "direct identifier dismissed", summary: "Gesprek met Jan de Vries over de planning.", decisions: cases.Decisions{Dismissed: []cases.MarkInput{
			{Field: "/summary", Type: "person", Start: 12, End: 24}}}, wantMarks: 1},
		{name: "a dismissal is not a confirmation", summary: "Gesprek met Jan de Vries over de planning.", decisions: cases.Decisions{Confirmed: []cases.MarkInput{
			{Field: "/summary", Type: "person", Start: 12, End: 24}}}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := cases.CaseInput{Title: ptr("Een titel"), Summary: ptr(tt.summary), Decisions: tt.decisions}
			v, err := w.svc.Create(ctx, w.as(w.author), in)
			if tt.wantErr {
				domainError(t, err, leerlus.CodeIdentifying)
				return
			}
			must(t, err)
			if len(v.Marks) != tt.wantMarks {
				t.Fatalf("marks %+v, want %d", v.Marks, tt.wantMarks)
			}
			for _, m := range v.Marks {
				if m.ObjectID != v.ID || m.Field != "/summary" {
					t.Errorf("mark %+v", m)
				}
			}
		})
	}
}

func TestUpdateNeedsTheCurrentVersion(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	v, err := w.svc.Create(ctx, w.as(w.author), complete())
	must(t, err)
	_, err = w.svc.Update(ctx, w.as(w.author), v.ID, cases.CaseInput{Title: ptr("Eerste wijziging"), Version: v.Version})
	must(t, err)
	_, err = w.svc.Update(ctx, w.as(w.author), v.ID, cases.CaseInput{Title: ptr("Tweede, op oude versie"), Version: v.Version})
	e := domainError(t, err, leerlus.CodeConflict)
	if len(e.Fields) != 1 || e.Fields[0].Code != leerlus.FieldStaleVersion {
		t.Errorf("fields %+v", e.Fields)
	}
	got, err := w.svc.Get(ctx, w.as(w.author), v.ID)
	must(t, err)
	if got.Title != "Eerste wijziging" {
		t.Errorf("title %q: the stale edit was applied", got.Title)
	}
}

func TestEpisodesHaveTheirOwnVersions(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	v, err := w.svc.Create(ctx, w.as(w.author), complete())
	must(t, err)
	a, b := v.Episodes[0], v.Episodes[1]
	// Two edits based on what was read before either: both land.
	_, err = w.svc.UpdateEpisode(ctx, w.as(w.author), v.ID, a.ID, cases.EpisodeInput{WhatHappened: ptr("De mentor belde de ouder meteen."), Version: a.Version})
	must(t, err)
	_, err = w.svc.UpdateEpisode(ctx, w.as(w.author), v.ID, b.ID, cases.EpisodeInput{Effect: ptr("neutral"), Version: b.Version})
	must(t, err)
	// The same episode twice on one version: the second is refused.
	_, err = w.svc.UpdateEpisode(ctx, w.as(w.author), v.ID, a.ID, cases.EpisodeInput{Effect: ptr("hindered"), Version: a.Version})
	domainError(t, err, leerlus.CodeConflict)
	got, err := w.svc.Get(ctx, w.as(w.author), v.ID)
	must(t, err)
	if got.Episodes[0].WhatHappened != "De mentor belde de ouder meteen." || got.Episodes[1].Effect != "neutral" || got.Episodes[0].Effect != "helped" {
		t.Errorf("episodes %+v", got.Episodes)
	}
	// Add one in front, reorder, remove.
	e, err := w.svc.AddEpisode(ctx, w.as(w.author), v.ID, cases.EpisodeInput{Phase: ptr("help"), WhatHappened: ptr("Een vaste hulpverlener nam de regie."), Duration: ptr("4_12w"), Effect: ptr("helped"), Position: ptr(1)})
	must(t, err)
	var mask int
	must(t, w.db.WithContext(ctx).Raw("SELECT phase_mask FROM cases WHERE id = ?", v.ID).Scan(&mask).Error)
	if want := cases.Phases.Mask("signalling", "access", "help"); mask != want {
		t.Errorf("phase mask %b, want %b", mask, want)
	}
	got, err = w.svc.Get(ctx, w.as(w.author), v.ID)
	must(t, err)
	if got.Episodes[0].ID != e.ID || got.Episodes[1].ID != a.ID || got.Episodes[2].ID != b.ID {
		t.Fatalf("order after insert: %v", ids(got.Episodes))
	}
	got, err = w.svc.ReorderEpisodes(ctx, w.as(w.author), v.ID, got.Version, []string{b.ID, e.ID, a.ID})
	must(t, err)
	if got.Episodes[0].ID != b.ID || got.Episodes[2].ID != a.ID {
		t.Fatalf("order after reorder: %v", ids(got.Episodes))
	}
	_, err = w.svc.ReorderEpisodes(ctx, w.as(w.author), v.ID, got.Version, []string{b.ID, e.ID})
	domainError(t, err, leerlus.CodeInvalid)
	must(t, w.svc.DeleteEpisode(ctx, w.as(w.author), v.ID, e.ID, e.Version))
	got, err = w.svc.Get(ctx, w.as(w.author), v.ID)
	must(t, err)
	if len(got.Episodes) != 2 || got.Episodes[0].Position != 1 || got.Episodes[1].Position != 2 {
		t.Errorf("after delete: %+v", got.Episodes)
	}
	// Someone else cannot touch the timeline, not even see the draft.
	_, err = w.svc.AddEpisode(ctx, w.as(w.member), v.ID, cases.EpisodeInput{Phase: ptr("help")})
	domainError(t, err, leerlus.CodeNotFound)
}

func ids(es []cases.Episode) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}
