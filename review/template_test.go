package review_test

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/review/defaults"
)

// A network starts from the shipped template as its version 1.
func TestCurrentTemplateStartsFromTheDefault(t *testing.T) {
	w := newTemplateWorld(t)
	ctx := context.Background()
	got, err := w.svc.CurrentTemplate(ctx, w.as(w.member))
	check(t, err)
	if got.Version != 1 || !got.Current || got.NetworkID != w.network || got.Author != nil {
		t.Errorf("version %d current %v network %s author %v, want version 1, current, this network, no author",
			got.Version, got.Current, got.NetworkID, got.Author)
	}
	if !reflect.DeepEqual(got.Definition, defaultTemplate(t)) {
		t.Error("version 1 differs from the shipped template")
	}
	// Reading again copies nothing more.
	_, err = w.svc.CurrentTemplate(ctx, w.as(w.reader))
	check(t, err)
	if n := w.versions(t); n != 1 {
		t.Errorf("%d versions after two reads, want 1", n)
	}
}

// A facilitator's save is a new version; the earlier one stays as it was,
// because reflections written with it render with it forever.
func TestSaveTemplateAddsAVersion(t *testing.T) {
	w := newTemplateWorld(t)
	ctx := context.Background()
	def := defaultTemplate(t)
	def.Sections[0].Questions[0].Overrides[0].NL = "  Wat hielp jou echt?  "
	saved, err := w.svc.SaveTemplate(ctx, w.as(w.fac), review.TemplateInput{Definition: def, BasedOn: 1})
	check(t, err)
	if saved.Version != 2 || !saved.Current {
		t.Fatalf("saved version %d current %v, want 2, current", saved.Version, saved.Current)
	}
	if got := saved.Definition.Sections[0].Questions[0].Overrides[0].NL; got != "Wat hielp jou echt?" {
		t.Errorf("saved wording %q, want it trimmed", got)
	}
	if def.Sections[0].Questions[0].Overrides[0].NL != "  Wat hielp jou echt?  " {
		t.Error("the caller's definition was changed")
	}
	if saved.Author == nil || saved.Author.ID != w.fac {
		t.Errorf("author %+v, want the facilitator", saved.Author)
	}
	current, err := w.svc.CurrentTemplate(ctx, w.as(w.member))
	check(t, err)
	if current.Version != 2 || current.Definition.Sections[0].Questions[0].For("jongere").NL != "Wat hielp jou echt?" {
		t.Errorf("current is version %d with %q", current.Version, current.Definition.Sections[0].Questions[0].For("jongere").NL)
	}
	if current.Author != nil {
		t.Error("a member sees who saved the template")
	}
	first, err := w.svc.TemplateVersion(ctx, w.as(w.member), 1)
	check(t, err)
	if first.Current || !reflect.DeepEqual(first.Definition, defaultTemplate(t)) {
		t.Error("version 1 changed or is still current")
	}
	if n := w.audited(t, policy.ActionTemplateCreated, w.fac); n != 1 {
		t.Errorf("%d template.created entries, want 1", n)
	}
}

// A save based on a version that is no longer current is refused, so
// that two facilitators editing at once never overwrite each other.
func TestSaveTemplateRefusesAStaleBase(t *testing.T) {
	w := newTemplateWorld(t)
	ctx := context.Background()
	_, err := w.svc.SaveTemplate(ctx, w.as(w.fac), review.TemplateInput{Definition: defaultTemplate(t), BasedOn: 1})
	check(t, err)
	for _, based := range []int{1, 3} {
		_, err = w.svc.SaveTemplate(ctx, w.as(w.fac2), review.TemplateInput{Definition: defaultTemplate(t), BasedOn: based})
		e := failure(t, err, leerlus.CodeConflict)
		if len(e.Fields) != 1 || e.Fields[0].Field != "based_on" || e.Fields[0].Code != leerlus.FieldStaleVersion {
			t.Errorf("based on %d: fields %+v, want based_on stale_version", based, e.Fields)
		}
	}
	if n := w.versions(t); n != 2 {
		t.Errorf("%d versions, want 2", n)
	}
	if n := w.audited(t, policy.ActionTemplateCreated, w.fac2); n != 0 {
		t.Errorf("%d audit entries for refused saves", n)
	}
}

// Two facilitators saving at once on the same base: one wins, the other
// is stale, on either engine.
func TestConcurrentTemplateSavesOneWins(t *testing.T) {
	w := newTemplateWorld(t)
	ctx := context.Background()
	_, err := w.svc.CurrentTemplate(ctx, w.as(w.fac))
	check(t, err)
	const n = 6
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			who := w.fac
			if i%2 == 1 {
				who = w.fac2
			}
			_, err := w.svc.SaveTemplate(ctx, w.as(who), review.TemplateInput{Definition: defaultTemplate(t), BasedOn: 1})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	ok, stale := 0, 0
	for err := range errs {
		switch {
		case err == nil:
			ok++
		case leerlus.IsCode(err, leerlus.CodeConflict):
			stale++
		default:
			t.Errorf("unexpected error %v", err)
		}
	}
	if ok != 1 || stale != n-1 {
		t.Errorf("%d saved and %d stale, want 1 and %d", ok, stale, n-1)
	}
	if got := w.versions(t); got != 2 {
		t.Errorf("%d versions, want 2", got)
	}
}

// Every broken rule comes back at once, at its pointer in the input
// (under /definition), and nothing is stored.
func TestSaveTemplateValidation(t *testing.T) {
	w := newTemplateWorld(t)
	ctx := context.Background()
	type problem struct {
		field string
		code  leerlus.FieldCode
	}
	q := func(d *defaults.Template, s, i int) *defaults.Question { return &d.Sections[s].Questions[i] }
	cases := []struct {
		name    string
		basedOn int
		mutate  func(*defaults.Template)
		want    []problem
	}{
		{"no base", 0, func(*defaults.Template) {}, []problem{{"based_on", leerlus.FieldRequired}}},
		{"unknown question type", 1, func(d *defaults.Template) { q(d, 2, 0).Type = "choice" },
			[]problem{{"/definition/sections/2/questions/0/type", leerlus.FieldOneOf}}},
		{"duplicate question key", 1, func(d *defaults.Template) { q(d, 4, 0).Key = "fitted" },
			[]problem{{"/definition/sections/4/questions/1/key", leerlus.FieldDuplicate}}},
		{"empty English label", 1, func(d *defaults.Template) { q(d, 3, 0).EN = "   " },
			[]problem{{"/definition/sections/3/questions/0/en", leerlus.FieldRequired}}},
		{"unknown perspective", 1, func(d *defaults.Template) { q(d, 0, 0).Overrides[5].Perspective = "wethouder" },
			[]problem{{"/definition/sections/0/questions/0/overrides/5/perspective", leerlus.FieldOneOf}}},
		{"core question retyped", 1, func(d *defaults.Template) { q(d, 1, 0).Type = defaults.TypeLessons },
			// An items question's fields do not fit a lessons question either.
			[]problem{{"/definition/sections/1/questions/0/fields/0/key", leerlus.FieldOneOf}, {"/definition/sections/1/questions/0/fields/1/key", leerlus.FieldOneOf},
				{"/definition/sections/1/questions/0/fields", leerlus.FieldRequired}, {"/definition/sections/1/questions/0/type", leerlus.FieldNotAllowed}}},
		{"core question removed", 1, func(d *defaults.Template) { d.Sections = d.Sections[1:] },
			[]problem{{"/definition/sections", leerlus.FieldRequired}}},
		{"key not a slug", 1, func(d *defaults.Template) { d.Sections[4].Key = "Cijfers!" },
			[]problem{{"/definition/sections/4/key", leerlus.FieldFormat}}},
		{"label too long", 1, func(d *defaults.Template) { d.NL = string(make([]rune, defaults.MaxLabel+1)) + "x" },
			[]problem{{"/definition/nl", leerlus.FieldTooLong}}},
		{"several at once", 0, func(d *defaults.Template) {
			d.Key = ""
			q(d, 4, 1).Required = true
			q(d, 0, 0).Fields[0].HelpEN = ""
		}, []problem{{"based_on", leerlus.FieldRequired}, {"/definition/key", leerlus.FieldRequired},
			{"/definition/sections/0/questions/0/fields/0/help_en", leerlus.FieldRequired},
			{"/definition/sections/4/questions/1/required", leerlus.FieldNotAllowed}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			def := defaultTemplate(t)
			c.mutate(&def)
			_, err := w.svc.SaveTemplate(ctx, w.as(w.fac), review.TemplateInput{Definition: def, BasedOn: c.basedOn})
			e := failure(t, err, leerlus.CodeInvalid)
			var got []problem
			for _, f := range e.Fields {
				got = append(got, problem{f.Field, f.Code})
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("problems %v, want %v", got, c.want)
			}
		})
	}
	if n := w.versions(t); n > 1 {
		t.Errorf("%d versions stored by refused saves", n)
	}
}

// Template wording is free text: a name in it refuses the save with the
// findings at its pointer, and nothing is stored. A name the facilitator
// dismisses (a false alarm) lets the save through; a BSN cannot be
// dismissed in a text of no case and refuses the save until it is gone.
func TestSaveTemplateScreensWording(t *testing.T) {
	w := newTemplateWorld(t)
	ctx := context.Background()
	def := defaultTemplate(t)
	def.Sections[0].Questions[0].Overrides[0].NL = "Wat deed Jolanda Hoogvliet-Brakman (BSN 223456784) voor jou?"
	_, err := w.svc.SaveTemplate(ctx, w.as(w.fac), review.TemplateInput{Definition: def, BasedOn: 1})
	e := failure(t, err, leerlus.CodeIdentifying)
	if len(e.Findings) == 0 {
		t.Fatal("no findings")
	}
	direct := 0
	for _, f := range e.Findings {
		if f.Field != "/definition/sections/0/questions/0/overrides/0/nl" {
			t.Errorf("finding %+v, want it at the override's label", f)
		}
		if f.Direct {
			direct++
		}
	}
	if direct < 2 {
		t.Errorf("findings %+v, want the name and the BSN as direct identifiers", e.Findings)
	}
	if n := w.versions(t); n > 1 {
		t.Fatalf("%d versions after a refused save", n)
	}
	var d cases.Decisions
	for _, f := range e.Findings {
		m := cases.MarkInput{Field: f.Field, Type: f.Type, Start: f.Start, End: f.End}
		if f.Direct {
			d.Dismissed = append(d.Dismissed, m)
		} else {
			d.Confirmed = append(d.Confirmed, m)
		}
	}
	_, err = w.svc.SaveTemplate(ctx, w.as(w.fac), review.TemplateInput{Definition: def, BasedOn: 1, Decisions: d})
	e = failure(t, err, leerlus.CodeIdentifying)
	if len(e.Findings) != 1 || e.Findings[0].Type != "bsn" || !e.Findings[0].MustChange {
		t.Fatalf("findings %+v after dismissing all, want only the BSN, which must change", e.Findings)
	}
	if n := w.versions(t); n > 1 {
		t.Fatalf("%d versions after a dismissed BSN", n)
	}
	def.Sections[0].Questions[0].Overrides[0].NL = "Wat deed Jolanda Hoogvliet-Brakman voor jou?"
	d.Dismissed = slices.DeleteFunc(d.Dismissed, func(m cases.MarkInput) bool { return m.Type == "bsn" })
	saved, err := w.svc.SaveTemplate(ctx, w.as(w.fac), review.TemplateInput{Definition: def, BasedOn: 1, Decisions: d})
	check(t, err)
	if saved.Version != 2 {
		t.Errorf("version %d, want 2", saved.Version)
	}
}

// The list of versions pages newest first; only facilitators see who saved
// each version.
func TestTemplateVersions(t *testing.T) {
	w := newTemplateWorld(t)
	ctx := context.Background()
	for base := 1; base <= 3; base++ {
		_, err := w.svc.SaveTemplate(ctx, w.as(w.fac), review.TemplateInput{Definition: defaultTemplate(t), BasedOn: base})
		check(t, err)
	}
	page1, next, err := w.svc.TemplateVersions(ctx, w.as(w.fac2), leerlus.Page{Limit: 3})
	check(t, err)
	page2, last, err := w.svc.TemplateVersions(ctx, w.as(w.fac2), leerlus.Page{Limit: 3, After: next})
	check(t, err)
	var versions []int
	for _, v := range append(page1, page2...) {
		versions = append(versions, v.Version)
		if v.Current != (v.Version == 4) {
			t.Errorf("version %d current %v", v.Version, v.Current)
		}
		if want := v.Version > 1; (v.Author != nil) != want || (want && v.Author.ID != w.fac) {
			t.Errorf("version %d author %+v for a facilitator", v.Version, v.Author)
		}
	}
	if !slices.Equal(versions, []int{4, 3, 2, 1}) || next != "2" || last != "" {
		t.Errorf("versions %v, cursors %q %q; want 4 3 2 1 over two pages", versions, next, last)
	}
	for _, who := range []string{w.member, w.reader} {
		list, _, err := w.svc.TemplateVersions(ctx, w.as(who), leerlus.Page{Limit: 10})
		check(t, err)
		for _, v := range list {
			if v.Author != nil {
				t.Errorf("a %s sees who saved version %d", w.Roles[who], v.Version)
			}
		}
		got, err := w.svc.TemplateVersion(ctx, w.as(who), 3)
		check(t, err)
		if got.Author != nil {
			t.Errorf("a %s sees who saved version 3", w.Roles[who])
		}
	}
	_, _, err = w.svc.TemplateVersions(ctx, w.as(w.fac), leerlus.Page{Limit: 10, After: "x"})
	failure(t, err, leerlus.CodeInvalid)
}

// Versions that do not exist are not found.
func TestTemplateVersionNotFound(t *testing.T) {
	w := newTemplateWorld(t)
	for _, v := range []int{0, -1, 2, 99} {
		_, err := w.svc.TemplateVersion(context.Background(), w.as(w.member), v)
		failure(t, err, leerlus.CodeNotFound)
	}
}
