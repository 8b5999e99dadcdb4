package anonymise

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Redactor replaces identifiers with numbered tags ([PERSOON-1]) and keeps
// the numbering of one case: the same entity gets the same number in every
// text of the case. A Redactor is not safe for concurrent use; the server
// keeps one per case and persists it with State, or without the names with
// Seal (sealed.go).
type Redactor struct {
	s        *Scanner
	entities []entity
	next     map[Type]int
	// Indexes into entities, so that long cases stay fast.
	byKey   map[string]int   // type + "\x00" + key
	byFirst map[string][]int // persons by first name
	byLast  map[string][]int // persons by surname
	// seal is set in a Redactor from RestoreSealed: then every entity holds
	// keyed hashes only, and each mention is hashed before it is compared.
	seal *sealer
}

// entity is one numbered person, address, date, … of the case.
type entity struct {
	typ    Type
	num    int
	keys   []string // normalised surface forms
	first  string   // persons: first name (lower case), if known
	last   string   // persons: surname without tussenvoegsels (lower case), if known
	tokens []string // persons: lower-case name parts
	// In a sealed Redactor keys, first, last and tokens are keyed hashes
	// (tokens only of the parts that spread, see knownNames), and these two
	// hold what samePerson and abbreviated otherwise read from the letters.
	initLast string
	abbrev   string
}

// RedactorState is the JSON-serialisable numbering state of a Redactor.
type RedactorState struct {
	Entities []EntityState `json:"entities"`
}

// EntityState is one numbered entity of a RedactorState.
type EntityState struct {
	Type   Type     `json:"type"`
	Number int      `json:"number"`
	Keys   []string `json:"keys"`
	First  string   `json:"first,omitempty"`
	Last   string   `json:"last,omitempty"`
	Tokens []string `json:"tokens,omitempty"`
}

// NewRedactor returns a Redactor with empty numbering, for a new case.
func (s *Scanner) NewRedactor() *Redactor {
	return &Redactor{s: s, next: map[Type]int{}, byKey: map[string]int{}, byFirst: map[string][]int{}, byLast: map[string][]int{}}
}

// index records entity k in the indexes.
func (r *Redactor) index(k int) {
	e := r.entities[k]
	for _, key := range e.keys {
		if _, ok := r.byKey[string(e.typ)+"\x00"+key]; !ok {
			r.byKey[string(e.typ)+"\x00"+key] = k
		}
	}
	if e.typ == Person {
		if e.first != "" && !slices.Contains(r.byFirst[e.first], k) {
			r.byFirst[e.first] = append(r.byFirst[e.first], k)
		}
		if e.last != "" && !slices.Contains(r.byLast[e.last], k) {
			r.byLast[e.last] = append(r.byLast[e.last], k)
		}
	}
}

// RestoreRedactor returns a Redactor that continues the numbering in st.
func (s *Scanner) RestoreRedactor(st RedactorState) (*Redactor, error) {
	r := s.NewRedactor()
	seen := map[string]bool{}
	for _, e := range st.Entities {
		if err := checkNumbered(seen, e.Type, e.Number); err != nil {
			return nil, err
		}
		r.entities = append(r.entities, entity{typ: e.Type, num: e.Number, keys: e.Keys, first: e.First, last: e.Last, tokens: e.Tokens})
		r.index(len(r.entities) - 1)
		r.next[e.Type] = max(r.next[e.Type], e.Number)
	}
	return r, nil
}

// checkNumbered rejects an unknown type, a number below 1 and a number
// given twice (seen holds the ones given before).
func checkNumbered(seen map[string]bool, t Type, n int) error {
	if t.Tag() == "" {
		return fmt.Errorf("anonymise: restore: unknown type %q", t)
	}
	if n < 1 {
		return fmt.Errorf("anonymise: restore: %s number %d", t, n)
	}
	id := string(t) + "-" + strconv.Itoa(n)
	if seen[id] {
		return fmt.Errorf("anonymise: restore: duplicate %s", id)
	}
	seen[id] = true
	return nil
}

// State returns the numbering state, to be stored with the case. Of a
// Redactor from RestoreSealed it holds raw hashes: store that one with Seal.
func (r *Redactor) State() RedactorState {
	st := RedactorState{Entities: make([]EntityState, 0, len(r.entities))}
	for _, e := range r.entities {
		st.Entities = append(st.Entities, EntityState{Type: e.typ, Number: e.num, Keys: e.keys, First: e.first, Last: e.last, Tokens: e.tokens})
	}
	return st
}

// Redact replaces every finding in text with its tag and returns the
// redacted text and the findings (offsets into the original text). Tags
// already in the text are kept, so redacting a redacted text changes nothing.
func (r *Redactor) Redact(text string) (string, []Finding) {
	known := r.knownNames()
	findings := r.s.scan(text, known)
	out := r.apply(text, findings)
	// Replacing a span can change the context of what is left ("de heer
	// [PERSOON-1]"); scan again until nothing new is found, so that a second
	// Redact is a no-op. Findings of later rounds are mapped back.
	for round := 0; round < 3; round++ {
		// The names numbered just now count as known, as they will in the
		// next call.
		more := r.s.scan(out, r.knownNames())
		if len(more) == 0 {
			break
		}
		mapped := mapBack(text, out, findings, more)
		if len(mapped) == 0 {
			break
		}
		findings = mergeFindings(findings, mapped)
		out = r.apply(text, findings)
	}
	return out, findings
}

// apply writes text with every finding replaced by its numbered tag.
func (r *Redactor) apply(text string, findings []Finding) string {
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, f := range findings {
		b.WriteString(text[last:f.Start])
		fmt.Fprintf(&b, "[%s-%d]", f.Type.Tag(), r.number(f))
		last = f.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// mapBack translates findings in the redacted text out (made from text with
// findings replaced) into offsets of text. Findings that overlap a tag are
// dropped.
func mapBack(text, out string, findings, more []Finding) []Finding {
	type seg struct{ outStart, outEnd, inStart int }
	var segs []seg // stretches of out copied unchanged from text
	inPos, outPos := 0, 0
	for _, f := range findings {
		n := f.Start - inPos
		segs = append(segs, seg{outPos, outPos + n, inPos})
		outPos += n
		// Skip the tag in out.
		end := strings.IndexByte(out[outPos:], ']')
		if end < 0 {
			return nil
		}
		outPos += end + 1
		inPos = f.End
	}
	segs = append(segs, seg{outPos, len(out), inPos})
	var res []Finding
	for _, m := range more {
		for _, sg := range segs {
			if m.Start >= sg.outStart && m.End <= sg.outEnd {
				s := sg.inStart + m.Start - sg.outStart
				e := s + m.End - m.Start
				if e <= len(text) && text[s:e] == m.Text {
					m.Start, m.End = s, e
					res = append(res, m)
				}
				break
			}
		}
	}
	return res
}

func mergeFindings(a, b []Finding) []Finding {
	all := append(append([]Finding(nil), a...), b...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	out := all[:0]
	last := -1
	for _, f := range all {
		if f.Start < last {
			continue
		}
		out = append(out, f)
		last = f.End
	}
	return out
}

// knownSet tells the scanner whether a lower-case word is a name part of
// the case's persons. It is an interface so that a sealed Redactor can
// answer from hashes (sealedKnown).
type knownSet interface {
	has(lw string) bool
}

type plainKnown map[string]bool

func (m plainKnown) has(lw string) bool { return m[lw] }

// knownNames returns the lower-case name parts of the persons of the case,
// or nil when there are none.
func (r *Redactor) knownNames() knownSet {
	if r.seal != nil {
		return r.sealedKnown()
	}
	var m map[string]bool
	for _, e := range r.entities {
		if e.typ != Person {
			continue
		}
		for _, t := range e.tokens {
			if !spreads(t, r.s.lx.lookup(t)) {
				continue
			}
			if m == nil {
				m = map[string]bool{}
			}
			m[t] = true
		}
	}
	if m == nil {
		return nil // not a nil map in a non-nil interface
	}
	return plainKnown(m)
}

// number returns the case-wide number of the entity f refers to, adding a
// new entity when it is the first mention.
func (r *Redactor) number(f Finding) int {
	if f.Type == Person {
		return r.personNumber(f.Text)
	}
	key := normalise(f.Type, f.Text)
	if r.seal != nil {
		key = r.seal.keyOf(f.Type, key)
	}
	if k, ok := r.byKey[string(f.Type)+"\x00"+key]; ok {
		return r.entities[k].num
	}
	return r.newEntity(entity{typ: f.Type, keys: []string{key}})
}

func (r *Redactor) newEntity(e entity) int {
	r.next[e.typ]++
	e.num = r.next[e.typ]
	r.entities = append(r.entities, e)
	r.index(len(r.entities) - 1)
	return e.num
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// normalise folds case and drops spaces and punctuation, so "06-1234 5678"
// and "0612345678" are one phone number.
func normalise(t Type, s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		} else if t != Phone && t != BSN && t != IBAN && t != Postcode && t != LicensePlate && unicode.IsSpace(c) {
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// personName splits a person mention into initials, first name, surname
// (without tussenvoegsels) and all name parts, in lower case.
type personName struct {
	key      string
	initials []byte
	first    string
	last     string
	tokens   []string
	// Set by sealer.name, which hashes the fields above except initials.
	sealed   bool
	initLast string
	abbrev   string
}

func (r *Redactor) parseName(text string) personName {
	p := personName{key: normalise(Person, text)}
	toks := tokenize(text)
	var words []string
	for i, t := range toks {
		if t.kind != tWord {
			continue
		}
		w := strings.ToLower(text[t.start:t.end])
		if t.upper && t.end-t.start == 1 && i+1 < len(toks) && toks[i+1].kind == tPunct && text[toks[i+1].start] == '.' {
			p.initials = append(p.initials, w[0])
			continue
		}
		if r.s.lx.lookup(w)&fTV != 0 && i+1 < len(toks) {
			continue
		}
		words = append(words, w)
	}
	// A possessive -s (Ahmeds) names the same person as Ahmed.
	for i, w := range words {
		if strings.HasSuffix(w, "s") && len(w) > 3 && r.s.lx.lookup(w)&(fFirst|fSur) == 0 {
			if r.s.lx.lookup(w[:len(w)-1])&(fFirst|fSur) != 0 {
				words[i] = w[:len(w)-1]
			}
		}
	}
	p.tokens = words
	switch {
	case len(words) == 0:
	case len(p.initials) > 0:
		p.last = words[len(words)-1]
	case len(words) == 1:
		if r.s.lx.lookup(words[0])&fFirst != 0 || r.s.lx.lookup(words[0])&fSur == 0 {
			p.first = words[0]
		} else {
			p.last = words[0]
		}
	default:
		p.first = words[0]
		p.last = words[len(words)-1]
	}
	return p
}

// personNumber links a person mention to an earlier one when it is clearly
// the same person: "Jan Jansen", later "Jan", "J. Jansen", "Jansen".
func (r *Redactor) personNumber(text string) int {
	p := r.parseName(text)
	if r.seal != nil {
		p = r.seal.name(r.s, p)
	}
	if k, ok := r.byKey[string(Person)+"\x00"+p.key]; ok {
		return r.entities[k].num
	}
	var match []int
	for _, cands := range [][]int{r.byFirst[p.first], r.byLast[p.last], r.byFirst[p.last], r.byLast[p.first]} {
		for _, k := range cands {
			if !slices.Contains(match, k) && samePerson(p, r.entities[k]) {
				match = append(match, k)
			}
		}
	}
	if len(match) == 1 {
		e := &r.entities[match[0]]
		e.keys = append(e.keys, p.key)
		grown := e.first == "" && p.first != "" || e.last == "" && p.last != ""
		if e.first == "" {
			e.first = p.first
		}
		if e.last == "" {
			e.last = p.last
		}
		if grown && p.sealed {
			sealGrown(e, p)
		}
		for _, t := range p.tokens {
			if !contains(e.tokens, t) {
				e.tokens = append(e.tokens, t)
			}
		}
		r.index(match[0])
		return e.num
	}
	if k := r.abbreviated(text); k >= 0 {
		// "HY" in minutes after "Hatice Yıldız (HY, …)": the same person.
		r.entities[k].keys = append(r.entities[k].keys, p.key)
		r.byKey[string(Person)+"\x00"+p.key] = k
		return r.entities[k].num
	}
	e := entity{typ: Person, keys: []string{p.key}, first: p.first, last: p.last, tokens: p.tokens}
	if p.sealed {
		sealNew(&e, p)
	}
	return r.newEntity(e)
}

// abbreviated returns the one person entity whose first and last name
// start with the first and last letter of the initials text ("HY", "JvD",
// "JWK"), or -1 when text is no such abbreviation or several match.
func (r *Redactor) abbreviated(text string) int {
	if len(text) < 2 || len(text) > 5 || !isASCII(text) || text[0] < 'A' || text[0] > 'Z' || text[len(text)-1] < 'A' || text[len(text)-1] > 'Z' {
		return -1
	}
	a, z := text[0]|0x20, text[len(text)-1]|0x20
	if r.seal != nil {
		return r.sealedAbbreviated(a, z)
	}
	found := -1
	for k, e := range r.entities {
		if e.typ != Person || e.last == "" || len(e.keys) == 0 || e.keys[0] == "" {
			continue
		}
		// The first letter of the first name, or of the initials ("p. schouteten").
		first := e.keys[0][0]
		if e.first != "" {
			first = e.first[0]
		}
		if first != a || e.last[0] != z {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = k
	}
	return found
}

func samePerson(p personName, e entity) bool {
	switch {
	case p.first != "" && p.last != "":
		// Full name: same as an entity with that full name or with only that
		// first name or only that surname.
		return (e.first == p.first || e.first == "") && (e.last == p.last || e.last == "") && (e.first != "" || e.last != "")
	case len(p.initials) > 0:
		if p.sealed {
			return e.last == p.last && (e.first == "" || e.initLast == p.initLast)
		}
		return e.last == p.last && (e.first == "" || e.first[0] == p.initials[0])
	case p.first != "":
		return e.first == p.first
	case p.last != "":
		return e.last == p.last
	}
	return false
}
