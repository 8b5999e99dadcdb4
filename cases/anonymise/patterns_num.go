package anonymise

import "strings"

// findPatterns finds the identifiers with a fixed shape: IBAN, phone
// numbers, BSN, dates, postcodes, licence plates and labelled file numbers.
func (d *doc) findPatterns() {
	for i := 0; i < len(d.toks); i++ {
		if !d.free(i) {
			continue
		}
		t := d.toks[i]
		if t.kind == tWord && (t.flags&(fIDLabel|fWeakID) != 0 || d.hyphenLabel(i)) {
			if j := d.idNumber(i); j > 0 {
				i = j
				continue
			}
		}
		if t.kind == tPunct && (d.text[t.start] == '\'' || d.punctStr(i, "’")) && d.sPlace(i) {
			continue
		}
		if t.kind == tPunct && d.text[t.start] != '+' && d.text[t.start] != '(' && d.text[t.start] != '\'' {
			continue
		}
		if t.kind == tWord && t.lower && t.end-t.start <= 3 && d.punct(i+1, '-') && d.adjacent(i) {
			d.plate(i) // "xv-212-p"
			continue
		}
		if t.kind == tWord && !t.allUpper && !(t.upper && t.end-t.start == 1) && t.flags&(fWeekday|fMonth) == 0 {
			continue
		}
		for _, try := range []func(int) bool{d.iban, d.phone, d.bsn, d.date, d.postcode, d.plate, d.fileCode} {
			if try(i) {
				break
			}
		}
	}
}

// digitRun reads up to 15 digits from start, allowing single separators
// from seps (and " - ") between digit groups. It returns the digits and the
// end offset; it allocates nothing.
func digitRun(s string, start int, seps string, maxDigits int) (digits [16]byte, n int, end int) {
	maxDigits = min(maxDigits, len(digits))
	i := start
	end = start
	inGroup := false
	for i < len(s) && n < maxDigits {
		c := s[i]
		if c >= '0' && c <= '9' {
			digits[n] = c
			n++
			i++
			end = i
			inGroup = true
			continue
		}
		if !inGroup || strings.IndexByte(seps, c) < 0 {
			break
		}
		// A separator: " - " counts as one.
		j := i + 1
		if c == ' ' && j+1 < len(s) && (s[j] == '-' || s[j] == '/') && s[j+1] == ' ' {
			j += 2
		}
		if j >= len(s) || s[j] < '0' || s[j] > '9' {
			break
		}
		inGroup = false
		i = j
	}
	return digits, n, end
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// boundaryAfter reports whether no letter or digit follows offset e.
func (d *doc) boundaryAfter(e int) bool {
	if e >= len(d.text) {
		return true
	}
	c := d.text[e]
	if isDigit(c) || isASCIILetter(c) {
		return false
	}
	if (c == '.' || c == ',' || c == '-') && e+1 < len(d.text) && isDigit(d.text[e+1]) {
		return false
	}
	return c < 0x80 || !startsWithLetter(d.text[e:])
}

func (d *doc) boundaryBefore(s int) bool {
	if s == 0 {
		return true
	}
	c := d.text[s-1]
	if isDigit(c) || isASCIILetter(c) {
		return false
	}
	if (c == '.' || c == ',' || c == '-' || c == '/') && s >= 2 && isDigit(d.text[s-2]) {
		return false
	}
	return true
}

func startsWithLetter(s string) bool {
	t := tokenize(s[:min(len(s), 4)])
	return len(t) > 0 && t[0].kind == tWord && t[0].start == 0
}

// phone matches Dutch phone numbers: 06-12345678, 050-3124567, (0515) 42 13
// 98, +31 6 1234 5678, +31 (0)6 …, 0031 6 …, and other +country numbers.
func (d *doc) phone(i int) bool {
	t := d.toks[i]
	s := d.text
	start := t.start
	if _, ok := d.numericDate(start); ok && t.kind == tNum {
		return false // "02-05-2012 (12)" is a date and an age
	}
	if !d.boundaryBefore(start) && s[start] != '+' && s[start] != '(' {
		return false
	}
	p := start
	intl := false
	if s[p] == '+' {
		intl = true
		p++
	} else if s[p] == '(' {
		if p+1 >= len(s) || s[p+1] != '0' {
			return false
		}
	} else if s[p] != '0' {
		return false
	}
	var b [20]byte
	n := 0
	e := p
	prevSep := true
	for j := p; j < len(s) && n < 15; j++ {
		c := s[j]
		if isDigit(c) {
			b[n] = c
			n++
			e = j + 1
			prevSep = false
			continue
		}
		if c == '(' && j+2 < len(s) && s[j+1] == '0' && s[j+2] == ')' && n > 0 {
			j += 2 // the "(0)" of +31 (0)6
			e = j + 1
			continue
		}
		if strings.IndexByte(" -.()/", c) >= 0 {
			if c == ' ' && prevSep && j > p && s[j-1] != '-' && s[j-1] != ')' {
				break
			}
			if c != ')' && c != '(' && c != ' ' && prevSep && j > p && s[j-1] != ' ' {
				break
			}
			prevSep = true
			continue
		}
		break
	}
	num := string(b[:n])
	var want int
	switch {
	case intl && strings.HasPrefix(num, "31"):
		want = 11
	case intl:
		want = 0 // foreign: 9 to 13 digits
	case strings.HasPrefix(num, "0031"):
		want = 13
	case strings.HasPrefix(num, "0") && len(num) >= 2 && num[1] != '0':
		want = 10
	default:
		return false
	}
	if want > 0 && n > want {
		// Stop at the wanted digit count: find where that digit ends.
		n = want
		e = nthDigitEnd(s, p, want)
		num = num[:want]
	}
	if want > 0 && n != want || want == 0 && (n < 9 || n > 13) {
		return false
	}
	if !intl && (strings.HasPrefix(num, "0800") || strings.HasPrefix(num, "0900") || strings.HasPrefix(num, "0909") || strings.HasPrefix(num, "0906")) {
		return false
	}
	if !d.boundaryAfter(e) {
		return false
	}
	d.addBytes(Phone, start, e, 0.95)
	return true
}

func nthDigitEnd(s string, p, n int) int {
	for j := p; j < len(s); j++ {
		if isDigit(s[j]) {
			n--
			if n == 0 {
				return j + 1
			}
		}
	}
	return len(s)
}

// bsn matches nine digits (in groups split by dots or spaces): a valid
// elfproef anywhere, an invalid one only after a BSN label.
func (d *doc) bsn(i int) bool {
	t := d.toks[i]
	if t.kind != tNum || !d.boundaryBefore(t.start) {
		return false
	}
	buf, n, e := digitRun(d.text, t.start, ". ", 10)
	if n != 9 || !d.boundaryAfter(e) {
		return false
	}
	digits := string(buf[:9])
	labelled := d.labelBefore(i, fBSNLabel, 4)
	if !labelled && (!elfproef(digits) || !bsnGrouping(d.text[t.start:e])) {
		return false
	}
	if !labelled && d.labelBefore(i, fIDLabel, 4) {
		return false
	}
	conf := 0.9
	if labelled {
		conf = 0.99
	}
	d.addBytes(BSN, t.start, e, conf)
	return true
}

// labelBefore reports whether one of the n words before token i has flag f.
func (d *doc) labelBefore(i int, f uint32, n int) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if d.toks[k].kind == tNum {
			return false
		}
		if d.toks[k].kind == tWord && d.toks[k].flags&f != 0 {
			return true
		}
	}
	return false
}

// elfproef is the Dutch eleven test for BSNs.
func elfproef(n string) bool {
	if len(n) != 9 || n == "000000000" {
		return false
	}
	sum := 0
	for k := 0; k < 8; k++ {
		sum += (9 - k) * int(n[k]-'0')
	}
	sum -= int(n[8] - '0')
	return sum%11 == 0
}

// postcode matches 1234 AB and 1234AB.
func (d *doc) postcode(i int) bool {
	t := d.toks[i]
	if t.kind != tNum || t.end-t.start != 4 || d.text[t.start] == '0' || !d.boundaryBefore(t.start) {
		return false
	}
	j := i + 1
	if !d.word(j) || d.toks[j].end-d.toks[j].start != 2 || !d.toks[j].allUpper {
		return false
	}
	if d.toks[j].start-t.end > 1 || (d.toks[j].start-t.end == 1 && d.text[t.end] != ' ') {
		return false
	}
	w := d.text[d.toks[j].start:d.toks[j].end]
	if w == "SS" || w == "SA" || w == "SD" || !d.boundaryAfter(d.toks[j].end) {
		return false
	}
	d.add(Postcode, i, j, 0.9)
	return true
}

// plate matches the Dutch licence plate side codes: three groups of letters
// or digits joined by dashes, six characters in all, letters upper case.
func (d *doc) plate(i int) bool {
	t := d.toks[i]
	if t.kind == tPunct || !d.boundaryBefore(t.start) {
		return false
	}
	s := d.text
	e := t.start
	lower := s[t.start] >= 'a' && s[t.start] <= 'z'
	for e < len(s) && (isDigit(s[e]) || !lower && s[e] >= 'A' && s[e] <= 'Z' || lower && s[e] >= 'a' && s[e] <= 'z' || s[e] == '-') {
		e++
	}
	for e > t.start && s[e-1] == '-' {
		e--
	}
	if !d.boundaryAfter(e) || e-t.start != 8 {
		return false
	}
	groups := strings.Split(s[t.start:e], "-")
	if len(groups) != 3 {
		return false
	}
	letters, digits := 0, 0
	for _, g := range groups {
		switch {
		case g == "" || len(g) > 3:
			return false
		case allDigits(g):
			digits++
		case allLetters(g):
			letters++
		default:
			return false
		}
	}
	if letters == 0 || digits == 0 {
		return false
	}
	d.addBytes(LicensePlate, t.start, e, 0.9)
	return true
}

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

// bsnGrouping reports whether an unlabelled nine-digit number is written
// the way BSNs are: plain, or in groups of 3-3-3, 4-2-3 or 2-3-4.
func bsnGrouping(s string) bool {
	var groups []int
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
			continue
		}
		if n > 0 {
			groups = append(groups, n)
		}
		n = 0
	}
	groups = append(groups, n)
	switch len(groups) {
	case 1:
		return true
	case 3:
		g := [3]int{groups[0], groups[1], groups[2]}
		return g == [3]int{3, 3, 3} || g == [3]int{4, 2, 3} || g == [3]int{2, 3, 4}
	}
	return false
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
	d.addBytes(IDNumber, t.start, e, 0.75)
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
// "V-nummer", "A-nummer", "klant-nr".
func (d *doc) hyphenLabel(i int) bool {
	if !d.punct(i-1, '-') || !d.adjacent(i-1) || !d.adjacent(i-2) || !d.word(i-2) {
		return false
	}
	lw := d.low(i)
	return lw == "nummer" || lw == "nr"
}

// sPlace matches the places written with the old genitive "'s-":
// 's-Gravenzande, 's-Hertogenbosch, 's-Heerenberg.
func (d *doc) sPlace(i int) bool {
	if !d.adjacent(i) || !d.word(i+1) || d.low(i+1) != "s" || !d.punct(i+2, '-') || !d.adjacent(i+1) || !d.adjacent(i+2) ||
		!d.word(i+3) || !d.toks[i+3].upper || !d.free(i+3) {
		return false
	}
	d.add(Place, i, i+3, 0.8)
	return true
}
