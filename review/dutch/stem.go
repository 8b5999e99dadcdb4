package dutch

// Stem returns the Snowball Dutch stem of a word: the classic algorithm of
// Martin Porter (snowballstem.org/algorithms/dutch, "dutch_porter" since
// Snowball 3.0), which PostgreSQL's `dutch` configuration also uses. The
// word is normalised first, so Stem("Wachtlijsten") is "wachtlijst".
//
// Letters are handled as runes; "I" and "Y" in upper case mark an i or y
// that acts as a consonant (Snowball's convention), which is why the input
// is lower-cased before they are set and they are lowered again at the end.
func Stem(word string) string {
	w := []rune(Normalise(word))
	markConsonants(w)
	st := stemmer{w: w}
	st.regions()
	st.step1()
	st.step2()
	st.step3a()
	st.step3b()
	st.step4()
	for i, r := range st.w {
		switch r {
		case 'I':
			st.w[i] = 'i'
		case 'Y':
			st.w[i] = 'y'
		}
	}
	return string(st.w)
}

// isVowel is the algorithm's vowel: a e i o u y è (lower case only; an
// upper-case I or Y is a consonant).
func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'è':
		return true
	}
	return false
}

// markConsonants puts an initial y, a y after a vowel, and an i between
// vowels into upper case, so that they count as consonants.
func markConsonants(w []rune) {
	if len(w) > 0 && w[0] == 'y' {
		w[0] = 'Y'
	}
	for i := 1; i < len(w); i++ {
		if !isVowel(w[i-1]) {
			continue
		}
		switch {
		case w[i] == 'i' && i+1 < len(w) && isVowel(w[i+1]):
			w[i] = 'I'
		case w[i] == 'y':
			w[i] = 'Y'
		}
	}
}

// stemmer holds a word being stemmed and its regions.
type stemmer struct {
	w      []rune
	p1, p2 int  // starts of R1 and R2
	eFound bool // step 2 removed an e (the condition of -bar in step 3b)
}

// regions sets R1 and R2 as in the German algorithm: R1 starts after the
// first non-vowel that follows a vowel, but leaves at least three letters
// before it; R2 starts after the next vowel–non-vowel pair, counted from
// where R1 began before that adjustment (as the reference implementation
// and PostgreSQL do: "onenigheid" → "onen"). Words shorter than three
// letters have empty regions.
func (s *stemmer) regions() {
	n := len(s.w)
	s.p1, s.p2 = n, n
	if n < 3 {
		return
	}
	after := func(from int) (int, bool) {
		i := from
		for i < n && !isVowel(s.w[i]) {
			i++
		}
		for i < n && isVowel(s.w[i]) {
			i++
		}
		if i >= n {
			return n, false
		}
		return i + 1, true
	}
	p1, ok := after(0)
	if !ok {
		return
	}
	s.p1 = max(p1, 3)
	s.p2, _ = after(p1)
}

// ends reports whether the word ends in suffix.
func (s *stemmer) ends(suffix string) bool {
	r := []rune(suffix)
	if len(r) > len(s.w) {
		return false
	}
	off := len(s.w) - len(r)
	for i, c := range r {
		if s.w[off+i] != c {
			return false
		}
	}
	return true
}

// before returns the letter just before position i, or 0 at the start.
func (s *stemmer) before(i int) rune {
	if i <= 0 {
		return 0
	}
	return s.w[i-1]
}

// cut removes the last n letters.
func (s *stemmer) cut(n int) { s.w = s.w[:len(s.w)-n] }

// undouble removes the last letter of a word ending in kk, dd or tt.
func (s *stemmer) undouble() {
	if s.ends("kk") || s.ends("dd") || s.ends("tt") {
		s.cut(1)
	}
}

// enEnding deletes a suffix of n letters (en, ene) that starts in R1 and
// follows a valid en-ending — a non-vowel, not the end of "gem" — and then
// undoubles.
func (s *stemmer) enEnding(n int) bool {
	start := len(s.w) - n
	c := s.before(start)
	if start < s.p1 || c == 0 || isVowel(c) {
		return false
	}
	if start >= 3 && string(s.w[start-3:start]) == "gem" {
		return false
	}
	s.cut(n)
	s.undouble()
	return true
}

// step1 handles the longest of heden, ene, en, se and s.
func (s *stemmer) step1() {
	n := len(s.w)
	switch {
	case s.ends("heden"):
		if n-5 >= s.p1 {
			s.w = append(s.w[:n-5], []rune("heid")...)
		}
	case s.ends("ene"):
		s.enEnding(3)
	case s.ends("en"):
		s.enEnding(2)
	case s.ends("se"), s.ends("s"):
		k := 1
		if s.ends("se") {
			k = 2
		}
		start := n - k
		// A valid s-ending is a non-vowel other than j.
		if c := s.before(start); start >= s.p1 && c != 0 && !isVowel(c) && c != 'j' {
			s.cut(k)
		}
	}
}

// step2 deletes a final e in R1 after a non-vowel, and undoubles.
func (s *stemmer) step2() {
	s.eFound = false
	start := len(s.w) - 1
	if !s.ends("e") || start < s.p1 {
		return
	}
	if c := s.before(start); c == 0 || isVowel(c) {
		return
	}
	s.cut(1)
	s.eFound = true
	s.undouble()
}

// step3a deletes heid in R2 unless after a c, and then an en before it as
// in step 1.
func (s *stemmer) step3a() {
	start := len(s.w) - 4
	if !s.ends("heid") || start < s.p2 || s.before(start) == 'c' {
		return
	}
	s.cut(4)
	if s.ends("en") {
		s.enEnding(2)
	}
}

// step3b handles the longest of the d-suffixes end, ing, ig, lijk, baar
// and bar; each must lie in R2.
func (s *stemmer) step3b() {
	n := len(s.w)
	switch {
	case s.ends("end"), s.ends("ing"):
		if n-3 < s.p2 {
			return
		}
		s.cut(3)
		if !s.igEnding() {
			s.undouble()
		}
	case s.ends("ig"):
		s.igEnding()
	case s.ends("lijk"):
		if n-4 >= s.p2 {
			s.cut(4)
			s.step2()
		}
	case s.ends("baar"):
		if n-4 >= s.p2 {
			s.cut(4)
		}
	case s.ends("bar"):
		if n-3 >= s.p2 && s.eFound {
			s.cut(3)
		}
	}
}

// igEnding deletes a final ig in R2 that does not follow an e.
func (s *stemmer) igEnding() bool {
	start := len(s.w) - 2
	if !s.ends("ig") || start < s.p2 || s.before(start) == 'e' {
		return false
	}
	s.cut(2)
	return true
}

// step4 undoubles a vowel: a word ending non-vowel, double a/e/o/u,
// non-vowel other than I loses one of the two vowels (maan → man).
func (s *stemmer) step4() {
	n := len(s.w)
	if n < 4 {
		return
	}
	last, v1, v2, c := s.w[n-1], s.w[n-2], s.w[n-3], s.w[n-4]
	if isVowel(last) || last == 'I' || isVowel(c) || v1 != v2 {
		return
	}
	switch v1 {
	case 'a', 'e', 'o', 'u':
		s.w = append(s.w[:n-2], last)
	}
}
