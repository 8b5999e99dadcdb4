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
	maxItems       = 40   // entries of all items questions together
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

// ReflectionInput is a write of a reflection. Each part that is given
// (not nil) replaces that part of the reflection whole; a part not given
// stays as it is. Pointers in errors and findings name the part and the
// place in it: /items/2/why, /texts/0/text, /lessons/1/statement.
type ReflectionInput struct {
	Version int // of the reflection being changed; ignored on create
	Items   *[]ItemInput
	Texts   *[]TextInput
	Ratings *[]RatingInput
	Lessons *[]LessonInput
	cases.Decisions

	pending pending // what screening found, for the store step
}

// ItemInput is one entry of what worked or what did not.
type ItemInput struct {
	ID        string // an item kept from an earlier save keeps its id
	Question  string // the key of an items question of the form
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

// TextInput answers a text question.
type TextInput struct {
	Question string
	Text     string
}

// RatingInput answers a rating question; a nil rating clears it.
type RatingInput struct {
	Question string
	Rating   *int
}

// LessonInput is a lesson as its author writes it, with the items it came
// from named by their place in the items of the same write.
type LessonInput struct {
	Statement string
	Codes     []string
	Sources   []int
}

// check validates the parts given against the form. Texts are trimmed in
// place. Codes and episodes are checked against the database later.
func (in *ReflectionInput) check(v *leerlus.Validation, f *form) {
	if in.Items != nil {
		items := *in.Items
		v.Check(len(items) <= maxItems, "items", leerlus.FieldTooMany, leerlus.Params{"max": maxItems})
		seen := map[string]bool{}
		for i := range items {
			it := &items[i]
			p := fmt.Sprintf("/items/%d", i)
			checkQuestion(v, p+"/question", f, it.Question, defaults.TypeItems)
			it.What, it.Why = strings.TrimSpace(it.What), strings.TrimSpace(it.Why)
			leerlus.CheckLength(v, p+"/what", it.What, 1, whatMax)
			leerlus.CheckLength(v, p+"/why", it.Why, 0, whyMax)
			if it.ID != "" {
				leerlus.CheckID(v, p+"/id", it.ID)
				v.Check(!seen[it.ID], p+"/id", leerlus.FieldDuplicate, nil)
				seen[it.ID] = true
			}
			leerlus.CheckID(v, p+"/episode_id", it.EpisodeID)
			checkCodings(v, p+"/codes", it.Codes)
		}
	}
	if in.Texts != nil {
		seen := map[string]bool{}
		for i := range *in.Texts {
			t := &(*in.Texts)[i]
			p := fmt.Sprintf("/texts/%d", i)
			checkQuestion(v, p+"/question", f, t.Question, defaults.TypeText)
			v.Check(!seen[t.Question], p+"/question", leerlus.FieldDuplicate, nil)
			seen[t.Question] = true
			t.Text = strings.TrimSpace(t.Text)
			leerlus.CheckLength(v, p+"/text", t.Text, 0, textMax)
		}
	}
	if in.Ratings != nil {
		seen := map[string]bool{}
		for i, r := range *in.Ratings {
			p := fmt.Sprintf("/ratings/%d", i)
			checkQuestion(v, p+"/question", f, r.Question, defaults.TypeRating)
			v.Check(!seen[r.Question], p+"/question", leerlus.FieldDuplicate, nil)
			seen[r.Question] = true
			if r.Rating != nil {
				v.Check(*r.Rating >= defaults.RatingMin && *r.Rating <= defaults.RatingMax, p+"/rating", leerlus.FieldOutOfRange,
					leerlus.Params{"min": defaults.RatingMin, "max": defaults.RatingMax})
			}
		}
	}
	if in.Lessons != nil {
		lessons := *in.Lessons
		v.Check(len(lessons) <= maxLessons, "lessons", leerlus.FieldTooMany, leerlus.Params{"max": maxLessons})
		v.Check(len(lessons) == 0 || f.lessonsQuestion() != "", "lessons", leerlus.FieldNotAllowed, leerlus.Params{"reason": "form_has_no_lessons"})
		for i := range lessons {
			l := &lessons[i]
			p := fmt.Sprintf("/lessons/%d", i)
			l.Statement = strings.TrimSpace(l.Statement)
			leerlus.CheckLength(v, p+"/statement", l.Statement, statementMin, statementMax)
			checkCodeIDs(v, p+"/codes", l.Codes)
			v.Check(len(l.Sources) <= maxItems, p+"/sources", leerlus.FieldTooMany, leerlus.Params{"max": maxItems})
			for j, src := range l.Sources {
				// A lesson names items of the same write: the web app
				// always sends the items with the lessons.
				ok := in.Items != nil && src >= 0 && src < len(*in.Items)
				v.Check(ok, fmt.Sprintf("%s/sources/%d", p, j), leerlus.FieldNotAllowed, leerlus.Params{"reason": "no_such_item"})
			}
		}
	}
}

// checkQuestion checks that key names a question of the form of type typ.
func checkQuestion(v *leerlus.Validation, at string, f *form, key string, typ defaults.QuestionType) {
	q, ok := f.questions[key]
	if !ok || q.Type != typ {
		v.Add(at, leerlus.FieldOneOf, leerlus.Params{"allowed": f.keysOf(typ)})
	}
}

// checkCodings checks the shape of an item's codes.
func checkCodings(v *leerlus.Validation, at string, cs []CodingInput) {
	v.Check(len(cs) <= maxCodes, at, leerlus.FieldTooMany, leerlus.Params{"max": maxCodes})
	seen := map[string]bool{}
	for i, c := range cs {
		p := fmt.Sprintf("%s/%d", at, i)
		leerlus.CheckID(v, p+"/code_id", c.CodeID)
		v.Check(c.CodeID != "", p+"/code_id", leerlus.FieldRequired, nil)
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
		v.Check(id != "", p, leerlus.FieldRequired, nil)
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
	if in.Items != nil {
		for i, it := range *in.Items {
			add(fmt.Sprintf("/items/%d/what", i), it.What)
			add(fmt.Sprintf("/items/%d/why", i), it.Why)
		}
	}
	if in.Texts != nil {
		for i, t := range *in.Texts {
			add(fmt.Sprintf("/texts/%d/text", i), t.Text)
		}
	}
	if in.Lessons != nil {
		for i, l := range *in.Lessons {
			add(fmt.Sprintf("/lessons/%d/statement", i), l.Statement)
		}
	}
	return out
}

// parts are the pointer prefixes of the parts a write replaces, whose
// marks it replaces too.
func (in *ReflectionInput) parts() []string {
	var out []string
	if in.Items != nil {
		out = append(out, "/items/")
	}
	if in.Texts != nil {
		out = append(out, "/texts/")
	}
	if in.Lessons != nil {
		out = append(out, "/lessons/")
	}
	return out
}
