package cases_test

import (
	"context"
	"strings"
	"testing"

	"leerlus"
	"leerlus/cases"
)

func TestOnePersonKeepsOneTagAcrossTheCase(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	// The summary already holds a tag the author typed: its number is taken.
	v, err := w.svc.Create(ctx, w.as(w.author), cases.CaseInput{Title: ptr("Een titel"), Summary: ptr("[PERSOON-1] belde de school.")})
	must(t, err)
	steps := []struct {
		text string
		tags []string
	}{
		{"De moeder sprak Jan de Vries op het spreekuur.", []string{"[PERSOON-2]"}},
		{"Later belde Piet Bakker en daarna weer Jan.", []string{"[PERSOON-3]", "[PERSOON-2]"}},
		{"J. de Vries schreef een brief.", []string{"[PERSOON-2]"}},
	}
	for _, st := range steps {
		fs, err := w.svc.Scan(ctx, w.as(w.author), v.ID, st.text)
		must(t, err)
		var got []string
		for _, f := range fs {
			if f.Type == "person" {
				got = append(got, f.Tag)
			}
		}
		if strings.Join(got, " ") != strings.Join(st.tags, " ") {
			t.Errorf("%q: tags %v, want %v", st.text, got, st.tags)
		}
	}
	// A refused write gives the same tag as the scan did.
	_, err = w.svc.AddEpisode(ctx, w.as(w.author), v.ID, cases.EpisodeInput{WhatHappened: ptr("Piet Bakker kwam op huisbezoek.")})
	e := domainError(t, err, leerlus.CodeIdentifying)
	if len(e.Findings) != 1 || e.Findings[0].Tag != "[PERSOON-3]" || e.Findings[0].Field != "/what_happened" {
		t.Errorf("findings %+v", e.Findings)
	}
	// What is stored of the numbering holds no name.
	var numbering string
	must(t, w.db.WithContext(ctx).Raw("SELECT numbering FROM cases WHERE id = ?", v.ID).Scan(&numbering).Error)
	if numbering == "" {
		t.Fatal("no numbering stored")
	}
	for _, name := range []string{"jan", "vries", "piet", "bakker"} {
		if strings.Contains(strings.ToLower(numbering), name) {
			t.Errorf("the stored numbering holds %q: %s", name, numbering)
		}
	}
	// Only the author scans in their case.
	_, err = w.svc.Scan(ctx, w.as(w.member), v.ID, "Jan")
	domainError(t, err, leerlus.CodeNotFound)
}

func TestScanRefusesTextsLongerThanAnyField(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	v, err := w.svc.Create(ctx, w.as(w.author), cases.CaseInput{Title: ptr("Een titel")})
	must(t, err)
	_, err = w.svc.Scan(ctx, w.as(w.author), v.ID, strings.Repeat("woord ", 2000))
	e := domainError(t, err, leerlus.CodeInvalid)
	if len(e.Fields) != 1 || e.Fields[0].Field != "text" || e.Fields[0].Code != leerlus.FieldTooLong {
		t.Errorf("fields %+v", e.Fields)
	}
}
