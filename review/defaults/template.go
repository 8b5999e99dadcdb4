package defaults

import (
	_ "embed"
	"fmt"
)

//go:embed template.json
var templateJSON []byte

// QuestionType says what kind of answer a question takes.
type QuestionType string

// The four question types. Items and lessons are lists whose entries carry
// codes from the codebook; a rating is an optional score on the 1–5 scale.
const (
	TypeItems   QuestionType = "items"
	TypeText    QuestionType = "text"
	TypeLessons QuestionType = "lessons"
	TypeRating  QuestionType = "rating"
)

// QuestionTypes lists every question type.
var QuestionTypes = []QuestionType{TypeItems, TypeText, TypeLessons, TypeRating}

// Valid reports whether t is one of QuestionTypes.
func (t QuestionType) Valid() bool {
	for _, x := range QuestionTypes {
		if t == x {
			return true
		}
	}
	return false
}

// The rating scale; fixed so that scores stay comparable across networks.
const (
	RatingMin = 1
	RatingMax = 5
)

// Template is a reflection form: sections of questions. The Dutch texts are
// at B1 level because parents and young people fill the form in.
type Template struct {
	Key      string    `json:"key"`
	NL       string    `json:"nl"`
	EN       string    `json:"en"`
	IntroNL  string    `json:"intro_nl"`
	IntroEN  string    `json:"intro_en"`
	Sections []Section `json:"sections"`
}

// Section groups questions under a heading.
type Section struct {
	Key       string     `json:"key"`
	NL        string     `json:"nl"`
	EN        string     `json:"en"`
	HelpNL    string     `json:"help_nl"`
	HelpEN    string     `json:"help_en"`
	Questions []Question `json:"questions"`
}

// Question is one question with its default wording. Overrides replace the
// wording for a perspective (policy.Perspective keys such as "jongere"),
// because a young person and a professional look back on different things.
type Question struct {
	Key       string       `json:"key"`
	Type      QuestionType `json:"type"`
	Required  bool         `json:"required"`
	NL        string       `json:"nl"`
	EN        string       `json:"en"`
	HelpNL    string       `json:"help_nl"`
	HelpEN    string       `json:"help_en"`
	Fields    []Field      `json:"fields,omitempty"`
	Overrides []Override   `json:"overrides,omitempty"`
}

// Field is one part of a list entry: "what", "why" and "codes" for items,
// "statement" and "codes" for lessons.
type Field struct {
	Key    string `json:"key"`
	NL     string `json:"nl"`
	EN     string `json:"en"`
	HelpNL string `json:"help_nl"`
	HelpEN string `json:"help_en"`
}

// Wording is the text of a question as one reader sees it.
type Wording struct {
	NL     string `json:"nl"`
	EN     string `json:"en"`
	HelpNL string `json:"help_nl"`
	HelpEN string `json:"help_en"`
}

// Override is the wording of a question for one perspective.
type Override struct {
	Perspective string `json:"perspective"`
	Wording
}

// For returns the question's wording for a perspective: its override if it
// has one, else the default wording.
func (q Question) For(perspective string) Wording {
	for _, o := range q.Overrides {
		if o.Perspective == perspective {
			return o.Wording
		}
	}
	return Wording{NL: q.NL, EN: q.EN, HelpNL: q.HelpNL, HelpEN: q.HelpEN}
}

// DefaultTemplate parses the embedded reflection form template strictly.
func DefaultTemplate() (Template, error) {
	var t Template
	if err := decodeStrict(templateJSON, &t); err != nil {
		return Template{}, fmt.Errorf("defaults: template: %w", err)
	}
	return t, nil
}
