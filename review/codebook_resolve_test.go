package review

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"leerlus"
)

func TestResolveCodes(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	a, b, c := w.code("T5.geweld"), w.code("T6.huiselijk_geweld"), w.code("T9.werkdruk")
	_, err := w.svc.MergeCode(ctx, w.fac(), a.ID, MergeInput{Into: b.ID, Version: a.Version})
	w.must(err)
	_, err = w.svc.UpdateCode(ctx, w.fac(), c.ID, CodeInput{Retired: new(true), Version: c.Version})
	w.must(err)
	otherCB, err := w.svc.Codebook(ctx, w.as(w.otherFac), false)
	w.must(err)
	elsewhere := otherCB.Themes[0].Codes[0].ID
	ok := w.code("T1.wachttijd")
	for _, tc := range []struct {
		name    string
		ids     []string
		want    map[string]string // id asked → key resolved
		reasons map[int]string    // index → reason refused
	}{
		{"none", nil, map[string]string{}, nil},
		{"codes in use", []string{ok.ID, b.ID}, map[string]string{ok.ID: ok.Key, b.ID: b.Key}, nil},
		{"a merged code", []string{a.ID}, map[string]string{a.ID: b.Key}, nil},
		{"a merged code and its survivor", []string{a.ID, b.ID}, map[string]string{a.ID: b.Key, b.ID: b.Key}, nil},
		{"a retired code", []string{ok.ID, c.ID}, nil, map[int]string{1: "retired_code"}},
		{"another network's code", []string{elsewhere}, nil, map[int]string{0: "unknown_code"}},
		{"an unknown and a malformed id", []string{leerlus.NewID(), ok.ID, "T1.wachttijd"}, nil, map[int]string{0: "unknown_code", 2: "unknown_code"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w.t = t
			var got map[string]Code
			err := w.db.InTx(ctx, func(tx *gorm.DB) error {
				var err error
				got, err = w.svc.resolveCodes(tx, w.network, tc.ids)
				return err
			})
			if tc.reasons != nil {
				e := w.fails(err, leerlus.CodeInvalid)
				if len(e.Fields) != len(tc.reasons) {
					t.Fatalf("fields %+v, want %v", e.Fields, tc.reasons)
				}
				for _, f := range e.Fields {
					i, _ := f.Params["index"].(int)
					if f.Field != "codes" || f.Code != leerlus.FieldNotAllowed || f.Params["reason"] != tc.reasons[i] {
						t.Fatalf("field %+v, want %v", f, tc.reasons)
					}
				}
				return
			}
			w.must(err)
			if len(got) != len(tc.want) {
				t.Fatalf("resolved %d codes, want %d", len(got), len(tc.want))
			}
			for id, key := range tc.want {
				if got[id].Key != key || !got[id].Offered() {
					t.Fatalf("%s resolved to %+v, want %s", id, got[id], key)
				}
			}
		})
	}
}
