package defaults

import (
	"slices"
	"strings"
	"testing"

	"leerlus/policy"
)

func load(t *testing.T) (Codebook, Template) {
	t.Helper()
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	return cb, tpl
}

// The shipped content must pass the same validation a network's copy will.
func TestDefaultsValid(t *testing.T) {
	cb, tpl := load(t)
	if err := cb.Validate(); err != nil {
		t.Errorf("codebook:\n%v", err)
	}
	for _, f := range tpl.Problems(policy.PerspectiveNames()) {
		t.Errorf("template: %s: %s %v", f.Field, f.Code, f.Params)
	}
}

// The codebook covers every theme and subtheme of the project guide (codebook.md):
// dropping one would silently lose a category from every network.
func TestCodebookCoversGuide(t *testing.T) {
	cb, _ := load(t)
	want := []struct {
		theme string
		codes []string
	}{
		{"T1", []string{"wachttijd", "geen_passend_aanbod", "denken_vanuit_aanbod", "rondgepompt", "matching_plaatsing"}},
		{"T2", []string{"informatiedeling", "overdracht", "rolverdeling", "meningsverschil"}},
		{"T3", []string{"een_plan_regisseur", "doorzettingsmacht", "wisseling_hulpverleners", "opvolging_advies"}},
		{"T4", []string{"stem_jongere", "samen_beslissen", "vertrouwensrelatie", "moeizame_betrokkenheid", "netwerk_vaders"}},
		{"T5", []string{"risicotaxatie", "op_afschalen", "chronische_problematiek", "geweld"}},
		{"T6", []string{"problemen_ouders", "huiselijk_geweld", "complexe_scheiding", "bestaanszekerheid_wonen"}},
		{"T7", []string{"overplaatsingen", "gesloten_jeugdhulp", "zo_thuis_mogelijk", "terugkeer_uitstroom"}},
		{"T8", []string{"thuiszitten_verzuim", "schoolovergang", "school_vindplaats", "zorg_in_school"}},
		{"T9", []string{"deskundigheid", "redeneerfouten", "reflectie_supervisie", "werkdruk"}},
		{"T10", []string{"inkoop_contractering", "financieringsgeschil", "schotten_wetten", "administratieve_last", "personeelstekort"}},
		{"T11", []string{"normaliseren", "leefwereld_netwerk", "preventie_vroegsignalering"}},
	}
	if len(cb.Themes) != len(want) {
		t.Fatalf("%d themes, want %d", len(cb.Themes), len(want))
	}
	for i, w := range want {
		th := cb.Themes[i]
		if th.Key != w.theme {
			t.Errorf("theme %d is %s, want %s", i, th.Key, w.theme)
			continue
		}
		var got []string
		for _, c := range th.Codes {
			got = append(got, c.Key)
		}
		var exp []string
		for _, c := range w.codes {
			exp = append(exp, w.theme+"."+c)
		}
		if !slices.Equal(got, exp) {
			t.Errorf("%s codes %v, want %v", w.theme, got, exp)
		}
	}
	var factors []string
	for _, f := range cb.Factors {
		factors = append(factors, f.Key)
	}
	if want := []string{"client", "individual", "task", "team", "environment", "organisation", "institutional"}; !slices.Equal(factors, want) {
		t.Errorf("factors %v, want the seven London Protocol groups %v", factors, want)
	}
}

// The template holds the five parts the reflection model asks for, with the
// question types the form renderer will switch on.
func TestTemplateShape(t *testing.T) {
	_, tpl := load(t)
	want := map[string]QuestionType{
		"worked": TypeItems, "did_not_work": TypeItems, "differently": TypeText, "lessons": TypeLessons,
		"on_time": TypeRating, "fitted": TypeRating, "family_involved": TypeRating,
		"worked_together": TypeRating, "young_person_heard": TypeRating,
	}
	got := map[string]QuestionType{}
	for _, s := range tpl.Sections {
		for _, q := range s.Questions {
			got[q.Key] = q.Type
			if q.Type == TypeRating && q.Required {
				t.Errorf("rating %s is required; ratings are optional", q.Key)
			}
		}
	}
	for k, typ := range want {
		if got[k] != typ {
			t.Errorf("question %s: type %q, want %q", k, got[k], typ)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d questions, want %d", len(got), len(want))
	}
}

// Each reader sees wording for their own perspective; others see the default.
func TestQuestionFor(t *testing.T) {
	_, tpl := load(t)
	q := tpl.Sections[0].Questions[0]
	for _, c := range []struct{ perspective, nl string }{
		{string(policy.PerspectiveYoungPerson), "Wat hielp jou?"},
		{string(policy.PerspectiveParent), "Wat hielp jullie als gezin?"},
		{string(policy.PerspectiveProfessional), "Wat werkte in de samenwerking?"},
		{string(policy.PerspectiveResearch), q.NL},
		{"", q.NL},
	} {
		if got := q.For(c.perspective).NL; got != c.nl {
			t.Errorf("For(%q) = %q, want %q", c.perspective, got, c.nl)
		}
	}
}

// Validate must catch each kind of fault, or TestDefaultsValid proves
// nothing. The template's rules have their own table in
// template_validate_test.go.
func TestValidateCatches(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*Codebook, *Template)
		want   string
	}{
		{"theme key", func(c *Codebook, _ *Template) { c.Themes[0].Key = "t1" }, "not T<number>"},
		{"code key", func(c *Codebook, _ *Template) { c.Themes[0].Codes[0].Key = "T2.wachttijd" }, "not T1.<slug>"},
		{"code slug", func(c *Codebook, _ *Template) { c.Themes[0].Codes[0].Key = "T1.Wacht-tijd" }, "not T1.<slug>"},
		{"duplicate code", func(c *Codebook, _ *Template) { c.Themes[0].Codes[1].Key = c.Themes[0].Codes[0].Key }, "duplicate"},
		{"empty label", func(c *Codebook, _ *Template) { c.Themes[2].Codes[0].EN = " " }, "en is empty"},
		{"one example", func(c *Codebook, _ *Template) { c.Themes[0].Codes[0].Examples = []string{"Te laat."} }, "1 examples"},
		{"five examples", func(c *Codebook, _ *Template) {
			c.Themes[0].Codes[0].Examples = []string{"a", "b", "c", "d", "e"}
		}, "5 examples"},
		{"example in two codes", func(c *Codebook, _ *Template) {
			c.Themes[1].Codes[0].Examples[0] = c.Themes[0].Codes[0].Examples[0]
		}, "example: duplicate"},
		{"factor description", func(c *Codebook, _ *Template) { c.Factors[0].DescriptionNL = "" }, "description_nl is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cb, tpl := load(t) // fresh copies: slices are not shared between loads
			c.mutate(&cb, &tpl)
			err := errorsOf(cb.Validate())
			if !strings.Contains(err, c.want) {
				t.Errorf("got %q, want it to mention %q", err, c.want)
			}
		})
	}
}

func errorsOf(errs ...error) string {
	var b strings.Builder
	for _, e := range errs {
		if e != nil {
			b.WriteString(e.Error())
		}
	}
	return b.String()
}

// Strict parsing turns a misspelt JSON field into an error, not a blank text.
func TestDecodeStrict(t *testing.T) {
	var cb Codebook
	for _, c := range []struct {
		in string
		ok bool
	}{
		{`{"themes":[],"factors":[]}`, true},
		{`{"themes":[{"key":"T1","descripton_nl":"x"}]}`, false},
		{`{"themes":[]} {}`, false},
	} {
		if err := decodeStrict([]byte(c.in), &cb); (err == nil) != c.ok {
			t.Errorf("decodeStrict(%s) error %v, want ok=%v", c.in, err, c.ok)
		}
	}
}
