package review

import (
	"context"
	"strings"
	"testing"

	"gorm.io/gorm"

	"leerlus"
)

// keysOf lists a theme's code keys in position order and checks that the
// positions run 1, 2, 3, … without gaps.
func (w *codebookWorld) keysOf(themeKey string) string {
	w.t.Helper()
	th := w.theme(themeKey)
	keys := make([]string, len(th.Codes))
	for i, c := range th.Codes {
		if c.Position != i+1 {
			w.t.Fatalf("%s: %s at position %d, want %d", themeKey, c.Key, c.Position, i+1)
		}
		keys[i] = strings.TrimPrefix(c.Key, themeKey+".")
	}
	return strings.Join(keys, " ")
}

func TestMoveCode(t *testing.T) {
	for _, tc := range []struct {
		name     string
		code     string
		to       string // theme key; "" stays
		position int    // 0: last
		t1, t2   string // the themes' codes afterwards (T1's keys without their prefix)
	}{
		{"up within the theme", "T1.rondgepompt", "", 1, "rondgepompt wachttijd geen_passend_aanbod denken_vanuit_aanbod matching_plaatsing",
			"informatiedeling overdracht rolverdeling meningsverschil"},
		{"down within the theme", "T1.wachttijd", "", 4, "geen_passend_aanbod denken_vanuit_aanbod rondgepompt wachttijd matching_plaatsing",
			"informatiedeling overdracht rolverdeling meningsverschil"},
		{"to the end of its theme", "T1.geen_passend_aanbod", "", 5, "wachttijd denken_vanuit_aanbod rondgepompt matching_plaatsing geen_passend_aanbod",
			"informatiedeling overdracht rolverdeling meningsverschil"},
		{"to another theme, last", "T1.denken_vanuit_aanbod", "T2", 0, "wachttijd geen_passend_aanbod rondgepompt matching_plaatsing",
			"informatiedeling overdracht rolverdeling meningsverschil T1.denken_vanuit_aanbod"},
		{"to another theme, first", "T1.matching_plaatsing", "T2", 1, "wachttijd geen_passend_aanbod denken_vanuit_aanbod rondgepompt",
			"T1.matching_plaatsing informatiedeling overdracht rolverdeling meningsverschil"},
		{"to another theme, in between", "T1.wachttijd", "T2", 3, "geen_passend_aanbod denken_vanuit_aanbod rondgepompt matching_plaatsing",
			"informatiedeling overdracht T1.wachttijd rolverdeling meningsverschil"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newCodebookWorld(t)
			ctx := context.Background()
			c := w.code(tc.code)
			in := CodeInput{Version: c.Version}
			if tc.to != "" {
				in.ThemeID = new(w.theme(tc.to).ID)
			}
			if tc.position != 0 {
				in.Position = new(tc.position)
			}
			got, err := w.svc.UpdateCode(ctx, w.fac(), c.ID, in)
			w.must(err)
			if got.Key != c.Key || got.Version != c.Version+1 {
				t.Fatalf("moved code %+v", got.Code)
			}
			t2 := strings.ReplaceAll(w.keysOf("T2"), "T2.", "")
			if g := w.keysOf("T1"); g != tc.t1 || t2 != tc.t2 {
				t.Fatalf("T1: %s\nT2: %s\nwant\nT1: %s\nT2: %s", g, t2, tc.t1, tc.t2)
			}
			hist, _, err := w.svc.History(ctx, w.fac(), HistoryFilter{CodeID: c.ID}, leerlus.Page{Limit: 5})
			w.must(err)
			d := hist[0].Detail
			if len(hist) != 1 || hist[0].Action != string(ChangeMoved) || d.FromTheme != c.ThemeID || d.FromPosition != c.Position ||
				d.ToPosition != got.Position || d.ToTheme != got.ThemeID || *hist[0].ThemeID != got.ThemeID {
				t.Fatalf("history %+v", hist)
			}
		})
	}
}

func TestMoveTheme(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	t8 := w.theme("T8")
	_, err := w.svc.UpdateTheme(ctx, w.fac(), t8.ID, ThemeInput{Position: new(2), Version: t8.Version})
	w.must(err)
	var keys []string
	for i, th := range w.codebook().Themes {
		if th.Position != i+1 {
			t.Fatalf("%s at %d", th.Key, th.Position)
		}
		keys = append(keys, th.Key)
	}
	if got := strings.Join(keys, " "); got != "T1 T8 T2 T3 T4 T5 T6 T7 T9 T10 T11" {
		t.Fatalf("themes in order: %s", got)
	}
}

func TestRetireAndRestoreCode(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	c := w.code("T9.werkdruk")
	r := w.reflection(w.publishedCase(), w.author)
	it := w.item(r, "De hulpverlener had te veel gezinnen.", map[string]Effect{c.ID: EffectHindered})
	resolve := func() error {
		return w.db.InTx(ctx, func(tx *gorm.DB) error {
			_, err := w.svc.resolveCodes(tx, w.network, []string{c.ID})
			return err
		})
	}
	w.must(resolve())

	retired, err := w.svc.UpdateCode(ctx, w.fac(), c.ID, CodeInput{Retired: new(true), Version: c.Version})
	w.must(err)
	if retired.RetiredAt == nil || retired.Offered() || retired.Usage.Codings != 1 {
		t.Fatalf("retired code %+v", retired)
	}
	// It stays in the codebook and on old material, but is not offered.
	if got := w.code(c.Key); got.RetiredAt == nil || got.LabelNL != c.LabelNL {
		t.Fatal("the retired code left the codebook")
	}
	if got := w.codesOfItem(it.ID); got[c.ID] != EffectHindered {
		t.Fatal("the retired code left its coding")
	}
	w.failsOn(resolve(), leerlus.CodeInvalid, "codes", leerlus.FieldNotAllowed)

	// Retiring it again changes nothing.
	same, err := w.svc.UpdateCode(ctx, w.fac(), c.ID, CodeInput{Retired: new(true), Version: retired.Version})
	w.must(err)
	if same.Version != retired.Version {
		t.Fatal("retiring a retired code made a new version")
	}
	restored, err := w.svc.UpdateCode(ctx, w.fac(), c.ID, CodeInput{Retired: new(false), Version: retired.Version})
	w.must(err)
	if restored.RetiredAt != nil || !restored.Offered() {
		t.Fatalf("restored code %+v", restored)
	}
	w.must(resolve())
	hist, _, err := w.svc.History(ctx, w.fac(), HistoryFilter{CodeID: c.ID}, leerlus.Page{Limit: 5})
	w.must(err)
	if len(hist) != 2 || hist[0].Action != string(ChangeRestored) || hist[1].Action != string(ChangeRetired) {
		t.Fatalf("history %+v", hist)
	}
}
