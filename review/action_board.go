package review

import (
	"context"
	"net/url"
	"strings"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// ActionFilter narrows the action board. Empty fields do not filter.
type ActionFilter struct {
	Status string
	Phase  string
	Owner  string // a person's id, or "me"
	// Lesson narrows the board to the actions that follow up one
	// recurring lesson (a group's id): the recurring lesson's page lists
	// them.
	Lesson  string
	Overdue bool
	Stalled bool
}

func (f *ActionFilter) check(acc leerlus.Access) error {
	var v leerlus.Validation
	checkOneOf(&v, "status", f.Status, ActionStatuses, false)
	checkOneOf(&v, "phase", f.Phase, Phases, false)
	if f.Owner == "me" {
		f.Owner = acc.PersonID()
	} else {
		leerlus.CheckID(&v, "owner", f.Owner)
	}
	leerlus.CheckID(&v, "lesson", f.Lesson)
	return v.Err()
}

// ActionBoard is one page of a network's actions, newest first, with the
// counts the board's columns show. The counts follow the owner, overdue
// and stalled filters but not the status and phase ones, so that every
// column shows its number whichever is open.
type ActionBoard struct {
	Items      []ActionSummary
	NextCursor string
	ByStatus   map[ActionStatus]int
	ByPhase    map[Phase]int
	Total      int
	Overdue    int
	Stalled    int
	// StalledAfterDays is the stall period the flags use.
	StalledAfterDays int
}

// openStatuses and runningStatuses, as SQL lists.
var (
	closedStatuses  = []string{string(ActionDone), string(ActionStopped)}
	runningStatuses = []string{string(ActionAccepted), string(ActionInProgress)}
)

// Conditions of the flags, the same as flags computes per action.
const (
	overdueSQL = "(status NOT IN ? AND due_on IS NOT NULL AND due_on < ?)"
	stalledSQL = "(status IN ? AND COALESCE(last_progress_at, accepted_at) < ?)"
)

// moment is the today and the stall limit a read computes flags with.
type moment struct {
	today string
	since time.Time
}

func (s *Service) moment() moment {
	now := s.now.Now()
	return moment{today: now.Format(dateLayout), since: s.stalledSince(now)}
}

func (m moment) overdue(q *gorm.DB) *gorm.DB { return q.Where(overdueSQL, closedStatuses, m.today) }
func (m moment) stalled(q *gorm.DB) *gorm.DB { return q.Where(stalledSQL, runningStatuses, m.since) }

// Actions lists the network's actions for the board. Every list is
// audited with its filters.
func (s *Service) Actions(ctx context.Context, acc leerlus.Access, f ActionFilter, p leerlus.Page) (*ActionBoard, error) {
	if err := f.check(acc); err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	m := s.moment()
	base := func() *gorm.DB {
		q := db.Model(&Action{}).Where("network_id = ?", acc.NetworkID)
		if f.Owner != "" {
			q = q.Where("owner_id = ?", f.Owner)
		}
		if f.Lesson != "" {
			q = q.Where("id IN (SELECT action_id FROM action_lessons WHERE group_id = ?)", f.Lesson)
		}
		if f.Overdue {
			q = m.overdue(q)
		}
		if f.Stalled {
			q = m.stalled(q)
		}
		return q
	}
	out := &ActionBoard{ByStatus: map[ActionStatus]int{}, ByPhase: map[Phase]int{}, StalledAfterDays: s.stalledAfter}
	if err := s.countBoard(base(), m, out); err != nil {
		return nil, err
	}
	q := base()
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.Phase != "" {
		q = q.Where("phase = ?", f.Phase)
	}
	rows, next, err := leerlus.PageNewestFirst(q, p, "id", func(a Action) string { return a.ID })
	if err != nil {
		return nil, err
	}
	if out.Items, err = s.summarise(db, rows); err != nil {
		return nil, err
	}
	out.NextCursor = next
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionActionsListed, ObjectType: "network",
		ObjectID: acc.NetworkID, NetworkID: acc.NetworkID, Detail: f.describe(p)})
	return out, err
}

// countBoard counts a board's actions per status and phase, and the
// overdue and stalled ones, in one grouped query.
func (s *Service) countBoard(q *gorm.DB, m moment, out *ActionBoard) error {
	var rows []struct {
		Status  ActionStatus
		Phase   Phase
		N       int
		Overdue int
		Stalled int
	}
	err := q.Select("status, phase, COUNT(*) AS n, "+
		"SUM(CASE WHEN "+overdueSQL+" THEN 1 ELSE 0 END) AS overdue, "+
		"SUM(CASE WHEN "+stalledSQL+" THEN 1 ELSE 0 END) AS stalled",
		closedStatuses, m.today, runningStatuses, m.since).Group("status, phase").Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		out.ByStatus[r.Status] += r.N
		out.ByPhase[r.Phase] += r.N
		out.Total += r.N
		out.Overdue += r.Overdue
		out.Stalled += r.Stalled
	}
	return nil
}

// describe writes the filters for the audit log.
func (f *ActionFilter) describe(p leerlus.Page) string {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("status", f.Status)
	set("phase", f.Phase)
	set("owner", f.Owner)
	set("lesson", f.Lesson)
	if f.Overdue {
		set("overdue", "true")
	}
	if f.Stalled {
		set("stalled", "true")
	}
	if p.After != "" {
		set("page", "next")
	}
	return "list " + strings.ReplaceAll(q.Encode(), "&", " ")
}

// Attention reasons: why an action asks for someone's attention.
const (
	ReasonOverdue  = "overdue"
	ReasonStalled  = "stalled"
	ReasonAwaiting = "awaiting_acceptance"
)

// AttentionItem is an action with why it needs attention.
type AttentionItem struct {
	ActionSummary
	Reasons []string
}

// Attention lists, newest first, what needs the caller's attention in the
// network: the actions they own that are overdue or stalled, and, for a
// manager, the proposed actions waiting for one to accept them.
func (s *Service) Attention(ctx context.Context, acc leerlus.Access, p leerlus.Page) ([]AttentionItem, string, error) {
	db := s.db.WithContext(ctx)
	m := s.moment()
	cond := "(owner_id = ? AND (" + overdueSQL + " OR " + stalledSQL + "))"
	args := []any{acc.PersonID(), closedStatuses, m.today, runningStatuses, m.since}
	if acc.Role == string(policy.RoleManager) {
		cond = "(" + cond + " OR status = ?)"
		args = append(args, string(ActionProposed))
	}
	q := db.Model(&Action{}).Where("network_id = ?", acc.NetworkID).Where(cond, args...)
	rows, next, err := leerlus.PageNewestFirst(q, p, "id", func(a Action) string { return a.ID })
	if err != nil {
		return nil, "", err
	}
	items, err := s.attentionItems(db, rows)
	if err != nil {
		return nil, "", err
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionActionsListed, ObjectType: "network",
		ObjectID: acc.NetworkID, NetworkID: acc.NetworkID, Detail: "attention"})
	return items, next, err
}

func (s *Service) attentionItems(db *gorm.DB, rows []Action) ([]AttentionItem, error) {
	sums, err := s.summarise(db, rows)
	if err != nil {
		return nil, err
	}
	out := make([]AttentionItem, len(sums))
	for i, a := range sums {
		out[i] = AttentionItem{ActionSummary: a, Reasons: reasons(a)}
	}
	return out, nil
}

func reasons(a ActionSummary) []string {
	out := []string{}
	if a.Overdue {
		out = append(out, ReasonOverdue)
	}
	if a.Stalled {
		out = append(out, ReasonStalled)
	}
	if a.Status == ActionProposed {
		out = append(out, ReasonAwaiting)
	}
	return out
}

// Digest is what a network's follow-up asks for today: the overdue and
// stalled actions and the proposals waiting for a manager, each list the
// newest first and at most DigestMax long, with the full counts.
type Digest struct {
	NetworkID        string
	Today            string // YYYY-MM-DD
	StalledAfterDays int
	Overdue          []ActionSummary
	Stalled          []ActionSummary
	Awaiting         []ActionSummary
	OverdueCount     int
	StalledCount     int
	AwaitingCount    int
}

// DigestMax bounds each list of a digest.
const DigestMax = leerlus.MaxLimit

// Digest gathers a network's follow-up for its managers (and an e-mail
// digest). Every digest read is audited.
func (s *Service) Digest(ctx context.Context, acc leerlus.Access) (*Digest, error) {
	db := s.db.WithContext(ctx)
	m := s.moment()
	out := &Digest{NetworkID: acc.NetworkID, Today: m.today, StalledAfterDays: s.stalledAfter}
	lists := []struct {
		scope func(*gorm.DB) *gorm.DB
		items *[]ActionSummary
		count *int
	}{
		{m.overdue, &out.Overdue, &out.OverdueCount},
		{m.stalled, &out.Stalled, &out.StalledCount},
		{func(q *gorm.DB) *gorm.DB { return q.Where("status = ?", string(ActionProposed)) }, &out.Awaiting, &out.AwaitingCount},
	}
	for _, l := range lists {
		q := func() *gorm.DB { return l.scope(db.Model(&Action{}).Where("network_id = ?", acc.NetworkID)) }
		var n int64
		if err := q().Count(&n).Error; err != nil {
			return nil, err
		}
		*l.count = int(n)
		var rows []Action
		if err := q().Order("id DESC").Limit(DigestMax).Find(&rows).Error; err != nil {
			return nil, err
		}
		sums, err := s.summarise(db, rows)
		if err != nil {
			return nil, err
		}
		*l.items = sums
	}
	err := s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionActionsListed, ObjectType: "network",
		ObjectID: acc.NetworkID, NetworkID: acc.NetworkID, Detail: "digest"})
	return out, err
}
