package review

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"
)

// Keys are stored beside every coding export and compared across
// networks, so they never change once given: a rename, a move or a merge
// leaves the key as it is. The default codebook's themes are T1…T11; a
// theme a network adds is N1, N2, … so that it can never be mistaken for
// a default theme (not even one a later default adds). A code a network
// adds is "<theme key>.<slug of its Dutch label>", made unique in the
// network with a number.

// slugMax bounds the slug part of a generated code key.
const slugMax = 40

// slug turns a label into the lower-case ASCII words of a key:
// "Geen plek op school" → "geen_plek_op_school", "Één plan" → "een_plan".
func slug(label string) string {
	var b strings.Builder
	gap := false
	for _, r := range norm.NFD.String(strings.ToLower(label)) {
		switch {
		case unicode.Is(unicode.Mn, r): // accents fall off their letters
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
		default:
			gap = true
		}
		if b.Len() >= slugMax {
			break
		}
	}
	s := strings.TrimRight(b.String()[:min(b.Len(), slugMax)], "_")
	switch {
	case s == "":
		return "code"
	case s[0] >= '0' && s[0] <= '9':
		return "c" + s
	}
	return s
}

// newCodeKey returns the first free key for a code with this label under
// a theme: the slug, then the slug with _2, _3, …. Keys of merged and
// retired codes stay taken.
func newCodeKey(tx *gorm.DB, networkID, themeKey, label string) (string, error) {
	base := themeKey + "." + slug(label)
	// The pattern's _ matches any character: a superset of the numbered
	// keys, which the map below sorts out.
	var taken []string
	if err := tx.Model(&Code{}).Where("network_id = ? AND (key = ? OR key LIKE ?)", networkID, base, base+"_%").
		Pluck("key", &taken).Error; err != nil {
		return "", err
	}
	used := map[string]bool{}
	for _, k := range taken {
		used[k] = true
	}
	key := base
	for n := 2; used[key]; n++ {
		key = fmt.Sprintf("%s_%d", base, n)
	}
	return key, nil
}

// newThemeKey returns N<n> after the highest N key of the network.
func newThemeKey(themes []Theme) string {
	highest := 0
	for _, t := range themes {
		if rest, ok := strings.CutPrefix(t.Key, "N"); ok {
			if n, err := strconv.Atoi(rest); err == nil && n > highest {
				highest = n
			}
		}
	}
	return "N" + strconv.Itoa(highest+1)
}
