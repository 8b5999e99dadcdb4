package anonymise

import "strings"

// idNumber matches the number after a label such as "dossiernr." or
// "cliëntnummer" and returns the index of its last token, or 0.
func (d *doc) idNumber(i int) int {
	j := i + 1
	for k := 0; k < 4 && j < len(d.toks); k++ {
		t := d.toks[j]
		lw := d.low(j)
		if t.kind == tPunct && strings.IndexByte(".:#", d.text[t.start]) >= 0 ||
			t.kind == tWord && (lw == "is" || lw == "nr" || lw == "nummer" || lw == "no" || lw == "van" || lw == "ons" || lw == "uw") {
			j++
			continue
		}
		break
	}
	// "Parketnummer jeugdzaak broer: 18/204571-23": a few words may stand
	// between the label and the colon before the number.
	if j < len(d.toks) && d.toks[j].kind == tWord && (!d.toks[j].upper || d.toks[j].allUpper) {
		for k := j; k < j+5 && d.word(k) && !d.toks[k].newline; k++ {
			if d.punct(k+1, ':') && k+2 < len(d.toks) && !d.toks[k+2].newline {
				j = k + 2
				break
			}
		}
	}
	if j >= len(d.toks) || !d.free(j) || d.toks[j].kind == tPunct {
		return 0
	}
	if _, ok := d.numericDate(d.toks[j].start); ok && d.toks[j].kind == tNum {
		return 0 // "Datum melding: 2024-04-11" is a date
	}
	if d.toks[i].flags&fWeakID != 0 && (d.iban(j) || d.phone(j) || d.bsn(j) || d.text[d.toks[j].start] == '0') {
		return 0 // "nummer 06-28173645", "nummer 0800-2000": the shape tells what it is
	}
	s := d.text
	start := d.toks[j].start
	e := start
	digits := 0
	for e < len(s) && (isDigit(s[e]) || isASCIILetter(s[e]) || strings.IndexByte("-/._", s[e]) >= 0) {
		if isDigit(s[e]) {
			digits++
		}
		e++
	}
	for e > start && strings.IndexByte("-/._", s[e-1]) >= 0 {
		e--
	}
	if t := d.codeTail(e); t > e {
		e = t
		digits = countDigits(s[start:e])
	}
	// Digit groups apart after a clear label: "cliëntnummer 123 456",
	// "klantnummer 98 76 54", "melding nr. 2024 00388142".
	if digits == e-start && digits >= 2 && digits <= 4 && (d.toks[i].flags&fWeakID == 0 || d.hyphenLabel(i) || d.nrBetween(i, j)) {
		e = d.digitGroups(e)
		digits = countDigits(s[start:e])
	}
	// A letter prefix and digit groups apart: "TS 4471-0928", "JZ 2023 11478".
	if digits == 0 && e-start <= 4 && allUpperASCII(s[start:e]) {
		for g := 0; g < 3 && e+1 < len(s) && s[e] == ' ' && isDigit(s[e+1]); g++ {
			e++
			for e < len(s) && (isDigit(s[e]) || (s[e] == '-' || s[e] == '/') && e+1 < len(s) && isDigit(s[e+1])) {
				if isDigit(s[e]) {
					digits++
				}
				e++
			}
		}
		e = d.codeTail(e) // "HALT 2022 NN 04412"
		digits = countDigits(s[start:e])
	}
	if digits < 2 || e-start < 3 {
		return 0
	}
	// After a word that is also an ordinary noun ("de zaak", "casus") only
	// a code with letters or separators, or a long number, is a file number.
	if d.toks[i].flags&fWeakID != 0 && digits == e-start && (digits < 5 || digits == 9 && elfproef(s[start:e])) {
		return 0 // "nummer 131860914" is a BSN
	}
	d.addBytes(IDNumber, start, e, 0.9)
	k := j
	for k+1 < len(d.toks) && d.toks[k+1].start < e {
		k++
	}
	return k
}

// fileCode matches a case or file number without a label, in shapes no
// other identifier has: letters and digit groups (JB-25-0412,
// CL-0048213) or digit groups with both a slash and a dash (18/204571-23).
func (d *doc) fileCode(i int) bool {
	t := d.toks[i]
	if t.kind == tPunct || !d.boundaryBefore(t.start) {
		return false
	}
	s := d.text
	e := t.start
	letters, digits, seps, slash, dash := 0, 0, 0, false, false
	for e < len(s) && e-t.start < 32 {
		c := s[e]
		switch {
		case isDigit(c):
			digits++
		case c >= 'A' && c <= 'Z' && digits == 0 && seps == 0:
			letters++
		case c == '-' && letters > 0 && digits == 0 && e+1 < len(s) && s[e+1] >= 'A' && s[e+1] <= 'Z':
			// Letter groups before the digits: VT-ADV-24-00093, EHV-J-22-1187.
		case (c == '-' || c == '/') && e+1 < len(s) && isDigit(s[e+1]):
			seps++
			slash = slash || c == '/'
			dash = dash || c == '-'
		default:
			goto done
		}
		e++
	}
done:
	if !d.boundaryAfter(e) || seps == 0 {
		return false
	}
	// A code under another label ("inkoopkenmerk INK-2024-0077",
	// "contractnummer") belongs to that label, which is no file of a client.
	if p := i - 1; d.word(p) && d.toks[p].flags&(fIDLabel|fWeakID) == 0 {
		for _, l := range []string{"kenmerk", "nummer", "nr", "code", "referentie", "actie", "project", "versie", "bijlage"} {
			if strings.HasSuffix(d.low(p), l) {
				return false
			}
		}
	}
	switch {
	case letters > 0:
		// CL-0048213, JB-25-0412; not COVID-19 or a Q3-2024 heading.
		if letters > 5 || digits < 5 || seps == 1 && digits < 6 {
			return false
		}
	case !(slash && dash) || digits < 7:
		return false
	}
	d.addBytes(IDNumber, t.start, d.codeTail(e), 0.75)
	return true
}

func allUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

// hyphenLabel reports whether token i ends a hyphenated number label:
// "V-nummer", "A-nummer", "klant-nr", and a register or document before
// "registratie", "code" or "kaart" ("BIG-registratie", "AGB-code",
// "ID-kaart") when it is written in capitals.
func (d *doc) hyphenLabel(i int) bool {
	if !d.punct(i-1, '-') || !d.adjacent(i-1) || !d.adjacent(i-2) || !d.word(i-2) {
		return false
	}
	switch d.low(i) {
	case "nummer", "nr":
		return true
	case "registratie", "registratienummer", "code", "kaart":
		return d.toks[i-2].allUpper
	}
	return false
}

// nrBetween reports whether "nr", "no" or "nummer" stands between a label
// at i and its number at j: "melding nr. 2024 00388142".
func (d *doc) nrBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if lw := d.low(k); lw == "nr" || lw == "no" || lw == "nummer" {
			return true
		}
	}
	return false
}

// digitGroups returns the end of up to three more groups of 2 to 8 digits
// after e, each after one space, that no month, unit or other number
// shape follows: "123 456", not "4567 12 maart" or "12345 15 jaar".
func (d *doc) digitGroups(e int) int {
	s := d.text
	for g := 0; g < 3 && e+2 < len(s) && s[e] == ' ' && isDigit(s[e+1]); g++ {
		r := e + 1
		for r < len(s) && isDigit(s[r]) {
			r++
		}
		if r-e-1 < 2 || r-e-1 > 8 || !d.boundaryAfter(r) || r < len(s) && strings.IndexByte("-/.:,", s[r]) >= 0 && r+1 < len(s) && isDigit(s[r+1]) {
			return e
		}
		if _, ok := d.numericDate(e + 1); ok {
			return e
		}
		if s[e+1] == '0' && (s[e+2] == '6' || r-e-1 <= 4 && r+1 < len(s) && s[r] == ' ' && isDigit(s[r+1])) {
			return e // a phone number: "06 12345678", "050 312 45 67"
		}
		if w := nextWord(s, r); w != "" {
			if f := d.s.lx.lookup(strings.ToLower(w)); f&(fMonth|fAgeUnit) != 0 || unitWords[strings.ToLower(w)] {
				return e
			}
		}
		e = r
	}
	return e
}

// unitWords follow a count or an amount, never a file number.
var unitWords = map[string]bool{"uur": true, "euro": true, "keer": true, "weken": true, "week": true, "dagen": true, "dag": true, "maanden": true, "kinderen": true, "minuten": true, "procent": true, "km": true}

// nextWord returns the word after offset r and its spaces, or "".
func nextWord(s string, r int) string {
	for r < len(s) && s[r] == ' ' {
		r++
	}
	e := r
	for e < len(s) && isASCIILetter(s[e]) {
		e++
	}
	return s[r:e]
}

// codeTail returns the end of the file number that ends at e, grown over
// the parts that continue it: a court's second number after " / " ("C/16/
// 512345 / JE RK 22-1234"), letter codes and a digit group after a space
// ("FA RK 23-4567"), a suffix after a slash ("VT-2024-008812/B"). It stops
// before ordinary words, dates, year ranges, phone numbers and short
// numbers ("18/204571-23 en", "12345 2022-2023", "2024-17 3-4 weken").
func (d *doc) codeTail(e int) int {
	s := d.text
	for e < len(s) {
		p := e
		adjacentSlash, slash := false, false
		switch {
		case (s[p] == '/' || s[p] == '-') && p+1 < len(s) && isAlnumASCII(s[p+1]):
			adjacentSlash = s[p] == '/'
			slash = adjacentSlash
			p++
		case strings.HasPrefix(s[p:], " / "), strings.HasPrefix(s[p:], " - "):
			slash = s[p+1] == '/'
			p += 3
		case strings.HasPrefix(s[p:], " – "):
			p += len(" – ")
		case s[p] == ' ':
			p++
		default:
			return e
		}
		// Letter codes before the digits: "JE RK", "FA RK".
		q, codes := p, 0
		for codes < 3 {
			r := q
			for r < len(s) && s[r] >= 'A' && s[r] <= 'Z' {
				r++
			}
			if r == q || r-q > 4 || r+1 >= len(s) || s[r] != ' ' || !isAlnumASCII(s[r+1]) {
				break
			}
			q, codes = r+1, codes+1
		}
		r := codeRun(s, q)
		if codes > 0 && countDigits(s[q:r]) == 0 {
			q, r, codes = p, codeRun(s, p), 0 // "/B bekend": no codes before a number
		}
		part := s[q:r]
		n := countDigits(part)
		switch {
		case r == q || !d.boundaryAfter(r):
			return e
		case n == 0:
			// Only a short letter suffix joined by a slash: "/B", "/JZ".
			if !adjacentSlash || codes > 0 || r-q > 3 || !allUpperASCII(part) {
				return e
			}
		case codes == 0 && !slash && !adjacentSlash:
			// A digit group after a space or dash: "… 22-1234", not a
			// date, a year range, a phone number or a count.
			if _, ok := d.numericDate(q); ok || n < 5 || part[0] == '0' || yearRange(part) ||
				strings.IndexAny(part, "-/.") < 0 && countLetters(part) == 0 {
				return e
			}
		case n < 2 && countLetters(part) == 0:
			return e
		}
		e = r
	}
	return e
}

// codeRun returns the end of the letters, digits and inner separators
// (- / . _) from p on.
func codeRun(s string, p int) int {
	e := p
	for e < len(s) && (isAlnumASCII(s[e]) || strings.IndexByte("-/._", s[e]) >= 0 && e > p && e+1 < len(s) && isAlnumASCII(s[e+1])) {
		e++
	}
	return e
}

func isAlnumASCII(c byte) bool { return isDigit(c) || isASCIILetter(c) }

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

func countLetters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isASCIILetter(s[i]) {
			n++
		}
	}
	return n
}

// yearRange reports whether s is a span of years: 2022-2023, 2019/2020.
func yearRange(s string) bool {
	if len(s) != 9 || s[4] != '-' && s[4] != '/' {
		return false
	}
	for _, y := range []string{s[:4], s[5:]} {
		if !allDigits(y) || y[0] != '1' && y[0] != '2' {
			return false
		}
	}
	return true
}
