package anonymise

// tvSurname returns the surname after a capitalised tussenvoegsel at token i,
// or -1 when the words do not form a known surname or a name-like word.
func (d *doc) tvSurname(i int) int {
	k := i
	for n := 0; n < 3 && d.flag(k, fTV); n++ {
		k++
	}
	if k == i || !d.word(k) || !d.toks[k].upper || d.toks[k].allUpper || !d.free(k) || d.toks[k].newline {
		return -1
	}
	f := d.toks[k].flags
	if f&fSur != 0 && f&(fPlace|fNonPers|fMonth|fWeekday) == 0 {
		return k
	}
	if !d.toks[i].sent && f&(fWord|fPlace|fInst|fNonPers|fMonth|fWeekday) == 0 && (d.low(i) != "de" && d.low(i) != "het") {
		return k
	}
	return -1
}

// extendName grows a name around anchor token i: initials and tussenvoegsels
// before it, tussenvoegsels, surnames and hyphenated parts after it.
func (d *doc) extendName(i int) (int, int) {
	s, e := i, i
	// Initials before a surname anchor are found by personAt itself; here a
	// name that starts with initials is walked to its surname.
	if d.toks[i].upper && d.toks[i].end-d.toks[i].start == 1 && d.punct(i+1, '.') {
		if k := d.afterInitials(i); k >= 0 {
			e = k
		}
	}
	// Capitalised tussenvoegsels directly before: "Van Leeuwen".
	for s > 0 && d.flag(s-1, fTV) && d.free(s-1) && d.toks[s-1].upper && !d.toks[s].newline && d.toks[s].space {
		if s-2 >= 0 && d.toks[s-2].flags&fTitle == 0 && d.toks[s-1].sent == false && d.low(s-1) == "de" && !d.isKnown(d.low(i)) && d.toks[i].flags&fSur == 0 {
			break
		}
		s--
	}
	s = d.particlesBefore(s)
	// A first name directly before a surname: "Ouder 1: Mark Brinkman",
	// where "Mark" alone at the start of a sentence says little.
	if s == i && s > 0 && d.toks[s].space && !d.toks[s].newline && d.word(s-1) && d.free(s-1) && d.toks[s-1].upper && !d.toks[s-1].allUpper {
		if pf := d.toks[s-1].flags; pf&fFirst != 0 && pf&(fMonth|fWeekday|fTitle|fCue|fClosing|fFamily|fNonPers|fPlace|fInst|fTV) == 0 && d.toks[i].flags&fFirst == 0 {
			s--
		}
	}
	if d.flag(e, fTV) {
		if k := d.tvSurname(e); k >= 0 {
			e = k
		} else if k := d.afterTV(e); k >= 0 {
			e = k
		} else if k := d.lowerSurnameAfterTitle(e); k >= 0 {
			e = k
		}
	}
	// Whether the name so far is one first name, also hyphenated
	// ("Jan-Willem"): then a capitalised word after it is its surname.
	onlyFirst := e == i && (d.toks[i].flags&(fFirst|fNameWord) != 0 || d.toks[i].flags&fWord == 0)
	for {
		j := e + 1
		if j >= len(d.toks) || !d.free(j) {
			break
		}
		// Hyphenated: Jansen-de Boer, Gerrit-Jan, Van den Heuvel-Jansen.
		if d.punct(j, '-') && d.adjacent(e) && d.adjacent(j) && d.word(j+1) && d.free(j+1) {
			nt := d.toks[j+1]
			if nt.upper && !nt.allUpper {
				onlyFirst = onlyFirst && nt.flags&fFirst != 0
				e = j + 1
				continue
			}
			if nt.flags&fTV != 0 {
				if k := d.afterTV(j + 1); k >= 0 {
					e = k
					continue
				}
			}
			break
		}
		if !d.word(j) || !d.toks[j].space || d.toks[j].newline {
			break
		}
		if d.toks[j].flags&fTV != 0 {
			if k := d.afterTV(j); k >= 0 {
				e, onlyFirst = k, false
				continue
			}
			break
		}
		t := d.toks[j]
		if !t.upper || t.allUpper || isStreetOnly(d.low(j)) && t.flags&(fFirst|fSur) == 0 {
			break
		}
		// "Gerda Oude Nijhuis", "Jan Olde Rikkert": the Low Saxon particles.
		if lw := d.low(j); (lw == "oude" || lw == "olde") && onlyFirst && d.surnameAfterName(j+1, false) {
			e, onlyFirst = j+1, false
			continue
		}
		if onlyFirst && d.surnameAfterName(j, true) {
			e, onlyFirst = j, false
			continue
		}
		f := t.flags
		// "Linda Oosterhout-van Rijn": a place word opening a double surname.
		doubleName := f&fPlace != 0 && d.punct(j+1, '-') && d.adjacent(j) && e == i && d.toks[i].flags&fFirst != 0
		if f&(fMonth|fWeekday|fInstType|fInstTail) != 0 || f&(fNonPers|fPlace|fInst) != 0 && f&(fFirst|fSur) == 0 && !doubleName {
			break
		}
		if doubleName {
			e, onlyFirst = j, false
			continue
		}
		if f&(fFirst|fSur) != 0 || f&fWord == 0 || d.isKnown(d.low(j)) {
			e, onlyFirst = j, onlyFirst && f&fFirst != 0 && f&fSur == 0
			continue
		}
		// "Jan Zwart", "Iris Snoek", "Jan-Willem Hofstede": a capitalised
		// word after a first name is a surname, unless it names an
		// organisation or a subject.
		if onlyFirst && f&(fCommon|fOrgEnd) == 0 && !abstractNoun(d.low(j)) {
			e, onlyFirst = j, false
			continue
		}
		break
	}
	// "Lucas V.": the full stop of a surname's initial belongs to it.
	if e > s && d.word(e) && d.toks[e].upper && d.toks[e].end-d.toks[e].start == 1 && d.punct(e+1, '.') && d.adjacent(e) && d.free(e+1) {
		e++
	}
	return s, e
}

// particlesBefore returns the start of a name that begins before token s
// with a capitalised "Van" and lower-case tussenvoegsels ("Van der Veen",
// "Van 't Hek") or with a hyphenated particle ("Al-Hassan").
func (d *doc) particlesBefore(s int) int {
	if d.toks[s].newline || !d.toks[s].space && !d.punct(s-1, '-') {
		return s
	}
	if d.punct(s-1, '-') && d.adjacent(s-1) && d.adjacent(s-2) && d.free(s-2) {
		switch {
		case d.word(s-2) && d.toks[s-2].upper && hyphenParticles[d.low(s-2)]:
			return s - 2 // "Al-Hassan"
		case d.word(s-2) && d.toks[s-2].upper && !d.toks[s-2].allUpper && d.toks[s-2].flags&fFirst != 0 && d.toks[s].flags&fFirst != 0:
			return s - 2 // "Jan-Willem" at the start of a sentence
		case d.punct(s-2, '.') && d.adjacent(s-3) && d.word(s-3) && d.toks[s-3].upper && d.toks[s-3].end-d.toks[s-3].start == 1:
			return s - 3 // "H.-J. Mooij"
		}
		return s
	}
	k := s - 1
	for n := 0; n < 2 && k > 0 && d.free(k); n++ {
		switch {
		case d.flag(k, fTV) && d.toks[k].lower && !d.toks[k].newline:
			k--
		case d.word(k) && (d.low(k) == "t" || d.low(k) == "s") && (d.punct(k-1, '\'') || d.punctStr(k-1, "’")) && d.adjacent(k-1):
			k -= 2
		default:
			n = 2
		}
	}
	if k < s-1 && d.word(k) && d.free(k) && d.toks[k].upper && d.low(k) == "van" {
		return k
	}
	// "gezinsvoogd van Leeuwen": lower-case particles after a role word,
	// before a surname ("moeder van Ahmed" names her child).
	if k < s-1 && d.flag(k, fFamily) && d.flag(k+1, fTV) && d.toks[s].flags&(fFirst|fSur) == fSur {
		return k + 1
	}
	return s
}

// lowerSurnameAfterTitle returns the lower-case surname after lower-case
// tussenvoegsels at token j that follow a title ("mevrouw el idrissi",
// "meneer van dijk"), or -1.
func (d *doc) lowerSurnameAfterTitle(j int) int {
	p := j - 1
	if d.punct(p, '.') {
		p--
	}
	if !d.flag(p, fTitle) || !d.toks[j].lower {
		return -1
	}
	k := j
	for n := 0; n < 3 && d.tvLen(k) > 0 && d.free(k) && !d.toks[k].newline; n++ {
		k += d.tvLen(k)
	}
	if k == j || !d.word(k) || !d.free(k) || !d.toks[k].lower || d.toks[k].newline || len(d.low(k)) < 3 {
		return -1
	}
	d.resolve(k)
	if f := d.toks[k].flags; f&(fFirst|fSur) != 0 && f&(fMonth|fWeekday|fPlacePrep) == 0 || f&(fWord|fCommon) == 0 && !d.compound(d.low(k)) {
		return k
	}
	return -1
}

// surnameAfterName reports whether the capitalised word at j, after a
// first name, is a surname the other rules would stop at: one that ends
// like an institution's type word but is no ordinary word ("Veldhuis",
// "Nijhuis" end in "huis") and starts no institution's name, or a
// capitalised weekday that no date follows ("Anouk Vrijdag"). Not strict,
// it asks only that j be a capitalised word that may be a name.
func (d *doc) surnameAfterName(j int, strict bool) bool {
	if !d.word(j) || !d.free(j) || !d.toks[j].upper || d.toks[j].allUpper || d.toks[j].newline || !d.toks[j].space {
		return false
	}
	f := d.toks[j].flags
	nextCap := d.word(j+1) && d.toks[j+1].upper && !d.toks[j+1].newline
	if !strict {
		return f&(fFirst|fSur) != 0 || f&(fWord|fPlace|fInst|fNonPers|fMonth|fWeekday) == 0
	}
	if f&(fInstType|fOrgEnd) != 0 && f&(fWord|fInst|fPlace|fNonPers) == 0 && !nextCap &&
		d.s.lx.lookup(d.low(j))&fInstType == 0 {
		return true
	}
	if f&fWeekday != 0 && len(d.low(j)) > 3 && !nextCap && !(j+1 < len(d.toks) && (d.toks[j+1].kind == tNum || d.flag(j+1, fMonth) || d.low(j+1) == "de")) {
		return true
	}
	return false
}

// afterTV returns the capitalised surname after tussenvoegsels at token j
// ("van der Meulen"), or -1.
func (d *doc) afterTV(j int) int {
	k := j
	for n := 0; n < 3 && d.tvLen(k) > 0 && d.free(k) && !d.toks[k].newline; n++ {
		k += d.tvLen(k)
	}
	if k == j || !d.word(k) || !d.toks[k].upper || d.toks[k].allUpper || !d.free(k) || d.toks[k].newline {
		return -1
	}
	// "in" and "op" are tussenvoegsels only before another one ("in 't
	// Veld", "op de Beeck"): "Prisma in Tilburg" is no name.
	if lw := d.low(j); (lw == "in" || lw == "op") && k == j+1 {
		return -1
	}
	f := d.toks[k].flags
	// "van 't Hof", "in 't Veld": after the old article 't a capitalised
	// word is a surname, even one that names a thing or a place.
	apostropheT := d.low(k-1) == "t" && k-j >= 3 && d.tvLen(k-2) == 2
	if f&(fMonth|fWeekday|fInstType|fInst) != 0 || f&(fNonPers|fPlace) != 0 && f&fSur == 0 && !apostropheT {
		return -1
	}
	// "van De Kameleon": a capitalised article after a lower-case
	// tussenvoegsel starts the name of a place, not a surname.
	if !d.toks[j].upper && k-j >= 2 && d.toks[k-1].upper && f&fSur == 0 && f&fWord != 0 {
		return -1
	}
	return k
}
