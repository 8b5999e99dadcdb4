package anonymise

import (
	"strings"
	"testing"
)

// TestFileNumbersWhole checks that multi-part court, case and file numbers
// are found whole, and that the words, dates and numbers after them are
// left alone.
func TestFileNumbersWhole(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"court number with a second part", "Zie C/16/512345 / JE RK 22-1234 en verder.", []string{"id_number:C/16/512345 / JE RK 22-1234"}},
		{"court number, youth", "beschikking C/17/204815 / JU RK 24-77 van de rechter", []string{"id_number:C/17/204815 / JU RK 24-77"}},
		{"zaaknummer with a suffix", "zaaknummer 200.312.456/01 werd genoemd", []string{"id_number:200.312.456/01"}},
		{"zaaknummer with a spaced suffix", "zaaknummer 200.312.456 / 01 en de ouders", []string{"id_number:200.312.456 / 01"}},
		{"rekestnummer of letter codes", "rekestnummer FA RK 23-4567 bij de rechtbank", []string{"id_number:FA RK 23-4567"}},
		{"parketnummer", "parketnummer 18/204571-23 en verder", []string{"id_number:18/204571-23"}},
		{"two parketnummers", "parketnummers 18/204571-23 / 18-123456-24 beide", []string{"id_number:18/204571-23 / 18-123456-24"}},
		{"kenmerk with a letter suffix", "kenmerk VT-2024-008812/B is verstuurd", []string{"id_number:VT-2024-008812/B"}},
		{"unlabelled code with a letter suffix", "Onder VT-2024-008812/B bekend.", []string{"id_number:VT-2024-008812/B"}},
		{"letter groups before the digits", "Dossier VT-ADV-24-00093 en EHV-J-22-1187 zijn open.", []string{"id_number:VT-ADV-24-00093", "id_number:EHV-J-22-1187"}},
		{"digit groups after a label", "cliëntnummer 123 456 is bekend, klantnummer 98 76 54.", []string{"id_number:123 456", "id_number:98 76 54"}},
		{"year and number after a weak label with nr", "melding nr. 2024 00388142 kwam binnen", []string{"id_number:2024 00388142"}},
		{"letter codes between digit groups", "het Halt-dossier HALT 2022 NN 04412 en verder", []string{"id_number:HALT 2022 NN 04412"}},
		{"number of the Raad", "Raadsnummer: 1.2024.0133-NH/02\n", []string{"id_number:1.2024.0133-NH/02"}},
		{"court number after a dash", "zaak C/16/512345 - JE RK 22-1234 loopt", []string{"id_number:C/16/512345 - JE RK 22-1234"}},
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

// TestFileNumberTailStops lists what may follow a file number without
// becoming part of it.
func TestFileNumberTailStops(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"year range", "zaaknummer 12345 2022-2023 was lang", []string{"id_number:12345"}},
		{"year range alone", "in 2022-2023 was het slecht", nil},
		{"phone number", "kenmerk 2024-0012 06-12345678 bellen", []string{"id_number:2024-0012", "phone:06-12345678"}},
		{"a count", "dossier 2024-17 3-4 weken", []string{"id_number:2024-17"}},
		{"letters without digits", "zaak 18/204571-23 OM Noord-Nederland", []string{"id_number:18/204571-23"}},
		{"ordinary words after a dash", "kenmerk 2024-001 - graag vermelden", []string{"id_number:2024-001"}},
		{"a date", "zaaknummer 4567 op 12-03-2024", []string{"id_number:4567", "date:12-03-2024"}},
		{"a date right after", "zaaknummer 45678 12-03-2024", []string{"id_number:45678", "date:12-03-2024"}},
		{"an amount", "kenmerk 2024-0012 € 1.234,56", []string{"id_number:2024-0012"}},
		{"article of a law", "zaak C/16/512345, art. 1:265b BW", []string{"id_number:C/16/512345"}},
		{"a day and month after digit groups", "cliëntnummer 4567 12 maart gezien", []string{"id_number:4567", "date:12 maart"}},
		{"an age after digit groups", "dossiernummer 1234 15 jaar oud", []string{"id_number:1234", "age:15 jaar"}},
		{"a count after digit groups", "dossiernummer 1234 12 weken open", []string{"id_number:1234"}},
		{"a phone number after digit groups", "lidnummer 1234 06 12345678", []string{"id_number:1234", "phone:06 12345678"}},
		{"a slash and a word", "kenmerk 2024-0012 / moeder", []string{"id_number:2024-0012"}},
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
