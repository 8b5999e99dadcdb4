package grouping

import (
	"slices"

	"leerlus/review/dutch"
)

// backgroundFeatures lists the distinct term and concept features of a
// text, as counted in weights.txt.
func backgroundFeatures(text string) []string {
	lex := shipped().lex
	seen := map[string]bool{}
	for _, t := range dutch.Tokens(text) {
		if !content(t) {
			continue
		}
		seen["t:"+t.Key] = true
		for _, p := range t.Parts {
			seen["t:"+p] = true
		}
		lex.concepts(t, func(c string) { seen["c:"+c] = true })
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}
