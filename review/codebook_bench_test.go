package review

import (
	"context"
	"fmt"
	"testing"

	"leerlus"
)

// benchCodings is the size of a busy network: the figure for code
// suggestions (20,000 coded items).
const benchCodings = 20000

// withCodings fills the network with benchCodings coded items spread over
// its codes, and a lesson per hundred items, as rows.
func (w *codebookWorld) withCodings() {
	w.t.Helper()
	cb := w.codebook()
	var codes []string
	for _, t := range cb.Themes {
		for _, c := range t.Codes {
			codes = append(codes, c.ID)
		}
	}
	r := w.reflection(w.publishedCase(), w.author)
	now := w.svc.now.Now()
	items := make([]Item, benchCodings)
	codings := make([]Coding, benchCodings)
	var lessons []Lesson
	var lessonCodes []LessonCode
	for i := range items {
		items[i] = Item{ID: leerlus.NewID(), ReflectionID: r.ID, CaseID: r.CaseID, NetworkID: w.network, QuestionKey: "worked",
			Position: i + 1, What: fmt.Sprintf("Punt %d.", i), CreatedAt: now, UpdatedAt: now}
		effect := EffectHelped
		if i%3 == 0 {
			effect = EffectHindered
		}
		codings[i] = Coding{ID: leerlus.NewID(), ItemID: items[i].ID, ReflectionID: r.ID, CaseID: r.CaseID, NetworkID: w.network,
			CodeID: codes[i%len(codes)], Effect: effect, CreatedAt: now}
		if i%100 == 0 {
			l := Lesson{ID: leerlus.NewID(), NetworkID: w.network, CaseID: r.CaseID, ReflectionID: &r.ID, Perspective: "professional",
				Position: i/100 + 1, Statement: "Een les.", Status: LessonProposed, CreatedAt: now, UpdatedAt: now, Version: 1}
			lessons = append(lessons, l)
			lessonCodes = append(lessonCodes, LessonCode{LessonID: l.ID, CodeID: codes[i%len(codes)]})
		}
	}
	tx := w.db.Writer(context.Background())
	w.must(tx.CreateInBatches(items, 500).Error)
	w.must(tx.CreateInBatches(codings, 500).Error)
	w.must(tx.CreateInBatches(lessons, 500).Error)
	w.must(tx.CreateInBatches(lessonCodes, 500).Error)
	if w.db.Dialect == leerlus.Postgres {
		w.must(w.db.Writer(context.Background()).Exec("ANALYZE").Error)
	}
}

// BenchmarkCodebook reads a network's codebook with 20,000 coded items:
// as a member (no usage) and as a facilitator (usage counted), and
// previews a merge of two of its most used codes.
func BenchmarkCodebook(b *testing.B) {
	w := newCodebookWorld(b)
	w.withCodings()
	ctx := context.Background()
	cb := w.codebook()
	from, into := cb.Themes[0].Codes[0], cb.Themes[0].Codes[1]
	for _, bc := range []struct {
		name string
		run  func() error
	}{
		{"read", func() error { _, err := w.svc.Codebook(ctx, w.as(w.member), false); return err }},
		{"read with usage", func() error { _, err := w.svc.Codebook(ctx, w.fac(), true); return err }},
		{"merge preview", func() error { _, err := w.svc.MergePreview(ctx, w.fac(), from.ID, into.ID); return err }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if err := bc.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
