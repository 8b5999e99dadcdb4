package leerlus

// CodeIdentifying refuses a write whose text holds identifying details: a
// direct identifier (never stored) or a quasi-identifier the author has
// not confirmed. The API answers 422 with the findings.
const CodeIdentifying Code = "identifying"

// Finding is one identifying detail in a field of a refused write. Start
// and End count UTF-16 code units (what JavaScript string offsets count),
// End exclusive. It never holds the matched text: an error body may be
// logged or cached on the way back, and the client has the text anyway.
type Finding struct {
	Field  string // a JSON pointer into the request body: /episodes/2/what_happened
	Type   string // person, bsn, phone, … (anonymise.Type)
	Start  int
	End    int
	Direct bool // a direct identifier: the text can never be stored with it
	// Tag is what the case calls this detail, such as [PERSOON-1]: the
	// same person has the same tag in every text of one case.
	Tag string
	// MustChange: this finding cannot be dismissed here; only changing the
	// text lets the write through.
	MustChange bool
}

// Identifying returns the refusal of a write with findings.
func Identifying(findings []Finding) *Error {
	msg := "The text holds details that could identify a child or family. Replace them or confirm them, then save again."
	for _, f := range findings {
		if f.Direct {
			msg = "The text holds details that identify a person (a name, a BSN, a phone number …). Nothing was saved: replace them first."
			break
		}
	}
	return &Error{Code: CodeIdentifying, Message: msg, Findings: findings}
}
