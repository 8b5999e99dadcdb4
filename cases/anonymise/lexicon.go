package anonymise

import (
	"embed"
	"errors"
	"fmt"
	"strings"
)

//go:embed lists/*.txt
var listFS embed.FS

// Lexicon flags of a lower-case word.
const (
	fWord        uint32 = 1 << iota // ordinary Dutch word (OpenTaal), not a bare first name
	fFirst                          // first name
	fSur                            // surname (or last part of one)
	fPlace                          // single-word place name
	fInst                           // single-word institution name
	fNonPers                        // capitalised word that is never a name here
	fTV                             // tussenvoegsel
	fTitle                          // title or form of address before a name
	fFamily                         // family word or role that may precede a first name
	fMonth                          // month name or abbreviation
	fWeekday                        // weekday name or abbreviation
	fInstType                       // word that starts an institution name (OBS, Stichting, …)
	fInstTail                       // word that ends an institution name (College, Lyceum, …)
	fIDLabel                        // label before a case, client or file number
	fBSNLabel                       // label before a BSN
	fVerb                           // verb that often follows a name at the start of a sentence
	fPlacePrep                      // preposition that often precedes a place
	fAgeUnit                        // "jaar", "jr"
	fNameWord                       // first name that is also an ordinary word (roos, storm)
	fCommon                         // one of the most frequent Dutch words (er, hoe, wat)
	fCue                            // word after which a name follows (heet, hoi, groetjes)
	fPhrase                         // first word of a multi-word list entry
	fPhrasePlain                    // first word of a non-personal entry, which matches in lower case too
	fEnglish                        // frequent English word that is no Dutch word (please, where)
	fNumberWord                     // an age written out (tien, twaalf)
	fPossessive                     // spoken possessive pronoun after a name (zn, haar)
	fOrgEnd                         // capitalised word with the ending of a method or organisation (Kanjertraining), set per text
	fWeakID                         // ordinary noun that may label a file number (zaak, casus)
	fClosing                        // word that ends a message before its signature (groet, xx)
	fOrgHead                        // word before the name of a part of an organisation (afdeling, team)
	fLazy                           // lower-case word whose fWord is not looked up yet
)

// phrase is a multi-word list entry, matched token by token in lower case.
type phrase struct {
	words []string
	typ   Type // Person (surname), Place, Institution, or "" for non-personal
}

// lexicon holds the immutable lookup tables built from the embedded lists.
type lexicon struct {
	short   []uint32               // flags of the listed words of one to three letters a-z, by shortIndex, with shortListed set
	flags   map[string]uint32      // every listed word (names, places, the most frequent words, closed classes) with all its flags
	words   wordSet                // the OpenTaal words: fWord for words not in flags
	phrases map[[2]string][]phrase // by first and second token, so that "De …" tries only its few entries
}

func (lx *lexicon) add(w string, f uint32) { lx.flags[w] |= f }

func (lx *lexicon) addPhrase(entry string, typ Type) {
	words := splitWords(strings.ToLower(entry))
	if len(words) < 2 {
		return
	}
	key := [2]string{words[0], words[1]}
	lx.phrases[key] = append(lx.phrases[key], phrase{words: words, typ: typ})
	lx.add(words[0], fPhrase)
	if typ == "" {
		lx.add(words[0], fPhrasePlain)
	}
}

// splitWords splits a list entry into the word and punctuation tokens the
// tokenizer produces, so that list phrases match scanned text.
func splitWords(s string) []string {
	if allLetters(s) {
		return []string{s}
	}
	var out []string
	for _, t := range tokenize(s) {
		out = append(out, s[t.start:t.end])
	}
	return out
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{flags: make(map[string]uint32, 32*1024), phrases: map[[2]string][]phrase{}}
	fc, err := listFS.ReadFile("lists/words.fc.txt")
	if err != nil {
		return nil, err
	}
	words, err := decodeFrontCoded(fc)
	if err != nil {
		return nil, fmt.Errorf("anonymise: words list: %w", err)
	}
	lx.words = newWordSet(words)
	type listSpec struct {
		file string
		flag uint32
		typ  Type
	}
	for _, ls := range []listSpec{
		{"firstnames.txt", fFirst, Person},
		{"surnames.txt", fSur, Person},
		{"places.txt", fPlace, Place},
		{"institutions.txt", fInst, Institution},
		{"nonpersonal.txt", fNonPers, ""},
		{"namewords.txt", fNameWord, ""},
		{"commonwords.txt", fCommon, ""},
		{"englishwords.txt", fEnglish, ""},
	} {
		data, err := listFS.ReadFile("lists/" + ls.file)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			lw := strings.ToLower(line)
			parts := splitWords(lw)
			if len(parts) == 1 {
				lx.add(lw, ls.flag)
				continue
			}
			if ls.flag == fNameWord || ls.flag == fCommon || ls.flag == fEnglish {
				continue
			}
			if ls.flag == fSur {
				// The last part of "van der meer" is a surname on its own;
				// the tussenvoegsels are matched by rule, not by list.
				lx.add(parts[len(parts)-1], fSur)
				continue
			}
			lx.addPhrase(line, ls.typ)
		}
	}
	for _, t := range smallTables {
		for _, w := range strings.Fields(t.words) {
			lx.add(w, t.flag)
		}
	}
	// Fold the word list into the flags of listed words. A first name is an
	// ordinary word only when namewords.txt says so: the OpenTaal list also
	// holds many names in lower case (wouter, hendrik).
	for w, f := range lx.flags {
		if lx.words.has(w) && (f&fFirst == 0 || f&fNameWord != 0) {
			lx.flags[w] = f | fWord
		}
	}
	lx.buildShort()
	return lx, nil
}

// smallTables are short closed word classes kept in code.
var smallTables = []struct {
	flag  uint32
	words string
}{
	{fTV, "van de der den 't ten ter te in op la le da di del della du des dos das von vande vander vanden zu el al ben bin ibn bou abu"},
	{fTitle, "ms mrs miss meneer mevrouw mevr mw mvr dhr heer hr mr dr drs ir ing prof juf juffrouw meester mej mejuffrouw madam"},
	{fFamily, "jeugdreclasseerder casemanager zorgcoördinator coördinator trajectregisseur jobcoach aanmelder contactpersoon casusregisseur regisseur behandelaar verwijzer voogd gezinsvoogd jeugdbeschermer notulist voorzitter leerkracht hulpverlener begeleider trajectbegeleider consulent jeugdconsulent wijkcoach pleegouder pleegouders ouders ouder oma opa tante oom zoon dochter broer zus broertje zusje neef nicht moeder vader mama papa mam pap stiefvader stiefmoeder pleegmoeder pleegvader opa's buurvrouw buurman vriend vriendin vriendje vriendinnetje collega mentor mentrix leerling jongen meisje baby kind cliënt client pupil jeugdige"},
	{fMonth, "januari februari maart april mei juni juli augustus september oktober november december jan feb febr mrt apr jun jul aug sep sept okt nov dec january february march may june july august october"},
	{fWeekday, "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma di wo do vr za zo monday tuesday wednesday thursday friday saturday sunday"},
	{fInstType, "kolegio pleegzorg jc jac skol gv cv av ttv wsv zc vv svv hvv zvv rkvv rksv sv fc afc sc hc mhc kv ckv zv hv tc ltc vvv rkav avv wvv bvv obs cbs pcbs rkbs kbs sbo so vso rsg osg csg ikc isk basisschool praktijkschool jenaplanschool montessorischool daltonschool vrijeschool kindcentrum scholengemeenschap stichting zorgboerderij kinderopvang kinderdagverblijf peuterspeelzaal bso lyceum college gymnasium ggz ggz-instelling jeugdhulp zorggroep woongroep gezinshuis kliniek zorgcentrum behandelcentrum wooncentrum jeugdzorg school mavo havo vmbo atheneum pro"},
	{fInstTail, "primary church academy college lyceum gymnasium ziekenhuis academie school scholengemeenschap mavo"},
	{fIDLabel, "rekestnummer rekestnr lln llnr leerlingnr dossiernummer dossiernr dossier cliëntnummer clientnummer cliëntnr clientnr zaaknummer zaaknr parketnummer parketnr kenmerk referentie referentienummer patiëntnummer patiëntnr patientnummer patientnr registratienummer beschikkingsnummer polisnummer klantnummer lidnummer leerlingnummer studentnummer relatienummer dossiernummers casusnummer meldingsnummer aanvraagnummer raadsnummer raadsnr onderwijsnummer pgn procesverbaalnummer pvnummer mutatienummer registratienr paspoortnummer paspoortnr documentnummer documentnr vreemdelingennummer vnummer bignummer bignr agbcode agbnummer"},
	{fWeakID, "nummer zaak casus melding beschikking rekest verzoekschrift vonnis paspoort identiteitskaart identiteitsbewijs idkaart"},
	{fNumberWord, "twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien tiende elfde twaalfde dertiende veertiende vijftiende zestiende zeventiende"},
	{fPossessive, "zijn zn haar hun dr z d"},
	{fClosing, "groet groetjes groeten gr grt grtz grtjs liefs x xx xxx xoxo kusjes mvg doei dank bedankt dankjewel cheers regards love"},
	{fOrgHead, "afdeling team sector dienst cluster domein programma thema project werkgroep unit directie werkveld portefeuille commissie bureau"},
	{fBSNLabel, "bsn bsns bsnnr burgerservicenummer burgerservicenummers sofinummer sofinr"},
	{fVerb, "is was heeft had wil wilde zegt zei gaat ging woont woonde zit zat komt kwam vertelt vertelde vindt vond kan kon mag mocht moet moest krijgt kreeg blijft bleef werd wordt slaapt sliep speelt huilt huilde lacht lachte belde belt schreef schrijft voelt voelde loopt liep praat sprak heeft"},
	{fWord, "eén éen"},
	{fPhrase | fPhrasePlain, "regio provincie"}, // findPhrases also skips the region after these
	{fCue, "achternaam voornaam voornamen roepnaam bijnaam melder invuller heet heette genaamd noemen noemden naam hoi hey hallo beste lieve dag hi groetjes groet gr xx xxx liefs groeten"},
	{fPlacePrep, "in uit te naar rond buiten nabij wonende woonachtig"},
	{fAgeUnit, "jaar jr jaren jarig"},
}

// shortListed marks an entry of lexicon.short that holds a listed word; the
// flags use the 31 bits below it.
const shortListed uint32 = 1 << 31

// shortIndex returns the slot of a one- to three-letter word of a-z in
// lexicon.short, or -1. Such words ("de", "en", "van", "is") are a third
// of Dutch prose; an array index is much cheaper than a map lookup.
func shortIndex(w string) int {
	switch len(w) {
	case 1:
		if w[0] >= 'a' && w[0] <= 'z' {
			return int(w[0] - 'a')
		}
	case 2:
		if w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' {
			return 26 + int(w[0]-'a')*26 + int(w[1]-'a')
		}
	case 3:
		if w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' && w[2] >= 'a' && w[2] <= 'z' {
			return 26 + 676 + int(w[0]-'a')*676 + int(w[1]-'a')*26 + int(w[2]-'a')
		}
	}
	return -1
}

// buildShort fills lexicon.short from the flags map.
func (lx *lexicon) buildShort() {
	lx.short = make([]uint32, 26+676+17576)
	for w, f := range lx.flags {
		if k := shortIndex(w); k >= 0 {
			lx.short[k] = f | shortListed
		}
	}
}

// tokenFlags looks up a word of the text. For a lower-case word that is no
// name, place or closed-class word it skips the large word map and returns
// fLazy: most rules only need fWord for capitalised words.
func (lx *lexicon) tokenFlags(lw string, lower bool) uint32 {
	if k := shortIndex(lw); k >= 0 {
		if f := lx.short[k]; f&shortListed != 0 {
			return f &^ shortListed
		}
	} else if f, ok := lx.flags[lw]; ok {
		return f
	}
	if lower {
		return fLazy
	}
	if lx.words.has(lw) {
		return fWord
	}
	return 0
}

func (lx *lexicon) lookup(lw string) uint32 {
	if k := shortIndex(lw); k >= 0 {
		if f := lx.short[k]; f&shortListed != 0 {
			return f &^ shortListed
		}
	} else if f, ok := lx.flags[lw]; ok {
		return f
	}
	if lx.words.has(lw) {
		return fWord
	}
	return 0
}

// decodeFrontCoded expands the front-coded word list written by
// internal/genlists (each line: shared prefix length, then the rest) into
// one word a line, in a single allocation.
func decodeFrontCoded(fc []byte) (string, error) {
	out := make([]byte, 0, len(fc)*5/2)
	prevStart := 0
	for len(fc) > 0 {
		n := 0
		i := 0
		for i < len(fc) && fc[i] >= '0' && fc[i] <= '9' {
			n = n*10 + int(fc[i]-'0')
			i++
		}
		j := i
		for j < len(fc) && fc[j] != '\n' {
			j++
		}
		var prev []byte
		if len(out) > 0 {
			prev = out[prevStart : len(out)-1]
		}
		if i == 0 || n > len(prev) {
			return "", errors.New("corrupt front-coded line")
		}
		start := len(out)
		out = append(out, prev[:n]...)
		out = append(out, fc[i:j]...)
		out = append(out, '\n')
		prevStart = start
		fc = fc[min(j+1, len(fc)):]
	}
	return string(out), nil
}
