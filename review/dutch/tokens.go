package dutch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text.
type Token struct {
	Word  string   // as written in the text
	Norm  string   // Normalise(Word)
	Stem  string   // the Snowball stem (agrees with PostgreSQL's dutch)
	Key   string   // the match key, Key(Word)
	Parts []string // for a compound, the keys of its parts (thuiszitter → thuis, zit); else nil
	// Concepts are the field's concepts the word or one of its parts
	// stands in (Concepts); nil for none.
	Concepts []string
	Stop     bool // a function word (IsStopWord)
	Start    int  // byte offset of Word in the text
	End      int  // byte offset just after Word
}

// Content reports whether the token can say what a text is about: not a
// stop word, at least two characters, letters only.
func (t Token) Content() bool {
	if t.Stop || runeCount(t.Norm) < 2 {
		return false
	}
	for _, r := range t.Norm {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// Tokens splits a text into its words. A word is a run of letters and
// digits; hyphens, slashes and other punctuation separate words
// (jeugd-ggz is two), except an apostrophe before a final s (auto's), which
// Normalise then drops.
func Tokens(text string) []Token { return tokens(text, nil) }

// TokenCache remembers the analysis of each word it has seen (its
// normal form, stem, key, parts and concepts), which depends on the word
// alone: a caller that tokenises many texts in one go does the work once
// per distinct word. It is not safe for concurrent use; the tokens it
// gives share their Parts and Concepts, which must not be changed.
type TokenCache struct {
	words map[string]Token
}

// NewTokenCache returns an empty cache.
func NewTokenCache() *TokenCache { return &TokenCache{words: map[string]Token{}} }

// Tokens is Tokens(text), with each word's analysis from the cache.
func (c *TokenCache) Tokens(text string) []Token { return tokens(text, c) }

func tokens(text string, cache *TokenCache) []Token {
	lex := lexicon()
	// About one word in six bytes: one allocation for most texts.
	out := make([]Token, 0, len(text)/6+1)
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !wordRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if wordRune(r) {
				i += size
				continue
			}
			if apostrophe(r) && apostropheS(text[i+size:]) {
				i += size + 1
			}
			break
		}
		word := text[start:i]
		if cache != nil {
			if t, ok := cache.words[word]; ok {
				t.Word, t.Start, t.End = word, start, i
				out = append(out, t)
				continue
			}
		}
		norm := Normalise(word)
		stem := Stem(norm)
		t := Token{Word: word, Norm: norm, Stem: stem, Key: keyOf(stem), Stop: isStop(norm), Start: start, End: i}
		if parts, _ := splitNorm(lex, norm); parts != nil {
			t.Parts = make([]string, len(parts))
			for j, p := range parts {
				t.Parts[j] = lex.partKey(p)
			}
		}
		if !t.Stop {
			t.Concepts = conceptsOfKeys(t.Key, t.Parts)
		}
		if cache != nil {
			cache.words[strings.Clone(word)] = t
		}
		out = append(out, t)
	}
	return out
}

// splitNorm is Split on a word normalised already.
func splitNorm(lex *compoundLexicon, norm string) ([]string, bool) {
	if runeCount(norm) < 2*minPart {
		return nil, false
	}
	return lex.split(norm, 1)
}

func isStop(norm string) bool {
	_, ok := stopWords[norm]
	return ok
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func apostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// apostropheS reports whether rest starts with an s that ends the word.
func apostropheS(rest string) bool {
	if len(rest) == 0 || (rest[0] != 's' && rest[0] != 'S') {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return len(rest) == 1 || !wordRune(r)
}
