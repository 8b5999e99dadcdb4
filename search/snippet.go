package search

import (
	"unicode/utf16"
	"unicode/utf8"

	"leerlus/review/dutch"
)

// Span is a highlighted stretch of a snippet, in UTF-16 code units from
// the snippet's start (what JavaScript's string indexes count).
type Span struct{ Start, End int }

// Snippet is a keyword in context: a stretch of a text around the words a
// query found, with those words marked.
type Snippet struct {
	Text       string
	Highlights []Span
}

// Context around the first match: bytes before it and after it, widened
// to whole words. About a sentence or two either side.
const (
	contextBefore = 80
	contextAfter  = 160
	ellipsis      = "…"
)

// MakeSnippet returns the stretch of text around its first word that
// words found, with every found word in the stretch marked; ok is false
// when the text holds none.
func MakeSnippet(text string, words []Word) (Snippet, bool) {
	toks := dutch.Tokens(text)
	var hits []dutch.Token
	for _, t := range toks {
		if Matches(t, words) {
			hits = append(hits, t)
		}
	}
	if len(hits) == 0 {
		return Snippet{}, false
	}
	from, to := hits[0].Start-contextBefore, hits[0].End+contextAfter
	// Widen to word boundaries: start at the first token inside the
	// window, end at the last token's end.
	start, end := 0, len(text)
	if from > 0 {
		start = hits[0].Start
		for _, t := range toks {
			if t.Start >= from {
				start = t.Start
				break
			}
		}
	}
	if to < len(text) {
		end = hits[0].End
		for _, t := range toks {
			if t.End <= to && t.End > end {
				end = t.End
			}
		}
	}
	var s Snippet
	prefix := ""
	if start > 0 {
		prefix = ellipsis
	}
	body := text[start:end]
	s.Text = prefix + body
	if end < len(text) {
		s.Text += ellipsis
	}
	offset := utf16Len(prefix)
	for _, h := range hits {
		if h.Start < start || h.End > end {
			continue
		}
		a := offset + utf16Len(text[start:h.Start])
		s.Highlights = append(s.Highlights, Span{Start: a, End: a + utf16Len(h.Word)})
	}
	return s, true
}

// utf16Len counts the UTF-16 code units of s.
func utf16Len(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		n += utf16.RuneLen(r)
		s = s[size:]
	}
	return n
}
