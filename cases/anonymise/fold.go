package anonymise

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Look-alike characters. A writer (or someone testing the anonymiser)
// can write an identifier with characters that look like the usual ones
// or are not seen at all: full-width digits and ＠, Arabic-Indic digits,
// a non-breaking hyphen, a soft hyphen or a zero-width space inside a
// BSN. The scanner reads a folded copy of such a text, where these are
// the ASCII characters they stand for (or gone, when invisible), and
// reports its findings at their place in the text as written.

// folded is a text with its look-alikes folded. Offsets in it map back
// to the text as written through breaks: after a folded character the two
// texts are shifted by a new amount, and up to the next one they run
// alike.
type folded struct {
	text   string
	breaks []foldBreak
}

// foldBreak: from folded offset at on, written = folded + shift.
type foldBreak struct{ at, shift int }

// foldText folds the look-alikes of text; ok is false when it has none,
// which is the case for nearly every text, and then nothing is copied.
func foldText(text string) (f folded, ok bool) {
	if !needsFold(text) {
		return folded{}, false
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			b.WriteByte(text[i])
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		repl, keep := foldRune(r)
		if keep && repl < 0 && markOnSymbol(r, b.String()) {
			keep = false
		}
		if c, ok := latinLookalike(r); ok && keep && repl < 0 && inLatinWord(text, i, w) {
			repl = int(c)
		}
		switch {
		case !keep:
		case repl >= 0:
			b.WriteByte(byte(repl))
		default:
			b.WriteString(text[i : i+w])
		}
		i += w
		if !keep || repl >= 0 {
			f.breaks = append(f.breaks, foldBreak{at: b.Len(), shift: i - b.Len()})
		}
	}
	f.text = b.String()
	return f, true
}

// written is the offset in the text as written of folded offset p.
func (f folded) written(p int) int {
	k := sort.Search(len(f.breaks), func(k int) bool { return f.breaks[k].at > p })
	if k == 0 {
		return p
	}
	return p + f.breaks[k-1].shift
}

// needsFold reports whether text holds a character foldRune changes, or
// a combining mark on a digit or sign.
func needsFold(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < utf8.RuneSelf {
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if repl, keep := foldRune(r); !keep || repl >= 0 || markOnSymbol(r, text[:i]) {
			return true
		}
		if _, ok := latinLookalike(r); ok && inLatinWord(text, i, w) {
			return true
		}
		i += w - 1
	}
	return false
}

// latinLookalike gives the Latin letter a Cyrillic or Greek letter looks
// like (а, е, о, р, с, Н, Ρ, …).
func latinLookalike(r rune) (byte, bool) {
	if r < 0x370 || r > 0x52f {
		return 0, false
	}
	c, ok := lookalikes[r]
	return c, ok
}

var lookalikes = map[rune]byte{
	// Cyrillic
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's',
	'ԁ': 'd', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M',
	'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'Ү': 'Y',
	// Greek
	'ο': 'o', 'α': 'a', 'ν': 'v', 'ρ': 'p', 'ι': 'i', 'κ': 'k', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z',
	'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
}

// inLatinWord reports whether the character at text[i:i+w] stands in a
// word (letters, digits and the @ . _ - + of addresses) that also has
// ASCII letters: "gmаil.com" with a Cyrillic а. A word wholly in Cyrillic
// or Greek is left as it is.
func inLatinWord(text string, i, w int) bool {
	part := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("@._-+", r)
	}
	for j := i; j > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !part(r) {
			break
		}
		if r < utf8.RuneSelf && isASCIILetter(byte(r)) {
			return true
		}
		j -= size
	}
	for j := i + w; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !part(r) {
			break
		}
		if r < utf8.RuneSelf && isASCIILetter(byte(r)) {
			return true
		}
		j += size
	}
	return false
}

// markOnSymbol reports a combining mark (an accent, an underline, a
// keycap) that follows a digit, an at sign or a dot — where no word needs
// one, and where it only hides a number from the scanner ("1́2̲3⃣"). The
// marks of letters (é written as e and U+0301) stay.
func markOnSymbol(r rune, before string) bool {
	if !unicode.In(r, unicode.Mn, unicode.Me) || before == "" {
		return false
	}
	last := before[len(before)-1]
	return isDigit(last) || last == '@' || last == '.'
}

// foldRune tells what a character is read as: an ASCII byte (repl ≥ 0),
// nothing (keep false: an invisible character), or itself (repl < 0).
func foldRune(r rune) (repl int, keep bool) {
	switch {
	case r < utf8.RuneSelf:
		return -1, true
	case invisible(r):
		return -1, false
	case r >= '\uff01' && r <= '\uff5e':
		return int(r - 0xfee0), true // full-width ASCII: １２３, ＠, Ａ
	case r >= '\u2010' && r <= '\u2015', r == '\u2212', r == '\ufe63', r == '\ufe58', r == '\u2043', r == '\u02d7',
		r == '\u2e3a', r == '\u2e3b', r == '\u30fc':
		return '-', true // hyphens, dashes, minus signs and what looks like them
	case r == '\ufe6b', r == '\u24d0':
		return '@', true // small commercial at; circled a (ⓐ) as an at sign
	case r == '\u2024', r == '\ufe52':
		return '.', true // one dot leader, small full stop
	case r == '\u00a0', r >= '\u2000' && r <= '\u200a', r == '\u202f', r == '\u205f', r == '\u1680', r == '\u3000':
		return ' ', true // no-break, fixed-width and ideographic spaces
	case unicode.IsDigit(r):
		return '0' + digitValue(r), true // Arabic-Indic ٣, Devanagari ३, …
	}
	if v, ok := otherDigit(r); ok {
		return '0' + v, true
	}
	return -1, true
}

// invisible reports characters that show nothing: the soft hyphen,
// zero-width characters and joiners, direction marks, overrides and
// isolates, the byte-order mark, invisible operators, variation
// selectors, tag characters and the Hangul fillers.
func invisible(r rune) bool {
	switch {
	case r == '\u00ad', r == '\u034f', r == '\u061c', r == '\u115f', r == '\u1160', r == '\u17b4', r == '\u17b5',
		r >= '\u180b' && r <= '\u180e', r >= '\u200b' && r <= '\u200f', r >= '\u202a' && r <= '\u202e',
		r >= '\u2060' && r <= '\u2064', r >= '\u2066' && r <= '\u2069', r == '\u3164', r >= '\ufe00' && r <= '\ufe0f',
		r == '\ufeff', r == '\uffa0', r >= 0xe0000 && r <= 0xe0fff:
		return true
	}
	return false
}

// otherDigit reads the digits Unicode does not count as decimal digits
// but that read as one: superscripts, subscripts, circled and
// parenthesised digits (¹, ₂, ③, ⑷, ⒌, ⓪).
func otherDigit(r rune) (int, bool) {
	switch {
	case r == '\u2070', r == '\u2080', r == '\u24ea', r == '\u24ff':
		return 0, true
	case r == '\u00b9':
		return 1, true
	case r == '\u00b2', r == '\u00b3':
		return int(r-'\u00b2') + 2, true
	case r >= '\u2074' && r <= '\u2079':
		return int(r-'\u2074') + 4, true
	case r >= '\u2081' && r <= '\u2089':
		return int(r-'\u2081') + 1, true
	case r >= '\u2460' && r <= '\u2468': // ①–⑨
		return int(r-'\u2460') + 1, true
	case r >= '\u2474' && r <= '\u247c': // ⑴–⑼
		return int(r-'\u2474') + 1, true
	case r >= '\u2488' && r <= '\u2490': // ⒈–⒐
		return int(r-'\u2488') + 1, true
	case r >= '\u2776' && r <= '\u277e', r >= '\u2780' && r <= '\u2788', r >= '\u278a' && r <= '\u2792': // ❶ ➀ ➊
		return int((r-'\u2776')%10) + 1, true
	}
	return 0, false
}

// digitValue is the value of a decimal digit of any script: Unicode puts
// every script's digits in runs of ten that start at its zero, and each
// range of the Nd table starts at a zero.
func digitValue(r rune) int {
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}

// unfold moves findings in the folded text to the text as written: a
// finding starts where its first character was written and ends after
// the written character of its last byte.
func (f folded) unfold(written string, found []Finding) []Finding {
	for k := range found {
		start, end := found[k].Start, found[k].End
		if start >= end || end > len(f.text) {
			continue
		}
		last := f.written(end - 1)
		_, w := utf8.DecodeRuneInString(written[last:])
		found[k].Start, found[k].End = f.written(start), last+w
		found[k].Text = written[found[k].Start:found[k].End]
	}
	return found
}
