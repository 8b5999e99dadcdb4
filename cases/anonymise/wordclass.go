package anonymise

import "strings"

// Street name endings.
var streetSuffixes = newEndings("drift", "akker", "horst", "kamp", "borg", "heerd", "stede", "stee", "werf", "zoom", "kant", "hoven", "hof", "veld", "straat", "laan", "weg", "plein", "dreef", "singel", "kade", "gracht", "dijk", "pad", "hof", "steeg", "markt", "park", "ring", "baan", "wal", "erf", "oord", "haven", "allee", "boulevard", "plantsoen", "straatje", "pleintje", "kanaal", "dwarsweg", "zijl", "wei", "vaart", "diep", "rak", "loane", "wei", "leane", "strjitte", "buorren", "dyk", "reed", "hiem", "stins")

// unmistakableStreets are endings no surname has, so a capitalised word
// with one is a street even without a house number ("in de Kerkstraat").
var unmistakableStreets = newEndings("straat", "laan", "plein", "dreef", "singel", "gracht", "steeg", "kade", "plantsoen", "boulevard", "allee", "straatje", "pleintje", "straatweg")

// endings is a list of word endings indexed by their last byte, so that a
// test costs one or two suffix comparisons instead of one per ending.
type endings struct {
	byLast [256][]string
}

func newEndings(list ...string) *endings {
	e := &endings{}
	for _, w := range list {
		e.byLast[w[len(w)-1]] = append(e.byLast[w[len(w)-1]], w)
	}
	return e
}

// match reports whether lw ends in one of the endings after a stem of more
// than minStem bytes: the one test behind the word classes below.
func (e *endings) match(lw string, minStem int) bool {
	if lw == "" {
		return false
	}
	for _, x := range e.byLast[lw[len(lw)-1]] {
		if len(lw) > len(x)+minStem && strings.HasSuffix(lw, x) {
			return true
		}
	}
	return false
}

// isStreetOnly reports whether lw ends like a street and can be no name.
func isStreetOnly(lw string) bool { return unmistakableStreets.match(lw, 1) }

// isStreetName reports whether lw may be a street name; it is used only
// before a house number, because many surnames end the same way (Vestdijk).
func isStreetName(lw string) bool { return streetSuffixes.match(lw, 1) }

// compound reports whether lw splits into known words ("gespreksverslag",
// "tienminutengesprek"), possibly with a linking s or e(n).
func (d *doc) compound(lw string) bool {
	return d.compoundDepth(lw, 2)
}

func (d *doc) compoundDepth(lw string, depth int) bool {
	// Long "words" are no names either; the limit keeps this linear.
	if depth == 0 || len(lw) < 6 || len(lw) > 48 {
		return false
	}
	lx := d.s.lx
	for k := 3; k <= len(lw)-3; k++ {
		right := lw[k:]
		rf := lx.lookup(right)
		if rf&fWord == 0 && !d.compoundDepth(right, depth-1) {
			continue
		}
		left := lw[:k]
		if lx.lookup(left)&fWord != 0 {
			return true
		}
		if strings.HasSuffix(left, "s") && lx.lookup(left[:len(left)-1])&fWord != 0 {
			return true
		}
		if strings.HasSuffix(left, "en") && lx.lookup(left[:len(left)-2])&fWord != 0 {
			return true
		}
	}
	return false
}

// Endings of names of methods, programmes and organisations
// ("Kanjertraining", "Thuiszitterspact"): capitalised, but no person.
var organisationEndings = newEndings("training", "methode", "programma", "project", "aanpak", "team", "groep", "centrum", "overleg", "model", "traject", "protocol", "plan", "wet", "regeling", "loket", "punt", "lijn", "fonds", "dienst", "pact", "netwerk", "werkplaats", "school", "raad", "huis", "beraad", "check", "toets", "test", "app", "psychiatrie", "zorg", "hulp", "opvang", "begeleiding", "therapie", "behandeling")

// afterDeterminer reports whether token i follows an article or
// determiner: "het floor", "een will" are no names.
func (d *doc) afterDeterminer(i int) bool {
	if !d.word(i - 1) {
		return false
	}
	switch d.low(i - 1) {
	case "de", "het", "een", "deze", "dit", "elk", "elke", "geen", "the", "a", "an":
		// Not "dat" and "die": as conjunction and relative pronoun they
		// precede names ("wat hielp was dat ruta mijn buddy werd").
		return true
	}
	return false
}

// instTypeEndings make a capitalised compound a type word that starts an
// institution's name: "Kinderpraktijk Zonnebloem", "Behandelcentrum De
// Hoven", "Kinderdagverblijf Hummeltje".
var instTypeEndings = newEndings("praktijk", "kliniek", "centrum", "dagverblijf", "speelzaal", "opvang", "boerderij", "school", "college", "woning", "huis", "plek", "pleegzorg", "buurtwerk", "jongerenwerk", "welzijnswerk", "team", "revalidatie", "kerk", "moskee")

// instTypeCompound is asked of capitalised words only, so the type word
// alone counts too: "Buurtwerk Flevo", "Praktijk De Linde".
func instTypeCompound(lw string) bool { return instTypeEndings.match(lw, -1) }

// instTailEndings make a capitalised compound end an institution's name,
// or be one on its own: "Amstelveense Montessorischool", "Calandlyceum",
// "Sint-Maartenscollege".
var instTailEndings = newEndings("college", "lyceum", "gymnasium", "school", "ziekenhuis", "jeugdhulp", "jeugdzorg", "zorggroep", "primary", "church", "academy", "kerk", "moskee")

func instTailCompound(lw string) bool { return instTailEndings.match(lw, 2) }

// namedInstitution reports whether the capitalised compound lw is the name
// of one school or hospital: a tail word after a part that is no ordinary
// word ("Calandlyceum", not "Basisschool" or "Kinderziekenhuis").
func (d *doc) namedInstitution(lw string) bool {
	if lw == "" {
		return false
	}
	for _, e := range instTailEndings.byLast[lw[len(lw)-1]] {
		if len(lw) <= len(e)+2 || !strings.HasSuffix(lw, e) {
			continue
		}
		head := strings.TrimRight(lw[:len(lw)-len(e)], "-")
		head = strings.TrimSuffix(head, "s")
		hf := d.s.lx.lookup(head)
		if d.s.lx.lookup(lw)&fWord != 0 || hf&fCommon != 0 {
			return false
		}
		return hf&(fFirst|fSur|fPlace) != 0 || hf&fWord == 0 && !d.compound(head)
	}
	return false
}

// clubWords are the abbreviations before a sports club's name: "VV
// Gorecht", "MHC Amersfoort". They count only in capitals.
var clubWords = map[string]bool{"jc": true, "jac": true, "vv": true, "svv": true, "hvv": true, "zvv": true, "rkvv": true, "rksv": true, "sv": true, "fc": true, "afc": true, "sc": true, "hc": true, "mhc": true, "kv": true, "ckv": true, "zv": true, "hv": true, "tc": true, "ltc": true, "vvv": true, "rkav": true, "avv": true, "wvv": true, "bvv": true, "gv": true, "cv": true, "av": true, "ttv": true, "wsv": true, "zc": true}

// adjectiveEndings end adjectives of origin, which are capitalised but no
// names: Arubaans, Antilliaanse, Surinaams, Belgisch, Curaçaose.
var adjectiveEndings = newEndings("aans", "aanse", "aams", "aamse", "isch", "ische", "aose")

// afterArticle reports whether token i follows an article of a law: "art.
// 6:7 Awb", "artikel 1:265b BW", "art. 8 lid 2 EVRM".
func (d *doc) afterArticle(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		t := d.toks[k]
		switch {
		case t.kind == tNum || t.kind == tPunct && (d.text[t.start] == ':' || d.text[t.start] == '.'):
		case t.kind == tWord && (d.low(k) == "lid" || d.low(k) == "sub" || t.end-t.start == 1 && d.adjacent(k-1)):
		case t.kind == tWord && (d.low(k) == "art" || d.low(k) == "artikel" || d.low(k) == "artikelen"):
			return k < i-1
		default:
			return false
		}
	}
	return false
}
