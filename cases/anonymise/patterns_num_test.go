package anonymise

import (
	"strings"
	"testing"
)

// TestBSNInContext checks that nine digits after a BSN label are a BSN
// whether or not they pass the elfproef, in any grouping and in lists, and
// that nine digits without such a label keep needing the elfproef.
func TestBSNInContext(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		// 123456789 and 987654321 fail the elfproef; 111222333 passes.
		{"label, invalid", "BSN 123456789 graag.", []string{"bsn:123456789"}},
		{"two after one label", "BSN 123456789 en 987654321", []string{"bsn:123456789", "bsn:987654321"}},
		{"plural label with a list", "bsn's: 123456789, 987654321.", []string{"bsn:123456789", "bsn:987654321"}},
		{"list with names in brackets", "BSN's van de kinderen: 123456789 (Sanne) en 987654321 (Tim).",
			[]string{"bsn:123456789", "person:Sanne", "bsn:987654321", "person:Tim"}},
		{"bulleted list", "BSN's:\n- 123456789\n- 987654321", []string{"bsn:123456789", "bsn:987654321"}},
		{"list under a heading line", "De volgende burgerservicenummers konden niet gematcht worden met de BRP:\n- 2562 57 996 (Mees Vink, IKC De Merel)\n- 579.917.275 (Saar Mulder, IKC De Merel)\n",
			[]string{"bsn:2562 57 996", "person:Mees Vink", "institution:IKC De Merel", "bsn:579.917.275", "person:Saar Mulder", "institution:IKC De Merel"}},
		{"label before a redacted name", "BSN van [PERSOON-1]: 123456789", []string{"bsn:123456789"}},
		{"list after a redacted BSN", "BSN [BSN-1] en 987654321", []string{"bsn:987654321"}},
		{"4-2-3 with spaces", "Zijn BSN is 1234 56 789.", []string{"bsn:1234 56 789"}},
		{"2-2-2-3 with dots", "BSN: 12.34.56.789", []string{"bsn:12.34.56.789"}},
		{"3-3-3 with dashes", "BSN 123-456-789", []string{"bsn:123-456-789"}},
		{"4-2-3 with dots", "burgerservicenummer 1234.56.789", []string{"bsn:1234.56.789"}},
		{"label words between", "BSN van de moeder is 123456789.", []string{"bsn:123456789"}},
		{"sofi-nummer", "sofi-nummer 123456789", []string{"bsn:123456789"}},
		{"sofinummer", "sofinummer: 123456789", []string{"bsn:123456789"}},
		{"bsn-nummer", "BSN-nummer 123456789", []string{"bsn:123456789"}},
		{"bsn nr.", "bsn nr. 123456789", []string{"bsn:123456789"}},
		{"english", "citizen service number 123456789", []string{"bsn:123456789"}},
		{"valid without label", "nummer 111222333 doorgeven", []string{"bsn:111222333"}},
		{"valid grouped without label", "onder 111.222.333 bekend", []string{"bsn:111.222.333"}},
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

// TestBSNNegatives lists nine-digit numbers and number shapes near a BSN
// that must not become one.
func TestBSNNegatives(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"invalid without label", "Het bedrag 123456789 is fout.", nil},
		{"invalid dashed without label", "Code 123-456-789 staat erop.", nil},
		{"label in an earlier sentence", "BSN: onbekend. Het volgnummer is 123456789.", nil},
		{"list ends at a full stop", "BSN 123456789. Daarna kwam 987654321 binnen.", []string{"bsn:123456789"}},
		{"another label in the list", "BSN 123456789, klantnummer 987654321", []string{"bsn:123456789", "id_number:987654321"}},
		{"date after the label", "BSN aangevraagd op 12-03-2024.", []string{"date:12-03-2024"}},
		{"phone after the label", "BSN onbekend, bel 06-12345678.", []string{"phone:06-12345678"}},
		{"amount after the label", "BSN mist, boete € 1.234,56.", nil},
		{"ten digits", "BSN 1234567890 klopt niet", nil},
		{"list under a heading without a BSN label", "Openstaande bedragen:\n- 123456789 (januari)\n- 987654321", nil},
		{"number on the next line of a form", "BSN: onbekend\nVolgnummer 123456789", nil},
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

// TestPhoneSeparators checks phone numbers written with an en dash and in
// brackets, and number ranges that stay unflagged.
func TestPhoneSeparators(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"en dash after a mobile prefix", "op dit nummer bellen 06 – 3872 1190 en niet op mn werk", []string{"phone:06 – 3872 1190"}},
		{"en dash after an area code", "bel 050 – 312 45 67.", []string{"phone:050 – 312 45 67"}},
		{"number in brackets", "haar tante (06-20 91 83 77) belt", []string{"phone:06-20 91 83 77"}},
		{"area code in brackets", "bel (0515) 42 13 98", []string{"phone:(0515) 42 13 98"}},
		{"year range with an en dash", "van 2010 – 2024 was het lang", nil},
		{"helpline with an en dash", "de Kindertelefoon, 0800 – 0432", nil},
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

// TestPlatesWithoutDashes checks licence plates written without dashes
// and codes of the same length that are no plate.
func TestPlatesWithoutDashes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"letters digits letters", "met een grijze auto, TZ47NL.", []string{"license_plate:TZ47NL"}},
		{"letter digits letters", "kenteken K392JS gezien", []string{"license_plate:K392JS"}},
		{"digits letters digit", "auto 12ABC3 stond er", []string{"license_plate:12ABC3"}},
		{"product codes", "MP3, A4, USB3C, COVID19, 2024Q3, NL2024, AB12, ISO9001 en ABC123", nil},
		{"lower case", "een tz47nl zei hij", nil},
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
