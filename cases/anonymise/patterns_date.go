package anonymise

// date matches a specific day: 12-03-2024, 12/3/'24, 22.05.2024,
// 2023-11-08, 19/9, 12 maart 2024, 3 juli, with an optional weekday before
// it ("dinsdag 5 november", "ma 18/3"). A month or year alone is no date.
func (d *doc) date(i int) bool {
	start := i
	if d.toks[i].kind == tWord && d.toks[i].flags&fMonth != 0 {
		return d.monthFirstDate(i)
	}
	if d.toks[i].kind == tWord {
		if d.toks[i].flags&fWeekday == 0 {
			return false
		}
		// A weekday followed by a date.
		i++
		if d.punct(i, '.') || d.punct(i, ',') {
			i++
		}
		// "vrijdag de 3e", "zondag de 12de".
		if d.word(i) && d.low(i) == "de" && i+2 < len(d.toks) && d.toks[i+1].kind == tNum && d.adjacent(i+1) && d.word(i+2) {
			if o := d.low(i + 2); (o == "e" || o == "de" || o == "ste") && d.free(i+1) && validDay(atoi(d.text[d.toks[i+1].start:d.toks[i+1].end]), 1) {
				d.add(Date, start, i+2, 0.8)
				return true
			}
		}
		if i >= len(d.toks) || d.toks[i].kind != tNum || !d.free(i) {
			return false
		}
	}
	t := d.toks[i]
	if t.kind != tNum || !d.boundaryBefore(t.start) {
		return false
	}
	if e, ok := d.numericDate(t.start); ok && !d.counted(i) {
		d.addBytes(Date, d.toks[start].start, e, 0.9)
		return true
	}
	if start < i || d.dateCue(i) || d.lineStart(i) && i+2 < len(d.toks) && (d.word(i+3) && d.toks[i+3].space && d.toks[i+2].end-d.toks[i+2].start == 2 || d.punct(i+3, ':')) {
		// After a weekday or "d.d.", "op", also day-month with a dash:
		// "di 12-11", "d.d. 12-3".
		a, p1 := readNum(d.text, t.start)
		if p1 < len(d.text) && d.text[p1] == '-' && p1-t.start <= 2 {
			if b, p2 := readNum(d.text, p1+1); p2-p1-1 >= 1 && p2-p1-1 <= 2 && validDay(a, b) && d.boundaryAfter(p2) {
				d.addBytes(Date, d.toks[start].start, p2, 0.8)
				return true
			}
		}
	}
	// Day and month name: "12 maart", "3 jan.", "1 januari 2025".
	if t.end-t.start > 2 || !d.word(i+1) || d.toks[i+1].flags&fMonth == 0 || !d.toks[i+1].space {
		return false
	}
	day := atoi(d.text[t.start:t.end])
	if day < 1 || day > 31 {
		return false
	}
	j := i + 1
	e := d.toks[j].end
	if d.punct(j+1, '.') && d.adjacent(j) && d.low(j) != "mei" && len(d.low(j)) <= 4 {
		e = d.toks[j+1].end
		j++
	}
	// Optional year.
	if k := j + 1; k < len(d.toks) && d.toks[k].kind == tNum && d.toks[k].end-d.toks[k].start == 4 && d.toks[k].space && !d.toks[k].newline {
		e = d.toks[k].end
	} else if d.punct(k, '\'') && k+1 < len(d.toks) && d.toks[k+1].kind == tNum && d.toks[k+1].end-d.toks[k+1].start == 2 && d.adjacent(k) {
		e = d.toks[k+1].end
	}
	d.addBytes(Date, d.toks[start].start, e, 0.9)
	return true
}

// numericDate reads a numeric date at offset p and returns its end.
func (d *doc) numericDate(p int) (int, bool) {
	s := d.text
	a, p1 := readNum(s, p)
	if p1 >= len(s) || p1-p > 4 {
		return 0, false
	}
	sep := s[p1]
	if sep != '-' && sep != '/' && sep != '.' {
		return 0, false
	}
	b, p2 := readNum(s, p1+1)
	if p2 == p1+1 || p2-p1-1 > 2 {
		return 0, false
	}
	if p1-p == 4 {
		// ISO: 2023-11-08, and with dots or slashes as forms and
		// spreadsheets write it (2024.11.18, 2024/11/18), then with a
		// two-digit month: 2024/088215 is a file number.
		if p2 >= len(s) || s[p2] != sep || sep != '-' && p2-p1-1 != 2 {
			return 0, false
		}
		c, p3 := readNum(s, p2+1)
		if p3-p2-1 != 2 || !validDay(c, b) || a < 1900 || a > 2100 || !d.boundaryAfter(p3) {
			return 0, false
		}
		return p3, true
	}
	if p2 < len(s) && s[p2] == sep {
		// Day, month and year: the year has 4 or 2 digits or is '24.
		q := p2 + 1
		if q < len(s) && (s[q] == '\'' || hasPrefixAt(s, q, "’")) {
			if s[q] == '\'' {
				q++
			} else {
				q += len("’")
			}
		}
		_, p3 := readNum(s, q)
		n := p3 - q
		// With dots, 3.1.10 is a section or version number: a dotted date
		// has a four-digit year or two-digit day and month (22.05.24).
		if sep == '.' && n != 4 && (p1-p != 2 || p2-p1-1 != 2) {
			return 0, false
		}
		if (n == 2 || n == 4) && validDay(a, b) && d.boundaryAfter(p3) {
			return p3, true
		}
		return 0, false
	}
	// Day and month only, with a slash: 19/9. Not 24/7.
	if sep != '/' || !validDay(a, b) || !d.boundaryAfter(p2) || (a == 24 && b == 7) {
		return 0, false
	}
	if p2 < len(s) && (s[p2] == '/' || s[p2] == '-') {
		return 0, false
	}
	return p2, true
}

func hasPrefixAt(s string, i int, p string) bool { return len(s)-i >= len(p) && s[i:i+len(p)] == p }

func readNum(s string, p int) (int, int) {
	n := 0
	q := p
	for q < len(s) && isDigit(s[q]) && q-p < 6 {
		n = n*10 + int(s[q]-'0')
		q++
	}
	return n, q
}

func validDay(day, month int) bool { return day >= 1 && day <= 31 && month >= 1 && month <= 12 }

func atoi(s string) int {
	n, _ := readNum(s, 0)
	return n
}

// A day and month at the start of a line before text are a date too, as
// in a list of visits ("03-04 bezoekregeling"): i+3 is the word after
// "03", "-", "04". The month must have two digits or a colon must follow
// ("- 14-1: politie ingeschakeld"): "3-1 gewonnen" is a score.
//
// dateCue reports whether the words before token i announce a date: "d.d."
// (de dato), "op", "per", "vanaf", "sinds". Only then is "12-3" a day and
// a month rather than a score or a range.
func (d *doc) dateCue(i int) bool {
	if d.punct(i-1, '.') && d.word(i-2) && d.low(i-2) == "d" && d.punct(i-3, '.') && d.word(i-4) && d.low(i-4) == "d" {
		return true
	}
	if !d.word(i - 1) {
		return false
	}
	switch d.low(i - 1) {
	case "op", "per", "vanaf", "sinds", "dd", "rond", "uiterlijk":
		return true
	}
	return false
}

// monthFirstDate matches the English order: "March 4th", "June 12, 2024".
func (d *doc) monthFirstDate(i int) bool {
	switch d.low(i) {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december":
	default:
		return false // Dutch puts the day first: "Mei 3 mensen" is no date
	}
	if !d.toks[i].upper {
		return false
	}
	j := i + 1
	if j >= len(d.toks) || d.toks[j].kind != tNum || !d.toks[j].space || d.toks[j].newline || d.toks[j].end-d.toks[j].start > 2 || !d.free(j) {
		return false
	}
	if day := atoi(d.text[d.toks[j].start:d.toks[j].end]); day < 1 || day > 31 {
		return false
	}
	e := j
	if k := j + 1; d.word(k) && d.adjacent(j) {
		switch d.low(k) {
		case "st", "nd", "rd", "th":
			e = k
		default:
			return false
		}
	}
	if d.punct(e+1, ',') && e+2 < len(d.toks) && d.toks[e+2].kind == tNum && d.toks[e+2].end-d.toks[e+2].start == 4 {
		e += 2
	}
	d.add(Date, i, e, 0.8)
	return true
}

// counted reports whether the number at token i follows a word that
// counts or scores ("deel 1/3", "een 10/10"): then "1/3" is no date.
func (d *doc) counted(i int) bool {
	switch d.low(i - 1) {
	case "deel", "stap", "aflevering", "hoofdstuk", "vraag", "een", "cijfer", "score", "ronde", "week", "les":
		return true
	}
	return false
}

// lineStart reports whether token i opens a line, maybe after a bullet:
// "- 14-1: politie ingeschakeld".
func (d *doc) lineStart(i int) bool {
	if i == 0 || d.toks[i].newline {
		return true
	}
	p := i - 1
	return d.toks[p].newline && d.toks[p].kind == tPunct && (d.punct(p, '-') || d.punct(p, '*') || d.punctStr(p, "•") || d.punctStr(p, "–"))
}
