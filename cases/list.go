package cases

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// Filter narrows a network's case list. Empty fields do not filter.
type Filter struct {
	Outcome string
	Status  string // default: published
	AgeBand string
	Service string
	Phase   string // cases with a key episode in this phase
	From    *Period
	To      *Period
	// Mine lists the caller's own cases in every status.
	Mine bool
}

// Summary is one case in a list.
type Summary struct {
	Case
	Services     []string
	EpisodeCount int
	Mine         bool
}

// Listing is one page of a case list, with the number of cases per
// outcome under the same filters (outcome aside), for the list's tabs.
type Listing struct {
	Items      []Summary
	NextCursor string
	ByOutcome  map[string]int
}

// summaryColumns are what a list item shows: not the summary, the
// numbering or other long texts, which a page of 50 would carry for nothing.
const summaryColumns = "cases.id, cases.network_id, cases.author_id, cases.status, cases.title, cases.outcome, " +
	"cases.start_period, cases.end_period, cases.age_band, cases.duration, cases.service_mask, cases.episode_count, " +
	"cases.correction, cases.review_comment, cases.last_editor_id, cases.published_by, cases.created_at, " +
	"cases.updated_at, cases.submitted_at, cases.published_at, cases.version"

// check validates a filter for the caller: others' drafts are never
// listed, and submitted cases only for the network's facilitators.
func (f *Filter) check(acc leerlus.Access) error {
	var v leerlus.Validation
	checkCode(&v, "outcome", &f.Outcome, Outcomes)
	checkCode(&v, "age_band", &f.AgeBand, AgeBands)
	checkCode(&v, "service", &f.Service, Services)
	checkCode(&v, "phase", &f.Phase, Phases)
	allowed := []string{string(StatusPublished), string(StatusArchived)}
	if f.Mine {
		allowed = []string{string(StatusDraft), string(StatusSubmitted), string(StatusPublished), string(StatusArchived)}
	} else if acc.Role == string(policy.RoleFacilitator) {
		allowed = append(allowed, string(StatusSubmitted))
	}
	if f.Status != "" {
		ok := false
		for _, a := range allowed {
			ok = ok || a == f.Status
		}
		v.Check(ok, "status", leerlus.FieldOneOf, leerlus.Params{"allowed": allowed})
	}
	if f.From != nil && f.To != nil && f.To.code() < f.From.code() {
		v.Add("to", leerlus.FieldBeforeStart, nil)
	}
	return v.Err()
}

// List lists a network's cases, newest first. Every list by anyone but
// for their own cases is audited with its filters (never case text).
func (s *Service) List(ctx context.Context, acc leerlus.Access, f Filter, p leerlus.Page) (*Listing, error) {
	if err := f.check(acc); err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	base := func() *gorm.DB { return f.apply(db.Model(&Case{}).Where("cases.network_id = ?", acc.NetworkID), acc) }
	rows, next, err := leerlus.PageNewestFirst(base().Select(summaryColumns).Where(f.outcomeClause()), p, "cases.id", func(c Case) string { return c.ID })
	if err != nil {
		return nil, err
	}
	out := &Listing{Items: make([]Summary, len(rows)), NextCursor: next, ByOutcome: map[string]int{}}
	for i, c := range rows {
		mine := c.AuthorID == acc.PersonID()
		if !knowsAuthor(acc, &c) {
			c.AuthorID, c.LastEditorID, c.PublishedBy, c.ReviewComment = "", "", nil, ""
		}
		// The services come from the mask and the count from the row: a
		// page is one query.
		out.Items[i] = Summary{Case: c, Mine: mine, Services: Services.FromMask(c.ServiceMask), EpisodeCount: c.EpisodeCount}
	}
	var counts []struct {
		Outcome string
		N       int
	}
	if err := base().Select("cases.outcome AS outcome, COUNT(*) AS n").Group("cases.outcome").Scan(&counts).Error; err != nil {
		return nil, err
	}
	for _, o := range Outcomes.Terms {
		out.ByOutcome[o.Code] = 0
	}
	for _, c := range counts {
		if c.Outcome != "" {
			out.ByOutcome[c.Outcome] = c.N
		}
	}
	if f.Mine {
		return out, nil
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionCasesListed, ObjectType: "network", ObjectID: acc.NetworkID, NetworkID: acc.NetworkID, Detail: f.describe(p)})
	return out, err
}

// apply adds the filter's conditions, outcome aside.
func (f *Filter) apply(db *gorm.DB, acc leerlus.Access) *gorm.DB {
	switch {
	case f.Mine:
		db = db.Where("cases.author_id = ?", acc.PersonID())
		if f.Status != "" {
			db = db.Where("cases.status = ?", f.Status)
		}
	case f.Status != "":
		db = db.Where("cases.status = ?", f.Status)
	default:
		db = db.Where("cases.status = ?", StatusPublished)
	}
	if f.AgeBand != "" {
		db = db.Where("cases.age_band = ?", f.AgeBand)
	}
	if f.Service != "" {
		db = db.Where("(cases.service_mask & ?) <> 0", Services.Mask(f.Service))
	}
	if f.Phase != "" {
		db = db.Where("(cases.phase_mask & ?) <> 0", Phases.Mask(f.Phase))
	}
	if f.From != nil {
		// Trajectories still running at the start of the range count too.
		db = db.Where("(cases.end_period IS NULL OR cases.end_period >= ?)", f.From.code())
	}
	if f.To != nil {
		db = db.Where("cases.start_period <= ? AND cases.start_period > 0", f.To.code())
	}
	return db
}

// outcomeClause is the outcome condition, kept apart so the per-outcome
// counts can leave it out.
func (f *Filter) outcomeClause() any {
	if f.Outcome == "" {
		return "1 = 1"
	}
	return map[string]any{"cases.outcome": f.Outcome}
}

// describe writes the filters for the audit log.
func (f *Filter) describe(p leerlus.Page) string {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("outcome", f.Outcome)
	set("status", f.Status)
	set("age_band", f.AgeBand)
	set("service", f.Service)
	set("phase", f.Phase)
	if f.From != nil {
		set("from", f.From.String())
	}
	if f.To != nil {
		set("to", f.To.String())
	}
	if p.After != "" {
		set("page", "next")
	}
	return "list " + strings.ReplaceAll(q.Encode(), "&", " ")
}

// String writes a period as 2024-Q3, the form the API reads.
func (p Period) String() string { return strconv.Itoa(p.Year) + "-Q" + strconv.Itoa(p.Quarter) }

// ParsePeriod reads 2024-Q3.
func ParsePeriod(field, s string) (*Period, error) {
	if s == "" {
		return nil, nil
	}
	year, q, ok := strings.Cut(strings.ToUpper(s), "-Q")
	y, err1 := strconv.Atoi(year)
	n, err2 := strconv.Atoi(q)
	if !ok || err1 != nil || err2 != nil || n < 1 || n > 4 || y < firstYear || y > 9999 {
		return nil, leerlus.Invalid(field, leerlus.FieldFormat, leerlus.Params{"format": "quarter"})
	}
	return &Period{Year: y, Quarter: n}, nil
}
