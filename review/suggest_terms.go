package review

import (
	"encoding/json"
	"slices"
	"strings"

	"leerlus/review/dutch"
)

// How much a word of a code's codebook text counts: a label names the code
// and weighs most; the Dutch texts are what members write like.
const (
	weightLabelNL = 3
	weightLabelEN = 1
	weightText    = 1
	// weightPart is how much the parts of a compound the user typed count
	// against the whole word: "wachtlijst" matches codes about a wachtlijst
	// first and codes about wachten or a lijst second.
	weightPart = 0.5
	// weightConcept is how much a concept of the field counts: a word
	// that means about the same, not the same word.
	weightConcept = 0.75
)

// tokenTerms calls fn with the match terms of a content token: its key,
// the keys of its parts when it is a compound, and the field's concepts it
// stands in (as "#name", which no word key can be).
func tokenTerms(t dutch.Token, fn func(term string, weight float64)) {
	fn(t.Key, 1)
	for _, p := range t.Parts {
		if p != t.Key {
			fn(p, weightPart)
		}
	}
	for _, c := range t.Concepts {
		fn("#"+c, weightConcept)
	}
}

// countTerms adds the terms of text, each occurrence weight times, to counts.
func countTerms(counts map[string]int, text string, weight int) {
	for _, t := range dutch.Tokens(text) {
		if t.Content() {
			tokenTerms(t, func(term string, _ float64) { counts[term] += weight })
		}
	}
}

// codebookTerms counts the terms of a code's labels, descriptions and
// examples. A description's "Niet: …" sentence says what the code is not
// about, so its words are left out: they would draw texts about exactly
// the other code.
func codebookTerms(c Code) (map[string]int, error) {
	counts := map[string]int{}
	countTerms(counts, c.LabelNL, weightLabelNL)
	countTerms(counts, c.LabelEN, weightLabelEN)
	countTerms(counts, withoutExclusion(c.DescriptionNL, "Niet:"), weightText)
	countTerms(counts, withoutExclusion(c.DescriptionEN, "Not:"), weightText)
	var examples []string
	if c.Examples != "" {
		if err := json.Unmarshal([]byte(c.Examples), &examples); err != nil {
			return nil, err
		}
	}
	for _, e := range examples {
		countTerms(counts, e, weightText)
	}
	return counts, nil
}

// withoutExclusion cuts a description at its exclusion sentence.
func withoutExclusion(description, marker string) string {
	before, _, _ := strings.Cut(description, marker)
	return before
}

// itemTerms are the distinct terms of a coded item's text, sorted: an item
// counts once per term, however often it repeats a word.
func itemTerms(text string) []string {
	seen := map[string]bool{}
	for _, t := range dutch.Tokens(text) {
		if t.Content() {
			tokenTerms(t, func(term string, _ float64) { seen[term] = true })
		}
	}
	out := make([]string, 0, len(seen))
	for term := range seen {
		out = append(out, term)
	}
	slices.Sort(out)
	return out
}

// maxQueryTerms caps the terms one suggestion reads, which bounds its
// time for the longest texts. Whole words go first, then the parts of
// compounds and the concepts; a typed item rarely has half as many.
const maxQueryTerms = 64

// query is a text to suggest codes for: its terms, how much each counts,
// and the words the user typed for it.
type query struct {
	terms  []string
	weight map[string]float64
	words  map[string][]string
}

func newQuery(text string) query {
	q := query{weight: map[string]float64{}, words: map[string][]string{}}
	var order []string // every term, in order of first appearance
	for _, t := range dutch.Tokens(text) {
		if !t.Content() {
			continue
		}
		tokenTerms(t, func(term string, w float64) {
			old, seen := q.weight[term]
			if !seen {
				order = append(order, term)
			}
			q.weight[term] = max(old, w)
			if !slices.ContainsFunc(q.words[term], func(w string) bool { return strings.EqualFold(w, t.Word) }) {
				q.words[term] = append(q.words[term], t.Word)
			}
		})
	}
	for _, whole := range []bool{true, false} {
		for _, term := range order {
			if (q.weight[term] == 1) == whole && len(q.terms) < maxQueryTerms {
				q.terms = append(q.terms, term)
			}
		}
	}
	return q
}
