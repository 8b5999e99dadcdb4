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

// defineAbbreviations marks the initials that minutes introduce after a
// name, "Hatice Yıldız (HY, psycholoog)", as a person, so that every later
// "HY:" is one too. The letters must match the name's first and last part.
func (d *doc) defineAbbreviations() {
	person := typeIndex(Person)
	for i := 0; i+3 < len(d.toks); i++ {
		if d.toks[i].typ != person || d.toks[i+1].typ == person || !d.punct(i+1, '(') {
			continue
		}
		a := i + 2
		if !d.free(a) || !d.word(a) || !(d.punct(a+1, ',') || d.punct(a+1, ')')) {
			continue
		}
		w := d.text[d.toks[a].start:d.toks[a].end]
		if len(w) < 2 || len(w) > 5 || !isASCII(w) || w[0] < 'A' || w[0] > 'Z' || w[len(w)-1] < 'A' || w[len(w)-1] > 'Z' {
			continue
		}
		first := i
		for first > 0 && d.toks[first-1].typ == person {
			first--
		}
		if d.text[d.toks[first].start] != w[0] {
			continue
		}
		// The last letter starts a later part: "Yıldız" of Hatice Yıldız,
		// or "Buijsse" of A. Buijsse-Goossen (AB).
		last := false
		for k := first + 1; k <= i; k++ {
			if d.word(k) && d.toks[k].upper && d.text[d.toks[k].start] == w[len(w)-1] {
				last = true
			}
		}
		if !last {
			continue
		}
		d.add(Person, a, a, 0.8)
		d.abbrevs = append(d.abbrevs, w)
	}
}

// initialsOnly returns the last token of initials that stand for a person
// on their own, "S.B. (3 kader)", "S.v.D. mist", "L. de R.", or -1. Two
// letters at least; company forms (B.V., N.V.) and "N.B.:" are excluded.
func (d *doc) initialsOnly(i int) int {
	k, letters := i, 0
	for n := 0; n < 6; n++ {
		if d.word(k) && d.toks[k].end-d.toks[k].start == 1 && d.punct(k+1, '.') && d.adjacent(k) {
			if d.toks[k].upper {
				letters++
			} else if d.toks[k].flags&fTV == 0 && d.low(k) != "v" && d.low(k) != "d" {
				return -1
			}
			k += 2
			continue
		}
		if d.flag(k, fTV) && d.toks[k].lower && n > 0 {
			k++ // "L. de R."
			continue
		}
		break
	}
	if letters < 2 || !d.toks[k-2].upper {
		return -1
	}
	// Followed by a surname: left to the initials rule ("J.K. Rowling").
	if d.word(k) && d.toks[k].upper && !d.toks[k].newline && d.toks[k].space && !d.toks[k].allUpper &&
		!(d.toks[k].end-d.toks[k].start == 1 && d.punct(k+1, '.')) {
		return -1
	}
	w := d.text[d.toks[i].start:d.toks[k-1].end]
	switch w {
	case "B.V.", "N.V.", "V.O.F.", "C.V.", "P.S.", "A.U.B.", "E.O.", "T.A.V.", "T.B.V.", "I.V.M.", "I.P.V.", "O.A.", "O.B.V.", "M.B.V.", "M.B.T.", "M.I.V.", "N.A.V.", "T.Z.T.", "Z.S.M.", "V.W.B.", "D.W.Z.", "E.D.", "E.V.", "A.S.", "J.L.", "T/M":
		return -1
	case "N.B.":
		if d.punct(k, ':') || d.word(k) && d.toks[k].upper {
			return -1 // nota bene
		}
	}
	return k - 1
}

// attendeeLabels start a line that lists people, often by their initials:
// "Aanwezig: AH (voorzitter), MvdB (Veilig Thuis)".
var attendeeLabels = map[string]bool{"aanwezig": true, "afwezig": true, "deelnemers": true, "genodigden": true, "notulist": true, "notulen": true, "voorzitter": true, "verslag": true, "actiehouder": true, "eigenaar": true, "cc": true}

// findAttendeeInitials marks initials that open an item of an attendee
// line ("AH (voorzitter)", "SdV (Raad)", "JK, TB") as persons, so that
// every later "JK:" is one too. Known acronyms (GGD, SMW) are left.
func (d *doc) findAttendeeInitials() {
	inList := false
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		if t.newline || i == 0 {
			inList = false
			// "Aanwezig:", "Afwezig m.k.:" — the label opens the line.
			if d.word(i) && attendeeLabels[d.low(i)] {
				for k := i + 1; k < len(d.toks) && k <= i+6 && !d.toks[k].newline; k++ {
					if d.punct(k, ':') {
						inList = true
						i = k
						break
					}
				}
				continue
			}
		}
		if !inList || !d.word(i) || !d.free(i) {
			continue
		}
		if !(d.punct(i-1, ':') || d.punct(i-1, ',') || d.punct(i-1, ';') || d.word(i-1) && d.low(i-1) == "en") {
			continue
		}
		w := d.text[t.start:t.end]
		// A word or an English word ("AH", "TB") counts when a role in
		// brackets follows; a known acronym (GGD) never does.
		if !personInitials(w) || t.flags&fNonPers != 0 || t.flags&(fWord|fEnglish) != 0 && !d.punct(i+1, '(') {
			continue
		}
		if n := i + 1; !(n >= len(d.toks) || d.toks[n].newline || d.punct(n, '(') || d.punct(n, ',') || d.punct(n, ';') || d.word(n) && d.low(n) == "en") {
			continue
		}
		d.add(Person, i, i, 0.75)
		d.abbrevs = append(d.abbrevs, w)
	}
}

// personInitials reports whether w looks like a person's initials: two to
// four capitals, with tussenvoegsel letters between them (MvdB, SdV, FvE).
func personInitials(w string) bool {
	if len(w) < 2 || len(w) > 6 || w[0] < 'A' || w[0] > 'Z' || w[len(w)-1] < 'A' || w[len(w)-1] > 'Z' {
		return false
	}
	caps := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			caps++
		case c == 'v' || c == 'd' || c == 't' || c == 'e' || c == 'r' || c == 'n':
		default:
			return false
		}
	}
	return caps >= 2 && caps <= 4
}

// singleInitial reports whether the capital at token i, with its full
// stop, stands for a person on its own: "Patiënte (L.)", "moeder M.",
// "gezin V.". A surname after it is left to the initials rule.
func (d *doc) singleInitial(i int) bool {
	if d.word(i+2) && d.toks[i+2].upper && !d.toks[i+2].newline && d.toks[i+2].space {
		return false
	}
	if d.punct(i-1, '(') && d.punct(i+2, ')') {
		return true
	}
	if !d.word(i - 1) {
		return false
	}
	p := d.toks[i-1]
	return p.flags&(fFamily|fTitle) != 0 || d.low(i-1) == "gezin" || d.low(i-1) == "familie" || d.low(i-1) == "cliënte" || d.low(i-1) == "patiënt" || d.low(i-1) == "patiënte"
}

var (
	abstractEndings = newEndings("iën", "heid", "ing", "tie", "ties", "sie", "schap", "isme", "teit", "logie", "zaken", "ingen", "nis")
	derivedEndings  = newEndings("lijk", "lijke", "aal", "ale", "ig", "ige", "isch", "ische", "baar", "bare", "loos", "loze", "end", "ende")
)
