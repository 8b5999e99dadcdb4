package anonymise

// findInstitutionTypes finds institutions introduced by a type word:
// OBS De Regenboog, RSG Simon Vestdijk, Stichting Sterk Huis, GGZ Friesland
// locatie Sneek, and lower case "basisschool De Fontein" (type word outside).
func (d *doc) findInstitutionTypes() {
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		if !d.free(i) || t.kind != tWord || t.flags&fInstType == 0 || !t.allUpper && clubWords[d.low(i)] {
			continue
		}
		j := i + 1
		apostropheT := d.punct(j, '\'') && d.word(j+1) && d.low(j+1) == "t" && d.adjacent(j) // "OBS 't Hoekje"
		if !d.free(j) || !d.word(j) && !apostropheT || !d.toks[j].space || d.toks[j].newline {
			continue
		}
		start := i
		if !t.upper && !t.allUpper {
			start = j // the lower-case type word is not part of the name
			if apostropheT {
				continue
			}
			if d.toks[j].flags&fNonPers != 0 {
				continue // "op school Nederlands"
			}
			if d.toks[j].flags&(fFirst|fSur) != 0 && d.low(j) != "de" && d.low(j) != "het" {
				continue // "na school Jan ophalen": a name, not a school
			}
		}
		e := d.nameRun(j)
		if e < j || e == j && d.toks[j].end-d.toks[j].start == 1 {
			continue // "school X": a placeholder
		}
		// "Stichting" or "School" alone before an ordinary word is no name.
		if e == j && d.toks[j].flags&fWord != 0 && !d.toks[j].upper {
			continue
		}
		if d.low(j) == "de" || d.low(j) == "het" || d.low(j) == "t" {
			if e == j {
				continue
			}
		}
		e = d.locationTail(e)
		d.add(Institution, start, e, 0.85)
		i = e
	}
}

// nameRun returns the last token of a run of capitalised words starting at
// j (after an optional De/Het/'t), or -1.
func (d *doc) nameRun(j int) int {
	k := j
	if d.word(k) && (d.low(k) == "de" || d.low(k) == "het") && d.toks[k].upper {
		k++
	} else if d.punct(k, '\'') && d.word(k+1) && d.low(k+1) == "t" {
		k += 2
	}
	e := -1
	for n := 0; n < 4 && d.free(k) && d.word(k) && !d.toks[k].newline; n++ {
		t := d.toks[k]
		if !(t.upper || t.allUpper) || t.flags&(fMonth|fWeekday) != 0 && n > 0 {
			break
		}
		e = k
		k++
		for d.punct(k, '-') && d.adjacent(k-1) && d.adjacent(k) && d.word(k+1) {
			e = k + 1
			k += 2
		}
		if !d.word(k) || !d.toks[k].space {
			break
		}
	}
	return e
}

// findPlacesAndInstitutions finds places from the list or by context ("in
// Kanaleneiland", "de wijk Vinkhuizen"), the named institutions of the list,
// "X College" and "De Kompaswijzer" mid-sentence.
func (d *doc) findPlacesAndInstitutions() {
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		if t.lower && t.flags&fPlace != 0 && t.flags&(fWord|fFirst|fLazy) == 0 && d.free(i) && d.flag(i-1, fPlacePrep) {
			d.add(Place, i, i, 0.6) // "in leeuwarden" in a chat
			continue
		}
		if !d.free(i) || t.kind != tWord || !t.upper && !t.allUpper {
			continue
		}
		f := t.flags
		prev := ""
		if i > 0 && d.toks[i-1].kind == tWord {
			prev = d.low(i - 1)
		} else if d.punct(i-1, ':') && d.word(i-2) {
			prev = d.low(i - 2) // "Wijk: Jeruzalem", "Woonplaats: Gouda"
		}
		switch {
		case f&fCommon == 0 && d.beforeInstTail(i) && d.free(i+1):
			// "Drachtster Lyceum", "Da Vinci College", "Amstelveense Montessorischool"
			s := i
			if d.flag(i-1, fTV) && d.toks[i-1].upper && d.free(i-1) && d.low(i-1) != "de" && d.low(i-1) != "het" {
				s = i - 1
			}
			d.add(Institution, s, d.locationTail(i+1), 0.7)
			i++
		case f&fInstTail != 0 && d.namedInstitution(d.low(i)):
			// "Calandlyceum", "Sint-Maartenscollege"
			s := i
			for d.punct(s-1, '-') && d.adjacent(s-1) && d.adjacent(s-2) && d.word(s-2) && d.toks[s-2].upper && d.free(s-2) {
				s -= 2
			}
			d.add(Institution, s, d.locationTail(i), 0.7)
		case f&fInst != 0 && !(t.sent && f&fWord != 0):
			d.add(Institution, i, d.locationTail(i), 0.8)
		case t.allUpper:
			continue
		case f&fPlace != 0 && (f&fWord == 0 || !t.sent || d.flag(i-1, fPlacePrep)):
			e := i
			for d.punct(e+1, '-') && d.adjacent(e) && d.adjacent(e+1) && d.word(e+2) && d.toks[e+2].upper {
				e += 2
			}
			d.add(Place, i, e, 0.8)
			i = e
		case (prev == "de" || prev == "het" || prev == "it" && !d.toks[i-1].sent) && d.toks[i-1].upper && d.free(i-1) && !d.toks[i].newline:
			// "De Kompaswijzer", "Het Palet", Frisian "It Heechhôf".
			// "De Kompaswijzer", "Het Palet": a named school or care location.
			if f&fNonPers != 0 || d.toks[i-1].sent && (f&fWord != 0 || d.brandCompound(d.low(i))) {
				continue
			}
			e := d.nameRun(i)
			if e < i {
				continue
			}
			d.add(Institution, i-1, d.locationTail(e), 0.6)
			i = e
		case f&(fWord|fNonPers|fMonth|fWeekday|fEnglish) == 0 && d.allLettersTok(i) && (d.flag(i-1, fPlacePrep) || placeLabels[prev]) ||
			f&(fFirst|fSur) == 0 && d.placeListNext(i):
			e := i
			for {
				if d.punct(e+1, '-') && d.adjacent(e) && d.adjacent(e+1) && d.word(e+2) {
					e += 2
					continue
				}
				// Two-word places: Nij Beets, Sint Annaparochie, Den Ham.
				if n := e + 1; d.word(n) && d.free(n) && d.toks[n].upper && !d.toks[n].allUpper && d.toks[n].space && !d.toks[n].newline && d.toks[n].flags&(fNonPers|fMonth|fWeekday) == 0 && n-i < 3 {
					e = n
					continue
				}
				break
			}
			d.add(Place, i, e, 0.6)
			i = e
		}
	}
}

// findAddresses finds a street and house number: Kerkstraat 12, Lindelaan
// 4b, Noorderdwarsstraat 9-A, Dorpsstraat 3-II, Burgemeester Falkenaweg 58,
// and "op Tjalk 15" after a preposition.
func (d *doc) findAddresses() {
	for i := 0; i+1 < len(d.toks); i++ {
		t := d.toks[i]
		if !d.free(i) || t.kind != tWord || d.toks[i+1].kind != tNum || !d.toks[i+1].space || d.toks[i+1].newline || !d.free(i+1) {
			continue
		}
		lw := d.low(i)
		if lw == "postbus" || lw == "antwoordnummer" {
			continue // a P.O. box belongs to an organisation
		}
		// A street ending counts on a capitalised word that is no abstract
		// noun of the dictionary: "Schapendrift 21", "Hambakenwetering 51",
		// not "vergadering 4" or "Aflevering 12".
		street := isStreetOnly(lw) || isStreetName(lw) && t.flags&(fFirst|fSur) == 0 && t.upper && !(abstractNoun(lw) && d.s.lx.lookup(lw)&fWord != 0)
		hyphenStart := -1
		if !street && d.punct(i-1, '-') && d.adjacent(i-1) && d.adjacent(i-2) && d.word(i-2) && (isStreetOnly(d.low(i-2)) || isStreetName(d.low(i-2))) {
			street, hyphenStart = true, i-2 // "Ringbaan-Oost 214 A"
		}
		typeStart := -1
		if !street && t.upper {
			// "Laan van Nieuw Oost-Indië 200", "Plein 1944 nr", "Hof van Delft 3"
			if typeStart = d.streetTypeStart(i); typeStart >= 0 {
				street = true
			}
		}
		if k := i + 2; d.word(k) && d.toks[k].flags&fAgeUnit != 0 || d.timeUnit(k) {
			continue // "Vestdijk 12 jaar" is an age, "Weg van Jan 12 keer" a count
		}
		if !street {
			// A capitalised name after "op", "aan de" or "adres": op Tjalk 15.
			if !t.upper || t.allUpper || t.flags&(fMonth|fWeekday|fNonPers|fInstType) != 0 || i == 0 && !d.postcodeAfter(i+1) {
				continue
			}
			p := ""
			if i > 0 {
				p = d.low(i - 1)
			}
			if !(p == "op" || p == "aan" || p == "adres" || (p == "de" && i >= 2 && d.low(i-2) == "aan") || d.punct(i-1, ':') && i >= 2 && d.low(i-2) == "adres" || d.postcodeAfter(i+1)) {
				continue
			}
			if t.flags&fWord != 0 && t.sent && !d.postcodeAfter(i+1) {
				continue
			}
		}
		n := d.toks[i+1]
		if n.end-n.start > 5 {
			continue
		}
		e := d.houseNumberEnd(i + 1)
		if e < 0 {
			continue
		}
		// Capitalised words of the street name before it.
		s := i
		for k := 0; k < 3 && s > 0 && d.word(s-1) && d.free(s-1) && !d.toks[s].newline && d.toks[s].space; k++ {
			pt := d.toks[s-1]
			if !(pt.upper || pt.flags&fTV != 0) || pt.flags&(fNonPers|fPlacePrep) != 0 && pt.flags&fTV == 0 || d.low(s-1) == "adres" {
				break
			}
			if pt.flags&fTV != 0 && !pt.upper && !(s-2 >= 0 && d.word(s-2) && d.toks[s-2].upper) {
				break
			}
			s--
		}
		for s < i && d.toks[s].flags&fTV != 0 && !d.toks[s].upper {
			s++
		}
		if typeStart >= 0 {
			s = typeStart
		}
		if hyphenStart >= 0 && hyphenStart < s {
			s = hyphenStart
		}
		d.addBytes(Address, d.toks[s].start, e, 0.9)
	}
}

// houseNumberEnd returns the end offset of the house number at token j with
// its addition (4b, 9-A, 3-II, 12 bis), or -1 when the number is part of
// something else (a date, an amount).
func (d *doc) houseNumberEnd(j int) int {
	s := d.text
	e := d.toks[j].end
	if e < len(s) && (s[e] == '.' || s[e] == ',' || s[e] == '/' || s[e] == ':') && e+1 < len(s) && isDigit(s[e+1]) {
		return -1
	}
	// Letter addition directly attached: 4b, 44a.
	if d.word(j+1) && d.adjacent(j) && d.toks[j+1].end-d.toks[j+1].start <= 2 {
		return d.toks[j+1].end
	}
	if d.word(j+1) && d.adjacent(j) {
		return -1
	}
	// Separate addition: 12 bis, 4 A, 3 hs, 10 II.
	if d.word(j+1) && d.toks[j+1].space && !d.toks[j+1].newline && d.boundaryAfter(d.toks[j+1].end) {
		w := d.text[d.toks[j+1].start:d.toks[j+1].end]
		switch w {
		case "bis", "hs", "HS", "bg", "BG", "zw", "rd", "I", "II", "III", "IV", "A", "B", "C", "D", "a", "b", "c", "d":
			if !(len(w) == 1 && d.word(j+2) && !d.toks[j+2].newline && d.toks[j+2].lower && d.toks[j+2].space && d.low(j+2) != "en") {
				return d.toks[j+1].end
			}
		}
	}
	// Dash addition: 9-A, 3-II, 12-14.
	if d.punct(j+1, '-') && d.adjacent(j) && d.adjacent(j+1) && j+2 < len(d.toks) {
		n := d.toks[j+2]
		if n.kind == tNum && n.end-n.start <= 3 || n.kind == tWord && n.end-n.start <= 4 && (n.allUpper || n.upper && n.end-n.start == 1 || n.lower && n.end-n.start <= 2) {
			return n.end
		}
	}
	return e
}

// brandCompound reports whether lw is a word glued to a brand or other
// non-personal name ("instagramaccount", "whatsappgroep").
func (d *doc) brandCompound(lw string) bool {
	if len(lw) > 48 {
		return false
	}
	for k := 3; k <= len(lw)-3; k++ {
		if d.s.lx.lookup(lw[:k])&fNonPers != 0 && d.s.lx.lookup(lw[k:])&fWord != 0 {
			return true
		}
	}
	return false
}

// streetTypes start street names that end in other words: "Laan van
// Nieuw Oost-Indië", "Plein 1944", "Hof van Wouw".
var streetTypes = map[string]bool{"kaya": true, "laan": true, "plein": true, "weg": true, "straat": true, "hof": true, "kade": true, "singel": true, "dreef": true, "pad": true, "dijk": true, "park": true, "burgwal": true, "gracht": true}

// streetTypeStart returns the first token of a street name that starts
// with a street type word and ends at token i, or -1.
func (d *doc) streetTypeStart(i int) int {
	for k, n := i, 0; k >= 0 && n < 8; k, n = k-1, n+1 {
		if !d.word(k) || !d.toks[k].upper && d.toks[k].flags&fTV == 0 {
			// A hyphen inside the name, or the full stop of an
			// abbreviation: "Kaya Gob. N. Debrot 61".
			if !(d.punct(k, '-') && d.adjacent(k-1) && d.adjacent(k) || d.punct(k, '.') && d.adjacent(k-1) && d.word(k-1) && d.toks[k-1].upper) {
				return -1
			}
			continue
		}
		if d.toks[k].upper && streetTypes[d.low(k)] && k < i {
			return k
		}
		if d.toks[k].newline || !d.toks[k].space && k < i && !d.punct(k+1, '-') {
			return -1
		}
	}
	return -1
}

// postcodeAfter reports whether a postcode follows the house number at
// token j, after a comma, a bar or bullet of a letterhead, or on the next
// line: "Kraaiennest 88\n1104 CK", "Nieuwe Haven 112 | 2801 EM".
func (d *doc) postcodeAfter(j int) bool {
	k := j + 1
	for k < len(d.toks) && k <= j+3 && (d.word(k) && d.toks[k].end-d.toks[k].start <= 3 && !d.toks[k].newline || d.punct(k, '-')) {
		k++ // an addition: 88 A, 3-II
	}
	if d.punct(k, ',') || d.punct(k, '|') || d.punct(k, ';') || d.punctStr(k, "·") || d.punctStr(k, "•") {
		k++
	}
	return k < len(d.toks) && d.toks[k].typ == typeIndex(Postcode)
}

// placeLabels are the words after which a capitalised word is a place:
// "de wijk Vinkhuizen", "Woonplaats: Gouda".
var placeLabels = map[string]bool{"wijk": true, "dorp": true, "gemeente": true, "stad": true, "buurt": true, "woonplaats": true, "plaats": true, "verblijfplaats": true, "woonwijk": true}
