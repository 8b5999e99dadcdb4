// Package jsonl reads JSON Lines as files from other tools arrive.
package jsonl

import (
	"bufio"
	"bytes"
	"io"
)

// Lines yields the lines of a JSON Lines input that are not blank (lines
// of only spaces or a carriage return count as blank), without the
// byte-order mark that Windows editors and Python's utf-8-sig put before
// the first line. Lines are numbered as an editor shows them.
type Lines struct {
	sc   *bufio.Scanner
	line int
}

// NewLines reads r; a line longer than maxLine bytes ends the input with
// bufio.ErrTooLong from Err.
func NewLines(r io.Reader, maxLine int) *Lines {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, min(64*1024, maxLine)), maxLine)
	return &Lines{sc: sc}
}

var byteOrderMark = []byte("\xef\xbb\xbf")

// Next returns the next line that is not blank, and false at the end of
// the input or on a read error (see Err). The slice is valid until the
// next call.
func (l *Lines) Next() ([]byte, bool) {
	for l.sc.Scan() {
		l.line++
		b := l.sc.Bytes()
		if l.line == 1 {
			b = bytes.TrimPrefix(b, byteOrderMark)
		}
		if len(bytes.TrimSpace(b)) > 0 {
			return b, true
		}
	}
	return nil, false
}

// Number is the line number of the line Next returned last, or of the
// last line read when Next returned false.
func (l *Lines) Number() int { return l.line }

// Err is the read error that ended the input, if any.
func (l *Lines) Err() error { return l.sc.Err() }
