package qda

import (
	"strings"
	"unicode/utf8"
)

// Text builds the plain text of a source and tells where each part lies,
// in Unicode code points as REFI-QDA counts them. Line breaks are written
// as a single "\n": a "\r\n" in the input would count as two code points
// in the file but as one line break in some tools.
type Text struct {
	b strings.Builder
	n int // code points written
}

// Write appends s and returns the code-point range [start, end) it takes.
func (t *Text) Write(s string) (start, end int) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	start = t.n
	t.b.WriteString(s)
	t.n += utf8.RuneCountInString(s)
	return start, t.n
}

// Line appends s and a line break, and returns the range of s alone.
func (t *Text) Line(s string) (start, end int) {
	start, end = t.Write(s)
	t.Write("\n")
	return start, end
}

// String is the text written so far.
func (t *Text) String() string { return t.b.String() }

// Len is the text's length in code points.
func (t *Text) Len() int { return t.n }
