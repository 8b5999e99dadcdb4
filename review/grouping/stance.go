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
	contrast                    // wél, juist, niet alleen, niet vanzelf, niet zomaar, bewust niet, … is prima
)

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
		case n == "waard" && (word(i-1) == "niks" || word(i-1) == "niets"):
			s |= contrast
		case n == "hoef" || n == "hoeft" || n == "hoeven":
			for j := i + 1; j < len(toks) && clauses[j] == clauses[i]; j++ {
				if toks[j].Norm == "niet" {
					s |= contrast
					break
				}
			}
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
	return axis(early, late) || axis(one, many) || (a^b)&(less|contrast) != 0
}
