package review

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"gorm.io/gorm"
)

// Writers that code items sharing words under the same codes, at the
// same time and in any order, never deadlock and together count every
// term: the index rows go out in one order (code, then term). Written per
// item, the demo load on PostgreSQL failed with "deadlock detected" on
// code_terms now and then.
func TestConcurrentCodingsDoNotDeadlock(t *testing.T) {
	w := newSuggestWorld(t)
	w.seed(t)
	codes := w.codes(t)[:3]
	words := []string{"mentor", "rooster", "wijkteam", "school", "wachtlijst", "moeder", "huisarts", "overleg"}
	const writers, rounds = 6, 8
	var wg sync.WaitGroup
	errs := make(chan error, writers*rounds)
	for g := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 7))
			for range rounds {
				var changes []codedText
				for range 4 {
					code := codes[rng.IntN(len(codes))].ID
					a, b := words[rng.IntN(len(words))], words[rng.IntN(len(words))]
					changes = append(changes, codedText{code: code, text: fmt.Sprintf("De %s en de %s.", a, b), delta: +1})
				}
				errs <- w.db.InTx(context.Background(), func(tx *gorm.DB) error { return indexCodings(tx, w.network, changes) })
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var texts int64
	mustOK(t, w.db.WithContext(context.Background()).Model(&codeTermTotal{}).Where("source = ?", sourceCodings).Select("COALESCE(SUM(texts), 0)").Scan(&texts).Error)
	if texts != writers*rounds*4 {
		t.Errorf("%d texts counted, want %d", texts, writers*rounds*4)
	}
}
