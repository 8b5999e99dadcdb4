package dutch

import "testing"

func TestNormalise(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Wachtlijst", "wachtlijst"},
		{"coördinatie", "coordinatie"},
		{"coo\u0308rdinatie", "coordinatie"},
		{"cliënt", "client"},
		{"ĲSSEL", "ijssel"},
		{"auto's", "auto"},
		{"auto’s", "auto"},
		{"crème", "crème"},
		{"GGZ", "ggz"},
		{"'t", "t"},
		{"", ""},
	}
	for _, c := range cases {
		if got := Normalise(c.in); got != c.want {
			t.Errorf("Normalise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestKey(t *testing.T) {
	cases := []struct{ a, b string }{
		{"gezin", "gezinnen"},
		{"plan", "plannen"},
		{"ophef", "opheffen"},
		{"wachten", "wacht"},
		{"jongere", "jongeren"},
	}
	for _, c := range cases {
		if Key(c.a) != Key(c.b) {
			t.Errorf("Key(%q) = %q, Key(%q) = %q; want them equal", c.a, Key(c.a), c.b, Key(c.b))
		}
	}
	// A double vowel is the stemmer's business, not the key's.
	if got := Key("zee"); got != "zee" {
		t.Errorf("Key(zee) = %q", got)
	}
}

func TestStopWordsAndNegations(t *testing.T) {
	cases := []struct {
		word           string
		stop, negation bool
	}{
		{"de", true, false},
		{"Het", true, false},
		{"omdat", true, false},
		{"niet", true, true},
		{"geen", true, true},
		{"nooit", true, true},
		{"the", true, false},
		{"wachtlijst", false, false},
		{"school", false, false},
		{"hulp", false, false},
		{"jongere", false, false},
	}
	for _, c := range cases {
		if got := IsStopWord(c.word); got != c.stop {
			t.Errorf("IsStopWord(%q) = %v, want %v", c.word, got, c.stop)
		}
		if got := IsNegation(c.word); got != c.negation {
			t.Errorf("IsNegation(%q) = %v, want %v", c.word, got, c.negation)
		}
	}
}
