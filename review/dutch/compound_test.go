package dutch

import (
	"slices"
	"testing"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		word string
		want []string
	}{
		{"thuiszitter", []string{"thuis", "zitter"}},
		{"thuiszitters", []string{"thuis", "zitters"}},
		{"thuiszitten", []string{"thuis", "zitten"}},
		{"wachtlijst", []string{"wacht", "lijst"}},
		{"wachtlijsten", []string{"wacht", "lijsten"}},
		{"Wachttijd", []string{"wacht", "tijd"}},
		{"gezinshuis", []string{"gezin", "huis"}},
		{"schoolverzuim", []string{"school", "verzuim"}},
		{"jeugdhulpverlener", []string{"jeugd", "hulpverlener"}},
		{"hulpverleners", []string{"hulp", "verleners"}},
		{"zorgcoördinator", []string{"zorg", "coordinator"}},
		{"werkdruk", []string{"werk", "druk"}},
		// Not compounds, or not of lexicon words: left whole.
		{"jongere", nil},
		{"begeleiding", nil},
		{"ouderschap", nil},
		{"moment", nil},
		{"huis", nil},
		{"", nil},
	}
	for _, c := range cases {
		if got := Split(c.word); !slices.Equal(got, c.want) {
			t.Errorf("Split(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// TestCompoundMeetsPhrase checks the case the recurring-lessons issue
// names: "thuiszitter" and "thuis zitten" share their keys.
func TestCompoundMeetsPhrase(t *testing.T) {
	keys := func(text string) []string {
		var out []string
		for _, tok := range Tokens(text) {
			if tok.Parts != nil {
				out = append(out, tok.Parts...)
			} else {
				out = append(out, tok.Key)
			}
		}
		return out
	}
	for _, c := range []struct{ a, b string }{
		{"thuiszitter", "thuis zitten"},
		{"thuiszitters", "thuiszitten"},
		{"wachtlijsten", "wachten op de lijst"},
	} {
		a, b := keys(c.a), keys(c.b)
		for _, k := range a {
			if !slices.Contains(b, k) {
				t.Errorf("%q has key %q that %q (keys %q) lacks", c.a, k, c.b, b)
			}
		}
	}
}

func TestConcepts(t *testing.T) {
	cases := []struct {
		word    string
		concept string
	}{
		{"papierwerk", "administratie"},
		{"registreren", "administratie"},
		{"Ruzie", "conflict"},
		{"meningsverschillen", "conflict"},
		{"wachtlijsten", "wachten"},
		{"mentor", "school"},
	}
	for _, c := range cases {
		if got := Concepts(c.word); !slices.Contains(got, c.concept) {
			t.Errorf("Concepts(%q) = %q, want %q among them", c.word, got, c.concept)
		}
	}
	if got := Concepts("fiets"); got != nil {
		t.Errorf("Concepts(fiets) = %q, want none", got)
	}
	// A compound stands in the concepts of its parts.
	toks := Tokens("inkoopregels")
	if len(toks) != 1 || !slices.Contains(toks[0].Concepts, "inkoop") {
		t.Errorf("Tokens(inkoopregels) concepts = %q, want inkoop among them", toks[0].Concepts)
	}
	// Stop words stand in none.
	if toks := Tokens("de"); toks[0].Concepts != nil {
		t.Errorf("a stop word has concepts %q", toks[0].Concepts)
	}
}
