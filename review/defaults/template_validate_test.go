package defaults

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"leerlus"
	"leerlus/policy"
)

// Each rule of a template, broken once on a fresh copy of the default,
// must come back as exactly the expected pointer and code: the form
// editor shows the message at that place, so a wrong pointer is a bug.
func TestTemplateProblems(t *testing.T) {
	perspectives := policy.PerspectiveNames()
	long := func(n int) string { return strings.Repeat("a", n) }
	q := func(tpl *Template, s, i int) *Question { return &tpl.Sections[s].Questions[i] }
	cases := []struct {
		name   string
		mutate func(*Template)
		field  string
		code   leerlus.FieldCode
		params leerlus.Params // checked when set
	}{
		{"template key empty", func(p *Template) { p.Key = "" }, "/key", leerlus.FieldRequired, nil},
		{"template key not a slug", func(p *Template) { p.Key = "Reflectie-1" }, "/key", leerlus.FieldFormat, leerlus.Params{"format": "slug"}},
		{"template key too short", func(p *Template) { p.Key = "r" }, "/key", leerlus.FieldTooShort, leerlus.Params{"min": MinKey}},
		{"template key too long", func(p *Template) { p.Key = long(MaxKey + 1) }, "/key", leerlus.FieldTooLong, leerlus.Params{"max": MaxKey}},
		{"title blank in English", func(p *Template) { p.EN = "  " }, "/en", leerlus.FieldRequired, nil},
		{"title too short", func(p *Template) { p.NL = "a" }, "/nl", leerlus.FieldTooShort, leerlus.Params{"min": MinLabel}},
		{"intro too long", func(p *Template) { p.IntroNL = long(MaxIntro + 1) }, "/intro_nl", leerlus.FieldTooLong, leerlus.Params{"max": MaxIntro}},
		{"no sections", func(p *Template) { p.Sections = nil }, "/sections", leerlus.FieldRequired, nil},
		{"too many sections", func(p *Template) {
			for i := len(p.Sections); i <= MaxSections; i++ {
				s := p.Sections[2] // a section with one text question
				s.Key = fmt.Sprintf("extra_%d", i)
				s.Questions = []Question{s.Questions[0]}
				s.Questions[0].Key = fmt.Sprintf("extra_q_%d", i)
				p.Sections = append(p.Sections, s)
			}
		}, "/sections", leerlus.FieldTooMany, leerlus.Params{"max": MaxSections}},
		{"section key duplicate", func(p *Template) { p.Sections[1].Key = p.Sections[0].Key }, "/sections/1/key", leerlus.FieldDuplicate, nil},
		{"section key not a slug", func(p *Template) { p.Sections[3].Key = "Lessen" }, "/sections/3/key", leerlus.FieldFormat, nil},
		{"section label empty in Dutch", func(p *Template) { p.Sections[2].NL = "" }, "/sections/2/nl", leerlus.FieldRequired, nil},
		{"section help too long", func(p *Template) { p.Sections[2].HelpEN = long(MaxHelp + 1) }, "/sections/2/help_en", leerlus.FieldTooLong, nil},
		{"section without questions", func(p *Template) { p.Sections[2].Questions = nil }, "/sections/2/questions", leerlus.FieldRequired, nil},
		{"too many questions", func(p *Template) {
			s := &p.Sections[4]
			for i := 0; i < MaxQuestions; i++ {
				extra := s.Questions[0]
				extra.Key = fmt.Sprintf("rating_%d", i)
				s.Questions = append(s.Questions, extra)
			}
		}, "/sections/4/questions", leerlus.FieldTooMany, leerlus.Params{"max": MaxQuestions}},
		{"unknown question type", func(p *Template) { q(p, 2, 0).Type = "choice" }, "/sections/2/questions/0/type", leerlus.FieldOneOf,
			leerlus.Params{"allowed": []string{"items", "text", "lessons", "rating"}}},
		{"question key duplicate in another section", func(p *Template) { q(p, 4, 1).Key = "worked" }, "/sections/4/questions/1/key", leerlus.FieldDuplicate, nil},
		{"question key not a slug", func(p *Template) { q(p, 4, 0).Key = "op tijd" }, "/sections/4/questions/0/key", leerlus.FieldFormat, nil},
		{"question label empty in English", func(p *Template) { q(p, 0, 0).EN = "" }, "/sections/0/questions/0/en", leerlus.FieldRequired, nil},
		{"question label too long", func(p *Template) { q(p, 0, 0).NL = long(MaxLabel + 1) }, "/sections/0/questions/0/nl", leerlus.FieldTooLong,
			leerlus.Params{"max": MaxLabel}},
		{"question help empty", func(p *Template) { q(p, 3, 0).HelpNL = "" }, "/sections/3/questions/0/help_nl", leerlus.FieldRequired, nil},
		{"required rating", func(p *Template) { q(p, 4, 2).Required = true }, "/sections/4/questions/2/required", leerlus.FieldNotAllowed,
			leerlus.Params{"reason": "rating_optional"}},
		{"fields on a text question", func(p *Template) { q(p, 2, 0).Fields = q(p, 3, 0).Fields }, "/sections/2/questions/0/fields", leerlus.FieldNotAllowed,
			leerlus.Params{"reason": "no_entry_fields"}},
		{"entry field missing", func(p *Template) { q(p, 0, 0).Fields = q(p, 0, 0).Fields[:2] }, "/sections/0/questions/0/fields", leerlus.FieldRequired,
			leerlus.Params{"key": "codes"}},
		{"unknown entry field", func(p *Template) { q(p, 3, 0).Fields[0].Key = "tekst" }, "/sections/3/questions/0/fields/0/key", leerlus.FieldOneOf,
			leerlus.Params{"allowed": []string{"statement", "codes"}}},
		{"entry field twice", func(p *Template) { q(p, 1, 0).Fields[1].Key = "what" }, "/sections/1/questions/0/fields/1/key", leerlus.FieldDuplicate, nil},
		{"entry field label empty", func(p *Template) { q(p, 1, 0).Fields[2].EN = "" }, "/sections/1/questions/0/fields/2/en", leerlus.FieldRequired, nil},
		{"unknown perspective", func(p *Template) { q(p, 0, 0).Overrides[0].Perspective = "kind" }, "/sections/0/questions/0/overrides/0/perspective",
			leerlus.FieldOneOf, leerlus.Params{"allowed": perspectives}},
		{"perspective twice", func(p *Template) { q(p, 0, 0).Overrides[2].Perspective = "jongere" }, "/sections/0/questions/0/overrides/2/perspective",
			leerlus.FieldDuplicate, nil},
		{"override label empty", func(p *Template) { q(p, 0, 0).Overrides[1].NL = " " }, "/sections/0/questions/0/overrides/1/nl", leerlus.FieldRequired, nil},
		{"override help empty", func(p *Template) { q(p, 0, 0).Overrides[1].HelpNL = "" }, "/sections/0/questions/0/overrides/1/help_nl", leerlus.FieldRequired, nil},
		{"too many overrides", func(p *Template) {
			o := q(p, 0, 0).Overrides
			for len(q(p, 0, 0).Overrides) <= MaxOverrides {
				q(p, 0, 0).Overrides = append(q(p, 0, 0).Overrides, o...)
			}
		}, "/sections/0/questions/0/overrides", leerlus.FieldTooMany, leerlus.Params{"max": MaxOverrides}},
		{"core question removed", func(p *Template) { p.Sections[3].Questions[0].Key = "lesjes" }, "/sections", leerlus.FieldRequired,
			leerlus.Params{"key": "lessons", "reason": "core_question"}},
		{"core section removed", func(p *Template) { p.Sections = slices.Delete(p.Sections, 1, 2) }, "/sections", leerlus.FieldRequired,
			leerlus.Params{"key": "did_not_work", "reason": "core_question"}},
		{"core question retyped", func(p *Template) {
			q(p, 0, 0).Type, q(p, 0, 0).Fields = TypeText, nil
		}, "/sections/0/questions/0/type", leerlus.FieldNotAllowed, leerlus.Params{"reason": "core_question", "allowed": []string{"items"}}},
	}
	// How many problems a fault makes where it is not one: a renamed entry
	// field is also a missing one; copied overrides repeat perspectives.
	counts := map[string]int{"unknown entry field": 2, "entry field twice": 2, "too many overrides": -1}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, tpl := load(t)
			c.mutate(&tpl)
			got := tpl.Problems(perspectives)
			i := slices.IndexFunc(got, func(f leerlus.FieldError) bool { return f.Field == c.field && f.Code == c.code })
			if i < 0 {
				t.Fatalf("problems %v, want %s at %s", brief(got), c.code, c.field)
			}
			if c.params != nil && fmt.Sprint(got[i].Params) != fmt.Sprint(c.params) {
				t.Errorf("params %v, want %v", got[i].Params, c.params)
			}
			// One fault, one problem: a fault reported twice, or a rule
			// that fires on the untouched rest, would confuse the editor.
			want, ok := counts[c.name]
			if !ok {
				want = 1
			}
			if want >= 0 && len(got) != want {
				t.Errorf("%d problems, want %d: %v", len(got), want, brief(got))
			}
		})
	}
}

// Validate reports every problem in one error, so that the editor shows
// them all after one save.
func TestTemplateValidateNamesEveryProblem(t *testing.T) {
	_, tpl := load(t)
	if err := tpl.Validate(policy.PerspectiveNames()); err != nil {
		t.Fatalf("the default is invalid: %v", err)
	}
	tpl.Key = ""
	tpl.Sections[2].Questions[0].Type = "choice"
	tpl.Sections[0].Questions[0].Overrides[0].EN = ""
	var e *leerlus.Error
	if err := tpl.Validate(policy.PerspectiveNames()); !errors.As(err, &e) || e.Code != leerlus.CodeInvalid {
		t.Fatalf("want an invalid error, got %v", err)
	}
	var fields []string
	for _, f := range e.Fields {
		fields = append(fields, f.Field)
	}
	want := []string{"/key", "/sections/0/questions/0/overrides/0/en", "/sections/2/questions/0/type"}
	if !slices.Equal(fields, want) {
		t.Errorf("fields %v, want %v", fields, want)
	}
}

// Texts walks every wording: a text it misses would be stored without
// screening.
func TestTemplateTextsReachEveryWording(t *testing.T) {
	_, tpl := load(t)
	refs := tpl.Texts()
	if got, want := len(refs), 2*len(templateTexts(tpl)); got != want {
		// templateTexts (language_test.go) lists each Dutch text once; Texts
		// lists Dutch and English.
		t.Errorf("%d texts, want %d", got, want)
	}
	seen := map[string]bool{}
	for _, r := range refs {
		if seen[r.Pointer] {
			t.Errorf("pointer %s twice", r.Pointer)
		}
		seen[r.Pointer] = true
		if strings.TrimSpace(*r.Value) == "" {
			t.Errorf("%s is empty in the default", r.Pointer)
		}
	}
	// The pointers are the validator's: a text changed through its ref is
	// reported at that same pointer.
	for _, r := range refs {
		*r.Value = ""
	}
	problems := map[string]bool{}
	for _, f := range tpl.Problems(policy.PerspectiveNames()) {
		problems[f.Field] = true
	}
	for _, r := range refs {
		if !problems[r.Pointer] {
			t.Errorf("an empty %s is not reported", r.Pointer)
		}
	}
}

func brief(fs []leerlus.FieldError) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Field + " " + string(f.Code)
	}
	return out
}
