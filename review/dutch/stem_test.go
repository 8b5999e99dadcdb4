package dutch

import "testing"

// TestStemVocabulary checks the stems of the sample vocabulary published
// with the algorithm (snowballstem.org/algorithms/dutch), word for word.
func TestStemVocabulary(t *testing.T) {
	cases := []struct{ word, stem string }{
		{"lichaamsziek", "lichaamsziek"}, {"lichamelijk", "licham"}, {"lichamelijke", "licham"},
		{"lichamelijkheden", "licham"}, {"lichamen", "licham"}, {"lichere", "licher"},
		{"licht", "licht"}, {"lichtbeeld", "lichtbeeld"}, {"lichtbruin", "lichtbruin"},
		{"lichtdoorlatende", "lichtdoorlat"}, {"lichte", "licht"}, {"lichten", "licht"},
		{"lichtende", "lichtend"}, {"lichtenvoorde", "lichtenvoord"}, {"lichter", "lichter"},
		{"lichtere", "lichter"}, {"lichters", "lichter"}, {"lichtgevoeligheid", "lichtgevoel"},
		{"lichtgewicht", "lichtgewicht"}, {"lichtgrijs", "lichtgrijs"}, {"lichthoeveelheid", "lichthoevel"},
		{"lichtintensiteit", "lichtintensiteit"}, {"lichtje", "lichtj"}, {"lichtjes", "lichtjes"},
		{"lichtkranten", "lichtkrant"}, {"lichtkring", "lichtkring"}, {"lichtkringen", "lichtkring"},
		{"lichtregelsystemen", "lichtregelsystem"}, {"lichtste", "lichtst"}, {"lichtstromende", "lichtstrom"},
		{"lichtte", "licht"}, {"lichtten", "licht"}, {"lichttoetreding", "lichttoetred"},
		{"lichtverontreinigde", "lichtverontreinigd"}, {"lichtzinnige", "lichtzinn"}, {"lid", "lid"},
		{"lidia", "lidia"}, {"lidmaatschap", "lidmaatschap"}, {"lidstaten", "lidstat"},
		{"lidvereniging", "lidveren"},
		{"opgingen", "opging"}, {"opglanzing", "opglanz"}, {"opglanzingen", "opglanz"},
		{"opglimlachten", "opglimlacht"}, {"opglimpen", "opglimp"}, {"opglimpende", "opglimp"},
		{"opglimping", "opglimp"}, {"opglimpingen", "opglimp"}, {"opgraven", "opgrav"},
		{"opgrijnzen", "opgrijnz"}, {"opgrijzende", "opgrijz"}, {"opgroeien", "opgroei"},
		{"opgroeiende", "opgroei"}, {"opgroeiplaats", "opgroeiplat"}, {"ophaal", "ophal"},
		{"ophaaldienst", "ophaaldienst"}, {"ophaalkosten", "ophaalkost"}, {"ophaalsystemen", "ophaalsystem"},
		{"ophaalt", "ophaalt"}, {"ophaaltruck", "ophaaltruck"}, {"ophalen", "ophal"},
		{"ophalend", "ophal"}, {"ophalers", "ophaler"}, {"ophef", "ophef"},
		{"opheffen", "opheff"}, {"opheffende", "opheff"}, {"opheffing", "opheff"},
		{"opheldering", "ophelder"}, {"ophemelde", "ophemeld"}, {"ophemelen", "ophemel"},
		{"opheusden", "opheusd"}, {"ophief", "ophief"}, {"ophield", "ophield"},
		{"ophieven", "ophiev"}, {"ophoepelt", "ophoepelt"}, {"ophoog", "ophog"},
		{"ophoogzand", "ophoogzand"}, {"ophopen", "ophop"}, {"ophoping", "ophop"},
		{"ophouden", "ophoud"},
	}
	for _, c := range cases {
		if got := Stem(c.word); got != c.stem {
			t.Errorf("Stem(%q) = %q, want %q", c.word, got, c.stem)
		}
	}
}

// TestStemRules checks each rule of the algorithm on words of the field,
// worked out by hand from the algorithm's description.
func TestStemRules(t *testing.T) {
	cases := []struct{ rule, word, stem string }{
		{"step 1a: heden becomes heid in R1", "mogelijkheden", "mogelijk"},
		{"step 1b: en after a non-vowel, undoubled", "zitten", "zit"},
		{"step 1b: en after gem stays", "gemeenten", "gemeent"},
		{"step 1b: en after a vowel stays", "knieën", "knieen"},
		{"step 1c: s after a non-vowel", "ouders", "ouder"},
		{"step 1b: nn is not undoubled", "plannen", "plann"},
		{"step 1c: s after j stays", "meisjes", "meisjes"},
		{"step 1c: s after a vowel stays", "auto's", "auto"},
		{"step 2: e after a non-vowel", "jongere", "jonger"},
		{"step 2: e after a vowel stays", "zee", "zee"},
		{"step 3a: heid in R2", "veiligheid", "veilig"},
		{"step 3a: heid in R2", "gezondheid", "gezond"},
		{"step 3a: heid outside R2 stays", "schoonheid", "schoonheid"},
		{"R2 counts from R1 before its three-letter minimum", "onenigheid", "onen"},
		{"step 3a: heid after c stays", "scheid", "scheid"},
		{"step 3b: ing in R2", "begeleiding", "begeleid"},
		{"step 3b: end in R2", "ondersteunend", "ondersteun"},
		{"step 3b: end outside R2 stays", "helpend", "helpend"},
		{"step 3b: lijk then e", "moeilijke", "moeilijk"},
		{"step 3b: baar", "bereikbaar", "bereik"},
		{"step 4: double vowel before a final consonant", "wachtlijsten", "wachtlijst"},
		{"step 4: maan", "maan", "man"},
		{"prelude: i between vowels is a consonant", "koeien", "koei"},
		{"prelude: initial y is a consonant", "yoga", "yoga"},
		{"accents are dropped", "coördinatie", "coordinatie"},
		{"upper case is lowered", "Wachttijd", "wachttijd"},
		{"short words are kept", "je", "je"},
		{"the ligature ĳ", "ĳs", "ijs"},
	}
	for _, c := range cases {
		if got := Stem(c.word); got != c.stem {
			t.Errorf("%s: Stem(%q) = %q, want %q", c.rule, c.word, got, c.stem)
		}
	}
}

// TestStemInflectionsMeet checks that the forms people write of one word
// meet in one stem: what code suggestions and search depend on.
func TestStemInflectionsMeet(t *testing.T) {
	groups := [][]string{
		{"wachten", "wacht"},
		{"wachtlijst", "wachtlijsten"},
		{"hulpverlener", "hulpverleners"},
		{"plaatsing", "plaatsingen"},
		{"jongere", "jongeren"},
		{"betrokken", "betrokkene"},
		{"thuiszitten", "thuiszit"},
	}
	for _, g := range groups {
		want := Stem(g[0])
		for _, w := range g[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q (the stem of %q)", w, got, want, g[0])
			}
		}
	}
}
