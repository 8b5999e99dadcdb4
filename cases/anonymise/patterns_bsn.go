package anonymise

import (
	"strings"
	"unicode"
)

// bsn matches nine digits in groups split by dots or spaces: a valid
// elfproef anywhere, written the way BSNs are. After a BSN label, or in a
// list that follows one ("BSN 123456789 en 987654321"), any nine digits
// count, the elfproef does not matter (a mistyped BSN identifies as well)
// and so does any grouping by dots, spaces or dashes ("123-456-789").
func (d *doc) bsn(i int) bool {
	t := d.toks[i]
	if t.kind != tNum || !d.boundaryBefore(t.start) {
		return false
	}
	// Dashes join groups only after a label; reading with them first
	// rejects most numbers (years, times, amounts) before any label is
	// looked for, as a run without dashes is never longer.
	buf, n, e := digitRun(d.text, t.start, ". -", 10)
	if n < 9 {
		return false
	}
	labelled := d.bsnLabelBefore(i) || d.bsnListBefore(i) || d.bsnListHeader(i) || d.bsnColumn(t.start)
	if !labelled {
		buf, n, e = digitRun(d.text, t.start, ". ", 10)
	}
	if n != 9 || !d.boundaryAfter(e) {
		return false
	}
	digits := string(buf[:9])
	if !labelled && (!elfproef(digits) || !bsnGrouping(d.text[t.start:e])) {
		return false
	}
	if !labelled && d.labelBefore(i, fIDLabel, 4) {
		return false
	}
	if _, ok := d.numericDate(t.start); ok && !elfproef(digits) {
		return false // "BSN aangevraagd 12-03-2024 …" is a date
	}
	conf := 0.9
	if labelled {
		conf = 0.99
	}
	d.addBytes(BSN, t.start, e, conf)
	return true
}

// bsnLabelBefore reports whether a BSN label stands in the five words
// before number i, in the same sentence and with no other number between:
// "BSN: …", "bsn's: …", "BSN van de moeder is …", "sofi-nummer …",
// "citizen service number …".
func (d *doc) bsnLabelBefore(i int) bool {
	words := 0
	for k := i - 1; k >= 0 && k >= i-10 && words < 6; k-- {
		k = d.tagBefore(k)
		t := d.toks[k]
		if t.kind == tWord || t.kind == tTag {
			words++ // a tag stands for a name: "BSN van [PERSOON-1]: …"
		}
		switch {
		case t.kind == tNum:
			return false
		case t.kind == tPunct && strings.IndexByte("!?;", d.text[t.start]) >= 0:
			return false
		case t.kind == tPunct && d.text[t.start] == '.' && !(d.word(k-1) && (d.bsnLabel(k-1) || d.low(k-1) == "nr" || d.low(k-1) == "no")):
			return false // a full stop ends the sentence; the one of "BSN nr." does not
		case t.kind == tWord && d.bsnLabel(k):
			return true
		}
		if d.toks[k+1].newline && !d.punct(k, ':') {
			return false
		}
	}
	return false
}

// tagBefore returns the index of the tag a backward walk enters at token
// k, the closing bracket of "[PERSOON-1]", or k itself.
func (d *doc) tagBefore(k int) int {
	if k >= 4 && d.toks[k-4].kind == tTag && d.toks[k-4].end == d.toks[k].end {
		return k - 4
	}
	return k
}

// bsnLabel reports whether word token k names a BSN.
func (d *doc) bsnLabel(k int) bool {
	if d.toks[k].flags&fBSNLabel != 0 {
		return true
	}
	switch d.low(k) {
	case "number":
		return d.low(k-1) == "service" && d.low(k-2) == "citizen" // citizen service number
	case "nummer", "nr":
		p := k - 1
		if d.punct(p, '-') {
			p--
		}
		return d.low(p) == "sofi" // sofi-nummer, sofi nr
	}
	return false
}

// bsnListBefore reports whether number i continues a list of BSNs: a BSN
// found a few tokens before, with only list punctuation, "en"/"of" and at
// most three other words (a bracketed name, "van vader") between, in the
// same sentence, and no other label: "BSN 123456789 en 987654321",
// "bsn's: 123456789 (Sanne), 987654321 (Tim)", a bulleted list of BSNs.
func (d *doc) bsnListBefore(i int) bool {
	bsn := typeIndex(BSN)
	words, depth := 0, 0
	for k := i - 1; k >= 0 && k >= i-20; k-- {
		k = d.tagBefore(k)
		t := d.toks[k]
		switch t.kind {
		case tNum:
			if depth > 0 {
				continue
			}
			return t.used && t.typ == bsn
		case tTag:
			if depth > 0 {
				continue
			}
			if t.typ == bsn {
				return true // "BSN [BSN-1] en 987654321"
			}
			if words++; words > 3 {
				return false
			}
		case tPunct:
			switch c := d.text[t.start]; {
			case c == ')':
				depth++
			case c == '(':
				depth--
			case depth > 0:
			case strings.IndexByte(".!?:", c) >= 0 && !(c == '.' && d.punct(k-1, '.')):
				return false
			}
		case tWord:
			if depth > 0 {
				continue // "(Mees Vink, IKC De Merel)"
			}
			if t.flags&(fIDLabel|fWeakID) != 0 || d.hyphenLabel(k) {
				return false
			}
			if lw := d.low(k); lw != "en" && lw != "of" && lw != "and" && lw != "or" && lw != "resp" {
				if words++; words > 3 {
					return false
				}
			}
		}
	}
	return false
}

// bsnListHeader reports whether number i opens a line, after at most a
// bullet, below a line that names BSNs and ends in a colon: "De volgende
// burgerservicenummers konden niet gematcht worden:\n- 2562 57 996".
func (d *doc) bsnListHeader(i int) bool {
	k := i - 1
	for ; k >= 0 && !d.toks[k+1].newline; k-- {
		if d.toks[k].kind != tPunct || i-k > 3 {
			return false
		}
	}
	if !d.punct(k, ':') {
		return false
	}
	for n := 0; k >= 0 && n < 30; k, n = k-1, n+1 {
		if d.word(k) && d.bsnLabel(k) {
			return true
		}
		if d.toks[k].newline {
			break
		}
	}
	return false
}

// bsnColumn reports whether offset p lies in a cell of a table (cells
// split by '|' or tabs) whose header names BSNs: "| Naam | BSN |" above
// "| Rowan | 132.386.249 |". The header is the first line of the block
// of table lines that holds p.
func (d *doc) bsnColumn(p int) bool {
	s := d.text
	lineStart := strings.LastIndexByte(s[:p], '\n') + 1
	sep := byte('|')
	if strings.IndexByte(s[lineStart:p], '|') < 0 {
		if strings.IndexByte(s[lineStart:p], '\t') < 0 {
			return false
		}
		sep = '\t'
	}
	column := strings.Count(s[lineStart:p], string(sep))
	header := ""
	for start, n := lineStart, 0; start > 0 && n < 200; n++ {
		prevStart := strings.LastIndexByte(s[:start-1], '\n') + 1
		line := s[prevStart : start-1]
		if strings.IndexByte(line, sep) < 0 {
			break
		}
		if strings.Trim(line, "|-:+ \t") != "" {
			header = line // a separator row (|---|:--|) is no header
		}
		start = prevStart
	}
	if header == "" {
		return false
	}
	cells := strings.Split(header, string(sep))
	if column >= len(cells) {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(cells[column]), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if d.s.lx.lookup(w)&fBSNLabel != 0 {
			return true
		}
	}
	return false
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
