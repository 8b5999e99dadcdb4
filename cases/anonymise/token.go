package anonymise

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters, possibly followed by digits (C4Youth)
	tNum                      // ASCII digits
	tPunct                    // any other single non-space rune
	tTag                      // a redaction tag such as [PERSOON-3]
)

// token is one word, number or punctuation rune of the scanned text.
type token struct {
	start, end int
	kind       tokKind
	space      bool   // whitespace directly before
	newline    bool   // a line break between the previous token and this one
	upper      bool   // first rune is upper case
	allUpper   bool   // every letter is upper case (and there are two or more)
	lower      bool   // every letter is lower case
	flags      uint32 // lexicon flags of the lower-cased word
	sent       bool   // first word of a sentence, line or list item
	used       bool   // part of a finding already
	typ        uint8  // for tTag the tag's type, else the type of the finding it is in: index+1 in Types
}

// tokenize splits s into tokens in one pass. Invalid UTF-8 bytes become
// punctuation tokens of one byte.
func tokenize(s string) []token { return tokenizeInto(nil, s) }

// tokenizeInto is tokenize appending to toks[:0], to reuse its memory.
func tokenizeInto(toks []token, s string) []token {
	if cap(toks) < len(s)/4+8 {
		toks = make([]token, 0, len(s)/4+8)
	}
	toks = toks[:0]
	space, newline := false, false
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' {
			space = true
			if c == '\n' {
				newline = true
			}
			i++
			continue
		}
		t := token{start: i, space: space, newline: newline}
		space, newline = false, false
		switch {
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			t.kind, t.end = tNum, j
		case c < utf8.RuneSelf:
			if !isASCIILetter(c) {
				t.kind, t.end = tPunct, i+1
				break
			}
			t.kind = tWord
			// Fast path for ASCII words: scan and classify case in one loop.
			j, up, lo := i, 0, 0
			for ; j < len(s); j++ {
				b := s[j]
				if b >= 'a' && b <= 'z' {
					lo++
				} else if b >= 'A' && b <= 'Z' {
					up++
				} else if b < '0' || b > '9' {
					break
				}
			}
			if j < len(s) && s[j] >= utf8.RuneSelf {
				t.end = scanWord(s, i) // a letter with a diacritic follows
				setCase(&t, s[t.start:t.end])
			} else {
				t.end = j
				t.upper = c <= 'Z'
				t.allUpper = up+lo >= 2 && lo == 0
				t.lower = up == 0
			}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsLetter(r):
				t.end = scanWord(s, i)
				t.kind = tWord
			case unicode.IsSpace(r):
				space = true
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					newline = true
				}
				i += n
				continue
			default:
				t.kind, t.end = tPunct, i+n
			}
		}
		if t.kind == tWord && c >= utf8.RuneSelf {
			setCase(&t, s[t.start:t.end])
		}
		toks = append(toks, t)
		i = t.end
	}
	return toks
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// scanWord returns the end of the word starting at i: letters, combining
// marks and digits.
func scanWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) || (c >= '0' && c <= '9') {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return i
		}
		i += n
	}
	return i
}

func setCase(t *token, w string) {
	letters, uppers, lowers := 0, 0, 0
	first := true
	for _, r := range w {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'A' && r <= 'Z':
				letters++
				uppers++
			case r >= 'a' && r <= 'z':
				letters++
				lowers++
			default:
				if first {
					first = false
				}
				continue
			}
		} else if unicode.IsUpper(r) {
			letters++
			uppers++
		} else if unicode.IsLower(r) {
			letters++
			lowers++
		}
		if first {
			t.upper = uppers == 1
			first = false
		}
	}
	t.allUpper = letters >= 2 && uppers == letters
	t.lower = uppers == 0
}
