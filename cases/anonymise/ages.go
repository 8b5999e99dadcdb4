package anonymise

// Words before a number that make it a child's age ("een jongen van 15").
var ageNouns = map[string]bool{
	"jongen": true, "meisje": true, "kind": true, "zoon": true, "dochter": true, "puber": true, "tiener": true,
	"jongere": true, "baby": true, "peuter": true, "kleuter": true, "broertje": true, "zusje": true, "broer": true,
	"zus": true, "knul": true, "meid": true, "leerling": true, "pupil": true, "cliënt": true, "client": true,
}

// Words after a number that make it no age ("is 3 weken").
func ageUnitOK(d *doc, j int) bool {
	if j >= len(d.toks) || d.toks[j].newline {
		return true
	}
	t := d.toks[j]
	switch t.kind {
	case tPunct:
		c := d.text[t.start]
		return c == '.' || c == ',' || c == ')' || c == '!' || c == '?' || c == ';' || c == ':' || c == '(' || c == '\'' || c == '"'
	case tWord:
		switch d.low(j) {
		case "jaar", "jr", "en", "oud", "geworden", "maar", "toen", "geweest", "nu", "inmiddels", "als", "of", "was", "werd", "heeft", "had", "is", "wordt", "dus", "hoor", "al", "nog", "pas", "niet":
			return true
		}
		return false
	case tTag:
		return false
	}
	return false
}

// findAges finds the exact age of a child: "Bilal (15)", "is 14", "16 jaar",
// "16 jr", "een jongen van 15", "sinds zijn 14e", "Yonas, 17". Ages of adults
// (18 and over), ranges and most ages in words are left alone.
func (d *doc) findAges() {
	person := func(k int) bool {
		if k < 0 || k >= len(d.toks) {
			return false
		}
		return d.toks[k].typ == typeIndex(Person)
	}
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		if t.kind != tNum || !d.free(i) || t.end-t.start > 2 {
			continue
		}
		n := atoi(d.text[t.start:t.end])
		if n > 17 || t.newline && !d.punct(i-1, '(') {
			// A child is under 18: "Sophie (19)" is a young adult.
			continue // a number opening a line is a list number: "3. omgaan met …"
		}
		if d.punct(i-1, ',') && d.adjacent(i-1) && i >= 2 && d.toks[i-2].kind == tNum && d.adjacent(i-2) {
			continue // "1,5 jaar"
		}
		end := i
		// "14e", "10e verjaardag"
		ordinal := d.word(i+1) && d.adjacent(i) && d.low(i+1) == "e"
		if d.word(i+1) && d.adjacent(i) && !ordinal && d.low(i+1) != "jr" && d.low(i+1) != "j" {
			continue
		}
		if ordinal {
			end = i + 1
		}
		// Optional unit.
		unit := false
		if !ordinal && d.word(i+1) && (d.low(i+1) == "jaar" || d.low(i+1) == "jr" || d.low(i+1) == "j") && !d.toks[i+1].newline {
			end = i + 1
			unit = true
		}
		// "-jarige"
		if d.punct(i+1, '-') && d.adjacent(i) && d.word(i+2) && d.adjacent(i+1) && (d.low(i+2) == "jarige" || d.low(i+2) == "jarig") {
			d.add(Age, i, i+2, 0.8)
			i += 2
			continue
		}
		prev := i - 1
		pw := ""
		if d.word(prev) {
			pw = d.low(prev)
		}
		ok := false
		switch {
		case ordinal:
			// "op/sinds zijn 14e", "haar 10e verjaardag"; not "na zijn 18e".
			if (pw == "zijn" || pw == "haar" || pw == "mijn" || pw == "hun") && i >= 2 {
				switch d.low(i - 2) {
				case "na", "vanaf", "tot", "voor", "boven", "onder", "vóór":
				default:
					ok = true
				}
			}
		case d.punct(prev, '('):
			// "Bilal (15)", "(bijna 17)", "(tweeling, 11)"; not "S.B. (3 kader)".
			ok = (person(prev-1) && ageUnitOK(d, end+1)) || (d.punct(i+1, ')') || unit) && (nearPerson(d, prev, person) || personOnLine(d, prev, 12, person))
			// "mijn zoon (8)": the child is identifiable through the writer.
			ok = ok || d.punct(end+1, ')') && d.word(prev-1) && ageNouns[d.low(prev-1)]
		case ageAdverbs[pw]:
			// "is nu 17", "is dan net 15", "(bijna 17)"
			k := prev - 1
			if d.word(k) && ageAdverbs[d.low(k)] {
				k--
			}
			ok = (d.punct(k, '(') || d.word(k) && ageVerbs[d.low(k)]) && ageUnitOK(d, end+1)
		case (pw == "hij" || pw == "zij" || pw == "ze" || pw == "ik") && d.word(prev-1) && ageVerbs[d.low(prev-1)]:
			// "Nu is hij 7"
			ok = ageUnitOK(d, end+1)
		case pw == "am" && d.word(prev-1) && d.low(prev-1) == "i", pw == "m" && d.punct(prev-1, '\'') && d.word(prev-2) && d.low(prev-2) == "i":
			// "I am 17", "I'm 16"
			ok = ageUnitOK(d, end+1)
		case d.punct(prev, ',') && unit && personOnLine(d, prev, 14, person):
			// "Leerling: Finn Vos, groep 3, 6 jaar"
			ok = true
		case d.punct(prev, ','):
			// "Yonas, 17", "Anjali Ramsaran, 16 jr", "(Kenzo, 2)".
			p := prev - 1
			if d.punct(p, ')') && person(p-1) {
				p-- // "Patiënte (L.), 15,"
			}
			ok = person(p) && (unit || ageUnitOK(d, end+1) && !d.punct(end+1, ','))
			if !ok && person(p) && d.punct(end+1, ',') {
				// "Anjali, 16 jr, …"; after a bracketed name any age: "(L.), 15,".
				ok = unit || p != prev-1
			}
			if !ok && person(p) && (d.punct(end+1, ')') || d.punct(end+1, ',') && prev >= 2 && d.toks[prev-2].kind == tWord) {
				ok = true
			}
			// "(tweeling, 11)", "(4 havo, 16)" right after a name.
			if !ok && d.punct(end+1, ')') {
				for k := prev - 1; k >= 0 && k >= prev-4 && !d.toks[k+1].newline; k-- {
					if d.punct(k, '(') {
						ok = person(k - 1)
						break
					}
				}
			}
			// "– Jordy, 17, Stadskanaal": a name, an age and a place.
			if !ok && person(p) && d.punct(end+1, ',') && d.word(end+2) && d.toks[end+2].upper {
				ok = true
			}
			// "Anass, 17, woont in …", "Jongen, 15, woont bij opa": a name
			// or a word for a child, the age between commas, then a verb.
			if !ok && (person(p) || d.word(p) && ageNouns[d.low(p)]) && d.punct(end+1, ',') && d.word(end+2) && d.toks[end+2].flags&fVerb != 0 {
				ok = true
			}
		case (pw == "wordt" || pw == "werd" || pw == "word") && !d.timeUnit(end+1):
			// "hij wordt 16 in mei"
			ok = true
		case d.punct(prev, ':') && d.word(prev-1) && (d.low(prev-1) == "leeftijd" || d.low(prev-1) == "lft"),
			pw == "leeftijd" || pw == "lft":
			// "Leeftijd: 15"
			ok = !d.timeUnit(end + 1)
		case pw == "is" || pw == "ben" || pw == "was" || pw == "werd" || pw == "wordt" || pw == "word":
			ok = ageUnitOK(d, end+1) && !(d.word(end+1) && d.low(end+1) == "en" && !unit && d.word(end+2) && d.low(end+2) == "half")
		case pw == "van" && d.word(prev-1) && ageNouns[d.low(prev-1)]:
			// "een jongen van 14 uit IJlst"; not "een meisje van 3 weken".
			ok = !d.timeUnit(end + 1)
		case (pw == "ik" || pw == "hij" || pw == "ze" || pw == "zij") && d.word(i+1) && (d.low(i+1) == "was" || d.low(i+1) == "werd"):
			ok = true
		case unit && d.word(end+1) && d.low(end+1) == "oud":
			ok = true
		}
		if ok {
			d.add(Age, i, end, 0.7)
			i = end
		}
	}
}

// nearPerson reports whether a person finding ends shortly before token k
// on the same line.
func nearPerson(d *doc, k int, person func(int) bool) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if person(j) {
			return true
		}
		if d.toks[j+1].newline {
			return false
		}
	}
	return false
}

// timeUnit reports whether token j is a unit that makes the number before
// it a duration or amount, not an age: "wordt 3 weken".
func (d *doc) timeUnit(j int) bool {
	if !d.word(j) {
		return d.punct(j, '%')
	}
	switch d.low(j) {
	case "weken", "week", "maanden", "maand", "dagen", "dag", "uur", "uren", "minuten", "procent", "keer", "euro", "cm", "kilo", "kg", "graden":
		return true
	}
	return false
}

// ageAdverbs may stand between a verb and an age: "is nu 17".
var ageAdverbs = map[string]bool{"bijna": true, "pas": true, "net": true, "ruim": true, "nu": true, "al": true, "dan": true, "inmiddels": true, "intussen": true, "toen": true, "ook": true}

// ageVerbs are the verbs before an age: "is 14", "werd 12".
var ageVerbs = map[string]bool{"is": true, "ben": true, "was": true, "werd": true, "wordt": true, "word": true, "waren": true, "zijn": true}

// personOnLine reports whether a person finding lies within n tokens
// before token k on the same line.
func personOnLine(d *doc, k, n int, person func(int) bool) bool {
	for j := k - 1; j >= 0 && j >= k-n; j-- {
		if person(j) {
			return true
		}
		if d.toks[j].newline {
			return false
		}
	}
	return false
}

// ordinalAges are ages written as ordinal words: "op zijn zestiende".
var ordinalAges = map[string]bool{"tiende": true, "elfde": true, "twaalfde": true, "dertiende": true, "veertiende": true, "vijftiende": true, "zestiende": true, "zeventiende": true}

// findAgeWords finds an age written as a word right after a name and a
// verb, "Jort is tien", "Sara werd twaalf", or as an ordinal after a
// possessive, "op zijn zestiende" (not "na zijn zestiende").
func (d *doc) findAgeWords() {
	for i := 2; i < len(d.toks); i++ {
		if d.toks[i].flags&fNumberWord != 0 && ordinalAges[d.low(i)] && d.free(i) {
			switch d.low(i - 1) {
			case "zijn", "haar", "mijn", "hun", "mn", "zn":
				switch d.low(i - 2) {
				case "na", "vanaf", "tot", "voor", "boven", "onder", "vóór":
				default:
					d.add(Age, i, i, 0.6)
				}
			}
			continue
		}
		if d.toks[i].flags&fNumberWord == 0 || !d.free(i) || !d.toks[i].lower {
			continue
		}
		if !d.word(i-1) || !ageVerbs[d.low(i-1)] || d.toks[i-2].typ != typeIndex(Person) {
			continue
		}
		if j := i + 1; d.word(j) && d.low(j) == "jaar" {
			d.add(Age, i, j, 0.6)
			i = j
			continue
		}
		if ageUnitOK(d, i+1) {
			d.add(Age, i, i, 0.6)
		}
	}
}
