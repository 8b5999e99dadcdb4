package dutch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalise lower-cases a word for comparison: the ligature ĳ becomes ij,
// umlauts and acute accents are dropped (coördinatie and coordinatie are
// one word; people type both), curly apostrophes become straight ones, and
// the 's of a Dutch plural or possessive goes (auto's → auto, Anne's →
// anne). The grave è stays when written as one character: the stemmer treats it as a vowel of its own.
func Normalise(word string) string {
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range word {
		switch r {
		case 'ĳ', 'Ĳ':
			b.WriteString("ij")
			continue
		case '’', '‘', 'ʼ', '`':
			r = '\''
		}
		// A decomposed accent (e + U+0308) goes like a composed one.
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(fold(unicode.ToLower(r)))
	}
	s := b.String()
	if n := len(s); n > 2 && s[n-2:] == "'s" {
		s = s[:n-2]
	}
	return strings.Trim(s, "'")
}

// fold drops the umlaut and acute accents the Snowball Dutch algorithm
// removes first.
func fold(r rune) rune {
	switch r {
	case 'ä', 'á':
		return 'a'
	case 'ë', 'é':
		return 'e'
	case 'ï', 'í':
		return 'i'
	case 'ö', 'ó':
		return 'o'
	case 'ü', 'ú':
		return 'u'
	}
	return r
}

// runeCount is the length of s in characters.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
