package anonymise

// findPhrases matches the multi-word list entries: learning networks and
// services that are never flagged, multi-word places and institutions.
func (d *doc) findPhrases() {
	for i := 0; i < len(d.toks); i++ {
		if !d.free(i) || d.toks[i].kind != tWord {
			continue
		}
		named := d.toks[i].upper || d.toks[i].allUpper
		if f := d.toks[i].flags; f&fPhrase == 0 || !named && f&fPhrasePlain == 0 {
			// Lower-case "de": no non-personal entry starts with it, and
			// places and institutions count only capitalised.
			continue
		}
		if i+1 >= len(d.toks) {
			continue
		}
		second := d.low(i + 1)
		if d.toks[i+1].kind != tWord {
			second = d.text[d.toks[i+1].start:d.toks[i+1].end]
		}
		cands := d.s.lx.phrases[[2]string{d.low(i), second}]
		best, bestEnd := -1, -1
		for k, p := range cands {
			// Places and institutions count only capitalised; skipping
			// them early keeps the many "de …" entries cheap.
			if p.typ == Person || p.typ != "" && !named {
				continue
			}
			if end := d.matchPhrase(i, p.words); end > bestEnd {
				best, bestEnd = k, end
			}
		}
		if best < 0 {
			// "Kenniswerkplaats Jeugd Utrecht": a knowledge workplace's name.
			if d.low(i) == "kenniswerkplaats" {
				k := i + 1
				if d.word(k) && d.low(k) == "jeugd" {
					k++
				}
				for ; d.word(k) && d.toks[k].upper && !d.toks[k].newline && k <= i+4; k++ {
					d.toks[k].used = true
				}
				i = k - 1
				continue
			}
			// "regio Groningen", "provincie Friesland", "regio Utrecht-West":
			// a region, not a residence.
			if (d.low(i) == "regio" || d.low(i) == "provincie") && d.word(i+1) && d.toks[i+1].upper {
				i++
				d.toks[i].used = true
				for d.punct(i+1, '-') && d.adjacent(i) && d.adjacent(i+1) && d.word(i+2) {
					d.toks[i+1].used, d.toks[i+2].used = true, true
					i += 2
				}
			}
			continue
		}
		p := cands[best]
		switch {
		case p.typ == "":
			for k := i; k <= bestEnd; k++ {
				d.toks[k].used = true
			}
		case d.toks[i].upper || d.toks[i].allUpper:
			start, end := i, bestEnd
			if p.typ == Institution {
				end = d.locationTail(end)
				// "RSG Simon Vestdijk": a type word before the name belongs to it.
				if k := i - 1; d.word(k) && d.free(k) && d.toks[k].flags&fInstType != 0 && (d.toks[k].upper || d.toks[k].allUpper) && !d.toks[i].newline {
					start = k
				}
			}
			d.add(p.typ, start, end, 0.8)
		default:
			continue
		}
		i = bestEnd
	}
}

// matchPhrase returns the index of the last token of words matched from
// token i, or -1.
func (d *doc) matchPhrase(i int, words []string) int {
	j := i
	for k, w := range words {
		if j >= len(d.toks) || !d.free(j) || (k > 0 && d.toks[j].newline) {
			return -1
		}
		t := d.toks[j]
		if t.kind == tWord {
			if d.low(j) != w {
				return -1
			}
		} else if d.text[t.start:t.end] != w {
			return -1
		}
		j++
	}
	if j < len(d.toks) && d.toks[j].kind == tWord && d.toks[j].start == d.toks[j-1].end {
		return -1 // the phrase is only the start of a longer word
	}
	return j - 1
}

// locationTail extends an institution ending at token end with "locatie X".
func (d *doc) locationTail(end int) int {
	if d.word(end+1) && d.low(end+1) == "locatie" && d.word(end+2) && d.toks[end+2].upper && d.free(end+2) {
		end += 2
		for d.punct(end+1, '-') && d.word(end+2) && d.toks[end+2].upper {
			end += 2
		}
	}
	return end
}
