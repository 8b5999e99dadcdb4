package anonymise

// Initials that stand for a person without a surname: in minutes, in
// attendee lines, and where a writer half-anonymised a name.

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
