package anonymise

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Scanner finds identifiers in text. It is immutable after New and safe for
// concurrent use by many goroutines.
type Scanner struct {
	lx   *lexicon
	bufs sync.Pool // of *scanBuf, reused between Scan calls to spare the GC
}

// scanBuf holds the per-call slices of a Scan.
type scanBuf struct {
	toks  []token
	lower []byte    // backs doc.lower; no string sliced from it outlives the Scan
	found []Finding // the candidates; result copies the kept ones out
}

// New loads the embedded lookup lists and returns a ready Scanner. Build one
// per process and share it.
func New() (*Scanner, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Scanner{lx: lx}, nil
}

// Scan returns the identifiers in text, sorted by Start and non-overlapping.
// Offsets are UTF-8 byte offsets, End exclusive. Text that is already
// redacted ([PERSOON-1]) is left alone. Scan never panics, also not on
// invalid UTF-8; validate input at the boundary with Check.
func (s *Scanner) Scan(text string) []Finding {
	return s.scan(text, nil)
}

// doc is the working state of one Scan call.
type doc struct {
	s     *Scanner
	text  string
	toks  []token
	lower string // text lower-cased with the same byte offsets: low(i) slices it
	found []Finding
	count struct {
		nums, caps, brackets, phrases, instTypes, places int
		speakers, platforms                              int // chat lines ("naïsha:"), app names ("snap")
	}
	known    knownSet        // name parts of the case's persons, nil if none (read only)
	local    []string        // lower-cased name parts of persons found in this text
	localSet map[string]bool // the same, once there are many
	abbrevs  []string        // initials minutes defined for a person ("HY"), matched case-sensitively
}

func (s *Scanner) scan(text string, known knownSet) []Finding {
	if f, ok := foldText(text); ok {
		return f.unfold(text, s.scanText(f.text, known))
	}
	return s.scanText(text, known)
}

func (s *Scanner) scanText(text string, known knownSet) []Finding {
	buf, _ := s.bufs.Get().(*scanBuf)
	if buf == nil {
		buf = &scanBuf{}
	}
	defer func() {
		// Keep small buffers only: one huge text must not pin memory.
		if cap(buf.toks) <= 1<<16 && cap(buf.lower) <= 1<<18 && cap(buf.found) <= 1<<12 {
			s.bufs.Put(buf)
		}
	}()
	d := &doc{s: s, text: text, toks: tokenizeInto(buf.toks, text), known: known, found: buf.found[:0]}
	buf.toks = d.toks
	defer func() { buf.found = d.found[:0] }()
	d.lower, buf.lower = lowerSameLength(text, buf.lower)
	d.prepare()
	// Passes that cannot match are skipped: most short texts hold no
	// number, no list phrase and no institution type word.
	if d.count.brackets > 0 {
		d.findTags()
	}
	d.findEmailsAndURLs()
	if d.count.nums+d.count.caps > 0 {
		d.findPatterns()
	}
	if d.count.phrases > 0 {
		d.findPhrases()
	}
	if d.count.instTypes > 0 {
		d.findInstitutionTypes()
	}
	if d.count.nums > 0 {
		d.findAddresses()
	}
	d.findPersons()
	if d.count.caps+d.count.places > 0 {
		d.findPlacesAndInstitutions()
	}
	if d.count.nums > 0 {
		d.findAges()
	}
	d.findAgeWords()
	return d.result()
}

// prepare lower-cases the words, looks up their flags and marks sentence starts.
func (d *doc) prepare() {
	lower := d.lower
	sent := true
	for i := range d.toks {
		t := &d.toks[i]
		if t.newline {
			sent = true
		}
		if t.kind == tWord {
			w := lower[t.start:t.end]
			t.flags = d.s.lx.tokenFlags(w, t.lower)
			if t.upper || t.allUpper {
				d.count.caps++
			}
			if t.lower && t.flags&fPlace != 0 {
				d.count.places++
			}
			if t.flags&fPhrase != 0 {
				d.count.phrases++
			}
			if t.upper && len(w) >= 5 && organisationEndings.match(w, 2) {
				t.flags |= fOrgEnd
			}
			if t.upper && len(w) >= 7 { // the shortest: a two-letter stem and "huis"
				if t.flags&fInstType == 0 && instTypeCompound(w) {
					t.flags |= fInstType // "Kinderpraktijk Zonnebloem"
				}
				if t.flags&fInstTail == 0 && instTailCompound(w) {
					t.flags |= fInstTail // "Amstelveense Montessorischool"
				}
			}
			if t.flags&fInstType != 0 {
				d.count.instTypes++
			}
			if sent && (i == 0 || t.newline) && d.punct(i+1, ':') {
				d.count.speakers++
			}
			if platformWord(w) {
				d.count.platforms++
			}
			t.sent = sent
			sent = false
			continue
		}
		if t.kind == tNum {
			d.count.nums++
		}
		if t.kind == tPunct {
			if d.text[t.start] == '[' {
				d.count.brackets++
			}
			switch d.text[t.start] {
			case '.', '!', '?', ':', ';', '"', '(', '-', '*', '>', '\'':
				// A quote, bracket, dash or bullet keeps the sentence start
				// of what precedes it; a full stop or colon starts one.
				if c := d.text[t.start]; c == '.' || c == '!' || c == '?' || c == ':' || c == ';' {
					sent = true
				}
			default:
				if strings.HasPrefix(d.text[t.start:], "•") || strings.HasPrefix(d.text[t.start:], "–") ||
					strings.HasPrefix(d.text[t.start:], "‘") || strings.HasPrefix(d.text[t.start:], "“") {
					continue
				}
				sent = false
			}
			continue
		}
		sent = false
	}
}

// lowerSameLength lower-cases s into buf, leaving any rune whose lower
// case has another length as it is, so that byte offsets stay valid. It
// returns the lower-cased text, which shares buf's memory, and buf for
// reuse. The caller must not keep the string after buf is reused.
func lowerSameLength(s string, buf []byte) (string, []byte) {
	hasUpper := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			hasUpper = true
			break
		}
	}
	if !hasUpper {
		return s, buf
	}
	if cap(buf) < len(s) {
		buf = make([]byte, len(s))
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if lr := unicode.ToLower(r); lr != r && utf8.RuneLen(lr) == n {
			utf8.EncodeRune(b[i:], lr)
		} else {
			copy(b[i:i+n], s[i:i+n])
		}
		i += n
	}
	// b is not written again while the Scan runs: share it, do not copy.
	return unsafe.String(&b[0], len(b)), buf
}

// typeIndex returns t's index in Types plus one (0 for none).
func typeIndex(t Type) uint8 {
	for i, x := range Types {
		if x == t {
			return uint8(i + 1)
		}
	}
	return 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// add records a finding over tokens [i, j] inclusive and marks them used.
func (d *doc) add(typ Type, i, j int, conf float64) {
	start, end := d.toks[i].start, d.toks[j].end
	d.found = append(d.found, Finding{Type: typ, Start: start, End: end, Text: d.text[start:end], Confidence: conf})
	ti := typeIndex(typ)
	for k := i; k <= j; k++ {
		d.toks[k].used = true
		if d.toks[k].kind != tTag {
			d.toks[k].typ = ti
		}
	}
}

// addBytes records a finding over text[start:end] and marks the tokens it
// touches used.
func (d *doc) addBytes(typ Type, start, end int, conf float64) {
	if start >= end {
		return
	}
	d.found = append(d.found, Finding{Type: typ, Start: start, End: end, Text: d.text[start:end], Confidence: conf})
	d.mark(start, end, typ)
}

func (d *doc) markUsed(start, end int) { d.mark(start, end, "") }

func (d *doc) mark(start, end int, typ Type) {
	i, _ := slices.BinarySearchFunc(d.toks, start, func(t token, off int) int { return t.end - 1 - off })
	for ; i < len(d.toks) && d.toks[i].start < end; i++ {
		d.toks[i].used = true
		if d.toks[i].kind != tTag {
			d.toks[i].typ = typeIndex(typ)
		}
	}
}

// low returns the lower-cased word of token i, or "" for a token that is
// no word. Slicing the lower-cased text spares a []string per token, which
// the garbage collector would have to scan.
func (d *doc) low(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	if t := &d.toks[i]; t.kind == tWord {
		return d.lower[t.start:t.end]
	}
	return ""
}

// resolve completes the flags of word token i when they were left lazy.
func (d *doc) resolve(i int) {
	if t := &d.toks[i]; t.flags&fLazy != 0 {
		t.flags = d.s.lx.lookup(d.low(i))
	}
}

// free reports whether token i exists and is not yet part of a finding.
func (d *doc) free(i int) bool { return i >= 0 && i < len(d.toks) && !d.toks[i].used }

// punct reports whether token i is the punctuation byte c.
func (d *doc) punct(i int, c byte) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == tPunct && d.text[d.toks[i].start] == c
}

// punctStr reports whether token i is the punctuation rune written as p.
func (d *doc) punctStr(i int, p string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == tPunct && d.text[d.toks[i].start:d.toks[i].end] == p
}

// adjacent reports whether token i+1 follows token i without whitespace.
func (d *doc) adjacent(i int) bool {
	return i >= 0 && i+1 < len(d.toks) && d.toks[i+1].start == d.toks[i].end
}

func (d *doc) word(i int) bool { return i >= 0 && i < len(d.toks) && d.toks[i].kind == tWord }

func (d *doc) flag(i int, f uint32) bool { return d.word(i) && d.toks[i].flags&f != 0 }

// result sorts the findings and drops overlaps, keeping the earliest and
// then the longest.
func (d *doc) result() []Finding {
	f := d.found
	if len(f) == 0 {
		return nil
	}
	if len(f) < 256 {
		slices.SortFunc(f, func(a, b Finding) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return (b.End - b.Start) - (a.End - a.Start)
		})
		n, last := 0, -1
		for _, x := range f {
			if x.Start >= last {
				f[n] = x
				n++
				last = x.End
			}
		}
		// f is the pooled buffer: hand the caller a copy of its own.
		return slices.Clone(f[:n])
	}
	// Long texts sort packed integer keys: sorting the 56-byte findings
	// themselves took a tenth of the scan time.
	keys := make([]uint64, len(f))
	for i, x := range f {
		keys[i] = uint64(x.Start)<<32 | uint64(i)
	}
	slices.Sort(keys)
	out := make([]Finding, 0, len(f))
	last := -1
	for _, k := range keys {
		x := f[uint32(k)]
		if n := len(out); n > 0 && x.Start == out[n-1].Start {
			// Of candidates starting together the longest wins.
			if x.End > out[n-1].End {
				out[n-1] = x
				last = x.End
			}
			continue
		}
		if x.Start < last {
			continue
		}
		out = append(out, x)
		last = x.End
	}
	return out
}
