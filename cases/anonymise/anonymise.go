// Package anonymise finds direct identifiers (names, BSN, phone numbers,
// addresses, …) and quasi-identifiers (institutions, places, ages) in Dutch
// free text and replaces them with numbered tags such as [PERSOON-1].
//
// Every free text Leerlus stores passes through this package first. It is
// pure Go and works in process: lookup lists are embedded in the binary and
// loaded once by New; nothing is fetched at run time.
package anonymise

import (
	"errors"
	"unicode/utf8"
)

// Type is the kind of identifier a Finding holds.
type Type string

// The identifier types. The first eleven are direct identifiers, the last
// three quasi-identifiers.
const (
	Person       Type = "person"
	BSN          Type = "bsn"
	Phone        Type = "phone"
	Email        Type = "email"
	Address      Type = "address"
	Postcode     Type = "postcode"
	Date         Type = "date"
	IBAN         Type = "iban"
	URL          Type = "url"
	LicensePlate Type = "license_plate"
	IDNumber     Type = "id_number"
	Institution  Type = "institution"
	Place        Type = "place"
	Age          Type = "age"
)

// Types lists every Type, direct identifiers first.
var Types = []Type{Person, BSN, Phone, Email, Address, Postcode, Date, IBAN, URL, LicensePlate, IDNumber, Institution, Place, Age}

// Direct reports whether t is a direct identifier, which is never stored; a
// quasi-identifier (institution, place, age) is stored once the author confirms.
func (t Type) Direct() bool {
	switch t {
	case Institution, Place, Age:
		return false
	}
	return true
}

// Tag returns the Dutch label used in redacted text, such as "PERSOON".
func (t Type) Tag() string {
	switch t {
	case Person:
		return "PERSOON"
	case BSN:
		return "BSN"
	case Phone:
		return "TELEFOON"
	case Email:
		return "EMAIL"
	case Address:
		return "ADRES"
	case Postcode:
		return "POSTCODE"
	case Date:
		return "DATUM"
	case IBAN:
		return "IBAN"
	case URL:
		return "URL"
	case LicensePlate:
		return "KENTEKEN"
	case IDNumber:
		return "NUMMER"
	case Institution:
		return "INSTELLING"
	case Place:
		return "PLAATS"
	case Age:
		return "LEEFTIJD"
	}
	return ""
}

// typeOfTag is the inverse of Type.Tag.
func typeOfTag(tag string) (Type, bool) {
	for _, t := range Types {
		if t.Tag() == tag {
			return t, true
		}
	}
	return "", false
}

// Finding is one detected identifier. Start and End are UTF-8 byte offsets
// into the scanned text, End exclusive, and Text is text[Start:End].
type Finding struct {
	Type       Type    `json:"type"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Confidence float64 `json:"confidence"`
}

// MaxTextBytes is the largest text, in bytes, that callers should accept.
const MaxTextBytes = 1 << 20

// Errors returned by Check; the HTTP API maps them to 400 and 413.
var (
	ErrInvalidUTF8 = errors.New("anonymise: text is not valid UTF-8")
	ErrTooLarge    = errors.New("anonymise: text is larger than 1 MiB")
)

// Check validates text before scanning: it returns ErrTooLarge for text over
// MaxTextBytes and ErrInvalidUTF8 for invalid UTF-8. Scan itself accepts any
// string and never panics; Check is for the boundaries of the system.
func Check(text string) error {
	if len(text) > MaxTextBytes {
		return ErrTooLarge
	}
	if !utf8.ValidString(text) {
		return ErrInvalidUTF8
	}
	return nil
}
