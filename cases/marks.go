package cases

import (
	"time"

	"leerlus/cases/anonymise"
)

// MarkKind is what an author decided about one finding of the anonymiser.
type MarkKind string

// The decisions an author can take on a finding.
const (
	// MarkDismissed: a direct identifier the author calls a false alarm (a
	// flower called Roos). The facilitator sees it at the four-eyes check.
	MarkDismissed MarkKind = "dismissed"
	// MarkConfirmed: a quasi-identifier (a school, a village, an age) the
	// author chose to keep.
	MarkConfirmed MarkKind = "confirmed"
)

// Verdicts a facilitator gives a dismissed finding at the four-eyes check.
const (
	VerdictAccepted       = "accepted"
	VerdictRealIdentifier = "real_identifier"
)

// Mark is an author's decision on one finding, stored with the text as a
// place and a type: never the matched text.
type Mark struct {
	ID       string
	CaseID   string
	ObjectID string // the case or the episode whose text it is in
	// ReflectionID is set for a mark in a reflection on the case.
	ReflectionID *string
	Field        string // a JSON pointer into that object: /summary
	Kind         MarkKind
	FindingType  string
	StartAt      int // UTF-16 code units
	EndAt        int
	Verdict      string
	CreatedAt    time.Time
}

// TableName names the table.
func (Mark) TableName() string { return "anonymity_marks" }

// MarkInput is a decision as a request sends it: Field is a JSON pointer
// into that request's body.
type MarkInput struct {
	Field string
	Type  string
	Start int
	End   int
}

// Decisions are the author's decisions sent with a write.
type Decisions struct {
	Dismissed []MarkInput
	Confirmed []MarkInput
	// unchecked: see Unchecked.
	unchecked bool
}

// Unchecked marks decisions on a write that no second person checks
// afterwards: a text of no case, a facilitator's curation of a lesson, a
// send-back comment. A case's or reflection's dismissals are stored as
// marks and checked before publishing; these are not, so only a finding
// whose false alarms are an everyday matter may be dismissed (see
// uncheckedDismissable), and an identifier with a fixed shape (a BSN,
// phone number, e-mail address, IBAN, address, file number, …) must be
// taken out of the text.
func (d Decisions) Unchecked() Decisions {
	d.unchecked = true
	return d
}

// uncheckedDismissable: an ordinary word or a service's name that looks
// like a person's name, the date of a meeting.
func uncheckedDismissable(t anonymise.Type) bool { return t == anonymise.Person || t == anonymise.Date }
