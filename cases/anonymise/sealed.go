package anonymise

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
)

// SealedState is a RedactorState in which every name, key and token is
// replaced by a keyed hash (HMAC-SHA256, truncated to 16 bytes, in hex), so
// that the numbering of a case can be stored without the names: it holds
// types, numbers and hashes only. A Redactor restored from it with the same
// key numbers later mentions as one restored from the plain state would.
//
// The hashes hide the names only while the key stays secret: whoever holds
// the key can hash every name of a name list and compare. Keep the key out of
// the database that stores the state.
type SealedState struct {
	Version  int            `json:"version"`
	Entities []SealedEntity `json:"entities"`
}

// SealedEntity is one numbered entity of a SealedState. Every string but
// Type is a hash; an absent value is "".
type SealedEntity struct {
	Type   Type     `json:"type"`
	Number int      `json:"number"`
	Keys   []string `json:"keys"`
	First  string   `json:"first,omitempty"`
	Last   string   `json:"last,omitempty"`
	// Known holds only the name parts that mark later mentions as names
	// (those knownNames keeps), decided at seal time: the restored state has
	// no words left to decide on, and the other parts are never compared.
	Known []string `json:"known,omitempty"`
	// The matching needs first letters: "J. Jansen" must have a first name
	// with a J, "JJ" must be Jan Jansen. A hashed single letter would be
	// guessed at once by anyone holding the key (some 26 values) and shows
	// which persons of a case share an initial. So no letter is hashed alone:
	// InitialLast is the first letter of the first name with the surname,
	// Abbrev the pair of letters an abbreviation is matched on (some 700
	// values; equal pairs show that two persons share both letters, which
	// we accept for matching "HY" in minutes).
	InitialLast string `json:"initial_last,omitempty"`
	Abbrev      string `json:"abbrev,omitempty"`
}

const (
	sealVersion = 1
	sealHashLen = 16
	// minKeyLen rejects an empty or toy key, which would make the hashes
	// as good as plain text.
	minKeyLen = 16
)

// The domains keep the kinds of value apart: a hashed surname cannot be
// compared with a hashed first name or key. Keys also carry their type.
const (
	domKey         = "leerlus/anonymise/sealed/v1/key/"
	domFirst       = "leerlus/anonymise/sealed/v1/first"
	domLast        = "leerlus/anonymise/sealed/v1/last"
	domKnown       = "leerlus/anonymise/sealed/v1/known"
	domInitialLast = "leerlus/anonymise/sealed/v1/initial-last"
	domAbbrev      = "leerlus/anonymise/sealed/v1/abbrev"
)

// sealer computes the keyed hashes. In a Redactor they are kept as the raw
// 16 bytes in a string (map keys stay small); hex is for the stored state.
// It is not safe for concurrent use, as the Redactor that holds it.
type sealer struct {
	key []byte
	mac hash.Hash
	buf []byte
	out []byte
}

func newSealer(key []byte) *sealer {
	return &sealer{key: bytes.Clone(key), mac: hmac.New(sha256.New, key)}
}

// sum returns the truncated hash of v in domain dom, valid until the next call.
func (s *sealer) sum(dom, v string) []byte {
	s.buf = append(append(append(s.buf[:0], dom...), 0), v...)
	s.mac.Reset()
	s.mac.Write(s.buf)
	s.out = s.mac.Sum(s.out[:0])
	return s.out[:sealHashLen]
}

// hash is sum as a string, and "" for "": the matching tells an absent first
// name or surname by "".
func (s *sealer) hash(dom, v string) string {
	if v == "" {
		return ""
	}
	return string(s.sum(dom, v))
}

func (s *sealer) keyOf(t Type, key string) string { return s.hash(domKey+string(t), key) }

// known hashes the name parts that spread (see knownNames), once each.
func (s *sealer) known(sc *Scanner, tokens []string) []string {
	var out []string
	for _, t := range tokens {
		if !spreads(t, sc.lx.lookup(t)) {
			continue
		}
		if h := s.hash(domKnown, t); !contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// initialLast hashes a first letter (one byte, as samePerson compares it)
// with a surname.
func (s *sealer) initialLast(initial byte, last string) string {
	if last == "" {
		return ""
	}
	return s.hash(domInitialLast, string([]byte{initial})+last)
}

// abbrev hashes the letters abbreviated compares: the first letter of the
// first name, or else of the first key (initials), and of the surname.
func (s *sealer) abbrev(first, key0, last string) string {
	a := first
	if a == "" {
		a = key0
	}
	if a == "" || last == "" {
		return ""
	}
	return s.hash(domAbbrev, string([]byte{a[0], last[0]}))
}

// name hashes the parts of a parsed mention, so that personNumber compares
// it with the hashed entities as it would compare plain ones.
func (s *sealer) name(sc *Scanner, p personName) personName {
	h := personName{
		sealed:   true,
		initials: p.initials, // only their number and the hash below are read
		key:      s.keyOf(Person, p.key),
		first:    s.hash(domFirst, p.first),
		last:     s.hash(domLast, p.last),
		tokens:   s.known(sc, p.tokens),
		abbrev:   s.abbrev(p.first, p.key, p.last),
	}
	switch {
	case len(p.initials) > 0:
		h.initLast = s.initialLast(p.initials[0], p.last)
	case p.first != "":
		h.initLast = s.initialLast(p.first[0], p.last)
	}
	return h
}

// sealNew fills the letter hashes of entity e made from the hashed mention p.
func sealNew(e *entity, p personName) {
	if p.first != "" {
		e.initLast = p.initLast
	}
	if p.key != "" {
		e.abbrev = p.abbrev
	}
}

// sealGrown updates the letter hashes after a mention p gave entity e its
// first name or surname. That happens only when p is a full name matching
// e, so afterwards e's first name and surname are p's and p's hashes hold.
func sealGrown(e *entity, p personName) {
	e.initLast = p.initLast
	if len(e.keys) > 0 && e.keys[0] != "" {
		e.abbrev = p.abbrev
	}
}

// entity returns the sealed form of a plain entity.
func (s *sealer) entity(sc *Scanner, e entity) entity {
	h := entity{typ: e.typ, num: e.num, keys: make([]string, len(e.keys))}
	for i, k := range e.keys {
		h.keys[i] = s.keyOf(e.typ, k)
	}
	if e.typ != Person {
		return h
	}
	h.first, h.last = s.hash(domFirst, e.first), s.hash(domLast, e.last)
	h.tokens = s.known(sc, e.tokens)
	if e.first != "" {
		h.initLast = s.initialLast(e.first[0], e.last)
	}
	if len(e.keys) > 0 && e.keys[0] != "" {
		h.abbrev = s.abbrev(e.first, e.keys[0], e.last)
	}
	return h
}

// sealedKnown answers knownNames' question for a sealed Redactor: the
// candidate word is hashed as the name parts were.
type sealedKnown struct {
	s   *sealer
	set map[string]bool
}

func (k sealedKnown) has(lw string) bool { return k.set[string(k.s.sum(domKnown, lw))] }

func (r *Redactor) sealedKnown() knownSet {
	var m map[string]bool
	for _, e := range r.entities {
		if e.typ != Person {
			continue
		}
		for _, t := range e.tokens {
			if m == nil {
				m = map[string]bool{}
			}
			m[t] = true
		}
	}
	if m == nil {
		return nil
	}
	return sealedKnown{r.seal, m}
}

// sealedAbbreviated is abbreviated for a sealed Redactor, a and z the
// lower-cased first and last letter of the abbreviation.
func (r *Redactor) sealedAbbreviated(a, z byte) int {
	q := r.seal.hash(domAbbrev, string([]byte{a, z}))
	found := -1
	for k, e := range r.entities {
		if e.typ != Person || e.abbrev != q {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = k
	}
	return found
}

// Seal returns the numbering state with every value hashed with key (at
// least 16 bytes; best 32 random bytes kept per installation). A Redactor
// from RestoreSealed holds hashes only and cannot hash them again, so it
// must be sealed with the key it was restored with. Seal panics on a short
// key or on another key than that: both are errors of the caller.
func (r *Redactor) Seal(key []byte) SealedState {
	if len(key) < minKeyLen {
		panic("anonymise: Seal with a key shorter than 16 bytes")
	}
	var s *sealer
	if r.seal == nil {
		s = newSealer(key)
	} else if !hmac.Equal(key, r.seal.key) {
		panic("anonymise: Seal with another key than the Redactor was restored with")
	}
	st := SealedState{Version: sealVersion, Entities: make([]SealedEntity, 0, len(r.entities))}
	for _, e := range r.entities {
		if s != nil {
			e = s.entity(r.s, e)
		}
		st.Entities = append(st.Entities, SealedEntity{
			Type: e.typ, Number: e.num, Keys: hexAll(e.keys), First: hexOf(e.first), Last: hexOf(e.last),
			Known: hexAll(e.tokens), InitialLast: hexOf(e.initLast), Abbrev: hexOf(e.abbrev),
		})
	}
	return st
}

// RestoreSealed returns a Redactor that continues the numbering in st and
// keeps every later mention hashed with key. The zero SealedState starts a
// new case. A state sealed with another key restores without error, but
// none of its entities matches a mention: their numbers stay taken and
// every name is numbered anew.
func (s *Scanner) RestoreSealed(key []byte, st SealedState) (*Redactor, error) {
	if len(key) < minKeyLen {
		return nil, errors.New("anonymise: restore sealed: key shorter than 16 bytes")
	}
	if st.Version != sealVersion && (st.Version != 0 || len(st.Entities) > 0) {
		return nil, fmt.Errorf("anonymise: restore sealed: version %d", st.Version)
	}
	r := s.NewRedactor()
	r.seal = newSealer(key)
	seen := map[string]bool{}
	for _, se := range st.Entities {
		if err := checkNumbered(seen, se.Type, se.Number); err != nil {
			return nil, err
		}
		e, err := unhexEntity(se)
		if err != nil {
			return nil, fmt.Errorf("anonymise: restore sealed: %s-%d: %w", se.Type, se.Number, err)
		}
		r.entities = append(r.entities, e)
		r.index(len(r.entities) - 1)
		r.next[e.typ] = max(r.next[e.typ], e.num)
	}
	return r, nil
}

// unhexEntity decodes se and rejects what Seal never writes, so that a
// damaged state fails here and not as silently wrong numbering.
func unhexEntity(se SealedEntity) (entity, error) {
	e := entity{typ: se.Type, num: se.Number}
	var err error
	if e.keys, err = unhexAll(se.Keys); err != nil {
		return e, err
	}
	if e.tokens, err = unhexAll(se.Known); err != nil {
		return e, err
	}
	for _, f := range []struct {
		to   *string
		from string
	}{{&e.first, se.First}, {&e.last, se.Last}, {&e.initLast, se.InitialLast}, {&e.abbrev, se.Abbrev}} {
		if *f.to, err = unhex(f.from); err != nil {
			return e, err
		}
	}
	if e.typ != Person && (e.first != "" || e.last != "" || len(e.tokens) > 0 || e.initLast != "" || e.abbrev != "") {
		return e, errors.New("name fields on an entity that is no person")
	}
	if e.abbrev != "" && (e.last == "" || len(e.keys) == 0 || e.keys[0] == "") {
		return e, errors.New("abbreviation without surname or key")
	}
	if e.initLast != "" && (e.first == "" || e.last == "") {
		return e, errors.New("initial without first name and surname")
	}
	return e, nil
}

func hexOf(h string) string {
	if h == "" {
		return ""
	}
	return hex.EncodeToString([]byte(h))
}

func hexAll(hs []string) []string {
	if hs == nil {
		return nil
	}
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = hexOf(h)
	}
	return out
}

func unhex(x string) (string, error) {
	if x == "" {
		return "", nil
	}
	b, err := hex.DecodeString(x)
	if err != nil || len(b) != sealHashLen {
		return "", fmt.Errorf("%q is no hash", x)
	}
	return string(b), nil
}

func unhexAll(xs []string) ([]string, error) {
	if xs == nil {
		return nil, nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		var err error
		if out[i], err = unhex(x); err != nil {
			return nil, err
		}
	}
	return out, nil
}
