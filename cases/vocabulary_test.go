package cases_test

import (
	"regexp"
	"testing"

	"leerlus/cases"
)

// TestVocabularyIsWellFormed: codes are stable identifiers, unique within
// their list, and every value has Dutch and English words.
func TestVocabularyIsWellFormed(t *testing.T) {
	code := regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)
	names := map[string]bool{}
	for _, l := range cases.Vocabulary() {
		if names[l.Name] {
			t.Errorf("list %s appears twice", l.Name)
		}
		names[l.Name] = true
		if len(l.Terms) < 2 {
			t.Errorf("list %s has %d values", l.Name, len(l.Terms))
		}
		seen := map[string]bool{}
		for _, term := range l.Terms {
			if !code.MatchString(term.Code) || seen[term.Code] {
				t.Errorf("list %s: code %q is malformed or repeated", l.Name, term.Code)
			}
			seen[term.Code] = true
			if term.NL == "" || term.EN == "" {
				t.Errorf("list %s: %s lacks words", l.Name, term.Code)
			}
		}
	}
}

func TestListHas(t *testing.T) {
	for _, tc := range []struct {
		list cases.List
		code string
		want bool
	}{
		{cases.Outcomes, "stuck", true},
		{cases.Outcomes, "Stuck", false},
		{cases.Services, "veilig_thuis", true},
		{cases.Phases, "", false},
		{cases.AgeBands, "12-18", true},
	} {
		if got := tc.list.Has(tc.code); got != tc.want {
			t.Errorf("%s.Has(%q) = %v, want %v", tc.list.Name, tc.code, got, tc.want)
		}
	}
	if got := cases.Effects.Codes(); len(got) != 3 || got[0] != "helped" {
		t.Errorf("Effects.Codes() = %v", got)
	}
}
