package grouping

import "leerlus/review/dutch"

// stance holds the direction words of a lesson: lessons that share most of
// their words can still say the opposite ("betrek school direct" against
// "betrek school eerst niet"), and these words are what tells them apart.
type stance uint16

const (
	early    stance = 1 << iota // direct, meteen, vroeg, eerder, vanaf het begin, niet pas
	late                        // later, achteraf, dan pas, te vroeg, niet meteen, minder in het begin
	one                         // één, 1, één vaste
	many                        // meerdere, verschillende
	less                        // minder
	contrast                    // wél, juist, niet alleen, niet vanzelf, niet zomaar, bewust niet, … is prima, is goed maar
	up                          // opschalen, intensiveren, a separable "op" (schaal de hulp op)
	down                        // afschalen, afbouwen, a separable "af" (bouw de hulp af)
	before                      // ruim voor, lang voor, vóór, vooraf, van tevoren
	after                       // achteraf, daarna, na het achttiende
)

var upWords = map[string]bool{"opschalen": true, "opschaal": true, "opgeschaald": true, "intensiveren": true,
	"intensiveer": true, "uitbreiden": true, "verzwaren": true}

var downWords = map[string]bool{"afschalen": true, "afschaal": true, "afgeschaald": true, "afbouwen": true,
	"afgebouwd": true}

// subordinators start a subordinate clause, which ends the main clause.
var subordinators = map[string]bool{"als": true, "wanneer": true, "zodra": true, "zodat": true, "voordat": true, "nadat": true}

// concessions are what a lesson grants before it turns with "maar": "eerlijk
// zijn is goed, maar …" limits the lesson it grants.
var concessions = map[string]bool{"goed": true, "prima": true, "mooi": true, "belangrijk": true, "fijn": true,
	"netjes": true, "waardevol": true, "nuttig": true, "handig": true, "terecht": true, "begrijpelijk": true, "sympathiek": true}

var earlyWords = map[string]bool{"direct": true, "meteen": true, "gelijk": true, "onmiddellijk": true,
	"vroeg": true, "vroegtijdig": true, "tijdig": true, "eerder": true, "snel": true, "snelle": true, "vroege": true}

var lateWords = map[string]bool{"later": true, "achteraf": true, "afwachten": true, "uitstellen": true}

// qualifiers follow "niet" in a lesson that limits another lesson rather
// than stating one: "niet vanzelf veilig", "niet zomaar", "niet altijd".
var qualifiers = map[string]bool{"vanzelf": true, "zomaar": true, "altijd": true, "overal": true,
	"automatisch": true}

// stanceOf reads the direction words of a text.
func stanceOf(text string, toks []dutch.Token, clauses []int) stance {
	var s stance
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].Norm
	}
	sameClause := func(i, j int) bool {
		return i >= 0 && j < len(toks) && clauses[i] == clauses[j]
	}
	for i, t := range toks {
		n := t.Norm
		switch {
		case earlyWords[n]:
			if sameClause(i-1, i) && (word(i-1) == "niet" || word(i-1) == "te") {
				// "niet meteen", "te vroeg": the lesson is to wait.
				s |= late
			} else {
				s |= early
			}
		case lateWords[n]:
			s |= late
		case n == "pas":
			switch {
			case sameClause(i-1, i) && word(i-1) == "niet":
				s |= early // "niet pas als het plan klaar is"
			case sameClause(i-1, i) && word(i-1) == "dan":
				s |= late // "eerst herstel, dan pas school"
			}
		case n == "minder":
			s |= less
			if word(i+2) == "begin" || word(i+3) == "begin" {
				s |= late
			}
		case n == "meerdere" || n == "verschillende":
			s |= many
		case t.Word == "één" || t.Word == "Eén" || t.Word == "Één" || t.Word == "eén" || n == "1":
			s |= one
		case t.Word == "wél" || t.Word == "Wél" || n == "juist":
			s |= contrast
		case n == "niet":
			if qualifiers[word(i+1)] && sameClause(i, i+1) {
				s |= contrast
			}
			if word(i+1) == "alleen" && sameClause(i, i+1) {
				s |= contrast
			}
			if word(i-1) == "bewust" || word(i-1) == "betekent" {
				s |= contrast
			}
		case n == "prima" && word(i-1) == "is":
			s |= contrast
		case n == "maar" && concessions[word(i-1)] && (word(i-2) == "is" || word(i-2) == "zijn" || word(i-2) == "klinkt" || word(i-2) == "lijkt"):
			s |= contrast
		case n == "vooraf" || n == "tevoren" || t.Word == "vóór" ||
			n == "voor" && (word(i-1) == "ruim" || word(i-1) == "lang"):
			s |= before
		case n == "achteraf" || n == "daarna" || n == "na" && ageAhead(toks, i):
			s |= after
		case upWords[n]:
			s |= up
		case downWords[n]:
			s |= down
		case (n == "op" || n == "af") && (i+1 == len(toks) || clauses[i+1] != clauses[i] || subordinators[word(i+1)]):
			// A separable particle closes its main clause: "schaal de
			// hulp op tijd op;", "bouw de hulp af als …".
			if n == "op" {
				s |= up
			} else {
				s |= down
			}
		case n == "waard" && (word(i-1) == "niks" || word(i-1) == "niets"):
			s |= contrast
		}
	}
	return s
}

// opposed reports whether two stances point opposite ways on one axis:
// one lesson says early and the other late, one says one and the other
// many, one says less (or qualifies) and the other does not.
func opposed(a, b stance) bool {
	axis := func(x, y stance) bool {
		return a&x != 0 && a&y == 0 && b&y != 0 && b&x == 0 ||
			b&x != 0 && b&y == 0 && a&y != 0 && a&x == 0
	}
	return axis(early, late) || axis(one, many) || axis(up, down) || axis(before, after) || (a^b)&(less|contrast) != 0
}

// ageAhead reports whether an age follows "na" closely: "na je 18e", "na
// hun achttiende".
func ageAhead(toks []dutch.Token, i int) bool {
	for j := i + 1; j <= i+3 && j < len(toks); j++ {
		n := toks[j].Norm
		if n == "18" || n == "18e" || n == "achttiende" || n == "meerderjarig" || n == "meerderjarigheid" {
			return true
		}
	}
	return false
}
