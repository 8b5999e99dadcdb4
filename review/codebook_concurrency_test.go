package review

import (
	"context"
	"sync"
	"testing"

	"gorm.io/gorm"

	"leerlus"
)

// checkNoChains fails when a merged code names a merged code, or a coding
// or lesson code names a merged code: what concurrent merges must never
// leave behind.
func (w *codebookWorld) checkNoChains() {
	w.t.Helper()
	if n := w.count("codebook_codes AS c", "c.merged_into IN (SELECT id FROM codebook_codes WHERE merged_into IS NOT NULL)"); n > 0 {
		w.t.Fatalf("%d merged codes name a merged code", n)
	}
	if n := w.count("codings", "code_id IN (SELECT id FROM codebook_codes WHERE merged_into IS NOT NULL)"); n > 0 {
		w.t.Fatalf("%d codings name a merged code", n)
	}
	if n := w.count("lesson_codes", "code_id IN (SELECT id FROM codebook_codes WHERE merged_into IS NOT NULL)"); n > 0 {
		w.t.Fatalf("%d lesson codes name a merged code", n)
	}
}

// together runs fns at once and returns their errors in order.
func together(fns ...func() error) []error {
	errs := make([]error, len(fns))
	var start, done sync.WaitGroup
	start.Add(1)
	for i, fn := range fns {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			errs[i] = fn()
		}()
	}
	start.Done()
	done.Wait()
	return errs
}

// TestConcurrentMerges lets two facilitators merge at once: the same code
// into two others, and a chain (A into B while B goes into C). Whatever
// the order, one merge of a code wins, no chain forms and no coding is
// lost or left on a merged code.
func TestConcurrentMerges(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	r := w.reflection(w.publishedCase(), w.author)
	themes := w.codebook().Themes
	for round := 0; round < 3; round++ {
		codes := themes[round+4].Codes // T5…T7: four codes each at least
		a, b, c := codes[0], codes[1], codes[2]
		items := []*Item{
			w.item(r, "Eerste punt.", map[string]Effect{a.ID: EffectHindered}),
			w.item(r, "Tweede punt.", map[string]Effect{a.ID: EffectHelped, b.ID: EffectHelped}),
			w.item(r, "Derde punt.", map[string]Effect{b.ID: EffectHindered, c.ID: EffectHindered}),
		}
		before := len(w.codings())
		merge := func(from, into CodeView, by string) func() error {
			return func() error {
				_, err := w.svc.MergeCode(ctx, w.as(by), from.ID, MergeInput{Into: into.ID, Version: from.Version})
				return err
			}
		}
		// One code into two others at once: exactly one merge happens.
		errs := together(merge(a, b, w.fac1), merge(a, c, w.fac2))
		if (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("round %d: both or neither merge of one code succeeded: %v", round, errs)
		}
		for _, err := range errs {
			if err != nil {
				w.fails(err, leerlus.CodeConflict)
			}
		}
		w.checkNoChains()
		// Then B into C while D goes into B: a chain must not form.
		b, d := w.code(b.Key), w.code(codes[3].Key)
		if b.MergedInto == nil {
			errs = together(merge(d, b, w.fac1), merge(b, c, w.fac2))
			for _, err := range errs {
				if err != nil {
					w.fails(err, leerlus.CodeInvalid) // into a merged code
				}
			}
		}
		w.checkNoChains()
		for _, it := range items {
			if len(w.codesOfItem(it.ID)) == 0 {
				t.Fatalf("round %d: an item lost all its codings", round)
			}
		}
		if after := len(w.codings()); after < before-2 {
			t.Fatalf("round %d: %d codings before, %d after", round, before, after)
		}
	}
}

// TestCodingsWrittenDuringAMerge writes codings of a code through
// resolveCodes while a facilitator merges that code: each coding either
// commits first and is moved by the merge, or waits and follows it. None
// ends on the merged code, and none is lost.
func TestCodingsWrittenDuringAMerge(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	r := w.reflection(w.publishedCase(), w.author)
	from, into := w.code("T8.schoolovergang"), w.code("T8.thuiszitten_verzuim")
	const writers = 8
	items := make([]*Item, writers)
	for i := range items {
		items[i] = w.item(r, "Een punt over school.", nil)
	}
	fns := []func() error{func() error {
		_, err := w.svc.MergeCode(ctx, w.fac(), from.ID, MergeInput{Into: into.ID, Version: from.Version})
		return err
	}}
	for _, it := range items {
		fns = append(fns, func() error {
			return w.db.InTx(ctx, func(tx *gorm.DB) error {
				codes, err := w.svc.resolveCodes(tx, w.network, []string{from.ID})
				if err != nil {
					return err
				}
				return tx.Create(&Coding{ID: leerlus.NewID(), ItemID: it.ID, ReflectionID: r.ID, CaseID: r.CaseID, NetworkID: w.network,
					CodeID: codes[from.ID].ID, Effect: EffectHindered, CreatedAt: w.svc.now.Now()}).Error
			})
		})
	}
	for i, err := range together(fns...) {
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	w.checkNoChains()
	for _, it := range items {
		if got := w.codesOfItem(it.ID); len(got) != 1 || got[into.ID] != EffectHindered {
			t.Fatalf("item codings %v, want the surviving code", got)
		}
	}
}
