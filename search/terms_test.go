package search

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestFTSMatchAndTSQuery(t *testing.T) {
	words := Words("Thuiszitten, de wachtlijst!")
	if len(words) != 2 {
		t.Fatalf("words %+v: the stop word goes", words)
	}
	if got, want := FTSMatch(words), `("thuiszit" OR ("thuis" AND "zit")) AND ("wachtlijst" OR ("wacht" AND "lijst"))`; got != want {
		t.Errorf("FTSMatch = %s, want %s", got, want)
	}
	q, args := TSQuery(words)
	if strings.Count(q, "?") != len(args) || len(args) != 4 || args[0] != "thuiszitten" || args[1] != "thuis zit" {
		t.Errorf("TSQuery = %s %v", q, args)
	}
}

func TestIndexTermsMeetQueries(t *testing.T) {
	// The terms SQLite indexes hold every alternative of the query word:
	// its stem, or all its parts.
	for _, c := range []struct{ text, query string }{
		{"Een thuiszitter van vijftien.", "thuiszitten"},
		{"Twee thuiszitters.", "thuiszitter"},
		{"Hij bleef thuis zitten.", "thuiszitten"},
		{"De wachtlijsten waren lang.", "wachtlijst"},
		{"Bij de jeugdzorg.", "zorg"},
	} {
		stems, parts := analyse(c.text)
		have := map[string]bool{}
		for _, term := range append(stems, parts...) {
			have[term] = true
		}
		for _, w := range Words(c.query) {
			all := len(w.Parts) > 0
			for _, p := range w.Parts {
				all = all && have[p]
			}
			if !have[w.Stem] && !all {
				t.Errorf("%q (terms %v) does not meet %q (%+v)", c.text, append(stems, parts...), c.query, w)
			}
		}
	}
}

func TestMakeSnippet(t *testing.T) {
	long := strings.Repeat("Het gezin kreeg veel hulp van allerlei kanten. ", 8)
	text := long + "Zo werd de zoon een thuiszitter; coördinatie ontbrak. " + long
	s, ok := MakeSnippet(text, Words("thuiszitten"))
	if !ok || !strings.HasPrefix(s.Text, "…") || !strings.HasSuffix(s.Text, "…") || len(s.Highlights) != 1 {
		t.Fatalf("snippet %+v", s)
	}
	units := utf16.Encode([]rune(s.Text))
	h := s.Highlights[0]
	if got := string(utf16.Decode(units[h.Start:h.End])); got != "thuiszitter" {
		t.Errorf("highlight marks %q", got)
	}
	if _, ok := MakeSnippet("Niets hierover.", Words("thuiszitten")); ok {
		t.Error("a snippet of a text without the word")
	}
	short, _ := MakeSnippet("Coördinatie bij thuiszitters.", Words("thuiszitter coordinatie"))
	if short.Text != "Coördinatie bij thuiszitters." || len(short.Highlights) != 2 || short.Highlights[1].Start != 16 {
		t.Errorf("short snippet %+v", short)
	}
}
