package anonymise

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"Jan Jansen (12) woont op Kerkstraat 12, 8441 AB Heerenveen. Bel 06-12345678.",
	"BSN 908301662, NL19ABNA6252760189, j.jansen@example.nl, instagram.com/jan",
	"mevr. De Wit, dossiernr. JB-2023-04411, 12/3/'24, dinsdag 5 november, K-392-JS",
	"[PERSOON-1] en [PERSOON-2] ([LEEFTIJD-1]) op [ADRES-1]",
	"Ahmeds vader, Jansen-de Boer, M.A. de Vries, OBS De Regenboog, GGZ Friesland locatie Sneek",
	"\xff\xfe ongeldige bytes \xc3 en emoji 😍 Zoë",
	"[[[PERSOON-1]]] [PERSOON-] [PERSOON-x] [FOO-1]",
	"+31 (0)6 4512 8839 0031 6 2345 6789 (0515) 42 13 98 1234AB",
}

// checkFindings verifies the invariants every Scan result must hold.
func checkFindings(t *testing.T, text string, fs []Finding) {
	t.Helper()
	last := 0
	for _, f := range fs {
		if f.Start < last || f.End <= f.Start || f.End > len(text) {
			t.Fatalf("bad span %+v after %d in %q", f, last, text)
		}
		if f.Type.Tag() == "" {
			t.Fatalf("unknown type %q", f.Type)
		}
		if text[f.Start:f.End] != f.Text {
			t.Fatalf("text mismatch %+v", f)
		}
		if utf8.ValidString(text) && (!utf8.RuneStart(text[f.Start]) || f.End < len(text) && !utf8.RuneStart(text[f.End])) {
			t.Fatalf("span %+v not on a rune boundary in %q", f, text)
		}
		last = f.End
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	s := scanner(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkFindings(t, text, s.Scan(text))
	})
}

func FuzzRedact(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	s := scanner(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // the API rejects invalid UTF-8 before redacting
		}
		r := s.NewRedactor()
		out, fs := r.Redact(text)
		checkFindings(t, text, fs)
		checkReplaced(t, text, out, fs)
		again, more := r.Redact(out)
		if again != out || len(more) != 0 {
			t.Fatalf("not idempotent:\n%q\n%q\n%q\n%v", text, out, again, spans(more))
		}
	})
}

// checkReplaced verifies that out is text with every finding replaced by a
// tag of its type: the text between findings is copied unchanged and no
// finding's text survives at its position.
func checkReplaced(t *testing.T, text, out string, fs []Finding) {
	t.Helper()
	pos, last := 0, 0
	for _, f := range fs {
		between := text[last:f.Start]
		if !strings.HasPrefix(out[pos:], between) {
			t.Fatalf("text before %+v not copied: %q -> %q", f, text, out)
		}
		pos += len(between)
		tag := "[" + f.Type.Tag() + "-"
		if !strings.HasPrefix(out[pos:], tag) {
			t.Fatalf("no tag for %+v at %d: %q", f, pos, out)
		}
		pos += len(tag)
		n := 0
		for pos < len(out) && out[pos] >= '0' && out[pos] <= '9' {
			pos++
			n++
		}
		if n == 0 || pos >= len(out) || out[pos] != ']' {
			t.Fatalf("malformed tag for %+v: %q", f, out)
		}
		pos++
		last = f.End
	}
	if out[pos:] != text[last:] {
		t.Fatalf("tail not copied: %q -> %q", text, out)
	}
}
