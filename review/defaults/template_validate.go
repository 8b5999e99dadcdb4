package defaults

import (
	"fmt"
	"slices"
	"strings"

	"leerlus"
)

// Limits of a template: room for a thorough form, few enough questions
// that a parent finishes it on a phone, and texts short enough to read.
// They hold for the shipped default and for every network's version.
const (
	MaxSections  = 12
	MaxQuestions = 40 // in the whole template
	MaxOverrides = 20 // per question
	MinKey       = 2
	MaxKey       = 40
	MinLabel     = 2
	MaxLabel     = 160
	MaxHelp      = 600
	MaxIntro     = 1200
)

// CoreQuestion is a question every template keeps, with this key and
// type: recurring lessons, improvement actions and the research queries
// count the items and lessons of exactly these questions across versions
// and networks. A network may reword them, not remove or retype them.
type CoreQuestion struct {
	Key  string
	Type QuestionType
}

// CoreQuestions lists the questions every template keeps.
var CoreQuestions = []CoreQuestion{
	{"worked", TypeItems},
	{"did_not_work", TypeItems},
	{"lessons", TypeLessons},
}

// entryFields are the fields a list entry has, per list type; the form
// stores exactly these, so a template may word them but not add or drop any.
var entryFields = map[QuestionType][]string{
	TypeItems:   {"what", "why", "codes"},
	TypeLessons: {"statement", "codes"},
}

// EntryFields returns the fields an entry of a list question has (none
// for text and rating questions).
func EntryFields(t QuestionType) []string { return slices.Clone(entryFields[t]) }

// Validate checks a template against every rule and returns an invalid
// leerlus.Error naming each broken rule (see Problems), or nil.
func (t Template) Validate(perspectives []string) error {
	var v leerlus.Validation
	for _, f := range t.Problems(perspectives) {
		v.Add(f.Field, f.Code, f.Params)
	}
	return v.Err()
}

// Problems lists every broken rule of a template at once, each as a JSON
// pointer into the template (/sections/0/questions/2/type) with a field
// code: one_of for an unknown type, entry field or perspective, duplicate
// for a key used twice, required for an empty text or a missing core
// question, format for a key that is not a slug, too_short/too_long for
// lengths, too_many for the limits, not_allowed (with a reason) for a
// retyped core question, a required rating or fields on a question that
// has none. perspectives are the valid override perspectives
// (policy.PerspectiveNames; passed in so that this content package does
// not depend on access control).
func (t Template) Problems(perspectives []string) []leerlus.FieldError {
	c := &checker{perspectives: perspectives, questions: map[string]string{}, types: map[string]QuestionType{}}
	c.key("/key", t.Key)
	c.label("/nl", t.NL)
	c.label("/en", t.EN)
	c.help("/intro_nl", t.IntroNL, MaxIntro)
	c.help("/intro_en", t.IntroEN, MaxIntro)
	switch {
	case len(t.Sections) == 0:
		c.v.Add("/sections", leerlus.FieldRequired, nil)
	case len(t.Sections) > MaxSections:
		c.v.Add("/sections", leerlus.FieldTooMany, leerlus.Params{"max": MaxSections})
	}
	sections := map[string]bool{}
	for i, s := range t.Sections {
		at := fmt.Sprintf("/sections/%d", i)
		c.unique(sections, at+"/key", s.Key)
		c.label(at+"/nl", s.NL)
		c.label(at+"/en", s.EN)
		c.help(at+"/help_nl", s.HelpNL, MaxHelp)
		c.help(at+"/help_en", s.HelpEN, MaxHelp)
		if len(s.Questions) == 0 {
			c.v.Add(at+"/questions", leerlus.FieldRequired, nil)
		}
		for j, q := range s.Questions {
			c.count++
			if c.count == MaxQuestions+1 {
				c.v.Add(at+"/questions", leerlus.FieldTooMany, leerlus.Params{"max": MaxQuestions})
			}
			c.question(fmt.Sprintf("%s/questions/%d", at, j), q)
		}
	}
	if len(t.Sections) > 0 { // else /sections is required already
		c.core()
	}
	if e, ok := c.v.Err().(*leerlus.Error); ok {
		return e.Fields
	}
	return nil
}

// checker collects the problems of one template.
type checker struct {
	v            leerlus.Validation
	perspectives []string
	// questions holds the pointer of each question key's first use, and
	// types its type: question keys are unique in the whole template,
	// because answers are stored by question key.
	questions map[string]string
	types     map[string]QuestionType
	count     int
}

func (c *checker) question(at string, q Question) {
	c.key(at+"/key", q.Key)
	if q.Key != "" {
		if _, dup := c.questions[q.Key]; dup {
			c.v.Add(at+"/key", leerlus.FieldDuplicate, nil)
		} else {
			c.questions[q.Key], c.types[q.Key] = at, q.Type
		}
	}
	if !q.Type.Valid() {
		c.v.Add(at+"/type", leerlus.FieldOneOf, leerlus.Params{"allowed": typeNames()})
	}
	if q.Type == TypeRating && q.Required {
		c.v.Add(at+"/required", leerlus.FieldNotAllowed, leerlus.Params{"reason": "rating_optional"})
	}
	c.label(at+"/nl", q.NL)
	c.label(at+"/en", q.EN)
	c.help(at+"/help_nl", q.HelpNL, MaxHelp)
	c.help(at+"/help_en", q.HelpEN, MaxHelp)
	if q.Type.Valid() {
		c.fields(at, q)
	}
	if len(q.Overrides) > MaxOverrides {
		c.v.Add(at+"/overrides", leerlus.FieldTooMany, leerlus.Params{"max": MaxOverrides})
	}
	seen := map[string]bool{}
	for k, o := range q.Overrides {
		oat := fmt.Sprintf("%s/overrides/%d", at, k)
		switch {
		case !slices.Contains(c.perspectives, o.Perspective):
			c.v.Add(oat+"/perspective", leerlus.FieldOneOf, leerlus.Params{"allowed": c.perspectives})
		case seen[o.Perspective]:
			c.v.Add(oat+"/perspective", leerlus.FieldDuplicate, nil)
		}
		seen[o.Perspective] = true
		c.label(oat+"/nl", o.NL)
		c.label(oat+"/en", o.EN)
		c.help(oat+"/help_nl", o.HelpNL, MaxHelp)
		c.help(oat+"/help_en", o.HelpEN, MaxHelp)
	}
}

// fields checks that a list question words exactly the fields its entries
// have, and that other questions have none.
func (c *checker) fields(at string, q Question) {
	want := entryFields[q.Type]
	if len(want) == 0 {
		if len(q.Fields) > 0 {
			c.v.Add(at+"/fields", leerlus.FieldNotAllowed, leerlus.Params{"reason": "no_entry_fields"})
		}
		return
	}
	seen := map[string]bool{}
	for k, f := range q.Fields {
		fat := fmt.Sprintf("%s/fields/%d", at, k)
		switch {
		case !slices.Contains(want, f.Key):
			c.v.Add(fat+"/key", leerlus.FieldOneOf, leerlus.Params{"allowed": want})
		case seen[f.Key]:
			c.v.Add(fat+"/key", leerlus.FieldDuplicate, nil)
		}
		seen[f.Key] = true
		c.label(fat+"/nl", f.NL)
		c.label(fat+"/en", f.EN)
		c.help(fat+"/help_nl", f.HelpNL, MaxHelp)
		c.help(fat+"/help_en", f.HelpEN, MaxHelp)
	}
	for _, k := range want {
		if !seen[k] {
			c.v.Add(at+"/fields", leerlus.FieldRequired, leerlus.Params{"key": k})
		}
	}
}

// core checks that the core questions are there with their types.
func (c *checker) core() {
	for _, cq := range CoreQuestions {
		at, ok := c.questions[cq.Key]
		switch {
		case !ok:
			c.v.Add("/sections", leerlus.FieldRequired, leerlus.Params{"key": cq.Key, "reason": "core_question"})
		case c.types[cq.Key].Valid() && c.types[cq.Key] != cq.Type:
			c.v.Add(at+"/type", leerlus.FieldNotAllowed, leerlus.Params{"reason": "core_question", "allowed": []string{string(cq.Type)}})
		}
	}
}

// unique checks a section key and that no other section has it.
func (c *checker) unique(seen map[string]bool, at, key string) {
	c.key(at, key)
	if key != "" && seen[key] {
		c.v.Add(at, leerlus.FieldDuplicate, nil)
	}
	seen[key] = true
}

// key checks a key's shape: a lower-case slug, because keys are stored
// with every answer and compared across versions.
func (c *checker) key(at, key string) {
	switch n := len(key); {
	case n == 0:
		c.v.Add(at, leerlus.FieldRequired, nil)
	case !slugKey.MatchString(key):
		c.v.Add(at, leerlus.FieldFormat, leerlus.Params{"format": "slug"})
	case n < MinKey:
		c.v.Add(at, leerlus.FieldTooShort, leerlus.Params{"min": MinKey})
	case n > MaxKey:
		c.v.Add(at, leerlus.FieldTooLong, leerlus.Params{"max": MaxKey})
	}
}

// label checks a heading or question text: required in Dutch and English.
func (c *checker) label(at, s string) { c.text(at, s, MinLabel, MaxLabel) }

// help checks a help or intro text: required too, because the form shows
// it under every heading, and a reader with the other language would
// otherwise see nothing.
func (c *checker) help(at, s string, max int) { c.text(at, s, MinLabel, max) }

func (c *checker) text(at, s string, min, max int) {
	leerlus.CheckLength(&c.v, at, strings.TrimSpace(s), min, max)
}

func typeNames() []string {
	out := make([]string, len(QuestionTypes))
	for i, t := range QuestionTypes {
		out[i] = string(t)
	}
	return out
}
