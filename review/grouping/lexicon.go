package grouping

import (
	"bufio"
	"bytes"
	_ "embed"
	"slices"
	"strings"

	"leerlus/review/dutch"
)

//go:embed concepts.txt
var conceptsText []byte

// affixMin is the shortest concept word that also matches as the first or
// last part of a compound: shorter words (kind, zorg, plan) would match
// inside unrelated words.
const affixMin = 5

// lexicon is the parsed concepts.txt.
type lexicon struct {
	// byKey maps a word's dutch.Key to its concepts.
	byKey map[string][]string
	// prefixes and suffixes hold the words of affixMin letters or more:
	// normalised, to match the start of a compound, and as keys, to match
	// its end.
	prefixes, suffixes map[string][]string
}

func parseLexicon() *lexicon {
	l := &lexicon{byKey: map[string][]string{}, prefixes: map[string][]string{}, suffixes: map[string][]string{}}
	pre, suf := l.prefixes, l.suffixes
	add := func(m map[string][]string, k, c string) {
		if !slices.Contains(m[k], c) {
			m[k] = append(m[k], c)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(conceptsText))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		name, words, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		name = strings.TrimSpace(name)
		for _, w := range strings.Fields(words) {
			key := dutch.Key(w)
			add(l.byKey, key, name)
			if n := dutch.Normalise(w); len(n) >= affixMin {
				add(pre, n, name)
			}
			if len(key) >= affixMin {
				add(suf, key, name)
			}
		}
	}
	return l
}

// concepts calls fn with each concept a token stands in: by its key or a
// compound part's key, or by a long concept word that starts its
// normalised form or ends its key (schuldhulpmaatje → schulden).
func (l *lexicon) concepts(t dutch.Token, fn func(concept string)) {
	// A word stands in few concepts: a slice is cheaper than a map.
	var buf [8]string
	seen := buf[:0]
	emit := func(cs []string) {
		for _, c := range cs {
			if !slices.Contains(seen, c) {
				seen = append(seen, c)
				fn(c)
			}
		}
	}
	emit(l.byKey[t.Key])
	for _, p := range t.Parts {
		emit(l.byKey[p])
	}
	// Byte offsets: a cut inside a multi-byte letter finds no word.
	for i := affixMin; i < len(t.Norm); i++ {
		emit(l.prefixes[t.Norm[:i]])
	}
	for i := 1; i+affixMin <= len(t.Key); i++ {
		emit(l.suffixes[t.Key[i:]])
	}
}
