package dutch

import (
	"reflect"
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	text := "De wachtlijst voor de jeugd-GGZ: auto's, 3 maanden! Coördinatie."
	type tok struct {
		word, norm, key string
		stop, content   bool
	}
	want := []tok{
		{"De", "de", "de", true, false},
		{"wachtlijst", "wachtlijst", "wachtlijst", false, true},
		{"voor", "voor", "vor", true, false},
		{"de", "de", "de", true, false},
		{"jeugd", "jeugd", "jeugd", false, true},
		{"GGZ", "ggz", "ggz", false, true},
		{"auto's", "auto", "auto", false, true},
		{"3", "3", "3", false, false},
		{"maanden", "maanden", "maand", false, true},
		{"Coördinatie", "coordinatie", "coordinatie", false, true},
	}
	got := Tokens(text)
	if len(got) != len(want) {
		t.Fatalf("Tokens gave %d tokens, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Word != w.word || g.Norm != w.norm || g.Key != w.key || g.Stop != w.stop || g.Content() != w.content {
			t.Errorf("token %d = %q/%q/%q stop %v content %v, want %+v", i, g.Word, g.Norm, g.Key, g.Stop, g.Content(), w)
		}
		if text[g.Start:g.End] != g.Word {
			t.Errorf("token %d: offsets %d..%d give %q, want %q", i, g.Start, g.End, text[g.Start:g.End], g.Word)
		}
	}
	if !slices.Equal(got[1].Parts, []string{"wacht", "lijst"}) {
		t.Errorf("parts of wachtlijst = %q", got[1].Parts)
	}
	if got[4].Parts != nil {
		t.Errorf("jeugd is no compound, parts %q", got[4].Parts)
	}
}

func TestTokensEdges(t *testing.T) {
	cases := []struct {
		text  string
		words []string
	}{
		{"", nil},
		{"  ,.!? ", nil},
		{"'s avonds", []string{"s", "avonds"}},
		{"school/werk", []string{"school", "werk"}},
		{"Hij zei: 'nee'.", []string{"Hij", "zei", "nee"}},
		{"één", []string{"één"}},
		{"baby's en peuters", []string{"baby's", "en", "peuters"}},
	}
	for _, c := range cases {
		var words []string
		for _, tok := range Tokens(c.text) {
			words = append(words, tok.Word)
		}
		if !slices.Equal(words, c.words) {
			t.Errorf("Tokens(%q) words = %q, want %q", c.text, words, c.words)
		}
	}
}

func BenchmarkTokens2000(b *testing.B) {
	text := ""
	for len(text) < 2000 {
		text += "We stonden maanden op een wachtlijst voor de jeugd-ggz, en de thuiszitter kreeg geen passend onderwijs. "
	}
	text = text[:2000]
	for b.Loop() {
		Tokens(text)
	}
}

// TestTokenCache checks that cached tokens are the tokens: the same texts
// twice through one cache, with words seen before in other places.
func TestTokenCache(t *testing.T) {
	texts := []string{
		"Thuiszitters hebben baat bij één vaste casusregisseur.",
		"De casusregisseur van de thuiszitter belde niet terug; auto's, jeugd-ggz en 18e.",
		"Wachtlijsten overbruggen met lichte hulp: thuiszitters, wachtlijsten.",
	}
	c := NewTokenCache()
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			want, got := Tokens(text), c.Tokens(text)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %q:\ncached %+v\nwant   %+v", round, text, got, want)
			}
		}
	}
}
