package anonymise

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

var (
	sealKey  = []byte("sealed-test-key-0123456789abcdef")
	otherKey = []byte("another-test-key-0123456789abcde")
)

// sealedCases are sequences of texts of one case. Each starts with someone
// or something else first, so that a later match gets a number a fresh
// Redactor would not give: every sequence depends on the restored state.
var sealedCases = []struct {
	name  string
	texts []string
}{
	{"full name, first name, initials, surname", []string{
		"Sanne belde. Casus: Jan de Boer (15) woont in Sneek.", "Jan belde gisteren.", "J. de Boer kwam niet.",
		"De Boer zei dat het goed ging.", "Volgens JdB gaat het beter.", "Jans moeder belde."}},
	{"abbreviation ambiguous across texts", []string{
		"Overleg met Hanna Yilmaz en Hatice Yıldız.", "Aanwezig: Hatice Yıldız (HY, psycholoog)\nHY: geen ASS."}},
	{"abbreviation after the surname came first", []string{
		"Sanne belde. Jansen ook.", "Piet Jansen kwam langs.", "P. Jansen tekende.", "Volgens PdJ en PJ gaat het goed.", "Piet ook."}},
	{"abbreviation after the first name came first", []string{
		"Sanne belde. Piet ook.", "Piet de Jong kwam langs.", "P. de Jong tekende.", "Volgens PdJ gaat het goed."}},
	{"abbreviation from initials", []string{
		"Sanne belde. Mw. P. Schouteten ook.", "Volgens PtS gaat het goed.", "Pieternel Schouteten kwam.", "Pieternel ook."}},
	{"same first name twice", []string{
		"Sanne Visser en Sanne Bakker.", "Sanne belde.", "Visser en Bakker.", "S. Visser tekende.", "S. Bakker ook."}},
	{"known surname that is a word", []string{
		"Sanne belde. Mevrouw Zwart belde over haar zoon.", "Zwart zei dat het goed ging.", "Daarna kwam Zwart weer."}},
	{"known name in lower case and possessive", []string{
		"Sanne belde. Fatima Achahbar (16) belde.", "fatima zei dat achahbar niet kwam.", "Achahbars moeder belde.", "Ahmed en Ahmeds broer."}},
	{"diacritics and particles", []string{
		"Sanne belde. Özlem Yılmaz (9) en Noor van 't Hof.", "Özlem belde Noor.", "Yılmaz en Van 't Hof.", "özlem en noor", "Hofstede belde Noor."}},
	{"phone numbers written differently", []string{
		"Bel 06-12345678 of 020-1234567.", "Bel 020 123 4567.", "Nummer: 0612345678, ook +31 6 12345678.", "Of 06 1234 5678."}},
	{"addresses", []string{
		"Woont op Lindelaan 4b, 8531 HM Lemmer.", "Nu Tjalk 15, Workum. Eerder Lindelaan 4b.", "Post naar 8531HM, Lindelaan 4B."}},
	{"e-mail, dates, BSN and IBAN", []string{
		"Mail k.smit@gmail.com. Geboren 3 februari 2010, BSN 209652172.", "Gesprek op 12-03-2024, mail K.Smit@Gmail.com.",
		"Geboren 3 februari 2010, gesprek op 12-03-2024. IBAN NL50 RABO 1440 9749 92, BSN 209652172."}},
}

// jsonRound passes st through JSON, as the server stores it.
func jsonRound(t *testing.T, st SealedState) SealedState {
	t.Helper()
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var out SealedState
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func restoreSealed(t *testing.T, key []byte, st SealedState) *Redactor {
	t.Helper()
	r, err := scanner(t).RestoreSealed(key, jsonRound(t, st))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// checkSealedLikePlain redacts texts as one case three ways: with one plain
// Redactor; restoring before each text the seal of that plain Redactor; and
// restoring before each text the seal of the previous sealed Redactor, as
// the server does. All must give the same text and findings, and the last
// sealed states must be equal. It returns how many texts a fresh Redactor
// would have redacted differently, that is, how many the state decided.
func checkSealedLikePlain(t *testing.T, texts []string) (stateful int) {
	t.Helper()
	s := scanner(t)
	plain := s.NewRedactor()
	var chain SealedState
	for i, text := range texts {
		fromPlain := restoreSealed(t, sealKey, plain.Seal(sealKey))
		want, wantF := plain.Redact(text)
		for _, way := range []struct {
			name string
			r    *Redactor
		}{{"from plain", fromPlain}, {"sealed chain", restoreSealed(t, sealKey, chain)}} {
			got, gotF := way.r.Redact(text)
			if got != want || !reflect.DeepEqual(gotF, wantF) {
				t.Errorf("text %d, %s:\n got %q %q\nwant %q %q", i, way.name, got, spans(gotF), want, spans(wantF))
			}
			if way.name == "sealed chain" {
				chain = way.r.Seal(sealKey)
			}
		}
		if fresh, _ := s.NewRedactor().Redact(text); fresh != want {
			stateful++
		}
	}
	if final := plain.Seal(sealKey); !reflect.DeepEqual(jsonRound(t, final), jsonRound(t, chain)) {
		t.Errorf("the seal of the plain Redactor differs from the sealed chain's state:\n%+v\n%+v", final, chain)
	}
	return stateful
}

func TestSealedNumberingMatchesPlain(t *testing.T) {
	for _, tc := range sealedCases {
		t.Run(tc.name, func(t *testing.T) {
			if checkSealedLikePlain(t, tc.texts) == 0 {
				t.Error("no text depends on the state of the case, so restoring is not tested")
			}
		})
	}
}

// TestSealedNumberingMatchesPlainOnLabelledSets takes each labelled set as
// one long case: hundreds of persons, many sharing first names or surnames.
func TestSealedNumberingMatchesPlainOnLabelledSets(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.jsonl")
	if len(paths) == 0 {
		t.Fatal("no labelled sets in testdata: they ship with the repository")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var texts []string
			for _, lt := range loadSet(t, path) {
				texts = append(texts, lt.Text)
			}
			if checkSealedLikePlain(t, texts) == 0 {
				t.Error("no text depends on the state of the case")
			}
		})
	}
}

// TestSealedStateHoldsNoText checks that the stored JSON holds only types,
// numbers and hashes, none of the words of the findings, and that the hashes
// depend on the key (so they are no plain encoding of the words).
func TestSealedStateHoldsNoText(t *testing.T) {
	s := scanner(t)
	for _, tc := range sealedCases {
		t.Run(tc.name, func(t *testing.T) {
			r := s.NewRedactor()
			var words []string
			for _, text := range tc.texts {
				_, fs := r.Redact(text)
				for _, f := range fs {
					words = append(words, findingWords(f.Text)...)
				}
			}
			if len(words) == 0 {
				t.Fatal("no findings")
			}
			b, err := json.Marshal(r.Seal(sealKey))
			if err != nil {
				t.Fatal(err)
			}
			values := sealedValues(t, b)
			lower := strings.ToLower(string(b))
			for _, w := range words {
				// A short word of hex digits ("de", "14") turns up by chance
				// in random hex, so it is only compared with whole values,
				// which the shape check already keeps from being words.
				if isHex(w) && len(w) < 8 {
					if values[w] {
						t.Errorf("%q is a value of the state", w)
					}
				} else if strings.Contains(lower, w) {
					t.Errorf("the state holds %q:\n%s", w, b)
				}
			}
			other, _ := json.Marshal(r.Seal(otherKey))
			for v := range sealedValues(t, other) {
				if values[v] {
					t.Errorf("hash %s is the same under another key", v)
				}
			}
		})
	}
}

// findingWords returns the lower-case words of two letters or digits or
// more of a finding's text, and its digits run together ("0612345678").
func findingWords(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })
	var out []string
	for _, w := range words {
		if len([]rune(w)) >= 2 {
			out = append(out, w)
		}
	}
	digits := strings.Map(func(c rune) rune {
		if unicode.IsDigit(c) {
			return c
		}
		return -1
	}, text)
	if len(digits) >= 2 {
		out = append(out, digits)
	}
	return out
}

// sealedValues checks the shape of a sealed state's JSON: known field names,
// a known type, whole numbers, and otherwise only 32 hex digits. It
// returns the hashes.
func sealedValues(t *testing.T, b []byte) map[string]bool {
	t.Helper()
	var st struct {
		Version  int              `json:"version"`
		Entities []map[string]any `json:"entities"`
	}
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	hashes := map[string]bool{}
	hashValue := func(field string, v any) {
		if h, ok := v.(string); !ok || len(h) != 32 || !isHex(h) {
			t.Errorf("%s: %v is no hash", field, v)
			return
		}
		hashes[v.(string)] = true
	}
	for _, e := range st.Entities {
		for field, v := range e {
			switch field {
			case "type":
				if typ, ok := v.(string); !ok || Type(typ).Tag() == "" {
					t.Errorf("type %v", v)
				}
			case "number":
				if n, ok := v.(float64); !ok || n != float64(int(n)) {
					t.Errorf("number %v", v)
				}
			case "first", "last", "initial_last", "abbrev":
				hashValue(field, v)
			case "keys", "known":
				list, _ := v.([]any)
				if len(list) == 0 {
					t.Errorf("%s: %v", field, v)
				}
				for _, h := range list {
					hashValue(field, h)
				}
			default:
				t.Errorf("unknown field %q", field)
			}
		}
	}
	return hashes
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// TestSealedHashesKeepKindsApart hashes one value as every kind: equal
// hashes may only ever mean equal values of one kind.
func TestSealedHashesKeepKindsApart(t *testing.T) {
	s := newSealer(sealKey)
	hashes := map[string]string{
		"first":         s.hash(domFirst, "jo"),
		"last":          s.hash(domLast, "jo"),
		"known":         s.hash(domKnown, "jo"),
		"person key":    s.keyOf(Person, "jo"),
		"place key":     s.keyOf(Place, "jo"),
		"initial, last": s.initialLast('j', "o"),
		"abbreviation":  s.abbrev("j", "", "o"),
	}
	seen := map[string]string{}
	for kind, h := range hashes {
		if len(h) != sealHashLen {
			t.Errorf("%s: %d bytes", kind, len(h))
		}
		if other, ok := seen[h]; ok {
			t.Errorf("%s and %s hash alike", kind, other)
		}
		seen[h] = kind
	}
	if again := newSealer(sealKey).hash(domFirst, "jo"); again != hashes["first"] {
		t.Error("the same key hashed a first name differently")
	}
}

func TestSealedStateUnderAnotherKey(t *testing.T) {
	s := scanner(t)
	r := s.NewRedactor()
	r.Redact("Sanne Visser belde op 06-12345678.")
	st := r.Seal(sealKey)
	for _, tc := range []struct {
		name string
		key  []byte
		want string
	}{
		{"same key", sealKey, "[PERSOON-1] belde met [PERSOON-2]. [PERSOON-1] gaf [TELEFOON-1]."},
		{"another key", otherKey, "[PERSOON-2] belde met [PERSOON-3]. [PERSOON-2] gaf [TELEFOON-2]."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := restoreSealed(t, tc.key, st)
			got, _ := r.Redact("Sanne Visser belde met Piet. Sanne gaf 06 1234 5678.")
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestRestoreSealedRejects(t *testing.T) {
	s := scanner(t)
	r := s.NewRedactor()
	r.Redact("Sanne Visser belde op 06-12345678.")
	good := r.Seal(sealKey)
	person, phone := good.Entities[0], good.Entities[1]
	if person.Type != Person || phone.Type != Phone || person.Abbrev == "" {
		t.Fatalf("unexpected state %+v", good)
	}
	with := func(change func(*SealedEntity)) SealedState {
		e := person
		change(&e)
		return SealedState{Version: sealVersion, Entities: []SealedEntity{e, phone}}
	}
	tests := []struct {
		name string
		key  []byte
		st   SealedState
	}{
		{"short key", sealKey[:15], good},
		{"unknown version", sealKey, SealedState{Version: 2, Entities: good.Entities}},
		{"entities without version", sealKey, SealedState{Entities: good.Entities}},
		{"unknown type", sealKey, with(func(e *SealedEntity) { e.Type = "nope" })},
		{"number 0", sealKey, with(func(e *SealedEntity) { e.Number = 0 })},
		{"duplicate number", sealKey, SealedState{Version: sealVersion, Entities: []SealedEntity{person, person}}},
		{"plain text", sealKey, with(func(e *SealedEntity) { e.First = "sanne" })},
		{"short hash", sealKey, with(func(e *SealedEntity) { e.Keys = []string{person.Keys[0][:30]} })},
		{"hash not hex", sealKey, with(func(e *SealedEntity) { e.Known = []string{strings.Repeat("g", 32)} })},
		{"name on a phone number", sealKey, SealedState{Version: sealVersion, Entities: []SealedEntity{person, {Type: Phone, Number: 1, Keys: phone.Keys, Last: person.Last}}}},
		{"abbreviation without surname", sealKey, with(func(e *SealedEntity) { e.Last, e.InitialLast = "", "" })},
		{"initial without first name", sealKey, with(func(e *SealedEntity) { e.First = "" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.RestoreSealed(tt.key, tt.st); err == nil {
				t.Error("RestoreSealed accepted it")
			}
		})
	}
	for _, st := range []SealedState{{}, good} {
		if _, err := s.RestoreSealed(sealKey, st); err != nil {
			t.Errorf("RestoreSealed(%+v): %v", st, err)
		}
	}
}

func TestSealPanicsOnMisuse(t *testing.T) {
	s := scanner(t)
	sealed, err := s.RestoreSealed(sealKey, SealedState{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		r    *Redactor
		key  []byte
	}{
		{"short key", s.NewRedactor(), sealKey[:8]},
		{"another key than restored with", sealed, otherKey},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("Seal did not panic")
				}
			}()
			tc.r.Seal(tc.key)
		})
	}
}
