package score

import (
	"math"
	"testing"
)

func TestScoreKnownFigures(t *testing.T) {
	// Gold: {a b c} {d e} f; predicted: {a b} {c d e} f.
	items := []Item{
		{ID: "a", Gold: "g1", Pred: "p1"},
		{ID: "b", Gold: "g1", Pred: "p1"},
		{ID: "c", Gold: "g1", Pred: "p2"},
		{ID: "d", Gold: "g2", Pred: "p2"},
		{ID: "e", Gold: "g2", Pred: "p2", NearMissOf: "c"},
		{ID: "f"},
	}
	r := Score(items)
	// Precision: a,b 1; c,d,e 1/3, 2/3, 2/3; f 1 → (1+1+1/3+2/3+2/3+1)/6.
	wantP := (1 + 1 + 1.0/3 + 2.0/3 + 2.0/3 + 1) / 6
	// Recall: a,b 2/3; c 1/3; d,e 1; f 1.
	wantR := (2.0/3 + 2.0/3 + 1.0/3 + 1 + 1 + 1) / 6
	if math.Abs(r.Precision-wantP) > 1e-12 || math.Abs(r.Recall-wantR) > 1e-12 {
		t.Errorf("P/R = %v/%v, want %v/%v", r.Precision, r.Recall, wantP, wantR)
	}
	// ARI: index = C(2,2)+C(1,2)+C(2,2) = 2; a = 3+1 = 4; b = 1+3 = 4;
	// total = 15; expected = 16/15; max = 4.
	wantARI := (2 - 16.0/15) / (4 - 16.0/15)
	if math.Abs(r.ARI-wantARI) > 1e-12 {
		t.Errorf("ARI = %v, want %v", r.ARI, wantARI)
	}
	if r.NearMisses != 1 || r.NearMissMerged != 1 || r.Clusters != 3 {
		t.Errorf("near misses %d merged %d clusters %d, want 1 1 3", r.NearMisses, r.NearMissMerged, r.Clusters)
	}
}

func TestScoreTrivialPartitions(t *testing.T) {
	items := []Item{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	if r := Score(items); r.ARI != 1 || r.F1 != 1 {
		t.Errorf("all singletons against all singletons: %+v", r)
	}
	items[0].Pred, items[1].Pred, items[2].Pred = "x", "x", "x"
	if r := Score(items); r.ARI != 0 {
		t.Errorf("one cluster against singletons: ARI %v, want 0", r.ARI)
	}
}
