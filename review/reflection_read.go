package review

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"leerlus"
	"leerlus/policy"
)

// NetworkOf finds the network of a reflection, for the route scope.
func (s *Service) NetworkOf(ctx context.Context, id string) (string, error) {
	if !leerlus.ValidID(id) {
		return "", leerlus.NotFound("reflection")
	}
	row, err := s.db.ReadRow(ctx, "SELECT network_id FROM reflections WHERE id = ?", id)
	if err != nil {
		return "", err
	}
	var network string
	if err := row.Scan(&network); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", leerlus.NotFound("reflection")
		}
		return "", err
	}
	return network, nil
}

// Get reads one reflection as the caller may see it; a read by anyone but
// its author is audited (who and which, never the text).
func (s *Service) Get(ctx context.Context, acc leerlus.Access, id string) (*ReflectionView, error) {
	db := s.db.WithContext(ctx)
	r, err := leerlus.GetByID[Reflection](db, id, "reflection")
	if err != nil {
		return nil, err
	}
	if !reflectionVisible(acc, r) {
		return nil, leerlus.NotFound("reflection")
	}
	out, err := s.loadView(db, acc, r)
	if err != nil {
		return nil, err
	}
	if r.AuthorID == acc.PersonID() {
		return out, nil
	}
	return out, s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionReflectionRead, ObjectType: "reflection", ObjectID: r.ID, NetworkID: r.NetworkID})
}

// CaseReflections are the reflections on one case the caller may see,
// with where their perspectives agree and differ.
type CaseReflections struct {
	Reflections []ReflectionView
	Comparison  Comparison
	// MineID is the caller's own reflection on the case, in any state.
	MineID string
}

// ForCase reads the reflections on a case: published ones for everyone
// with a role, submitted ones too for the network's facilitators, and
// the caller's own draft. The list is audited for everyone else than
// an author reading only their own.
func (s *Service) ForCase(ctx context.Context, acc leerlus.Access, caseID string) (*CaseReflections, error) {
	db := s.db.WithContext(ctx)
	var network, status string
	row := db.Table("cases").Select("network_id, status").Where("id = ?", caseID).Row()
	if err := row.Scan(&network, &status); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, leerlus.NotFound("case")
		}
		return nil, err
	}
	if network != acc.NetworkID {
		return nil, leerlus.NotFound("case")
	}
	q := db.Where("case_id = ?", caseID)
	if facilitatesNetwork(acc, network) {
		q = q.Where("status IN ? OR author_id = ?", []Status{StatusPublished, StatusSubmitted}, acc.PersonID())
	} else {
		q = q.Where("status = ? OR author_id = ?", StatusPublished, acc.PersonID())
	}
	var rows []Reflection
	if err := q.Order("perspective, created_at, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := &CaseReflections{}
	others := 0
	for i := range rows {
		r := &rows[i]
		if !reflectionVisible(acc, r) {
			continue
		}
		if r.AuthorID == acc.PersonID() {
			out.MineID = r.ID
		} else {
			others++
		}
		v, err := s.loadView(db, acc, r)
		if err != nil {
			return nil, err
		}
		out.Reflections = append(out.Reflections, *v)
	}
	// Agreement is read from published reflections only: a draft or a
	// reflection waiting for its check may still change.
	var published []ReflectionView
	for _, r := range out.Reflections {
		if r.Status == StatusPublished {
			published = append(published, r)
		}
	}
	out.Comparison = compare(published)
	if others == 0 {
		return out, nil
	}
	return out, s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionReflectionsListed, ObjectType: "case", ObjectID: caseID,
		NetworkID: network, Detail: fmt.Sprintf("reflections on the case: %d", others)})
}

// QueueEntry is a reflection in a list, with its case's title (so that a
// list needs no read of each case).
type QueueEntry struct {
	Reflection
	CaseTitle string
}

// Queue lists the network's submitted reflections for its facilitators,
// and a member's own reflections (any state) otherwise, newest first.
func (s *Service) Queue(ctx context.Context, acc leerlus.Access, status Status, p leerlus.Page) ([]QueueEntry, string, error) {
	q := s.db.WithContext(ctx).Table("reflections AS r").Select("r.*, c.title AS case_title").
		Joins("JOIN cases c ON c.id = r.case_id").Where("r.network_id = ?", acc.NetworkID)
	if status != "" {
		q = q.Where("r.status = ?", status)
	}
	if !facilitatesNetwork(acc, acc.NetworkID) {
		q = q.Where("r.author_id = ?", acc.PersonID())
	} else {
		q = q.Where("r.status <> ? OR r.author_id = ?", StatusDraft, acc.PersonID())
	}
	return leerlus.PageNewestFirst(q, p, "r.id", func(r QueueEntry) string { return r.ID })
}
