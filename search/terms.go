package search

import (
	"slices"
	"strings"
	"unicode"

	"leerlus/review/dutch"
)

// Word is one search word, analysed as the index analyses text.
type Word struct {
	Norm  string   // the word normalised (dutch.Normalise)
	Stem  string   // its Snowball Dutch stem
	Parts []string // for a compound, the keys of its parts; else nil
}

// indexable reports whether a token goes into the index: a word of two
// characters or more, letters and digits only, not a stop word.
func indexable(t dutch.Token) bool {
	if t.Stop || len([]rune(t.Norm)) < 2 {
		return false
	}
	for _, r := range t.Norm {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// analyse returns the index terms of a text: the stems of its words, and
// apart the keys of the parts of its compounds (PostgreSQL stems the words
// itself and needs the parts alone).
func analyse(text string) (stems, parts []string) {
	for _, t := range dutch.Tokens(text) {
		if !indexable(t) {
			continue
		}
		stems = append(stems, t.Stem)
		parts = append(parts, t.Parts...)
	}
	return stems, parts
}

// MaxWords is the most words a query may have: more add nothing a
// researcher needs and only make the query slower.
const MaxWords = 8

// Words analyses a query: its indexable words, each once, in order. Stop
// words are left out, as the index leaves them out.
func Words(q string) []Word {
	var out []Word
	for _, t := range dutch.Tokens(q) {
		if !indexable(t) || slices.ContainsFunc(out, func(w Word) bool { return w.Norm == t.Norm }) {
			continue
		}
		out = append(out, Word{Norm: t.Norm, Stem: t.Stem, Parts: t.Parts})
	}
	return out
}

// FTSMatch writes words as an FTS4 MATCH expression: every word must
// occur, as its stem or (a compound) as all its parts. Terms are quoted,
// so that no word is read as an operator.
func FTSMatch(words []Word) string {
	clauses := make([]string, len(words))
	for i, w := range words {
		c := quote(w.Stem)
		if len(w.Parts) > 0 {
			parts := make([]string, len(w.Parts))
			for j, p := range w.Parts {
				parts[j] = quote(p)
			}
			c = "(" + c + " OR (" + strings.Join(parts, " AND ") + "))"
		}
		clauses[i] = c
	}
	return strings.Join(clauses, " AND ")
}

func quote(term string) string { return `"` + strings.ReplaceAll(term, `"`, "") + `"` }

// TSQuery writes words as a PostgreSQL tsquery expression with ?
// placeholders and its arguments: the word through the `dutch`
// configuration, or (a compound) its parts through `simple`, for every
// word.
func TSQuery(words []Word) (string, []any) {
	clauses := make([]string, len(words))
	var args []any
	for i, w := range words {
		c := "plainto_tsquery('dutch', ?)"
		args = append(args, w.Norm)
		if len(w.Parts) > 0 {
			c = "(" + c + " || plainto_tsquery('simple', ?))"
			args = append(args, strings.Join(w.Parts, " "))
		}
		clauses[i] = c
	}
	return "(" + strings.Join(clauses, " && ") + ")", args
}

// Matches reports whether a token of a text is one a query word found:
// it has the word's stem, or shares a part with a compound word, or is
// a compound with the word as a part. Snippets mark these.
func Matches(t dutch.Token, words []Word) bool {
	if !indexable(t) {
		return false
	}
	for _, w := range words {
		if t.Stem == w.Stem || slices.Contains(t.Parts, w.Stem) {
			return true
		}
		for _, p := range w.Parts {
			if t.Key == p || t.Stem == p || slices.Contains(t.Parts, p) {
				return true
			}
		}
	}
	return false
}
