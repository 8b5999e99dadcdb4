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
		if t.kind == tWord && t.lower && t.end-t.start >= 4 && isDigit(d.text[t.start+2]) && isDigit(d.text[t.start+3]) && d.iban(i) {
			continue // "nl91abna0417164300"
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
		// "(0515) 42 13 98" has its area code in brackets; in
		// "(06-20 91 83 77)" the brackets enclose the number, which is
		// then found from its first digit.
		q := p + 1
		for q < len(s) && isDigit(s[q]) {
			q++
		}
		if q >= len(s) || s[q] != ')' {
			return false
		}
	} else if s[p] != '0' {
		return false
	}
	var b [20]byte
	n := 0
	e := p
	prevSep := true
	var prev byte // the previous character
	for j := p; j < len(s) && n < 15; j++ {
		c := s[j]
		if isDigit(c) {
			b[n] = c
			n++
			e = j + 1
			prevSep = false
			prev = c
			continue
		}
		if c == '(' && j+2 < len(s) && s[j+1] == '0' && s[j+2] == ')' && n > 0 {
			j += 2 // the "(0)" of +31 (0)6
			e = j + 1
			prev = ')'
			continue
		}
		if strings.IndexByte(" -.()/", c) >= 0 {
			if c == ' ' && prevSep && j > p && prev != '-' && prev != ')' {
				break
			}
			if c != ')' && c != '(' && c != ' ' && prevSep && j > p && prev != ' ' {
				break
			}
			prevSep = true
			prev = c
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
	// A plate has eight characters: reading at most nine keeps a long run
	// of letters and dashes ("AB-CD-AB-CD-…") linear.
	for e < len(s) && e-t.start <= 8 && (isDigit(s[e]) || !lower && s[e] >= 'A' && s[e] <= 'Z' || lower && s[e] >= 'a' && s[e] <= 'z' || s[e] == '-') {
		e++
	}
	for e > t.start && s[e-1] == '-' {
		e--
	}
	if !d.boundaryAfter(e) {
		return false
	}
	if e-t.start == 6 && !lower {
		// Without dashes ("TZ47NL") only in a side code's shape.
		if !plateShape(s[t.start:e]) {
			return false
		}
		d.addBytes(LicensePlate, t.start, e, 0.8)
		return true
	}
	if e-t.start != 8 {
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

// plateShape reports whether six upper-case letters and digits without
// dashes split into the groups of a Dutch side code: two, three or one
// letters and digits in turn, as in TZ-47-NL, 12-ABC-3, K-392-JS.
func plateShape(w string) bool {
	var groups []int
	kinds := ""
	for i := 0; i < len(w); i++ {
		k := byte('L')
		switch {
		case isDigit(w[i]):
			k = 'D'
		case w[i] < 'A' || w[i] > 'Z':
			return false
		}
		if len(kinds) == 0 || kinds[len(kinds)-1] != k {
			kinds += string(k)
			groups = append(groups, 0)
		}
		groups[len(groups)-1]++
	}
	if len(groups) != 3 {
		return false
	}
	g := [3]int{groups[0], groups[1], groups[2]}
	switch g {
	case [3]int{2, 2, 2}, [3]int{2, 3, 1}, [3]int{1, 3, 2}, [3]int{3, 2, 1}, [3]int{1, 2, 3}:
		return true
	}
	return false
}
