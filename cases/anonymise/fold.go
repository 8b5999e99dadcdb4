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
		r, w := utf8.DecodeRuneInString(text[i:])
		repl, keep := foldRune(r)
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

// needsFold reports whether text holds a character foldRune changes.
func needsFold(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < utf8.RuneSelf {
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if repl, keep := foldRune(r); !keep || repl >= 0 {
			return true
		}
		i += w - 1
	}
	return false
}

// foldRune tells what a character is read as: an ASCII byte (repl ≥ 0),
// nothing (keep false: an invisible character), or itself (repl < 0).
func foldRune(r rune) (repl int, keep bool) {
	switch {
	case r < utf8.RuneSelf:
		return -1, true
	case r == '\u00ad', r >= '\u200b' && r <= '\u200f', r == '\u2060', r == '\ufeff', r == '\u180e',
		r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		// Soft hyphen, zero-width characters, word joiner, byte-order
		// mark and the direction marks and overrides: nothing to see.
		return -1, false
	case r >= '\uff01' && r <= '\uff5e':
		return int(r - 0xfee0), true // full-width ASCII: １２３, ＠, Ａ
	case r >= '\u2010' && r <= '\u2013', r == '\u2212', r == '\ufe63':
		return '-', true // hyphens, figure and en dash, minus sign
	case r == '\ufe6b':
		return '@', true // small commercial at
	case r == '\u00a0', r >= '\u2000' && r <= '\u200a', r == '\u202f', r == '\u3000':
		return ' ', true // no-break, fixed-width and ideographic spaces
	case unicode.IsDigit(r):
		return '0' + digitValue(r), true // Arabic-Indic ٣, Devanagari ३, …
	}
	return -1, true
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
