package review

import (
	"context"
	"strings"
	"testing"

	"leerlus"
	"leerlus/review/defaults"
)

func TestCodebookIsSeededOnFirstRead(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	def, err := defaults.DefaultCodebook()
	w.must(err)
	cb := w.codebook()
	if len(cb.Themes) != len(def.Themes) {
		t.Fatalf("%d themes, want %d", len(cb.Themes), len(def.Themes))
	}
	for i, th := range cb.Themes {
		d := def.Themes[i]
		if th.Key != d.Key || th.LabelNL != d.NL || th.Position != i+1 || len(th.Codes) != len(d.Codes) {
			t.Fatalf("theme %d = %s %q at %d with %d codes, want %s %q with %d", i, th.Key, th.LabelNL, th.Position, len(th.Codes), d.Key, d.NL, len(d.Codes))
		}
		for j, c := range th.Codes {
			dc := d.Codes[j]
			if c.Key != dc.Key || c.LabelEN != dc.EN || c.Position != j+1 || strings.Join(c.ExampleList, "|") != strings.Join(dc.Examples, "|") {
				t.Fatalf("code %s: %+v, want %+v", dc.Key, c, dc)
			}
			if !c.Offered() || c.Usage == nil || *c.Usage != (Usage{}) {
				t.Fatalf("code %s: offered %v, usage %+v", c.Key, c.Offered(), c.Usage)
			}
		}
	}
	// A second read copies nothing again; usage is counted when asked,
	// and only facilitators may ask.
	for _, person := range []string{w.member, w.rs, w.fac2} {
		again, err := w.svc.Codebook(ctx, w.as(person), false)
		w.must(err)
		if got := again.Themes[0].Codes[0]; got.ID != cb.Themes[0].Codes[0].ID || got.Usage != nil {
			t.Fatalf("second read: %+v", got)
		}
		_, err = w.svc.Codebook(ctx, w.as(person), true)
		if person != w.fac2 {
			w.fails(err, leerlus.CodeForbidden)
		} else {
			w.must(err)
		}
	}
	if n := w.count("codebook_themes", "network_id = ?", w.network); n != len(def.Themes) {
		t.Fatalf("%d theme rows after two reads", n)
	}
	// Each network has its own copy.
	other, err := w.svc.Codebook(ctx, w.as(w.otherFac), false)
	w.must(err)
	if other.Themes[0].ID == cb.Themes[0].ID || other.Themes[0].Key != "T1" {
		t.Fatal("the other network shares the first network's codebook")
	}
}

func TestAddThemeAndCodeGiveStableKeys(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	th, err := w.svc.AddTheme(ctx, w.fac(), ThemeInput{Wording: Wording{LabelNL: new("  Vrije tijd "), LabelEN: new("Leisure")}})
	w.must(err)
	if th.Key != "N1" || th.LabelNL != "Vrije tijd" || th.Position != 12 || th.Version != 1 {
		t.Fatalf("theme %+v", th.Theme)
	}
	first, err := w.svc.AddTheme(ctx, w.fac(), ThemeInput{Wording: Wording{LabelNL: new("Wonen"), LabelEN: new("Housing")}, Position: new(1)})
	w.must(err)
	if first.Key != "N2" || first.Position != 1 || w.theme("T1").Position != 2 || w.theme("N1").Position != 13 {
		t.Fatalf("a theme placed first: %s at %d, T1 at %d", first.Key, first.Position, w.theme("T1").Position)
	}
	for _, tc := range []struct{ theme, label, key string }{
		{th.ID, "Sport en clubs", "N1.sport_en_clubs"},
		{th.ID, "Sport & clubs!", "N1.sport_clubs"},
		{th.ID, "Één plan, één regisseur", "N1.een_plan_een_regisseur"},
		{th.ID, "24-uurs zorg", "N1.c24_uurs_zorg"},
		{th.ID, "€€€", "N1.code"},
		{w.theme("T1").ID, "Wachttijd bij de huisarts", "T1.wachttijd_bij_de_huisarts"},
		{w.theme("T1").ID, "Wachttijd", "T1.wachttijd_2"}, // T1.wachttijd is the default's
		{th.ID, strings.Repeat("lange woorden ", 5), "N1.lange_woorden_lange_woorden_lange_woorde"},
	} {
		t.Run(tc.label, func(t *testing.T) {
			w.t = t
			in := CodeInput{ThemeID: &tc.theme, Wording: Wording{LabelNL: &tc.label, LabelEN: new("EN " + tc.label)}}
			if tc.key == "T1.wachttijd_2" {
				// The default code of that name is retired and renamed; its key stays taken.
				old := w.code("T1.wachttijd")
				_, err := w.svc.UpdateCode(ctx, w.fac(), old.ID, CodeInput{Wording: Wording{LabelNL: new("Wachten"), LabelEN: new("Waiting")}, Retired: new(true), Version: old.Version})
				w.must(err)
			}
			c, err := w.svc.AddCode(ctx, w.fac(), in)
			w.must(err)
			if c.Key != tc.key {
				t.Fatalf("key %q, want %q", c.Key, tc.key)
			}
			// The key stays when the code is renamed and moved.
			c2, err := w.svc.UpdateCode(ctx, w.fac(), c.ID, CodeInput{Wording: Wording{LabelNL: new("Anders " + tc.label)}, ThemeID: new(w.theme("T2").ID), Version: c.Version})
			w.must(err)
			if c2.Key != tc.key || c2.ThemeID != w.theme("T2").ID {
				t.Fatalf("after rename and move: %+v", c2.Code)
			}
		})
	}
	w.t = t
	added := w.count("codebook_changes", "network_id = ? AND action = ?", w.network, ChangeCodeAdded)
	themes := w.count("codebook_changes", "network_id = ? AND action = ?", w.network, ChangeThemeAdded)
	audits := w.count("audit_log", "network_id = ? AND action = ?", w.network, "codebook.changed")
	// Each add is one entry; each rename-and-move one more (and the retire
	// of T1.wachttijd one).
	if added != 8 || themes != 2 || audits != 2+8+8+1 {
		t.Fatalf("history: %d codes and %d themes added, %d audit entries", added, themes, audits)
	}
}

func TestCodebookInputIsValidated(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	t1, t2 := w.theme("T1"), w.theme("T2")
	wacht := w.code("T1.wachttijd")
	long := strings.Repeat("a", LabelMax+1)
	// T2 has a code labelled like T1's Wachttijd, in Dutch.
	_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t2.ID, Wording: Wording{LabelNL: new("Wachttijd"), LabelEN: new("Waiting, too")}})
	w.must(err)
	otherTheme := func() string {
		cb, err := w.svc.Codebook(ctx, w.as(w.otherFac), false)
		w.must(err)
		return cb.Themes[0].ID
	}()
	for _, tc := range []struct {
		name  string
		do    func() error
		code  leerlus.Code
		field string
		fcode leerlus.FieldCode
	}{
		{"theme without label", func() error {
			_, err := w.svc.AddTheme(ctx, w.fac(), ThemeInput{Wording: Wording{LabelNL: new(" "), LabelEN: new("X")}})
			return err
		}, leerlus.CodeInvalid, "label_nl", leerlus.FieldRequired},
		{"theme without English label", func() error {
			_, err := w.svc.AddTheme(ctx, w.fac(), ThemeInput{Wording: Wording{LabelNL: new("X")}})
			return err
		}, leerlus.CodeInvalid, "label_en", leerlus.FieldRequired},
		{"theme with examples", func() error {
			_, err := w.svc.AddTheme(ctx, w.fac(), ThemeInput{Wording: Wording{LabelNL: new("X"), LabelEN: new("X"), Examples: &[]string{"x"}}})
			return err
		}, leerlus.CodeInvalid, "examples", leerlus.FieldNotAllowed},
		{"theme label taken", func() error {
			_, err := w.svc.AddTheme(ctx, w.fac(), ThemeInput{Wording: Wording{LabelNL: new("TOEGANG EN WACHTTIJDEN"), LabelEN: new("New")}})
			return err
		}, leerlus.CodeConflict, "label_nl", leerlus.FieldInUse},
		{"theme position past the end", func() error {
			_, err := w.svc.AddTheme(ctx, w.fac(), ThemeInput{Wording: Wording{LabelNL: new("X"), LabelEN: new("X")}, Position: new(13)})
			return err
		}, leerlus.CodeInvalid, "position", leerlus.FieldOutOfRange},
		{"theme renamed to another's label", func() error {
			_, err := w.svc.UpdateTheme(ctx, w.fac(), t2.ID, ThemeInput{Wording: Wording{LabelEN: new(t1.LabelEN)}, Version: t2.Version})
			return err
		}, leerlus.CodeConflict, "label_en", leerlus.FieldInUse},
		{"theme change without version", func() error {
			_, err := w.svc.UpdateTheme(ctx, w.fac(), t2.ID, ThemeInput{Wording: Wording{LabelEN: new("Y")}})
			return err
		}, leerlus.CodeInvalid, "version", leerlus.FieldRequired},
		{"theme change on an old version", func() error {
			_, err := w.svc.UpdateTheme(ctx, w.fac(), t2.ID, ThemeInput{Wording: Wording{LabelEN: new("Y")}, Version: t2.Version + 1})
			return err
		}, leerlus.CodeConflict, "version", leerlus.FieldStaleVersion},
		{"code label too long", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: &long, LabelEN: new("X")}})
			return err
		}, leerlus.CodeInvalid, "label_nl", leerlus.FieldTooLong},
		{"code description too long", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: new("X"), LabelEN: new("X"), DescriptionEN: new(strings.Repeat("b", DescriptionMax+1))}})
			return err
		}, leerlus.CodeInvalid, "description_en", leerlus.FieldTooLong},
		{"code without theme", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{Wording: Wording{LabelNL: new("X"), LabelEN: new("X")}})
			return err
		}, leerlus.CodeInvalid, "theme_id", leerlus.FieldRequired},
		{"code under an unknown theme", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: new(leerlus.NewID()), Wording: Wording{LabelNL: new("X"), LabelEN: new("X")}})
			return err
		}, leerlus.CodeInvalid, "theme_id", leerlus.FieldNotAllowed},
		{"code under another network's theme", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &otherTheme, Wording: Wording{LabelNL: new("X"), LabelEN: new("X")}})
			return err
		}, leerlus.CodeInvalid, "theme_id", leerlus.FieldNotAllowed},
		{"code with five examples", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: new("X"), LabelEN: new("X"), Examples: &[]string{"a", "b", "c", "d", "e"}}})
			return err
		}, leerlus.CodeInvalid, "examples", leerlus.FieldTooMany},
		{"code with an empty example", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: new("X"), LabelEN: new("X"), Examples: &[]string{"a", " "}}})
			return err
		}, leerlus.CodeInvalid, "/examples/1", leerlus.FieldRequired},
		{"code with one example twice", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: new("X"), LabelEN: new("X"), Examples: &[]string{"Zelfde zin.", "zelfde zin. "}}})
			return err
		}, leerlus.CodeInvalid, "/examples/1", leerlus.FieldDuplicate},
		{"code example too long", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: new("X"), LabelEN: new("X"), Examples: &[]string{strings.Repeat("c", ExampleMax+1)}}})
			return err
		}, leerlus.CodeInvalid, "/examples/0", leerlus.FieldTooLong},
		{"code label taken in its theme", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: new("wachttijd"), LabelEN: new("Another")}})
			return err
		}, leerlus.CodeConflict, "label_nl", leerlus.FieldInUse},
		{"code moved next to a code with its label", func() error {
			_, err := w.svc.UpdateCode(ctx, w.fac(), wacht.ID, CodeInput{ThemeID: &t2.ID, Version: wacht.Version})
			return err
		}, leerlus.CodeConflict, "label_nl", leerlus.FieldInUse},
		{"new code with a version", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: new("X"), LabelEN: new("X")}, Version: 1})
			return err
		}, leerlus.CodeInvalid, "version", leerlus.FieldNotAllowed},
		{"new code retired", func() error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: new("X"), LabelEN: new("X")}, Retired: new(true)})
			return err
		}, leerlus.CodeInvalid, "retired", leerlus.FieldNotAllowed},
		{"code moved past the end", func() error {
			_, err := w.svc.UpdateCode(ctx, w.fac(), wacht.ID, CodeInput{Position: new(len(t1.Codes) + 1), Version: wacht.Version})
			return err
		}, leerlus.CodeInvalid, "position", leerlus.FieldOutOfRange},
		{"code position zero", func() error {
			_, err := w.svc.UpdateCode(ctx, w.fac(), wacht.ID, CodeInput{Position: new(0), Version: wacht.Version})
			return err
		}, leerlus.CodeInvalid, "position", leerlus.FieldOutOfRange},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w.t = t
			before := w.count("codebook_changes", "network_id = ?", w.network)
			w.failsOn(tc.do(), tc.code, tc.field, tc.fcode)
			if after := w.count("codebook_changes", "network_id = ?", w.network); after != before {
				t.Fatalf("a refused change wrote %d history rows", after-before)
			}
		})
	}
}

func TestCodebookTextsAreScreened(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	t1 := w.theme("T1")
	wacht := w.code("T1.wachttijd")
	name := "Jolanda Hoogvliet-Brakman"
	for _, tc := range []struct {
		name, field string
		do          func(text string) error
	}{
		{"new theme label", "/label_nl", func(s string) error {
			_, err := w.svc.AddTheme(ctx, w.fac(), ThemeInput{Wording: Wording{LabelNL: &s, LabelEN: new("Theme")}})
			return err
		}},
		{"theme description", "/description_en", func(s string) error {
			_, err := w.svc.UpdateTheme(ctx, w.fac(), t1.ID, ThemeInput{Wording: Wording{DescriptionEN: &s}, Version: t1.Version})
			return err
		}},
		{"new code example", "/examples/1", func(s string) error {
			_, err := w.svc.AddCode(ctx, w.fac(), CodeInput{ThemeID: &t1.ID, Wording: Wording{LabelNL: new("Nieuw"), LabelEN: new("New"), Examples: &[]string{"Een gewone zin.", s}}})
			return err
		}},
		{"code label", "/label_en", func(s string) error {
			_, err := w.svc.UpdateCode(ctx, w.fac(), wacht.ID, CodeInput{Wording: Wording{LabelEN: &s}, Version: wacht.Version})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w.t = t
			before := w.count("codebook_changes", "network_id = ?", w.network)
			e := w.fails(tc.do("Gesprek met "+name+", BSN 223456784."), leerlus.CodeIdentifying)
			types := map[string]bool{}
			for _, f := range e.Findings {
				if f.Field == tc.field && f.Direct {
					types[f.Type] = true
				}
			}
			if !types["person"] || !types["bsn"] {
				t.Fatalf("findings %+v lack a person and a BSN at %s", e.Findings, tc.field)
			}
			if after := w.count("codebook_changes", "network_id = ?", w.network); after != before {
				t.Fatal("a refused text was written to the history")
			}
			like := "%Hoogvliet%"
			if w.count("codebook_themes", "label_nl LIKE ? OR label_en LIKE ? OR description_en LIKE ?", like, like, like) > 0 ||
				w.count("codebook_codes", "label_nl LIKE ? OR label_en LIKE ? OR examples LIKE ?", like, like, like) > 0 {
				t.Fatal("the codebook holds the name")
			}
		})
	}
}

func TestRenameAndDescribeAreKeptInHistory(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	c := w.code("T1.wachttijd")
	got, err := w.svc.UpdateCode(ctx, w.fac(), c.ID, CodeInput{Version: c.Version, Wording: Wording{
		LabelNL: new("Wachttijd voor hulp"), LabelEN: new(c.LabelEN), // the English label stays
		DescriptionNL: new("Hoe lang een gezin wacht."), Examples: &[]string{"We wachtten een half jaar."},
	}})
	w.must(err)
	if got.LabelNL != "Wachttijd voor hulp" || got.Version != c.Version+1 || strings.Join(got.ExampleList, "|") != "We wachtten een half jaar." {
		t.Fatalf("code after the change: %+v", got)
	}
	// The same texts again change nothing: no new version, no history.
	same, err := w.svc.UpdateCode(ctx, w.fac(), c.ID, CodeInput{Version: got.Version, Wording: Wording{LabelNL: new("Wachttijd voor hulp")}})
	w.must(err)
	if same.Version != got.Version {
		t.Fatalf("an unchanged text made version %d", same.Version)
	}
	th := w.theme("T2")
	_, err = w.svc.UpdateTheme(ctx, w.fac(), th.ID, ThemeInput{Version: th.Version, Wording: Wording{LabelEN: new("Working together")}})
	w.must(err)

	all, next, err := w.svc.History(ctx, w.fac(), HistoryFilter{}, leerlus.Page{Limit: 2})
	w.must(err)
	if len(all) != 2 || next == "" {
		t.Fatalf("first page: %d entries, next %q", len(all), next)
	}
	theme := all[0]
	if theme.Action != string(ChangeRenamed) || theme.CodeID != nil || *theme.ThemeID != th.ID ||
		*theme.Detail.Before.LabelEN != th.LabelEN || *theme.Detail.After.LabelEN != "Working together" || theme.Detail.Before.LabelNL != nil {
		t.Fatalf("theme rename: %+v", theme)
	}
	hist, _, err := w.svc.History(ctx, w.fac(), HistoryFilter{CodeID: c.ID}, leerlus.Page{Limit: 50})
	w.must(err)
	if len(hist) != 2 {
		t.Fatalf("code history has %d entries, want renamed and described", len(hist))
	}
	byAction := map[string]Change{}
	for _, h := range hist {
		byAction[h.Action] = h
		if h.ActorName != "Persoon fac1@example.org" || h.ActorID == nil || *h.ActorID != w.fac1 {
			t.Fatalf("actor of %s: %v %q", h.Action, h.ActorID, h.ActorName)
		}
	}
	renamed, described := byAction[string(ChangeRenamed)].Detail, byAction[string(ChangeDescribed)].Detail
	if *renamed.Before.LabelNL != "Wachttijd" || *renamed.After.LabelNL != "Wachttijd voor hulp" || renamed.After.LabelEN != nil {
		t.Fatalf("renamed: %+v → %+v", renamed.Before, renamed.After)
	}
	if described.Before.DescriptionNL == nil || *described.After.DescriptionNL != "Hoe lang een gezin wacht." ||
		len(*described.Before.Examples) != len(c.ExampleList) || len(*described.After.Examples) != 1 || described.Before.LabelNL != nil {
		t.Fatalf("described: %+v → %+v", described.Before, described.After)
	}
	// Members and researchers read the codebook; the history and the
	// usage are the facilitators' (the route's permission), and another
	// network's history is empty here.
	other, _, err := w.svc.History(ctx, w.as(w.otherFac), HistoryFilter{}, leerlus.Page{Limit: 50})
	w.must(err)
	if len(other) != 0 {
		t.Fatalf("the other network sees %d entries", len(other))
	}
	_, _, err = w.svc.History(ctx, w.fac(), HistoryFilter{CodeID: "nope"}, leerlus.Page{Limit: 50})
	w.failsOn(err, leerlus.CodeInvalid, "code", leerlus.FieldFormat)
}

func TestChangesInAnotherNetworkAreNotFound(t *testing.T) {
	w := newCodebookWorld(t)
	ctx := context.Background()
	c, th := w.code("T1.wachttijd"), w.theme("T1")
	elsewhere := w.as(w.otherFac)
	_, err := w.svc.UpdateCode(ctx, elsewhere, c.ID, CodeInput{Wording: Wording{LabelNL: new("Overgenomen")}, Version: c.Version})
	w.fails(err, leerlus.CodeNotFound)
	_, err = w.svc.UpdateTheme(ctx, elsewhere, th.ID, ThemeInput{Wording: Wording{LabelNL: new("Overgenomen")}, Version: th.Version})
	w.fails(err, leerlus.CodeNotFound)
	_, err = w.svc.MergeCode(ctx, elsewhere, c.ID, MergeInput{Into: w.code("T1.rondgepompt").ID, Version: c.Version})
	w.fails(err, leerlus.CodeNotFound)
	_, err = w.svc.MergePreview(ctx, elsewhere, c.ID, w.code("T1.rondgepompt").ID)
	w.fails(err, leerlus.CodeNotFound)
	if got := w.code("T1.wachttijd"); got.LabelNL != c.LabelNL || got.Version != c.Version {
		t.Fatalf("the code changed through another network: %+v", got.Code)
	}
}
