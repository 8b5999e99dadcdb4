package cases

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"strconv"
	"strings"

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
const summaryColumns = "id, author_id, status, title, outcome, start_period, end_period, age_band, duration, " +
	"service_mask, episode_count, correction, review_comment, updated_at, submitted_at, published_at, version"

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
//
// A list is on the path of every visit to a network. On SQLite its page
// comes from memory when the network's cases have not changed since it
// was read (listPages; the count is one indexed row). Otherwise it runs as
// at most two prepared statements on the reader pool (the page and the
// counts per outcome), both served by one covering index, without GORM in
// between; when the first page holds every case under the filter, its
// items are counted and the second statement is not needed. What depends on the
// caller (which authors they may know, which cases are theirs) is applied
// to every answer, never kept.
func (s *Service) List(ctx context.Context, acc leerlus.Access, f Filter, p leerlus.Page) (*Listing, error) {
	if err := f.check(acc); err != nil {
		return nil, err
	}
	where, args := f.where(acc)
	page := "SELECT " + summaryColumns + " FROM cases WHERE " + where
	pageArgs := append([]any{}, args...)
	if f.Outcome != "" {
		page += " AND outcome = ?"
		pageArgs = append(pageArgs, f.Outcome)
	}
	if p.After != "" {
		page += " AND id < ?"
		pageArgs = append(pageArgs, p.After)
	}
	page += " ORDER BY id DESC LIMIT ?"
	pageArgs = append(pageArgs, p.Limit+1)

	var key string
	var keep bool // on SQLite only (migration 0008 says why)
	if s.db.Dialect == leerlus.SQLite {
		revision, err := s.caseRevision(ctx, acc.NetworkID)
		if err != nil {
			return nil, err
		}
		key, keep = pageKey(revision, page, pageArgs)
	}
	var kept *listPage
	if keep {
		kept, _ = s.pages.Get(key)
	}
	if kept == nil {
		var err error
		if kept, err = s.readPage(ctx, acc.NetworkID, f, p, page, pageArgs, where, args); err != nil {
			return nil, err
		}
		if keep {
			s.pages.Put(key, kept)
		}
	}

	out := &Listing{Items: make([]Summary, 0, len(kept.cases)), NextCursor: kept.next, ByOutcome: make(map[string]int, len(kept.byOutcome))}
	for o, n := range kept.byOutcome {
		out.ByOutcome[o] = n
	}
	for _, c := range kept.cases { // a copy: the kept page is shared
		mine := c.AuthorID == acc.PersonID()
		if !knowsAuthor(acc, &c) {
			c.AuthorID, c.ReviewComment = "", ""
		}
		// The services come from the mask and the count from the row.
		out.Items = append(out.Items, Summary{Case: c, Mine: mine, Services: Services.FromMask(c.ServiceMask), EpisodeCount: c.EpisodeCount})
	}
	if f.Mine {
		return out, nil
	}
	err := s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionCasesListed, ObjectType: "network", ObjectID: acc.NetworkID, NetworkID: acc.NetworkID, Detail: f.describe(p)})
	return out, err
}

// caseRevision is the network's count of writes to its cases (migration
// 0008, SQLite only), 0 before its first case.
func (s *Service) caseRevision(ctx context.Context, networkID string) (int64, error) {
	row, err := s.db.ReadRow(ctx, "SELECT revision FROM case_revisions WHERE network_id = ?", networkID)
	if err != nil {
		return 0, err
	}
	var revision int64
	if err := row.Scan(&revision); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	return revision, nil
}

// readPage reads one page of a list and its counts per outcome from the
// database, as every caller under the same filter sees it.
func (s *Service) readPage(ctx context.Context, networkID string, f Filter, p leerlus.Page, page string, pageArgs []any, where string, args []any) (*listPage, error) {
	rows, err := s.db.ReadRows(ctx, page, pageArgs...)
	if err != nil {
		return nil, err
	}
	out := &listPage{byOutcome: map[string]int{}}
	for rows.Next() {
		// Every column costs a call into SQLite per row: only what a list
		// item shows (the network is the caller's).
		c := Case{NetworkID: networkID}
		if err := rows.Scan(&c.ID, &c.AuthorID, &c.Status, &c.Title, &c.Outcome, &c.StartPeriod, &c.EndPeriod,
			&c.AgeBand, &c.Duration, &c.ServiceMask, &c.EpisodeCount, &c.Correction, &c.ReviewComment,
			&c.UpdatedAt, &c.SubmittedAt, &c.PublishedAt, &c.Version); err != nil {
			rows.Close()
			return nil, err
		}
		out.cases = append(out.cases, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out.cases) > p.Limit {
		out.cases = out.cases[:p.Limit]
		out.next = out.cases[p.Limit-1].ID
	}
	for _, o := range Outcomes.Terms {
		out.byOutcome[o.Code] = 0
	}
	if whole := p.After == "" && f.Outcome == "" && out.next == ""; whole {
		// The page holds every case under the filter (most networks have
		// fewer cases than a page): count them here, sparing a query.
		for _, c := range out.cases {
			if c.Outcome != "" {
				out.byOutcome[c.Outcome]++
			}
		}
	} else if err := s.countByOutcome(ctx, out.byOutcome, where, args); err != nil {
		return nil, err
	}
	return out, nil
}

// countByOutcome counts the cases under the filter's conditions (outcome
// aside) per outcome into by.
func (s *Service) countByOutcome(ctx context.Context, by map[string]int, where string, args []any) error {
	counts, err := s.db.ReadRows(ctx, "SELECT outcome, COUNT(*) FROM cases WHERE "+where+" GROUP BY outcome", args...)
	if err != nil {
		return err
	}
	defer counts.Close()
	for counts.Next() {
		var outcome string
		var n int
		if err := counts.Scan(&outcome, &n); err != nil {
			return err
		}
		if outcome != "" {
			by[outcome] = n
		}
	}
	return counts.Err()
}

// where writes the filter's conditions, outcome aside (the counts per
// outcome leave it out), with ? placeholders.
func (f *Filter) where(acc leerlus.Access) (string, []any) {
	conds := []string{"network_id = ?"}
	args := []any{acc.NetworkID}
	add := func(cond string, vals ...any) {
		conds = append(conds, cond)
		args = append(args, vals...)
	}
	switch {
	case f.Mine:
		add("author_id = ?", acc.PersonID())
		if f.Status != "" {
			add("status = ?", f.Status)
		}
	case f.Status != "":
		add("status = ?", f.Status)
	default:
		add("status = ?", string(StatusPublished))
	}
	if f.AgeBand != "" {
		add("age_band = ?", f.AgeBand)
	}
	if f.Service != "" {
		add("(service_mask & ?) <> 0", Services.Mask(f.Service))
	}
	if f.Phase != "" {
		add("(phase_mask & ?) <> 0", Phases.Mask(f.Phase))
	}
	if f.From != nil {
		// Trajectories still running at the start of the range count too.
		add("(end_period IS NULL OR end_period >= ?)", f.From.code())
	}
	if f.To != nil {
		add("start_period <= ? AND start_period > 0", f.To.code())
	}
	return strings.Join(conds, " AND "), args
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
