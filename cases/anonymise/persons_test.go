package anonymise

import (
	"strings"
	"testing"
)

// TestNamesFoundWhole checks that a name is grown over all its parts:
// surnames that end like an institution's type word, hyphenated first
// names, particles, and a first name before a surname at the start of a
// sentence.
func TestNamesFoundWhole(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"surname ending in huis", "Ik sprak met Gerda Veldhuis over de zaak.", []string{"person:Gerda Veldhuis"}},
		{"two such surnames", "Met Saskia Oosterhuis en Dylan Nijhuis.", []string{"person:Saskia Oosterhuis", "person:Dylan Nijhuis"}},
		{"Low Saxon particle", "Met Gerda Oude Nijhuis gesproken.", []string{"person:Gerda Oude Nijhuis"}},
		{"Low Saxon particle after initials", "mevrouw M. Oude Luttikhuis belde", []string{"person:M. Oude Luttikhuis"}},
		{"hyphenated first name and a surname that is a word", "Gesprek met Jan-Willem Hofstede.", []string{"person:Jan-Willem Hofstede"}},
		{"hyphenated first name at the start", "Jan-Willem licht toe.", []string{"person:Jan-Willem"}},
		{"hyphenated initials", "Actiehouder: H.-J. Mooij, uiterlijk vrijdag.", []string{"person:H.-J. Mooij"}},
		{"capitalised Van before lower-case particles", "Van der Ploeg zei dat het goed ging.", []string{"person:Van der Ploeg"}},
		{"Van der mid-sentence", "In het gezin Van der Veen ging het mis.", []string{"person:Van der Veen"}},
		{"hyphenated Arabic particle", "een oom, Khaled Al-Hassan, en K. Al-Hassan", []string{"person:Khaled Al-Hassan", "person:K. Al-Hassan"}},
		{"first name that is a word before a surname", "Ouder 1: Mark Brinkman, 038 - 333 12 90", []string{"person:Mark Brinkman", "phone:038 - 333 12 90"}},
		{"weekday as surname", "Halt-medewerker: Anouk Vrijdag\n", []string{"person:Anouk Vrijdag"}},
		{"lower-case surname after a title", "mijn mentor mevrouw el idrissi vroeg het", []string{"person:el idrissi"}},
		{"surname after van 't that names a thing", "Patiënt: Noor van 't Hof, geb. 26-04-2010", []string{"person:Noor van 't Hof", "date:26-04-2010"}},
		{"van 't after a title", "dhr. Van 't Hof nodigt haar uit", []string{"person:Van 't Hof"}},
		{"Portuguese particle", "Jeugdige: Isabella dos Santos Fortes, geboren 08/08/2011", []string{"person:Isabella dos Santos Fortes", "date:08/08/2011"}},
		{"initial of a surname with its full stop", "Onderwerp: uitstel evaluatie Lucas V.\nBeste", []string{"person:Lucas V."}},
		{"particle after a role word", "gezinsvoogd van Leeuwen regelt het", []string{"person:van Leeuwen"}},
		{"first name that is a word, opening a sentence before particles", "Jan de Vries kwam te laat.", []string{"person:Jan de Vries"}},
		{"first name opening a sentence before two particles", "Anne van der Meer belde terug.", []string{"person:Anne van der Meer"}},
	}
	s := scanner(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spans(s.Scan(tt.text)); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Scan(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestNameGrowthStops lists words next to a name that stay outside it.
func TestNameGrowthStops(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"institution after a first name's sentence", "Daarna ging Gerda naar Kinderpraktijk Zonnebloem.", []string{"person:Gerda", "institution:Kinderpraktijk Zonnebloem"}},
		{"weekday and date after a name", "Ik zie Anouk Vrijdag 12 maart.", []string{"person:Anouk", "date:Vrijdag 12 maart"}},
		{"child after a role word", "De moeder van Ahmed belde.", []string{"person:Ahmed"}},
		{"Van before an ordinary word", "Van de school kwam niets. Van der Ploeg wel.", []string{"person:Van der Ploeg"}},
		{"adjectives of origin", "Zij is van Curaçaose afkomst, spreekt Arubaans en heeft een Belgisch paspoort.", nil},
		{"law after an article", "Volgens art. 6:7 Awb en artikel 8 lid 2 EVRM.", nil},
		{"clubs by their letters", "Bij GV Olympia en CV De Kwakkels. Stuur je CV naar Karin.", []string{"institution:GV Olympia", "institution:CV De Kwakkels", "person:Karin"}},
		{"salutation", "Beste Anna, dank je. Hoi Bas Jansen.", []string{"person:Anna", "person:Bas Jansen"}},
	}
	s := scanner(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spans(s.Scan(tt.text)); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Scan(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestChatSpeakers checks lower-case names that open the lines of a chat,
// and the speakers and user names that stay no person.
func TestChatSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"name with a diacritic and its mention", "kim: jo naïsha hoe was het\nnaïsha: wel oké\nnaïsha: echt", []string{"person:kim", "person:naïsha", "person:naïsha", "person:naïsha"}},
		{"name also written with a capital", "jurrick: bro ik heb heimwee\nbegeleider: Snap ik Jurrick.", []string{"person:jurrick", "person:Jurrick"}},
		{"user names stay user names", "sunnyvdb: ikke\nxXbramXx: yo", []string{"url:sunnyvdb", "url:xXbramXx"}},
		{"roles and words", "begeleider: hoi\nmoeder: ja\nnotities: geen", nil},
		{"one line is no chat", "naïsha: hoi", nil},
	}
	s := scanner(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spans(s.Scan(tt.text)); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Scan(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestPlatformHandles checks user names passed on after an app's name.
func TestPlatformHandles(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"after snap and insta", "voeg me toe op snap yassir.0k en insta: lotte_vdb", []string{"url:yassir.0k", "url:lotte_vdb"}},
		{"after is", "Mijn ig is fleur.2009.", []string{"url:fleur.2009"}},
		{"no user name", "op snap kijken we wel, tiktok 2x per dag, snap 3.0 en insta.", nil},
	}
	s := scanner(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spans(s.Scan(tt.text)); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Scan(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
