package defaults

import "fmt"

// TextRef is one wording of a template: where it sits (a JSON pointer
// into the template) and the text itself, which the caller may change.
type TextRef struct {
	Pointer string
	Value   *string
}

// Texts lists every wording of a template — titles, intros, labels, help
// texts and per-perspective overrides, in Dutch and English — so that a
// save can tidy and screen them all and no text is missed by a second,
// hand-written walk.
func (t *Template) Texts() []TextRef {
	out := []TextRef{{"/nl", &t.NL}, {"/en", &t.EN}, {"/intro_nl", &t.IntroNL}, {"/intro_en", &t.IntroEN}}
	wording := func(at string, nl, en, helpNL, helpEN *string) {
		out = append(out, TextRef{at + "/nl", nl}, TextRef{at + "/en", en}, TextRef{at + "/help_nl", helpNL}, TextRef{at + "/help_en", helpEN})
	}
	for i := range t.Sections {
		s := &t.Sections[i]
		at := fmt.Sprintf("/sections/%d", i)
		wording(at, &s.NL, &s.EN, &s.HelpNL, &s.HelpEN)
		for j := range s.Questions {
			q := &s.Questions[j]
			qat := fmt.Sprintf("%s/questions/%d", at, j)
			wording(qat, &q.NL, &q.EN, &q.HelpNL, &q.HelpEN)
			for k := range q.Fields {
				f := &q.Fields[k]
				wording(fmt.Sprintf("%s/fields/%d", qat, k), &f.NL, &f.EN, &f.HelpNL, &f.HelpEN)
			}
			for k := range q.Overrides {
				o := &q.Overrides[k]
				wording(fmt.Sprintf("%s/overrides/%d", qat, k), &o.NL, &o.EN, &o.HelpNL, &o.HelpEN)
			}
		}
	}
	return out
}
