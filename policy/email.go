package policy

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"leerlus"
)

// checkEmail validates an e-mail address that enters the system (new
// accounts, invitations); NormaliseEmail has run already.
func checkEmail(v *leerlus.Validation, email string) {
	switch {
	case !validEmail(email):
		v.Add("email", leerlus.FieldFormat, leerlus.Params{"format": "email"})
	case mixesScripts(email):
		v.Add("email", leerlus.FieldMixedScripts, nil)
	}
}

// mixesScripts reports whether the local part, or any label of the domain,
// of an address mixes writing systems, such as a Cyrillic "ӏ" or "а" among
// Latin letters: such look-alikes would pass for another person's address.
// Labels are checked one by one, so "пример.com" is fine.
func mixesScripts(email string) bool {
	local, domain, _ := strings.Cut(email, "@")
	return mixed(local) || slices.ContainsFunc(strings.Split(domain, "."), mixed)
}

// writingSystems are the sets of scripts that one language writes
// together; any other mix of two or more scripts is refused.
var writingSystems = [][]string{
	{"Han", "Hiragana", "Katakana"}, // Japanese
	{"Han", "Hangul"},               // Korean
	{"Han", "Bopomofo"},             // Chinese with phonetic annotation
}

// mixed reports whether s uses more than one script outside the writing
// systems above. Digits and punctuation (Common, Inherited) fit any script.
func mixed(s string) bool {
	seen := map[string]bool{}
	for _, r := range s {
		if name := scriptOf(r); name != "" {
			seen[name] = true
		}
	}
	if len(seen) <= 1 {
		return false
	}
	for _, ws := range writingSystems {
		inside := true
		for name := range seen {
			inside = inside && slices.Contains(ws, name)
		}
		if inside {
			return false
		}
	}
	return true
}

// scriptOf names the Unicode script of r, or "" for Common and Inherited.
func scriptOf(r rune) string {
	if r < utf8.RuneSelf {
		if unicode.IsLetter(r) {
			return "Latin"
		}
		return ""
	}
	for name, table := range unicode.Scripts {
		if unicode.Is(table, r) {
			if name == "Common" || name == "Inherited" {
				return ""
			}
			return name
		}
	}
	return "Unknown"
}
