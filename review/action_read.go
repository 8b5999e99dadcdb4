package review

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// ActionSummary is an action as the board shows it: its own fields, its
// owner, and whether it is overdue or stalled today.
type ActionSummary struct {
	Action
	Owner   *PersonRef
	Overdue bool // due before today and neither done nor stopped
	Stalled bool // accepted or in progress, without a progress entry for the network's stall period
}

// ActionView is one action with what it follows up.
type ActionView struct {
	ActionSummary
	// ProposedBy is who proposed it by hand; nil for an automatic
	// proposal, and for researchers, who see no authors.
	ProposedBy    *PersonRef
	Lessons       []GroupRef
	Cases         []CaseRef // published cases only
	Organisations []OrganisationRef
	Goal          *GoalRef
	// StalledAfterDays is the stall period the flags were computed with.
	StalledAfterDays int
}

// GroupRef is a recurring lesson by id and statement.
type GroupRef struct{ ID, Statement string }

// OrganisationRef is an organisation by id and name.
type OrganisationRef struct{ ID, Name string }

// GoalRef is a goal by id and name.
type GoalRef struct{ ID, Name string }

// ActionNetwork returns the network an action belongs to, for routes
// keyed by an action.
func (s *Service) ActionNetwork(ctx context.Context, id string) (string, error) {
	return s.networkOfRow(ctx, "SELECT network_id FROM improvement_actions WHERE id = ?", id, "action")
}

// networkOfRow reads the network of one object by id with a prepared
// statement.
func (s *Service) networkOfRow(ctx context.Context, query, id, what string) (string, error) {
	if !leerlus.ValidID(id) {
		return "", leerlus.NotFound(what)
	}
	row, err := s.db.ReadRow(ctx, query, id)
	if err != nil {
		return "", err
	}
	var network string
	if err := row.Scan(&network); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", leerlus.NotFound(what)
		}
		return "", err
	}
	return network, nil
}

// GetAction reads one action of the caller's network with its links.
// Every read is audited: an action shows the titles of the cases it
// follows up.
func (s *Service) GetAction(ctx context.Context, acc leerlus.Access, id string) (*ActionView, error) {
	db := s.db.WithContext(ctx)
	a, err := actionIn(db, acc, id)
	if err != nil {
		return nil, err
	}
	v, err := s.actionView(db, acc, a)
	if err != nil {
		return nil, err
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionActionRead, ObjectType: "action",
		ObjectID: id, NetworkID: acc.NetworkID})
	return v, err
}

// actionIn loads an action of the caller's network, or not found.
func actionIn(db *gorm.DB, acc leerlus.Access, id string) (*Action, error) {
	a, err := leerlus.GetByID[Action](db, id, "action")
	if err != nil {
		return nil, err
	}
	if a.NetworkID != acc.NetworkID {
		return nil, leerlus.NotFound("action")
	}
	return a, nil
}

// flags says whether an action is overdue or stalled at now.
func (s *Service) flags(a *Action, now time.Time) (overdue, stalled bool) {
	if !a.Status.Open() {
		return false, false
	}
	overdue = a.DueOn != nil && *a.DueOn < now.Format(dateLayout)
	if a.Status == ActionAccepted || a.Status == ActionInProgress {
		last := a.LastProgressAt
		if last == nil {
			last = a.AcceptedAt
		}
		stalled = last != nil && last.Before(s.stalledSince(now))
	}
	return overdue, stalled
}

// stalledSince is the moment before which the last progress must lie for
// an action to be stalled.
func (s *Service) stalledSince(now time.Time) time.Time {
	return now.AddDate(0, 0, -s.stalledAfter)
}

// actionView completes an action with its owner, links and flags.
func (s *Service) actionView(db *gorm.DB, acc leerlus.Access, a *Action) (*ActionView, error) {
	sums, err := s.summarise(db, []Action{*a})
	if err != nil {
		return nil, err
	}
	v := &ActionView{ActionSummary: sums[0], Lessons: []GroupRef{}, Cases: []CaseRef{}, Organisations: []OrganisationRef{},
		StalledAfterDays: s.stalledAfter}
	if a.ProposedBy != nil && !hidesAuthors(acc) {
		names, err := namesByID(db, []string{*a.ProposedBy})
		if err != nil {
			return nil, err
		}
		v.ProposedBy = names[*a.ProposedBy]
	}
	err = db.Table("action_lessons al").Select("g.id, g.statement").Joins("JOIN lesson_groups g ON g.id = al.group_id").
		Where("al.action_id = ?", a.ID).Order("g.id").Scan(&v.Lessons).Error
	if err != nil {
		return nil, err
	}
	err = db.Table("action_cases ac").Select("c.id, c.title").Joins("JOIN cases c ON c.id = ac.case_id").
		Where("ac.action_id = ? AND c.status IN ?", a.ID, readableCaseStatuses).Order("c.id").Scan(&v.Cases).Error
	if err != nil {
		return nil, err
	}
	err = db.Table("action_organisations ao").Select("o.id, o.name").Joins("JOIN organisations o ON o.id = ao.organisation_id").
		Where("ao.action_id = ?", a.ID).Order("o.name, o.id").Scan(&v.Organisations).Error
	if err != nil {
		return nil, err
	}
	if a.GoalID != nil {
		var g GoalRef
		if err := db.Table("goals").Select("id, name").Where("id = ?", *a.GoalID).Take(&g).Error; err != nil && !leerlus.IsNotFound(err) {
			return nil, err
		} else if err == nil {
			v.Goal = &g
		}
	}
	return v, nil
}

// summarise adds owners and today's flags to actions.
func (s *Service) summarise(db *gorm.DB, rows []Action) ([]ActionSummary, error) {
	var owners []string
	for _, a := range rows {
		if a.OwnerID != nil {
			owners = append(owners, *a.OwnerID)
		}
	}
	names, err := namesByID(db, owners)
	if err != nil {
		return nil, err
	}
	now := s.now.Now()
	out := make([]ActionSummary, len(rows))
	for i, a := range rows {
		out[i] = ActionSummary{Action: a}
		if a.OwnerID != nil {
			out[i].Owner = names[*a.OwnerID]
		}
		out[i].Overdue, out[i].Stalled = s.flags(&rows[i], now)
	}
	return out, nil
}

// personNames reads the names of people by id.
func namesByID(db *gorm.DB, ids []string) (map[string]*PersonRef, error) {
	out := map[string]*PersonRef{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []PersonRef
	if err := db.Table("people").Select("id, name").Where("id IN ?", dedupe(ids)).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for i := range rows {
		out[rows[i].ID] = &rows[i]
	}
	return out, nil
}

func dedupe(ids []string) []string {
	seen := map[string]bool{}
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// hidesAuthors reports whether the caller reads without the names of the
// people who wrote (researchers, as for reflections).
func hidesAuthors(acc leerlus.Access) bool { return acc.Role == string(policy.RoleResearcher) }

// ProgressEntry is one entry of an action's progress log as read.
type ProgressEntry struct {
	Progress
	Writer *PersonRef // nil for researchers
}

// ProgressLog lists an action's progress entries, newest first.
func (s *Service) ProgressLog(ctx context.Context, acc leerlus.Access, id string, p leerlus.Page) ([]ProgressEntry, string, error) {
	db := s.db.WithContext(ctx)
	if _, err := actionIn(db, acc, id); err != nil {
		return nil, "", err
	}
	rows, next, err := leerlus.PageNewestFirst(db.Where("action_id = ?", id), p, "id", func(r Progress) string { return r.ID })
	if err != nil {
		return nil, "", err
	}
	out, err := progressEntries(db, acc, rows)
	return out, next, err
}

func progressEntries(db *gorm.DB, acc leerlus.Access, rows []Progress) ([]ProgressEntry, error) {
	var writers []string
	for _, r := range rows {
		if r.WrittenBy != nil {
			writers = append(writers, *r.WrittenBy)
		}
	}
	names := map[string]*PersonRef{}
	if !hidesAuthors(acc) {
		var err error
		if names, err = namesByID(db, writers); err != nil {
			return nil, err
		}
	}
	out := make([]ProgressEntry, len(rows))
	for i, r := range rows {
		out[i] = ProgressEntry{Progress: r}
		if r.WrittenBy != nil {
			out[i].Writer = names[*r.WrittenBy]
		}
	}
	return out, nil
}
