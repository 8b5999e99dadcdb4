package review

import (
	"context"

	"leerlus"
	"leerlus/cases"
)

// The codings a merge must keep hang on reflections of a published case.
// The reflection writer is not part of the codebook, so these fixtures
// insert reflections, items, codings and lessons as rows: exactly what
// the merge reads and moves.

// publishedCase writes a complete case as the author and publishes it as
// the first facilitator (four eyes), through the case service.
func (w *codebookWorld) publishedCase() string {
	w.t.Helper()
	ctx := context.Background()
	author := w.as(w.author)
	author.Scope = leerlus.ScopeOwn
	v, err := w.cases.Create(ctx, author, cases.CaseInput{
		Title: new("Lang wachten op passende hulp"), Outcome: new("stuck"),
		Start: &cases.Period{Year: 2024, Quarter: 2}, End: &cases.Period{Year: 2025, Quarter: 3},
		AgeBand: new("12-18"), Household: new("one_parent"), Duration: new("1_2y"),
		LifeDomains: &[]string{"education_work"}, Services: &[]string{"neighbourhood_team"},
		Summary: new("Een jongere zat maanden thuis zonder school terwijl iedereen op een plek wachtte."),
		Episodes: []cases.EpisodeInput{
			{Phase: new("access"), WhatHappened: new("Het wachten op de jeugd-ggz duurde lang."), Duration: new("12_26w"), Effect: new("hindered")},
		},
	})
	w.must(err)
	v, err = w.cases.Submit(ctx, author, v.ID, v.Version)
	w.must(err)
	_, err = w.cases.Publish(ctx, w.fac(), v.ID, v.Version)
	w.must(err)
	return v.ID
}

// reflection inserts a published reflection on a case by a person.
func (w *codebookWorld) reflection(caseID, authorID string) *Reflection {
	w.t.Helper()
	tx := w.db.Writer(context.Background())
	w.must(w.svc.ensureNetwork(tx, w.network))
	var tpl TemplateVersion
	w.must(tx.Where("network_id = ?", w.network).Order("version DESC").Take(&tpl).Error)
	now := w.svc.now.Now()
	r := &Reflection{ID: leerlus.NewID(), CaseID: caseID, NetworkID: w.network, AuthorID: authorID, Perspective: "professional",
		TemplateID: tpl.ID, Status: StatusPublished, LastEditorID: authorID, CreatedAt: now, UpdatedAt: now, Version: 1}
	w.must(tx.Create(r).Error)
	return r
}

// item inserts a what-worked item with codings: code id → effect.
func (w *codebookWorld) item(r *Reflection, what string, codes map[string]Effect) *Item {
	w.t.Helper()
	tx := w.db.Writer(context.Background())
	now := w.svc.now.Now()
	var n int64
	w.must(tx.Model(&Item{}).Where("reflection_id = ?", r.ID).Count(&n).Error)
	it := &Item{ID: leerlus.NewID(), ReflectionID: r.ID, CaseID: r.CaseID, NetworkID: r.NetworkID, QuestionKey: "worked",
		Position: int(n) + 1, What: what, CreatedAt: now, UpdatedAt: now}
	w.must(tx.Create(it).Error)
	for code, effect := range codes {
		w.must(tx.Create(&Coding{ID: leerlus.NewID(), ItemID: it.ID, ReflectionID: r.ID, CaseID: r.CaseID, NetworkID: r.NetworkID,
			CodeID: code, Effect: effect, CodedBy: &r.AuthorID, CreatedAt: now}).Error)
	}
	return it
}

// lesson inserts a proposed lesson of a reflection with codes.
func (w *codebookWorld) lesson(r *Reflection, statement string, codes ...string) *Lesson {
	w.t.Helper()
	tx := w.db.Writer(context.Background())
	now := w.svc.now.Now()
	l := &Lesson{ID: leerlus.NewID(), NetworkID: r.NetworkID, CaseID: r.CaseID, ReflectionID: &r.ID, Perspective: r.Perspective,
		Position: 1, Statement: statement, Status: LessonProposed, CreatedAt: now, UpdatedAt: now, Version: 1}
	w.must(tx.Create(l).Error)
	for _, c := range codes {
		w.must(tx.Create(&LessonCode{LessonID: l.ID, CodeID: c}).Error)
	}
	return l
}

// codings reads every coding of the network, by id.
func (w *codebookWorld) codings() map[string]Coding {
	w.t.Helper()
	var rows []Coding
	w.must(w.db.WithContext(context.Background()).Where("network_id = ?", w.network).Find(&rows).Error)
	out := map[string]Coding{}
	for _, c := range rows {
		out[c.ID] = c
	}
	return out
}

// codesOfItem reads an item's codings: code id → effect.
func (w *codebookWorld) codesOfItem(itemID string) map[string]Effect {
	w.t.Helper()
	var rows []Coding
	w.must(w.db.WithContext(context.Background()).Where("item_id = ?", itemID).Find(&rows).Error)
	out := map[string]Effect{}
	for _, c := range rows {
		out[c.CodeID] = c.Effect
	}
	return out
}
