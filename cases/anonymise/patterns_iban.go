package anonymise

// iban matches NLkk BBBB 0123456789 in any grouping (valid checksum or not)
// and other countries' IBANs with a valid checksum.
func (d *doc) iban(i int) bool {
	t := d.toks[i]
	if t.kind != tWord || t.end-t.start < 2 || !d.boundaryBefore(t.start) {
		return false
	}
	s := d.text
	c0, c1 := s[t.start], s[t.start+1]
	// Written in lower case ("nl91abna0417164300") it counts only with a
	// valid checksum: too many words start with two letters.
	lower := c0 >= 'a' && c0 <= 'z' && c1 >= 'a' && c1 <= 'z'
	if lower {
		c0, c1 = c0&^0x20, c1&^0x20
	}
	if c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z' {
		return false
	}
	var b [34]byte
	n := 0
	e := t.start
	want := ibanLength(c0, c1)
	if want == 0 {
		return false
	}
	for j := t.start; j < len(s) && n < want; j++ {
		c := s[j]
		if c == ' ' {
			if j+1 < len(s) && s[j+1] != ' ' {
				continue
			}
			break
		}
		if !isDigit(c) && !isASCIILetter(c) {
			break
		}
		b[n] = c &^ 0x20
		if isDigit(c) {
			b[n] = c
		}
		n++
		e = j + 1
	}
	if n != want || !d.boundaryAfter(e) {
		return false
	}
	code := string(b[:n])
	if !isDigit(code[2]) || !isDigit(code[3]) {
		return false
	}
	nlShape := c0 == 'N' && c1 == 'L' && allLetters(code[4:8]) && allDigits(code[8:])
	if (lower || !nlShape) && !ibanValid(code) {
		return false
	}
	conf := 0.99
	if !ibanValid(code) {
		conf = 0.8
	}
	d.addBytes(IBAN, t.start, e, conf)
	return true
}

func ibanLength(c0, c1 byte) int {
	switch string([]byte{c0, c1}) {
	case "NL":
		return 18
	case "BE":
		return 16
	case "DE":
		return 22
	case "FR", "IT", "MC":
		return 27
	case "GB", "IE":
		return 22
	case "ES", "SE":
		return 24
	case "PL", "CY", "HU":
		return 28
	case "TR":
		return 26
	case "LU":
		return 20
	case "AT":
		return 20
	case "PT":
		return 25
	case "CH":
		return 21
	case "DK", "FI":
		return 18
	case "NO":
		return 15
	case "RO":
		return 24
	case "BG":
		return 22
	case "LT":
		return 20
	}
	return 0
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// ibanValid checks the ISO 13616 mod-97 checksum of an upper-case IBAN.
func ibanValid(code string) bool {
	if len(code) < 5 {
		return false
	}
	r := 0
	for k := 0; k < len(code); k++ {
		c := code[(k+4)%len(code)]
		switch {
		case isDigit(c):
			r = (r*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			r = (r*100 + int(c-'A'+10)) % 97
		default:
			return false
		}
	}
	return r == 1
}
