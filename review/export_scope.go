package review

import (
	"context"
	"net/url"
	"strings"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

// ExportKind names what an export holds and how it is encoded; the audit
// entry names it.
type ExportKind string

// The exports.
const (
	ExportCodingsCSV  ExportKind = "codings.csv"
	ExportCodingsJSON ExportKind = "codings.json"
	ExportLessonsCSV  ExportKind = "lessons.csv"
	ExportLessonsJSON ExportKind = "lessons.json"
	ExportProject     ExportKind = "project.qdpx"
)

// ExportFilter selects the cases of an export. Empty fields do not
// filter; Networks empty means every network where the caller is a
// researcher.
type ExportFilter struct {
	Networks []string
	Outcomes []string
	AgeBands []string
	Service  string
	Phase    string
	From, To *cases.Period
	// Excel asks for the spreadsheet-friendly CSV (a BOM and ";"); it is
	// the API's encoding, recorded here only so the audit names it.
	Excel bool
}

// Export is a started export: its networks resolved, its filter checked
// and its audit entries written. Rows are read page by page as the caller
// asks for them.
type Export struct {
	s        *Service
	kind     ExportKind
	networks []researchNetwork
	filter   ExportFilter
}

// StartExport checks an export's filter and scope and writes its audit
// entries (export.created, one per network, with the parameters) before
// any row leaves. Exports hold published texts row by row, so they are
// for researchers only, in exactly the networks where they hold that
// role (researchNetworks with useExports: facilitators and managers get
// the aggregates of the pattern queries instead).
func (s *Service) StartExport(ctx context.Context, acc leerlus.Access, kind ExportKind, f ExportFilter) (*Export, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	chosen, err := researchNetworks(s.db.WithContext(ctx), acc, f.Networks, useExports)
	if err != nil {
		return nil, err
	}
	e := &Export{s: s, kind: kind, networks: chosen, filter: f}
	detail := string(kind) + " " + f.describe()
	events := make([]policy.Attributed, len(chosen))
	for i, n := range chosen {
		events[i] = policy.Attributed{Actor: acc.Actor, Event: policy.Event{Action: policy.ActionExportCreated,
			ObjectType: "network", ObjectID: n.ID, NetworkID: n.ID, Detail: detail}}
	}
	err = s.db.InTx(ctx, func(tx *gorm.DB) error { return s.audit.RecordMany(tx, events) })
	return e, err
}

// Kind is what the export holds.
func (e *Export) Kind() ExportKind { return e.kind }

func (f *ExportFilter) check() error {
	var v leerlus.Validation
	checkNetworkList(&v, f.Networks)
	checkCodes(&v, "outcome", f.Outcomes, cases.Outcomes)
	checkCodes(&v, "age_band", f.AgeBands, cases.AgeBands)
	if f.Service != "" {
		checkCodes(&v, "service", []string{f.Service}, cases.Services)
	}
	if f.Phase != "" {
		checkCodes(&v, "phase", []string{f.Phase}, cases.Phases)
	}
	if f.From != nil && f.To != nil && f.To.Before(*f.From) {
		v.Add("to", leerlus.FieldBeforeStart, nil)
	}
	return v.Err()
}

// checkCodes checks that every value is a code of the list, once.
func checkCodes(v *leerlus.Validation, field string, values []string, list cases.List) {
	seen := map[string]bool{}
	for _, c := range values {
		if !list.Has(c) {
			v.Add(field, leerlus.FieldOneOf, leerlus.Params{"allowed": list.Codes()})
			return
		}
		if seen[c] {
			v.Add(field, leerlus.FieldDuplicate, nil)
			return
		}
		seen[c] = true
	}
}

// cases is the export's filter on cases.
func (f *ExportFilter) cases() caseFilter {
	return caseFilter{Outcomes: f.Outcomes, AgeBands: f.AgeBands, Service: f.Service, Phase: f.Phase, From: f.From, To: f.To}
}

// describe writes the filter for the audit log.
func (f *ExportFilter) describe() string {
	q := url.Values{}
	for _, n := range f.Networks {
		q.Add("networks", n)
	}
	f.cases().describeInto(q)
	if f.Excel {
		q.Set("excel", "true")
	}
	if len(q) == 0 {
		return "all"
	}
	return strings.ReplaceAll(q.Encode(), "&", " ")
}

// caseConditions are the filter's conditions on the cases table (alias
// k), for one network and status, with ? placeholders.
func (f *ExportFilter) caseConditions(networkID string, status cases.Status) (string, []any) {
	conds, args := f.cases().conditions("k")
	return strings.Join(append([]string{"k.network_id = ?", "k.status = ?"}, conds...), " AND "),
		append([]any{networkID, string(status)}, args...)
}
