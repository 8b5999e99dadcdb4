package review

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"leerlus"
)

// TestMergeKeepsEveryCoding merges a code with codings in every
// situation: items with the merged code only, with the surviving code
// only, with both (same effect, and opposite effects), and lessons. Every
// item keeps exactly one coding of the surviving code, the moved codings
// keep their id, coder and effect, and the removed ones are in the
// history.
func TestMergeKeepsEveryCoding(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	from, into, other := w.code("T1.rondgepompt"), w.code("T2.overdracht"), w.code("T3.wisseling_hulpverleners")
	case1, case2 := w.publishedCase(), w.publishedCase()
	r1, r2 := w.reflection(case1, w.author), w.reflection(case2, w.member)
	onlyFrom := w.item(r1, "Ik werd van loket naar loket gestuurd.", map[string]Effect{from.ID: EffectHindered, other.ID: EffectHindered})
	onlyFrom2 := w.item(r2, "Niemand pakte de aanmelding op.", map[string]Effect{from.ID: EffectHindered})
	onlyInto := w.item(r1, "De overdracht was warm.", map[string]Effect{into.ID: EffectHelped})
	bothSame := w.item(r2, "Bij de overdracht moest ik alles opnieuw vertellen.", map[string]Effect{from.ID: EffectHindered, into.ID: EffectHindered})
	bothDiffer := w.item(r1, "De nieuwe hulpverlener kende ons verhaal al.", map[string]Effect{from.ID: EffectHindered, into.ID: EffectHelped})
	lessonFrom := w.lesson(r1, "Laat een gezin niet zoeken naar het juiste loket.", from.ID)
	lessonBoth := w.lesson(r2, "Draag een gezin warm over.", from.ID, into.ID)
	before := w.codings()

	preview, err := w.svc.MergePreview(ctx, w.fac(), from.ID, into.ID)
	w.must(err)
	want := MergeCounts{Codings: 2, Collapsed: 2, EffectConflicts: 1, Items: 4, Cases: 2, Lessons: 1, LessonsCollapsed: 1}
	if preview.Counts != want || preview.From.ID != from.ID || preview.Into.ID != into.ID {
		t.Fatalf("preview %+v, want %+v", preview.Counts, want)
	}
	if n := w.count("codebook_changes", "network_id = ?", w.network); n != 0 {
		t.Fatal("a preview wrote history")
	}

	// The codebook shows usage before: the counts the preview promises.
	if u := w.code(from.Key).Usage; u.Codings != 4 || u.Hindered != 4 || u.Lessons != 2 {
		t.Fatalf("usage of the merged code before: %+v", u)
	}
	merged, err := w.svc.MergeCode(ctx, w.fac(), from.ID, MergeInput{Into: into.ID, Version: from.Version})
	w.must(err)
	if merged.Counts != want || merged.From.MergedInto == nil || *merged.From.MergedInto != into.ID || merged.From.Version != from.Version+1 {
		t.Fatalf("merge answered %+v", merged)
	}

	// Every item that carried the merged code carries the surviving one,
	// once; the surviving coding's effect is kept where they differed.
	for _, tc := range []struct {
		name string
		item *Item
		want map[string]Effect
	}{
		{"merged code only", onlyFrom, map[string]Effect{into.ID: EffectHindered, other.ID: EffectHindered}},
		{"merged code only, other case", onlyFrom2, map[string]Effect{into.ID: EffectHindered}},
		{"surviving code only", onlyInto, map[string]Effect{into.ID: EffectHelped}},
		{"both, same effect", bothSame, map[string]Effect{into.ID: EffectHindered}},
		{"both, effects differ", bothDiffer, map[string]Effect{into.ID: EffectHelped}},
	} {
		got := w.codesOfItem(tc.item.ID)
		if len(got) != len(tc.want) {
			t.Errorf("%s: codings %v, want %v", tc.name, got, tc.want)
			continue
		}
		for code, effect := range tc.want {
			if got[code] != effect {
				t.Errorf("%s: codings %v, want %v", tc.name, got, tc.want)
			}
		}
	}
	after := w.codings()
	if len(after) != len(before)-2 {
		t.Fatalf("%d codings after, %d before: only the two collapsed ones may go", len(after), len(before))
	}
	for id, c := range before {
		a, kept := after[id]
		switch {
		case !kept && !(c.CodeID == from.ID && (c.ItemID == bothSame.ID || c.ItemID == bothDiffer.ID)):
			t.Errorf("coding %s (%s on item %s) is gone", id, c.CodeID, c.ItemID)
		case kept && (a.ItemID != c.ItemID || a.Effect != c.Effect || *a.CodedBy != *c.CodedBy || !a.CreatedAt.Equal(c.CreatedAt)):
			t.Errorf("coding %s changed beyond its code: %+v → %+v", id, c, a)
		case kept && a.CodeID == from.ID:
			t.Errorf("coding %s still names the merged code", id)
		}
	}
	var lessonCodes []LessonCode
	w.must(w.db.WithContext(ctx).Where("lesson_id IN ?", []string{lessonFrom.ID, lessonBoth.ID}).Order("lesson_id").Find(&lessonCodes).Error)
	if len(lessonCodes) != 2 || lessonCodes[0].CodeID != into.ID || lessonCodes[1].CodeID != into.ID {
		t.Fatalf("lesson codes after the merge: %+v", lessonCodes)
	}

	// The history keeps the merge with its counts and the removed codings.
	hist, _, err := w.svc.History(ctx, w.fac(), HistoryFilter{CodeID: from.ID}, leerlus.Page{Limit: 10})
	w.must(err)
	if len(hist) != 1 || hist[0].Action != string(ChangeMerged) || hist[0].Detail.Into != into.ID || *hist[0].Detail.Counts != want {
		t.Fatalf("history: %+v", hist)
	}
	collapsed := map[string]CollapsedCoding{}
	for _, c := range hist[0].Detail.Collapsed {
		collapsed[c.Item] = c
	}
	if len(collapsed) != 2 || collapsed[bothSame.ID].Effect != EffectHindered || collapsed[bothDiffer.ID].Effect != EffectHindered ||
		collapsed[bothDiffer.ID].Kept != EffectHelped || collapsed[bothDiffer.ID].CodedBy != w.author {
		t.Fatalf("collapsed codings in the history: %+v", hist[0].Detail.Collapsed)
	}
	if n := w.count("audit_log", "network_id = ? AND action = ? AND object_id = ?", w.network, "codebook.changed", from.ID); n != 1 {
		t.Fatalf("%d audit entries for the merge", n)
	}

	// The merged code stays readable, marked, and leaves the picker; new
	// codings that name it land on the surviving code.
	m := w.code(from.Key)
	if m.Offered() || m.MergedInto == nil || *m.MergedInto != into.ID || m.Usage.Codings != 0 {
		t.Fatalf("merged code in the codebook: %+v", m)
	}
	if u := w.code(into.Key).Usage; u.Codings != 5 || u.Helped != 2 || u.Hindered != 3 || u.Lessons != 2 {
		t.Fatalf("usage of the surviving code after: %+v", u)
	}
	w.must(w.db.InTx(ctx, func(tx *gorm.DB) error {
		got, err := w.svc.resolveCodes(tx, w.network, []string{from.ID})
		if err == nil && got[from.ID].ID != into.ID {
			t.Errorf("the merged code resolves to %s", got[from.ID].Key)
		}
		return err
	}))
}

func TestMergeRefusals(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	a, b, c := w.code("T1.wachttijd"), w.code("T1.rondgepompt"), w.code("T2.overdracht")
	retired := w.code("T2.rolverdeling")
	_, err := w.svc.UpdateCode(ctx, w.fac(), retired.ID, CodeInput{Retired: new(true), Version: retired.Version})
	w.must(err)
	merged := w.code("T3.wisseling_hulpverleners")
	_, err = w.svc.MergeCode(ctx, w.fac(), merged.ID, MergeInput{Into: c.ID, Version: merged.Version})
	w.must(err)
	otherCB, err := w.svc.Codebook(ctx, w.as(w.otherFac), false)
	w.must(err)
	elsewhere := otherCB.Themes[0].Codes[1].ID
	for _, tc := range []struct {
		name     string
		from, to string
		version  int
		code     leerlus.Code
		field    string
		reason   string
	}{
		{"into itself", a.ID, a.ID, a.Version, leerlus.CodeInvalid, "into", "same_code"},
		{"into a merged code", a.ID, merged.ID, a.Version, leerlus.CodeInvalid, "into", "merged_code"},
		{"into a retired code", a.ID, retired.ID, a.Version, leerlus.CodeInvalid, "into", "retired_code"},
		{"into another network's code", a.ID, elsewhere, a.Version, leerlus.CodeInvalid, "into", "unknown_code"},
		{"into an unknown code", a.ID, leerlus.NewID(), a.Version, leerlus.CodeInvalid, "into", "unknown_code"},
		{"into nothing", a.ID, "", a.Version, leerlus.CodeInvalid, "into", ""},
		{"a merged code again", merged.ID, b.ID, merged.Version + 1, leerlus.CodeConflict, "", ""},
		{"another network's code", elsewhere, b.ID, 1, leerlus.CodeNotFound, "", ""},
		{"on an old version", a.ID, b.ID, a.Version + 1, leerlus.CodeConflict, "version", ""},
		{"without a version", a.ID, b.ID, 0, leerlus.CodeInvalid, "version", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w.t = t
			before := w.count("codebook_changes", "network_id = ?", w.network)
			_, err := w.svc.MergeCode(ctx, w.fac(), tc.from, MergeInput{Into: tc.to, Version: tc.version})
			e := w.fails(err, tc.code)
			if tc.field != "" && (len(e.Fields) == 0 || e.Fields[0].Field != tc.field) {
				t.Fatalf("fields %+v, want %s", e.Fields, tc.field)
			}
			if tc.reason != "" && e.Fields[0].Params["reason"] != tc.reason {
				t.Fatalf("reason %v, want %s", e.Fields[0].Params["reason"], tc.reason)
			}
			if tc.version != 0 && tc.code != leerlus.CodeConflict {
				// The preview refuses the same merges.
				_, err := w.svc.MergePreview(ctx, w.fac(), tc.from, tc.to)
				w.fails(err, tc.code)
			}
			if after := w.count("codebook_changes", "network_id = ?", w.network); after != before {
				t.Fatal("a refused merge wrote history")
			}
		})
	}
	w.t = t
	// A retired code may be merged into one in use.
	retired = w.code("T2.rolverdeling")
	_, err = w.svc.MergeCode(ctx, w.fac(), retired.ID, MergeInput{Into: c.ID, Version: retired.Version})
	w.must(err)
	// A merged code no longer changes.
	m := w.code(merged.Key)
	_, err = w.svc.UpdateCode(ctx, w.fac(), m.ID, CodeInput{Retired: new(true), Version: m.Version})
	w.fails(err, leerlus.CodeConflict)
}

// TestMergeRepointsEarlierMerges merges A into B and then B into C: A
// then names C, so a merged code always names a code in use.
func TestMergeRepointsEarlierMerges(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	a, b, c := w.code("T4.stem_jongere"), w.code("T4.samen_beslissen"), w.code("T4.vertrouwensrelatie")
	r := w.reflection(w.publishedCase(), w.author)
	it := w.item(r, "Ze vroegen wat ik zelf wilde.", map[string]Effect{a.ID: EffectHelped})
	_, err := w.svc.MergeCode(ctx, w.fac(), a.ID, MergeInput{Into: b.ID, Version: a.Version})
	w.must(err)
	b = w.code(b.Key)
	preview, err := w.svc.MergePreview(ctx, w.fac(), b.ID, c.ID)
	w.must(err)
	if preview.Counts.Repointed != 1 || preview.Counts.Codings != 1 {
		t.Fatalf("preview %+v", preview.Counts)
	}
	_, err = w.svc.MergeCode(ctx, w.fac(), b.ID, MergeInput{Into: c.ID, Version: b.Version})
	w.must(err)
	if got := w.code(a.Key); got.MergedInto == nil || *got.MergedInto != c.ID {
		t.Fatalf("A names %v, want C", got.MergedInto)
	}
	if got := w.codesOfItem(it.ID); len(got) != 1 || got[c.ID] != EffectHelped {
		t.Fatalf("the item's codings: %v", got)
	}
}
