package jsonl

import (
	"bufio"
	"errors"
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	type line struct {
		text   string
		number int
	}
	for _, tc := range []struct {
		name string
		in   string
		want []line
	}{
		{"empty", "", nil},
		{"plain", "{}\n[]\n", []line{{"{}", 1}, {"[]", 2}}},
		{"byte-order mark", "\xef\xbb\xbf{}\n[]", []line{{"{}", 1}, {"[]", 2}}},
		{"mark only before the first line", "{}\n\xef\xbb\xbf[]", []line{{"{}", 1}, {"\xef\xbb\xbf[]", 2}}},
		{"windows line ends", "{}\r\n[]\r\n", []line{{"{}", 1}, {"[]", 2}}},
		{"blank lines keep their numbers", "\n \t\n\r\n{}\n\n[]", []line{{"{}", 4}, {"[]", 6}}},
		{"a blank first line after the mark", "\xef\xbb\xbf\n{}", []line{{"{}", 2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := NewLines(strings.NewReader(tc.in), 1024)
			var got []line
			for {
				b, ok := l.Next()
				if !ok {
					break
				}
				got = append(got, line{strings.TrimSuffix(string(b), "\r"), l.Number()})
			}
			if l.Err() != nil {
				t.Fatal(l.Err())
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("line %d: got %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestLinesTooLong(t *testing.T) {
	l := NewLines(strings.NewReader("{}\n"+strings.Repeat("x", 100)+"\n"), 16)
	if b, ok := l.Next(); !ok || string(b) != "{}" {
		t.Fatalf("first line %q, %v", b, ok)
	}
	if _, ok := l.Next(); ok {
		t.Fatal("read a line over the limit")
	}
	if !errors.Is(l.Err(), bufio.ErrTooLong) {
		t.Errorf("Err() = %v, want bufio.ErrTooLong", l.Err())
	}
	if l.Number() != 1 {
		t.Errorf("Number() = %d, want 1 (the last line read)", l.Number())
	}
}
