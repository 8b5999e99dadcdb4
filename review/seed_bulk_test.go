package review

import (
	"context"
	"maps"
	"testing"
	"time"

	"gorm.io/gorm"

	"leerlus/cases"
)

// TestSeedIndexesCodingsAsOneByOne: the bulk load of the suggestion index
// in Seed gives the counts indexCoding gives coding by coding.
func TestSeedIndexesCodingsAsOneByOne(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	w.codebook() // the network's codebook and form
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	w.must(w.cases.Seed(ctx, []cases.SeedCase{{NetworkID: w.network, AuthorID: w.author, PublishedBy: w.fac1, Title: "Casus",
		Outcome: "stuck", AgeBand: "12-18", Summary: "Samenvatting.", Start: cases.Period{Year: 2024, Quarter: 1}, At: at}}))
	var caseID string
	w.must(w.db.WithContext(ctx).Raw("SELECT id FROM cases WHERE network_id = ?", w.network).Row().Scan(&caseID))
	texts := []string{"Wachten op hulp duurde lang.", "De school en de jeugdzorg praatten samen.", "Wachten op hulp duurde lang."}
	var batch []SeedReflection
	for i, author := range []string{w.author, w.member, w.fac2, w.rs} { // one reflection per author and case
		sr := SeedReflection{CaseID: caseID, NetworkID: w.network, AuthorID: author, Perspective: "ouder", PublishedBy: w.fac1, At: at}
		for k := range 3 {
			codes := map[string]Effect{[]string{"T1.wachttijd", "T2.informatiedeling"}[(i+k)%2]: EffectHindered}
			if k == 1 {
				codes["T1.wachttijd"] = EffectHelped
			}
			sr.Items = append(sr.Items, SeedItem{Question: "worked", What: texts[(i+k)%len(texts)], Why: "Omdat het zo ging.", Codes: codes})
		}
		batch = append(batch, sr)
	}
	w.must(w.svc.Seed(ctx, batch))
	bulk := codingsIndex(t, w)
	if len(bulk) == 0 {
		t.Fatal("Seed indexed nothing")
	}

	// The same counts, coding by coding.
	w.must(w.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("source = ?", sourceCodings).Delete(&codeTerm{}).Error; err != nil {
			return err
		}
		if err := tx.Where("source = ?", sourceCodings).Delete(&codeTermTotal{}).Error; err != nil {
			return err
		}
		var rows []struct{ CodeID, What, Why string }
		if err := tx.Raw(`SELECT c.code_id, i.what, i.why FROM codings c JOIN reflection_items i ON i.id = c.item_id`).Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			if err := indexCoding(tx, w.network, r.CodeID, indexedText(r.What, r.Why), 1); err != nil {
				return err
			}
		}
		return nil
	}))
	if one := codingsIndex(t, w); !maps.Equal(bulk, one) {
		t.Errorf("bulk index\n%v\ndiffers from one by one\n%v", bulk, one)
	}
}

// codingsIndex reads the codings' part of the suggestion index as
// code/term → count, with the totals as code/#terms and code/#texts.
func codingsIndex(t *testing.T, w *codebookWorld) map[string]int {
	t.Helper()
	db := w.db.WithContext(context.Background())
	out := map[string]int{}
	var terms []codeTerm
	w.must(db.Where("source = ?", sourceCodings).Find(&terms).Error)
	for _, r := range terms {
		out[r.CodeID+"/"+r.Term] = r.Count
	}
	var totals []codeTermTotal
	w.must(db.Where("source = ?", sourceCodings).Find(&totals).Error)
	for _, r := range totals {
		out[r.CodeID+"/#terms"], out[r.CodeID+"/#texts"] = r.Terms, r.Texts
	}
	return out
}
