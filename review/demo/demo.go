// Package demo holds the demo reflections: invented, anonymised looks back
// at the demo cases of cases/demo, from the perspectives of the people in
// each demo network, with coded items, ratings and lessons. They are
// embedded as JSON so that the demo loader and the tests read one file.
//
// The data is written for what is built on it: the same lessons recur
// across cases and networks in different words, a few lessons share most
// of their words with another that says the opposite, and some codes are
// much more frequent in stuck than in good trajectories. Each lesson
// carries its ground-truth group (Lesson.Group), which the loader ignores
// and the grouping of recurring lessons can be scored against.
package demo

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

//go:embed reflections.json
var reflectionsJSON []byte

// CaseReflections are the demo reflections on one demo case.
type CaseReflections struct {
	Case        string       `json:"case"` // the key of a case in cases/demo
	Reflections []Reflection `json:"reflections"`
}

// Reflection is one demo reflection as its author writes it.
type Reflection struct {
	Author      string         `json:"author"`      // e-mail of a demo account that is a member of the case's network
	Perspective string         `json:"perspective"` // that membership's perspective; the loader checks it
	Status      string         `json:"status"`      // draft | submitted | published
	Worked      []Item         `json:"worked"`
	DidNotWork  []Item         `json:"did_not_work"`
	Differently string         `json:"differently,omitempty"`
	Ratings     map[string]int `json:"ratings"` // rating question key → 1–5
	Lessons     []Lesson       `json:"lessons"`
}

// Item is one entry of what worked or what did not. Its codes helped when
// it worked and hindered when it did not.
type Item struct {
	What  string   `json:"what"`
	Why   string   `json:"why"`
	Codes []string `json:"codes"` // keys of the default codebook: T1.wachttijd
}

// Lesson is a lesson as its author proposes it.
type Lesson struct {
	// ID is case key/perspective/position: stable, for scoring a grouping.
	ID        string   `json:"id"`
	Statement string   `json:"statement"`
	Codes     []string `json:"codes"`
	// Sources name the items the lesson came from: worked/0, did_not_work/1.
	Sources []string `json:"sources"`
	// Group is the ground truth: the underlying lesson this one states.
	// Lessons of one group say the same thing; the loader ignores it.
	Group string `json:"group"`
	// NearMissOf is the id of a lesson of another group that this one
	// looks like but contradicts: a grouping must keep them apart.
	NearMissOf string `json:"near_miss_of,omitempty"`
}

// The template question keys the demo answers (review/defaults).
const (
	questionWorked      = "worked"
	questionDidNotWork  = "did_not_work"
	questionDifferently = "differently"
)

// Reflections parses the embedded demo reflections. Unknown fields are an
// error, so a typo in the file cannot silently drop a value.
func Reflections() ([]CaseReflections, error) {
	dec := json.NewDecoder(bytes.NewReader(reflectionsJSON))
	dec.DisallowUnknownFields()
	var out []CaseReflections
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("demo reflections: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("demo reflections: data after the list")
	}
	return out, nil
}

// SourceIndex turns a lesson source (worked/0, did_not_work/1) into the
// index of the item in the reflection's items, what worked first.
func (r Reflection) SourceIndex(source string) (int, error) {
	q, n, ok := strings.Cut(source, "/")
	i, err := strconv.Atoi(n)
	if !ok || err != nil || i < 0 {
		return 0, fmt.Errorf("lesson source %q: want worked/N or did_not_work/N", source)
	}
	switch {
	case q == questionWorked && i < len(r.Worked):
		return i, nil
	case q == questionDidNotWork && i < len(r.DidNotWork):
		return len(r.Worked) + i, nil
	}
	return 0, fmt.Errorf("lesson source %q names no item", source)
}
