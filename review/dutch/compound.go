package dutch

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"
)

//go:embed lexicon.txt
var lexiconText []byte

// lexicon is the parsed lexicon.txt: read once, never changed.
var lexicon = sync.OnceValue(parseLexicon)

// compoundLexicon holds the words compounds are split into.
type compoundLexicon struct {
	// words maps a part as written to the key it stands for.
	words map[string]string
	// heads maps the stem of a part to its key, so that the last part of a
	// compound may be inflected (wachtlijsten → wacht + lijsten).
	heads map[string]string
}

func parseLexicon() *compoundLexicon {
	l := &compoundLexicon{words: map[string]string{}, heads: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(lexiconText))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		for _, entry := range strings.Fields(line) {
			part, base, ok := strings.Cut(entry, "=")
			part = Normalise(part)
			if !ok {
				base = part
			}
			key := Key(base)
			l.words[part] = key
			l.heads[Stem(part)] = key
		}
	}
	return l
}

// Shortest part of a compound, and most parts: three covers the field's
// long words (jeugd|hulp|verlener) without splitting into fragments.
const (
	minPart  = 3
	maxParts = 3
)

// linkers are the letters Dutch puts between the parts of a compound
// (gezin-s-huis, kind-er-opvang is in the lexicon as "kinder").
var linkers = []string{"", "s", "e", "en"}

// Split splits a compound into its parts as written, without linking
// letters: "thuiszitter" → [thuis zitter], "gezinshuis" → [gezin huis],
// "wachtlijsten" → [wacht lijsten]. Every part but the last must be a word
// of the lexicon (lexicon.txt); the last may be inflected. It answers nil
// for a word it cannot split, and prefers the split with fewest parts and
// then the longest last part (Dutch compounds put their head last:
// jeugd + hulpverlener rather than jeugdhulp + verlener).
func Split(word string) []string {
	parts, _ := splitNorm(lexicon(), Normalise(word))
	return parts
}

// split finds the best split of s into at most maxParts-depth+1 parts,
// each after the first drawn from the lexicon. At depth 1 the whole word
// does not count as a split of itself.
func (l *compoundLexicon) split(s string, depth int) ([]string, bool) {
	if depth > 1 && l.isHead(s) {
		return []string{s}, true
	}
	if depth >= maxParts {
		return nil, false
	}
	var best []string
	// Byte offsets are safe: lexicon words are ASCII after Normalise, so a
	// prefix that matches one ends on a character boundary.
	for i := minPart; i <= len(s)-minPart; i++ {
		mod := s[:i]
		if _, ok := l.words[mod]; !ok {
			continue
		}
		for _, link := range linkers {
			rest, ok := strings.CutPrefix(s[i:], link)
			if !ok || len(rest) < minPart {
				continue
			}
			sub, ok := l.split(rest, depth+1)
			if ok && (best == nil || len(sub)+1 < len(best)) {
				best = append([]string{mod}, sub...)
			}
		}
	}
	return best, best != nil
}

// isHead reports whether s can end a compound: a lexicon word, possibly
// inflected.
func (l *compoundLexicon) isHead(s string) bool {
	if _, ok := l.words[s]; ok {
		return true
	}
	_, ok := l.heads[Stem(s)]
	return ok
}

// partKey is the key a part of a compound stands for.
func (l *compoundLexicon) partKey(part string) string {
	if k, ok := l.words[part]; ok {
		return k
	}
	if k, ok := l.heads[Stem(part)]; ok {
		return k
	}
	return Key(part)
}
