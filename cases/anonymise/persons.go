package anonymise

import (
	"slices"
	"strings"
)

// findPersons finds names of persons: by title, initials, context and the
// name lists, then every later mention of a name part found.
func (d *doc) findPersons() {
	for i := 0; i < len(d.toks); i++ {
		if !d.free(i) || d.toks[i].kind != tWord {
			continue
		}
		if j, conf := d.personAt(i); j >= 0 {
			s, e := d.extendName(j)
			if e < j {
				e = j
			}
			// "Gwendoline van Putten School": a school named after a person.
			if n := e + 1; d.word(n) && d.toks[n].upper && d.toks[n].flags&fInstTail != 0 && d.toks[n].space && !d.toks[n].newline && d.free(n) {
				d.add(Institution, s, n, 0.7)
				i = n
				continue
			}
			d.add(Person, s, e, conf)
			i = e
		}
	}
	d.defineAbbreviations()
	d.findAttendeeInitials()
	d.findKnownNames()
}

// personAt decides whether a name starts at token i; it returns the index of
// the anchoring name token (i or after a title) or -1.
func (d *doc) personAt(i int) (int, float64) {
	t := d.toks[i]
	f := t.flags
	lw := d.low(i)

	// A title or form of address: meneer Hoek, mevr. de Wit, dr. Sewnath.
	if f&fTitle != 0 && !(t.allUpper && len(lw) > 3) {
		j := i + 1
		if d.punct(j, '.') && d.adjacent(i) {
			j++
		}
		if k := d.titledName(j, lw); k >= 0 {
			return k, 0.95
		}
	}
	// Initials: J. Bakker, M.A. de Vries; or alone: "S.B. (3 kader)".
	if t.upper && t.end-t.start == 1 && d.punct(i+1, '.') && d.adjacent(i) {
		if k := d.afterInitials(i); k >= 0 {
			return i, 0.9
		}
		if k := d.initialsOnly(i); k >= 0 {
			d.add(Person, i, k, 0.7)
			return -1, 0
		}
		if d.singleInitial(i) {
			d.add(Person, i, i+1, 0.6) // "Patiënte (L.)", "gezin V."
			return -1, 0
		}
	}
	// A closing before a signature: "Groet,\nBas", "xx lot".
	if f&fClosing != 0 {
		if j := d.signature(i); j >= 0 {
			return j, 0.8
		}
	}
	// A cue word or family word before a lower-case or capitalised name.
	if f&(fCue|fFamily) != 0 || (lw == "ben" && i > 0 && d.low(i-1) == "ik") {
		j := i + 1
		// A form field: "Naam invuller: Hendrik-Jan Mooij".
		if d.word(j) && d.toks[j].lower && d.punct(j+1, ':') && f&fCue != 0 {
			j++
		}
		colon := d.punct(j, ':')
		if d.punct(j, ',') || colon {
			j++
		}
		if d.free(j) && d.word(j) && !d.toks[j].newline && (d.cueName(j) || colon && d.nameField(i, j)) {
			return j, 0.8
		}
	}
	if f&(fMonth|fWeekday) != 0 && !t.upper || f&fNonPers != 0 {
		return -1, 0
	}
	if t.allUpper {
		return -1, 0
	}
	// Spoken possessive: "mo zn broer", "Lisa haar moeder".
	if d.possessiveFamily(i) {
		return i, 0.7
	}
	if t.upper {
		return d.capitalised(i)
	}
	// Lower case: a first name that is no ordinary word (ruben, jamal).
	if f&fFirst != 0 && f&(fWord|fNonPers|fMonth|fWeekday|fTV) == 0 && len(lw) >= 3 && !d.afterDeterminer(i) {
		return i, 0.6
	}
	if d.isKnown(lw) && d.knownLower(lw) {
		return i, 0.7
	}
	return -1, 0
}

// knownLower reports whether a known name may match in lower case: only
// listed names that are no ordinary word.
func (d *doc) knownLower(lw string) bool {
	f := d.s.lx.lookup(lw)
	// Only listed names: an unknown capitalised word found as a name
	// ("Testing") that also occurs in lower case is most likely a word.
	return f&(fFirst|fSur) != 0 && f&(fWord|fNonPers|fTV|fMonth|fWeekday|fTitle|fFamily|fCommon) == 0
}

// nameField reports whether token j is the capitalised value of a form
// field that asks for a name ("Roepnaam: Johnny", "Voornaam: Precious"):
// there a word that is also English or ordinary is still the name.
func (d *doc) nameField(label, j int) bool {
	switch d.low(label) {
	case "naam", "roepnaam", "voornaam", "voornamen", "achternaam", "bijnaam":
	default:
		return false
	}
	t := d.toks[j]
	return t.upper && !t.allUpper && t.flags&(fTV|fTitle|fFamily|fMonth|fWeekday|fIDLabel|fBSNLabel) == 0 && !d.beforeInstTail(j)
}

// cueName reports whether token j, after a cue word, is a name.
func (d *doc) cueName(j int) bool {
	d.resolve(j)
	t := d.toks[j]
	f := t.flags
	if f&(fTV|fTitle|fFamily|fMonth|fWeekday|fEnglish) != 0 || f&(fNonPers|fPlace|fInst) != 0 && f&(fFirst|fSur) == 0 || len(d.low(j)) < 2 ||
		t.allUpper || d.beforeInstTail(j) {
		return false // "ouders Heerlen", "contactpersoon GI", "mentor Fioretti College"
	}
	if t.upper {
		return f&fWord == 0 || f&(fFirst|fSur) != 0 || !t.sent
	}
	return f&fWord == 0 && (f&fFirst != 0 || len(d.low(j)) >= 3 && !d.ordinaryLower(j))
}

// ordinaryLower reports whether a lower-case word not in the lists still
// looks like an ordinary word: a compound or inflection of known words.
func (d *doc) ordinaryLower(j int) bool {
	return d.compound(d.low(j)) || d.toks[j].flags&fWord != 0
}

// titledName returns the anchor of a name after a title at token j, or -1.
func (d *doc) titledName(j int, title string) int {
	// Skip tussenvoegsels: mevrouw de Wit, meneer van der Berg.
	k := j
	for n := 0; n < 3 && d.tvLen(k) > 0 && d.free(k); n++ {
		k += d.tvLen(k)
	}
	if !d.free(k) || !d.word(k) || d.toks[k].newline || d.toks[j].newline {
		return -1
	}
	// "juf op De Fonkelsteen": a lower-case "op" or "in" and a capitalised
	// article lead to a place, not to a surname.
	if k > j && d.word(j) && (d.low(j) == "op" || d.low(j) == "in") && d.toks[j].lower && d.toks[k-1].upper && d.toks[k].flags&fSur == 0 {
		return -1
	}
	d.resolve(k)
	t := d.toks[k]
	f := t.flags
	apostropheT := k-j >= 2 && d.low(k-1) == "t" && d.tvLen(k-2) == 2 // "dhr. Van 't Hof"
	if f&(fMonth|fWeekday|fTitle) != 0 || f&fNonPers != 0 && f&(fFirst|fSur) == 0 && !apostropheT {
		return -1
	}
	strong := title != "oma" && title != "opa" && title != "tante" && title != "oom" && title != "heer" && title != "meester"
	if t.upper && !t.allUpper {
		if strong || f&fWord == 0 || f&(fFirst|fSur) != 0 || k > j {
			return j
		}
		return -1
	}
	if t.lower && strong && (f&(fFirst|fSur) != 0 || f&fWord == 0 && !d.compound(d.low(k))) {
		return j
	}
	return -1
}

// afterInitials returns the index of the surname after initials at token i,
// or -1: "J. Bakker", "M.A. de Vries", "H. van der Meulen".
func (d *doc) afterInitials(i int) int {
	k := i
	// At most four initials: longer runs are no name, and the limit keeps
	// scanning linear.
	for n := 0; n < 4 && d.word(k) && d.toks[k].upper && d.toks[k].end-d.toks[k].start == 1 && d.punct(k+1, '.') && d.adjacent(k); n++ {
		k += 2
	}
	afterInit := k
	for n := 0; n < 3 && d.tvLen(k) > 0 && !d.toks[k].upper; n++ {
		k += d.tvLen(k)
	}
	if n := 0; d.flag(k, fTV) && d.toks[k].upper {
		for ; n < 3 && d.tvLen(k) > 0; n++ {
			k += d.tvLen(k) // "K. Al-Hassan"
		}
	}
	if !d.word(k) || !d.toks[k].upper || d.toks[k].allUpper || !d.free(k) || d.toks[k].newline {
		return -1
	}
	if d.toks[k].end-d.toks[k].start == 1 && d.punct(k+1, '.') {
		return -1 // "L. de R.": initials only, see initialsOnly
	}
	f := d.toks[k].flags
	// After initials and a tussenvoegsel any capitalised word is a surname:
	// "H. van 't Hof".
	if f&(fMonth|fWeekday) != 0 || f&fNonPers != 0 && f&(fFirst|fSur) == 0 && k == afterInit {
		return -1
	}
	if lw := d.low(k); (lw == "oude" || lw == "olde") && d.surnameAfterName(k+1, false) {
		return k + 1 // "M. Oude Luttikhuis"
	}
	return k
}

// capitalised decides for a capitalised word at token i.
func (d *doc) capitalised(i int) (int, float64) {
	t := d.toks[i]
	f := t.flags
	lw := d.low(i)
	if len(lw) < 2 || isStreetOnly(lw) && f&(fFirst|fSur) == 0 || f&(fTitle|fInstTail|fIDLabel|fBSNLabel|fEnglish) != 0 && f&(fFirst|fSur) == 0 || !d.allLettersTok(i) {
		return -1, 0
	}
	if j := i + 1; d.word(j) && d.toks[j].upper && !d.toks[j].newline && f&(fFirst|fSur) == 0 && d.toks[j].flags&fOrgEnd != 0 {
		return -1, 0 // "Multidimensionele Familietherapie", "Buurtwerk Flevo" stays to the institution rules
	}
	if d.beforeInstTail(i) || d.punct(i+1, '-') && d.adjacent(i) && d.flag(i+2, fInstTail) {
		return -1, 0 // "Drachtster Lyceum", "Sint-Maartenscollege" are left to the institution rules
	}
	if f&(fFirst|fSur) == 0 && (adjectiveEndings.match(lw, 3) || i > 0 && d.toks[i-1].kind != tWord && d.afterArticle(i)) {
		return -1, 0 // "Arubaans", "art. 6:7 Awb"
	}
	if d.punct(i-1, ':') && placeLabels[d.low(i-2)] && f&fFirst == 0 {
		return -1, 0 // "Wijk: Jeruzalem", "Woonplaats: Gouda"
	}
	if d.flag(i-1, fOrgHead) && f&(fFirst|fSur) == 0 {
		return -1, 0 // "Afdeling Financiën", "team Zuid"
	}
	if d.placeListNext(i) && f&(fFirst|fSur) == 0 {
		return -1, 0 // "uit Snits, Drachten en It Hearrenfean"
	}
	if d.possessiveS(i) && f&(fWord|fNonPers|fPlace|fInst) == 0 {
		return i, 0.8 // "Mo's huis", also after "naar"
	}
	if d.punct(i+1, '-') && d.adjacent(i) && i+2 < len(d.toks) && d.toks[i+2].space {
		return -1, 0 // "Kinder- en Jeugdpsychiatrie": half of a compound
	}
	if !t.sent && f&fOrgEnd != 0 && f&(fFirst|fSur) == 0 {
		return -1, 0
	}
	if d.isKnown(lw) && !(f&fWord != 0 && f&(fFirst|fSur) == 0 && t.sent && !d.nameFollows(i)) {
		return i, 0.8
	}
	if f&fTV != 0 {
		// "De Haan", "Van Leeuwen": a capitalised tussenvoegsel before a surname.
		if k := d.tvSurname(i); k >= 0 {
			return i, 0.7
		}
		return -1, 0
	}
	// Left for the place and institution rules: a known place, a named
	// institution, "De Regenboog", "OSG Sevenwolden", "in Kollum".
	if f&(fPlace|fInst) != 0 && f&(fFirst|fSur) == 0 {
		return -1, 0
	}
	if i > 0 && d.toks[i-1].kind == tWord {
		pf := d.toks[i-1].flags
		if pf&fInstType != 0 && (d.toks[i-1].upper || d.toks[i-1].allUpper) {
			return -1, 0
		}
		if (d.low(i-1) == "de" || d.low(i-1) == "het" || d.low(i-1) == "it" && !d.toks[i-1].sent) && d.toks[i-1].upper && f&(fFirst|fSur) == 0 {
			return -1, 0 // "De Kompaswijzer", Frisian "It Heechhôf"
		}
		if pf&fPlacePrep != 0 && f&(fFirst|fSur) == 0 {
			return -1, 0
		}
		if d.toks[i-1].upper && pf&(fFirst|fSur|fWord) == 0 && (d.flag(i-2, fPlacePrep) || d.placeListNext(i-1)) && f&fFirst == 0 {
			return -1, 0 // second word of a place: "in Nij Beets"
		}
		if placeLabels[d.low(i-1)] {
			return -1, 0
		}
	}
	name := f&(fFirst|fSur) != 0
	if !t.sent {
		if name || f&fWord == 0 {
			if f&(fPlace|fInst) != 0 || !name && d.brandCompound(lw) {
				return -1, 0
			}
			if name {
				return i, 0.9
			}
			return i, 0.7
		}
		// A capitalised ordinary word mid-sentence is mostly a name the
		// word list happens to hold (Tjerk); frequent words are not.
		// Of the capitalised ordinary words mid-sentence only those that are
		// also first names (Iris, Roos) count here: others (Sport, Golf,
		// Toeslagen) were mostly headings and brands. A surname that is a
		// word is found beside a first name by extendName.
		if f&fNameWord != 0 && f&(fCommon|fPlace|fInst|fOrgEnd) == 0 {
			return i, 0.5
		}
		return -1, 0
	}
	// First word of a sentence: capitals say little.
	if name && f&fPlace != 0 && !d.nameFollows(i) {
		return -1, 0 // "Tilburg, 18 maart": a place that is also a surname
	}
	if name && f&fWord == 0 {
		return i, 0.8
	}
	if f&fNameWord != 0 || f&fFirst != 0 {
		// Roos, Storm: a name when a surname or a verb follows, alone on
		// the last line as the signature of a message, or as the speaker
		// or subject opening a line: "Roos: rustige dag", "Fatma: o ja".
		if d.nameFollows(i) || d.lastLineName(i) || (i == 0 || d.toks[i].newline) && d.punct(i+1, ':') {
			return i, 0.6
		}
		return -1, 0
	}
	if name {
		// Visser, Bakker: a surname that is also a word needs a name beside it.
		if j := i + 1; f&fCommon == 0 && d.word(j) && d.toks[j].upper && !d.toks[j].newline && d.toks[j].flags&(fFirst|fSur) != 0 && d.toks[j].flags&fNonPers == 0 {
			return i, 0.6
		}
		if f&fCommon == 0 && d.nameFollows(i) {
			return i, 0.5
		}
		return -1, 0
	}
	if f&fWord == 0 {
		// Possessive: Ahmeds vader.
		if strings.HasSuffix(lw, "s") && len(lw) > 3 {
			sf := d.s.lx.lookup(lw[:len(lw)-1])
			if sf&(fFirst|fSur) != 0 && sf&fWord == 0 {
				return i, 0.7
			}
		}
		if len(lw) >= 3 && !d.compound(lw) && !d.punct(i+1, ':') && d.allLettersTok(i) {
			return i, 0.5
		}
	}
	return -1, 0
}

func (d *doc) allLettersTok(i int) bool {
	w := d.text[d.toks[i].start:d.toks[i].end]
	for k := 0; k < len(w); k++ {
		if isDigit(w[k]) {
			return false
		}
	}
	return true
}

// nameFollows reports whether the word at i is followed by a surname, a
// verb or an age, which makes an ambiguous first word a name.
func (d *doc) nameFollows(i int) bool {
	j := i + 1
	if j >= len(d.toks) || d.toks[j].newline {
		return false
	}
	t := d.toks[j]
	switch {
	case t.kind == tWord && t.upper && t.flags&(fSur|fFirst) != 0 && t.flags&fNonPers == 0:
		return true
	case t.kind == tWord && t.flags&fVerb != 0:
		return true
	case d.punct(j, '(') && j+1 < len(d.toks) && d.toks[j+1].kind == tNum:
		return true
	case d.low(j) == "en" && d.word(j+1) && d.toks[j+1].upper && d.toks[j+1].flags&fFirst != 0:
		return true
	case t.kind == tWord && !t.upper && t.flags&fTV != 0:
		// "Jan de Vries", "Anne van der Meer": lower-case tussenvoegsels
		// and then a capitalised surname.
		k := j
		for n := 0; n < 3 && d.word(k) && !d.toks[k].upper && d.flag(k, fTV) && !d.toks[k].newline; n++ {
			k++
		}
		return d.word(k) && d.toks[k].upper && !d.toks[k].newline && d.toks[k].flags&fSur != 0 && d.toks[k].flags&fNonPers == 0
	}
	return false
}

// findKnownNames marks later mentions of name parts found before, within
// this text or, through a Redactor, in earlier texts of the same case.
func (d *doc) findKnownNames() {
	person := typeIndex(Person)
	for i := range d.toks {
		t := d.toks[i]
		if t.typ != person || t.kind != tWord || !spreads(d.low(i), t.flags) {
			continue
		}
		d.addLocal(d.low(i))
	}
	if d.local == nil && d.known == nil {
		return
	}
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		if !t.upper && t.flags&(fFirst|fSur) == 0 {
			continue // only listed names spread in lower case (knownLower)
		}
		if t.allUpper && len(d.abbrevs) > 0 && d.free(i) && slices.Contains(d.abbrevs, d.text[t.start:t.end]) {
			d.add(Person, i, i, 0.8) // "PS ziet", after "P. Schouteten (PS, …)"
			continue
		}
		if !d.free(i) || t.kind != tWord || t.end-t.start < 2 || t.flags&(fCommon|fNonPers) != 0 || !t.upper && t.flags&fWord != 0 || !d.isKnown(d.low(i)) {
			continue
		}
		if !t.upper && !d.knownLower(d.low(i)) {
			continue
		}
		// A surname that is a word (Zwart) is a name again when
		// capitalised mid-sentence or followed by a verb; "Zwart-wit" at
		// the start of a sentence is not.
		if t.flags&fWord != 0 && t.flags&(fFirst|fSur) == 0 && t.sent && !t.allUpper && !d.nameFollows(i) {
			continue
		}
		s, e := d.extendName(i)
		d.add(Person, s, e, 0.8)
		i = e
	}
}

// spreads reports whether a name part lw with lexicon flags f may mark
// other mentions as names: any part of two letters or more, also an
// ordinary word (Zwart), which then spreads only to capitalised mentions. A
// frequent word caught inside a name ("Er", "Het"), a title, a tussenvoegsel
// or a type word must not turn every later one into a name.
func spreads(lw string, f uint32) bool {
	return len(lw) >= 2 && f&(fTV|fTitle|fCommon|fNonPers|fMonth|fWeekday|fInstTail|fInstType|fFamily|fCue|fVerb) == 0
}

// isKnown reports whether lw is a name part found earlier in this text or,
// through a Redactor, in the case.
func (d *doc) isKnown(lw string) bool {
	if d.known != nil && d.known.has(lw) {
		return true
	}
	if d.localSet != nil {
		return d.localSet[lw]
	}
	return slices.Contains(d.local, lw)
}

// addLocal records a name part of this text: in a slice while there are
// few (most texts), in a map once there are many.
func (d *doc) addLocal(lw string) {
	if d.localSet != nil {
		d.localSet[lw] = true
		return
	}
	if slices.Contains(d.local, lw) {
		return
	}
	d.local = append(d.local, lw)
	if len(d.local) > 16 {
		d.localSet = make(map[string]bool, 64)
		for _, w := range d.local {
			d.localSet[w] = true
		}
	}
}
