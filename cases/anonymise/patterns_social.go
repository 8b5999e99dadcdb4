package anonymise

import "strings"

// findPlatformHandles finds a user name after an app's name: "voeg me toe
// op snap yassir.0k", "insta: lotte_vdb". The name must be written like a
// user name (a dot, an underscore or a digit in it), so "op snap kijken"
// stays unflagged.
func (d *doc) findPlatformHandles() {
	text := d.text
	for i := 0; i < len(d.toks); i++ {
		if !d.word(i) || !platformWord(d.low(i)) {
			continue
		}
		j := i + 1
		if d.punct(j, ':') || d.low(j) == "is" {
			j++ // "insta: …", "mijn ig is …"
		}
		if j >= len(d.toks) || !d.toks[j].space || d.toks[j].newline || !d.free(j) {
			continue
		}
		s := d.toks[j].start
		e := s
		for e < len(text) && e-s <= 32 && (isASCIILetter(text[e]) || isDigit(text[e]) || text[e] == '_' || text[e] == '.' && e+1 < len(text) && (isASCIILetter(text[e+1]) || isDigit(text[e+1]))) {
			e++
		}
		h := text[s:e]
		if e-s < 3 || !d.boundaryAfter(e) || strings.IndexAny(h, "._0123456789") < 0 || countLetters(h) < 2 || d.alreadyFound(s, e) {
			continue
		}
		d.addBytes(URL, s, e, 0.8)
	}
}

// platformWord reports whether lw names an app whose user names people
// pass on. It is asked of every word: a switch on constant strings is
// cheaper than a map.
func platformWord(lw string) bool {
	switch lw {
	case "snap", "snapchat", "insta", "instagram", "ig", "tiktok", "discord":
		return true
	}
	return false
}
