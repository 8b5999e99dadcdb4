package dutch

// Key is the form words are matched on: the Snowball stem with a final
// double consonant made single. Snowball undoubles only kk, dd and tt, so
// "gezinnen" stems to "gezinn" but "gezin" to "gezin"; the key joins them,
// as it joins "plannen" and "plan". Search that must agree with
// PostgreSQL's `dutch` configuration uses Stem; matching within Leerlus
// uses Key.
func Key(word string) string { return keyOf(Stem(word)) }

// keyOf is Key of a word whose stem is s.
func keyOf(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !isVowel(rune(s[n-1])) && s[n-1] < 0x80 {
		return s[:n-1]
	}
	return s
}
