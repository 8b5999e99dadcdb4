package anonymise

import "strings"

// signature returns the name that signs a message after the closing at
// token i ("Groet,\nBas", "xx lot", "Liefs, Roos"), or -1. The name must
// end its line: a sentence after the closing is no signature. Listed
// first names count here even when they are also words (bas, lot).
func (d *doc) signature(i int) int {
	j := i + 1
	for d.punct(j, ',') || d.punct(j, '!') || d.punct(j, '.') {
		j++
	}
	if !d.word(j) || !d.free(j) {
		return -1
	}
	t := d.toks[j]
	f := t.flags
	if t.allUpper || len(d.low(j)) < 2 || f&(fTV|fTitle|fFamily|fMonth|fWeekday|fCommon) != 0 || f&fNonPers != 0 && f&(fFirst|fSur) == 0 {
		return -1
	}
	if !(f&(fFirst|fSur) != 0 || t.upper && f&fWord == 0 && !d.compound(d.low(j))) {
		return -1
	}
	// The rest of the line: at most three more name-like words.
	k := j + 1
	for n := 0; n < 3 && d.word(k) && !d.toks[k].newline && (d.toks[k].upper || d.toks[k].flags&fTV != 0); n++ {
		k++
	}
	for d.punct(k, '!') || d.punct(k, '.') || d.punct(k, ',') {
		k++
	}
	if k < len(d.toks) && !d.toks[k].newline && d.toks[k].kind != tPunct {
		return -1
	}
	return j
}

// possessiveFamily reports whether token i is a name in the spoken
// possessive "mo zn broer", "Lisa haar moeder", "Daan z'n vader".
func (d *doc) possessiveFamily(i int) bool {
	j := i + 1
	if !d.flag(j, fPossessive) || !d.toks[j].space {
		return false
	}
	d.resolve(i)
	t := d.toks[i]
	f := t.flags
	if len(d.low(i)) < 2 || f&(fCommon|fTV|fTitle|fFamily|fMonth|fWeekday|fNonPers|fCue|fVerb) != 0 {
		return false
	}
	if f&fWord != 0 && f&fFirst == 0 || f&fWord == 0 && f&fFirst == 0 && !t.upper && d.ordinaryLower(i) {
		return false
	}
	switch d.low(j) {
	case "zijn", "zn", "haar", "hun", "dr":
		j++
	case "z", "d":
		if !d.punct(j+1, '\'') || !d.word(j+2) || d.low(j+2) != "n" && d.low(j+2) != "r" {
			return false
		}
		j += 3
	default:
		return false
	}
	return d.word(j) && d.toks[j].flags&fFamily != 0 && !d.toks[j].newline
}

// possessiveS reports whether token i is followed by an apostrophe-s and a
// lower-case word: "Mo's huis".
func (d *doc) possessiveS(i int) bool {
	return (d.punct(i+1, '\'') || d.punctStr(i+1, "’")) && d.adjacent(i) && d.word(i+2) && d.low(i+2) == "s" &&
		d.adjacent(i+1) && d.word(i+3) && d.toks[i+3].lower && !d.toks[i+3].newline
}

// beforeInstTail reports whether token i is followed by a capitalised word
// that ends an institution's name: "Drachtster Lyceum", not "College van".
func (d *doc) beforeInstTail(i int) bool {
	j := i + 1
	if !d.word(j) || !d.toks[j].upper || d.toks[j].flags&fInstTail == 0 || d.toks[j].newline {
		return false
	}
	return !(d.low(j) == "college" && d.word(j+1) && d.low(j+1) == "van")
}

// abstractNoun reports whether lw ends like an abstract noun (Financiën,
// Gezondheid, Opvoeding): a capitalised word mid-sentence with such an
// ending is a heading or subject, never a first name.
func abstractNoun(lw string) bool {
	return abstractEndings.match(lw, 2)
}

// lastLineName reports whether token i is a name alone on the last line of
// the text, with at most a surname beside it: the signature of a message.
func (d *doc) lastLineName(i int) bool {
	if d.toks[i].flags&fCommon != 0 {
		return false
	}
	// The name starts its line, maybe after a dash: "– Ellen".
	if !d.toks[i].newline && !(i > 0 && d.toks[i-1].newline && d.toks[i-1].kind == tPunct && d.toks[i].space) {
		return false
	}
	k := i + 1
	if d.word(k) && d.toks[k].upper && !d.toks[k].newline {
		k++
	}
	for ; k < len(d.toks); k++ {
		if d.toks[k].newline || d.toks[k].kind != tPunct {
			return false
		}
	}
	return true
}

// placeListNext reports whether token i continues a list of places: "uit
// Snits, Drachten en It Hearrenfean", "in Assen of Emmen".
func (d *doc) placeListNext(i int) bool {
	t := d.toks[i]
	if !t.upper || t.sent || t.newline || t.flags&(fNonPers|fMonth|fWeekday) != 0 {
		return false
	}
	k := i - 1
	if !(d.punct(k, ',') || d.word(k) && (d.low(k) == "en" || d.low(k) == "of")) {
		return false
	}
	k--
	for ; k >= 0 && d.word(k) && d.toks[k].upper; k-- {
		if d.toks[k].flags&fPlace != 0 {
			return true
		}
		if d.toks[k].typ == typeIndex(Place) {
			return true
		}
		if !d.toks[k].space || d.toks[k].newline {
			break
		}
	}
	return false
}

// tvLen returns how many tokens the tussenvoegsel at token k spans: one for
// "van", two for "'t" and "'s" (an apostrophe and a letter), 0 for none.
func (d *doc) tvLen(k int) int {
	if d.flag(k, fTV) {
		// "Al-Hassan", "El-Amrani", "Abu-Bakr": a particle joined by a hyphen.
		if d.punct(k+1, '-') && d.adjacent(k) && d.adjacent(k+1) && d.word(k+2) && d.toks[k+2].upper && hyphenParticles[d.low(k)] {
			return 2
		}
		return 1
	}
	if (d.punct(k, '\'') || d.punctStr(k, "’")) && d.adjacent(k) && d.word(k+1) && (d.low(k+1) == "t" || d.low(k+1) == "s") {
		return 2
	}
	return 0
}

// derivedWord reports whether lw is formed from another word by a suffix
// or prefix that first names do not have: adjectives (Landelijk,
// Regionaal) and participles (Gepland).
func derivedWord(lw string) bool {
	if derivedEndings.match(lw, 3) {
		return true
	}
	return len(lw) > 5 && (strings.HasPrefix(lw, "ge") || strings.HasPrefix(lw, "be") || strings.HasPrefix(lw, "ver")) &&
		(strings.HasSuffix(lw, "d") || strings.HasSuffix(lw, "t") || strings.HasSuffix(lw, "en"))
}

var (
	abstractEndings = newEndings("iën", "heid", "ing", "tie", "ties", "sie", "schap", "isme", "teit", "logie", "zaken", "ingen", "nis")
	derivedEndings  = newEndings("lijk", "lijke", "aal", "ale", "ig", "ige", "isch", "ische", "baar", "bare", "loos", "loze", "end", "ende")
)

// hyphenParticles are the tussenvoegsels of Arabic and Amazigh surnames,
// often joined to the name by a hyphen.
var hyphenParticles = map[string]bool{"al": true, "el": true, "abu": true, "bou": true, "ben": true, "bin": true, "ibn": true}
