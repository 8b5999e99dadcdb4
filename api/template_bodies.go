package api

import (
	"time"

	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/review/defaults"
)

// TemplateDefinitionBody is a reflection form: sections of questions, each
// worded in Dutch and English with optional wording per perspective. It
// is the same in requests and responses (docs/reflections.md).
type TemplateDefinitionBody struct {
	Key      string                `json:"key"`
	NL       string                `json:"nl"`
	EN       string                `json:"en"`
	IntroNL  string                `json:"intro_nl"`
	IntroEN  string                `json:"intro_en"`
	Sections []TemplateSectionBody `json:"sections"`
}

// TemplateSectionBody is a heading with its questions (a step on a phone).
type TemplateSectionBody struct {
	Key       string                 `json:"key"`
	NL        string                 `json:"nl"`
	EN        string                 `json:"en"`
	HelpNL    string                 `json:"help_nl"`
	HelpEN    string                 `json:"help_en"`
	Questions []TemplateQuestionBody `json:"questions"`
}

// TemplateQuestionBody is one question: its type, default wording, the
// wording of its entries' fields (items and lessons) and the wording per
// perspective.
type TemplateQuestionBody struct {
	Key       string                 `json:"key"`
	Type      defaults.QuestionType  `json:"type"`
	Required  bool                   `json:"required"`
	NL        string                 `json:"nl"`
	EN        string                 `json:"en"`
	HelpNL    string                 `json:"help_nl"`
	HelpEN    string                 `json:"help_en"`
	Fields    []TemplateFieldBody    `json:"fields"`
	Overrides []TemplateOverrideBody `json:"overrides"`
}

// TemplateFieldBody is the wording of one field of a list entry.
type TemplateFieldBody struct {
	Key    string `json:"key"`
	NL     string `json:"nl"`
	EN     string `json:"en"`
	HelpNL string `json:"help_nl"`
	HelpEN string `json:"help_en"`
}

// TemplateOverrideBody is a question's wording for one perspective.
type TemplateOverrideBody struct {
	Perspective string `json:"perspective"`
	NL          string `json:"nl"`
	EN          string `json:"en"`
	HelpNL      string `json:"help_nl"`
	HelpEN      string `json:"help_en"`
}

// RatingScaleBody is the fixed scale of rating questions.
type RatingScaleBody struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// TemplateBody is one version of a network's form template with what a
// renderer needs beside it: the perspectives overrides may name, the
// question types and the rating scale. Author is there for the network's
// facilitators only.
type TemplateBody struct {
	ID            string                  `json:"id"`
	NetworkID     string                  `json:"network_id"`
	Version       int                     `json:"version"`
	Current       bool                    `json:"current"`
	CreatedAt     time.Time               `json:"created_at"`
	Author        *Ref                    `json:"author,omitempty"`
	Definition    TemplateDefinitionBody  `json:"definition"`
	Perspectives  []string                `json:"perspectives"`
	QuestionTypes []defaults.QuestionType `json:"question_types"`
	CoreQuestions []string                `json:"core_questions"`
	RatingScale   RatingScaleBody         `json:"rating_scale"`
}

func templateBody(t *review.Template) TemplateBody {
	core := make([]string, len(defaults.CoreQuestions))
	for i, c := range defaults.CoreQuestions {
		core[i] = c.Key
	}
	return TemplateBody{ID: t.ID, NetworkID: t.NetworkID, Version: t.Version, Current: t.Current, CreatedAt: t.CreatedAt,
		Author: authorRef(t.Author), Definition: definitionBody(t.Definition), Perspectives: policy.PerspectiveNames(),
		QuestionTypes: defaults.QuestionTypes, CoreQuestions: core,
		RatingScale: RatingScaleBody{Min: defaults.RatingMin, Max: defaults.RatingMax}}
}

// TemplateSummaryBody is a version in the list of a network's versions.
type TemplateSummaryBody struct {
	ID        string    `json:"id"`
	Version   int       `json:"version"`
	Current   bool      `json:"current"`
	CreatedAt time.Time `json:"created_at"`
	Author    *Ref      `json:"author,omitempty"`
}

func templateSummaryBody(t review.TemplateSummary) TemplateSummaryBody {
	return TemplateSummaryBody{ID: t.ID, Version: t.Version, Current: t.Current, CreatedAt: t.CreatedAt, Author: authorRef(t.Author)}
}

func authorRef(a *cases.Author) *Ref {
	if a == nil {
		return nil
	}
	return &Ref{ID: a.ID, Name: a.Name}
}

// definitionBody copies a definition field by field; lists are never null.
func definitionBody(t defaults.Template) TemplateDefinitionBody {
	out := TemplateDefinitionBody{Key: t.Key, NL: t.NL, EN: t.EN, IntroNL: t.IntroNL, IntroEN: t.IntroEN,
		Sections: make([]TemplateSectionBody, len(t.Sections))}
	for i, s := range t.Sections {
		sb := TemplateSectionBody{Key: s.Key, NL: s.NL, EN: s.EN, HelpNL: s.HelpNL, HelpEN: s.HelpEN,
			Questions: make([]TemplateQuestionBody, len(s.Questions))}
		for j, q := range s.Questions {
			qb := TemplateQuestionBody{Key: q.Key, Type: q.Type, Required: q.Required, NL: q.NL, EN: q.EN, HelpNL: q.HelpNL, HelpEN: q.HelpEN,
				Fields: make([]TemplateFieldBody, len(q.Fields)), Overrides: make([]TemplateOverrideBody, len(q.Overrides))}
			for k, f := range q.Fields {
				qb.Fields[k] = TemplateFieldBody{Key: f.Key, NL: f.NL, EN: f.EN, HelpNL: f.HelpNL, HelpEN: f.HelpEN}
			}
			for k, o := range q.Overrides {
				qb.Overrides[k] = TemplateOverrideBody{Perspective: o.Perspective, NL: o.NL, EN: o.EN, HelpNL: o.HelpNL, HelpEN: o.HelpEN}
			}
			sb.Questions[j] = qb
		}
		out.Sections[i] = sb
	}
	return out
}

// definition turns a request's definition into the domain's.
func (b TemplateDefinitionBody) definition() defaults.Template {
	out := defaults.Template{Key: b.Key, NL: b.NL, EN: b.EN, IntroNL: b.IntroNL, IntroEN: b.IntroEN}
	for _, s := range b.Sections {
		sec := defaults.Section{Key: s.Key, NL: s.NL, EN: s.EN, HelpNL: s.HelpNL, HelpEN: s.HelpEN}
		for _, q := range s.Questions {
			qu := defaults.Question{Key: q.Key, Type: q.Type, Required: q.Required, NL: q.NL, EN: q.EN, HelpNL: q.HelpNL, HelpEN: q.HelpEN}
			for _, f := range q.Fields {
				qu.Fields = append(qu.Fields, defaults.Field{Key: f.Key, NL: f.NL, EN: f.EN, HelpNL: f.HelpNL, HelpEN: f.HelpEN})
			}
			for _, o := range q.Overrides {
				qu.Overrides = append(qu.Overrides, defaults.Override{Perspective: o.Perspective,
					Wording: defaults.Wording{NL: o.NL, EN: o.EN, HelpNL: o.HelpNL, HelpEN: o.HelpEN}})
			}
			sec.Questions = append(sec.Questions, qu)
		}
		out.Sections = append(out.Sections, sec)
	}
	return out
}

// templateRequest is a new version of the network's form template.
type templateRequest struct {
	BasedOn    int                     `json:"based_on"`
	Definition *TemplateDefinitionBody `json:"definition"`
	Dismissed  []markRequest           `json:"dismissed"`
	Confirmed  []markRequest           `json:"confirmed"`
}
