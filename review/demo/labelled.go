package demo

import (
	"fmt"

	casedemo "leerlus/cases/demo"
)

// LabelledLesson is a demo lesson with its ground truth, shaped like a
// line of the lesson-grouping dev set (id, text, group, perspective,
// outcome, near_miss_of), plus its codes, case and the status of its
// reflection. Marshalled one per line it can be fed to
// `leerlus lessons group --jsonl` and scored with that set's score.py.
type LabelledLesson struct {
	ID          string   `json:"id"`
	Text        string   `json:"text"`
	Codes       []string `json:"codes"`
	Group       string   `json:"group"`
	Perspective string   `json:"perspective"`
	Outcome     string   `json:"outcome"` // good | stuck | mixed, of the case
	NearMissOf  string   `json:"near_miss_of,omitempty"`
	Case        string   `json:"case"`
	Status      string   `json:"status"` // of the reflection: only published lessons reach curation
}

// LabelledLessons lists every demo lesson with its ground-truth group, in
// the order of the data.
func LabelledLessons() ([]LabelledLesson, error) {
	list, err := Reflections()
	if err != nil {
		return nil, err
	}
	outcomes, err := caseOutcomes()
	if err != nil {
		return nil, err
	}
	var out []LabelledLesson
	for _, cr := range list {
		outcome, ok := outcomes[cr.Case]
		if !ok {
			return nil, fmt.Errorf("demo reflections: unknown case %q", cr.Case)
		}
		for _, r := range cr.Reflections {
			for _, l := range r.Lessons {
				out = append(out, LabelledLesson{ID: l.ID, Text: l.Statement, Codes: l.Codes, Group: l.Group, Perspective: r.Perspective,
					Outcome: outcome, NearMissOf: l.NearMissOf, Case: cr.Case, Status: r.Status})
			}
		}
	}
	return out, nil
}

// caseOutcomes maps the demo cases' keys to their outcomes.
func caseOutcomes() (map[string]string, error) {
	cs, err := casedemo.Cases()
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(cs))
	for _, c := range cs {
		out[c.Key] = c.Outcome
	}
	return out, nil
}
