package review

import (
	"fmt"
	"strings"

	"leerlus"
	"leerlus/cases"
	"leerlus/review/defaults"
)

// Limits of a reflection: room for a thorough look back, small enough
// that one reflection stays one screen of reading per question.
const (
	maxItems       = 20   // entries per items question
	maxLessons     = 10   // lessons per reflection
	maxCodes       = 5    // codes per item or lesson
	whatMax        = 500  // characters
	whyMax         = 1000 // characters
	textMax        = 2000 // characters of a text answer
	statementMin   = 3
	statementMax   = 300
	sendBackMax    = 2000
	maxScannedText = 2 * textMax
)

// ReflectionInput is a write of a reflection. Answers replace whole
// questions: a question named is rewritten, one not named stays as it is.
type ReflectionInput struct {
	Version int // of the reflection being changed; ignored on create
	Answers map[string]AnswerInput
	cases.Decisions

	pending pending // what screening found, for the store step
}

// AnswerInput is the answer to one question; which part is used depends
// on the question's type.
type AnswerInput struct {
	Items   []ItemInput
	Text    *string
	Rating  *int
	Lessons []LessonInput
}

// ItemInput is one entry of what worked or what did not.
type ItemInput struct {
	ID        string // an item kept from an earlier save keeps its id
	What      string
	Why       string
	EpisodeID string
	Codes     []CodingInput
}

// CodingInput is a code on an item, with whether it helped or hindered.
type CodingInput struct {
	CodeID string
	Effect Effect
}

// LessonInput is a lesson as its author writes it, with the items it
// came from named by question and place in this reflection.
type LessonInput struct {
	Statement string
	Codes     []string
	Sources   []ItemRef
}

// ItemRef names an item of the reflection by its question and place.
type ItemRef struct {
	Question string
	Index    int
}

// check validates the answers against the form. Texts are trimmed in
// place. Codes and episodes are checked against the database later.
func (in *ReflectionInput) check(v *leerlus.Validation, f *form) {
	for key, a := range in.Answers {
		at := "/answers/" + key
		q, ok := f.questions[key]
		if !ok {
			v.Add(at, leerlus.FieldUnknown, nil)
			continue
		}
		a = trimAnswer(a)
		in.Answers[key] = a
		checkAnswer(v, at, q.Type, a)
	}
	for key, a := range in.Answers {
		for i, l := range a.Lessons {
			for j, r := range l.Sources {
				src, ok := in.itemsOf(f, r.Question)
				if !ok || r.Index < 0 || r.Index >= len(src) {
					v.Add(fmt.Sprintf("/answers/%s/lessons/%d/sources/%d", key, i, j), leerlus.FieldNotAllowed, leerlus.Params{"reason": "no_such_item"})
				}
			}
		}
	}
}

// itemsOf returns the items a lesson source may point at: those sent in
// this write for the question. A lesson names items of the same save.
func (in *ReflectionInput) itemsOf(f *form, question string) ([]ItemInput, bool) {
	q, ok := f.questions[question]
	if !ok || q.Type != defaults.TypeItems {
		return nil, false
	}
	a, ok := in.Answers[question]
	return a.Items, ok
}

func trimAnswer(a AnswerInput) AnswerInput {
	for i := range a.Items {
		a.Items[i].What = strings.TrimSpace(a.Items[i].What)
		a.Items[i].Why = strings.TrimSpace(a.Items[i].Why)
	}
	if a.Text != nil {
		t := strings.TrimSpace(*a.Text)
		a.Text = &t
	}
	for i := range a.Lessons {
		a.Lessons[i].Statement = strings.TrimSpace(a.Lessons[i].Statement)
	}
	return a
}

// checkAnswer checks one answer by the type of its question: a part that
// does not belong to the type is an unknown field.
func checkAnswer(v *leerlus.Validation, at string, typ defaults.QuestionType, a AnswerInput) {
	wrong := func(part string, present bool) {
		if present {
			v.Add(at+"/"+part, leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_for_question_type", "type": string(typ)})
		}
	}
	switch typ {
	case defaults.TypeItems:
		wrong("text", a.Text != nil)
		wrong("rating", a.Rating != nil)
		wrong("lessons", a.Lessons != nil)
		v.Check(len(a.Items) <= maxItems, at+"/items", leerlus.FieldTooMany, leerlus.Params{"max": maxItems})
		seen := map[string]bool{}
		for i, it := range a.Items {
			p := fmt.Sprintf("%s/items/%d", at, i)
			leerlus.CheckLength(v, p+"/what", it.What, 1, whatMax)
			leerlus.CheckLength(v, p+"/why", it.Why, 0, whyMax)
			if it.ID != "" {
				leerlus.CheckID(v, p+"/id", it.ID)
				v.Check(!seen[it.ID], p+"/id", leerlus.FieldDuplicate, nil)
				seen[it.ID] = true
			}
			if it.EpisodeID != "" {
				leerlus.CheckID(v, p+"/episode_id", it.EpisodeID)
			}
			checkCodings(v, p+"/codes", it.Codes)
		}
	case defaults.TypeText:
		wrong("items", a.Items != nil)
		wrong("rating", a.Rating != nil)
		wrong("lessons", a.Lessons != nil)
		if a.Text == nil {
			v.Add(at+"/text", leerlus.FieldRequired, nil)
		} else {
			leerlus.CheckLength(v, at+"/text", *a.Text, 0, textMax)
		}
	case defaults.TypeRating:
		wrong("items", a.Items != nil)
		wrong("text", a.Text != nil)
		wrong("lessons", a.Lessons != nil)
		if a.Rating != nil {
			r := *a.Rating
			v.Check(r >= defaults.RatingMin && r <= defaults.RatingMax, at+"/rating", leerlus.FieldOutOfRange,
				leerlus.Params{"min": defaults.RatingMin, "max": defaults.RatingMax})
		}
	case defaults.TypeLessons:
		wrong("items", a.Items != nil)
		wrong("text", a.Text != nil)
		wrong("rating", a.Rating != nil)
		v.Check(len(a.Lessons) <= maxLessons, at+"/lessons", leerlus.FieldTooMany, leerlus.Params{"max": maxLessons})
		for i, l := range a.Lessons {
			p := fmt.Sprintf("%s/lessons/%d", at, i)
			leerlus.CheckLength(v, p+"/statement", l.Statement, statementMin, statementMax)
			checkCodeIDs(v, p+"/codes", l.Codes)
			v.Check(len(l.Sources) <= maxItems, p+"/sources", leerlus.FieldTooMany, leerlus.Params{"max": maxItems})
		}
	}
}

// checkCodings checks the shape of an item's codes.
func checkCodings(v *leerlus.Validation, at string, cs []CodingInput) {
	v.Check(len(cs) <= maxCodes, at, leerlus.FieldTooMany, leerlus.Params{"max": maxCodes})
	seen := map[string]bool{}
	for i, c := range cs {
		p := fmt.Sprintf("%s/%d", at, i)
		leerlus.CheckID(v, p+"/code_id", c.CodeID)
		v.Check(!seen[c.CodeID], p+"/code_id", leerlus.FieldDuplicate, nil)
		seen[c.CodeID] = true
		v.Check(c.Effect.Valid(), p+"/effect", leerlus.FieldOneOf, leerlus.Params{"allowed": []string{string(EffectHelped), string(EffectHindered)}})
	}
}

// checkCodeIDs checks the shape of a lesson's codes.
func checkCodeIDs(v *leerlus.Validation, at string, ids []string) {
	v.Check(len(ids) <= maxCodes, at, leerlus.FieldTooMany, leerlus.Params{"max": maxCodes})
	seen := map[string]bool{}
	for i, id := range ids {
		p := fmt.Sprintf("%s/%d", at, i)
		leerlus.CheckID(v, p, id)
		v.Check(!seen[id], p, leerlus.FieldDuplicate, nil)
		seen[id] = true
	}
}

// texts lists every free text of the write for screening, with the
// pointer the request used.
func (in *ReflectionInput) texts() []cases.Text {
	var out []cases.Text
	add := func(p, v string) {
		if v != "" {
			out = append(out, cases.Text{Pointer: p, Field: p, Value: v})
		}
	}
	for _, key := range sortedKeys(in.Answers) {
		a := in.Answers[key]
		for i, it := range a.Items {
			add(fmt.Sprintf("/answers/%s/items/%d/what", key, i), it.What)
			add(fmt.Sprintf("/answers/%s/items/%d/why", key, i), it.Why)
		}
		if a.Text != nil {
			add("/answers/"+key+"/text", *a.Text)
		}
		for i, l := range a.Lessons {
			add(fmt.Sprintf("/answers/%s/lessons/%d/statement", key, i), l.Statement)
		}
	}
	return out
}
