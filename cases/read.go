package cases

import (
	"context"
	"database/sql"
	"errors"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// NetworkOf finds the network of a case, for the route scope: the caller's
// role there decides. An unknown case is not found.
func (s *Service) NetworkOf(ctx context.Context, id string) (string, error) {
	if !leerlus.ValidID(id) {
		return "", leerlus.NotFound("case")
	}
	row, err := s.db.ReadRow(ctx, "SELECT network_id FROM cases WHERE id = ?", id)
	if err != nil {
		return "", err
	}
	var network string
	if err := row.Scan(&network); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", leerlus.NotFound("case")
		}
		return "", err
	}
	return network, nil
}

// Get reads one case as the caller may see it. A read by anyone but its
// author is written to the audit log (who and which case, never its text).
func (s *Service) Get(ctx context.Context, acc leerlus.Access, id string) (*View, error) {
	c, err := leerlus.GetByID[Case](s.db.WithContext(ctx), id, "case")
	if err != nil {
		return nil, err
	}
	if !visible(acc, c) {
		return nil, leerlus.NotFound("case")
	}
	out, err := loadView(s.db.WithContext(ctx), acc, c)
	if err != nil {
		return nil, err
	}
	if c.AuthorID == acc.PersonID() {
		return out, nil
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionCaseRead, ObjectType: "case", ObjectID: c.ID, NetworkID: c.NetworkID})
	return out, err
}

// loadView gathers a case's lists, episodes, marks and author as the
// caller may see them.
func loadView(db *gorm.DB, acc leerlus.Access, c *Case) (*View, error) {
	out := &View{Case: *c, Mine: c.AuthorID == acc.PersonID(), CanCheck: checkFourEyes(acc, c) == nil}
	var err error
	if out.Services, out.LifeDomains, err = loadLists(db, c.ID); err != nil {
		return nil, err
	}
	if out.Episodes, err = loadEpisodes(db, c.ID); err != nil {
		return nil, err
	}
	if out.Mine {
		out.Missing = missing(c, out.Services, out.Episodes)
	}
	if !knowsAuthor(acc, c) {
		// Nothing of the author, not even the id of the last editor.
		out.AuthorID, out.LastEditorID, out.PublishedBy, out.ReviewComment = "", "", nil, ""
		return out, nil
	}
	if err := db.Where("case_id = ? AND reflection_id IS NULL", c.ID).Order("object_id, field, start_at").Find(&out.Marks).Error; err != nil {
		return nil, err
	}
	var name string
	if err := db.Raw("SELECT name FROM people WHERE id = ?", c.AuthorID).Scan(&name).Error; err != nil {
		return nil, err
	}
	out.Author = &Author{ID: c.AuthorID, Name: name}
	return out, nil
}

// missing lists what a draft still needs before it can be submitted.
func missing(c *Case, services []string, episodes []Episode) []leerlus.FieldError {
	var e *leerlus.Error
	if c.Status == StatusDraft && errors.As(checkComplete(c, services, episodes), &e) {
		return e.Fields
	}
	return nil
}

// loadLists reads a case's services and life domains, in list order.
func loadLists(db *gorm.DB, caseID string) (services, domains []string, err error) {
	var ss []caseService
	if err := db.Where("case_id = ?", caseID).Find(&ss).Error; err != nil {
		return nil, nil, err
	}
	var ds []caseLifeDomain
	if err := db.Where("case_id = ?", caseID).Find(&ds).Error; err != nil {
		return nil, nil, err
	}
	services = make([]string, 0, len(ss))
	for _, t := range Services.Terms {
		for _, r := range ss {
			if r.Service == t.Code {
				services = append(services, t.Code)
			}
		}
	}
	domains = make([]string, 0, len(ds))
	for _, t := range LifeDomains.Terms {
		for _, r := range ds {
			if r.LifeDomain == t.Code {
				domains = append(domains, t.Code)
			}
		}
	}
	return services, domains, nil
}

// loadEpisodes reads a case's timeline in order.
func loadEpisodes(db *gorm.DB, caseID string) ([]Episode, error) {
	var out []Episode
	err := db.Where("case_id = ?", caseID).Order("position, id").Find(&out).Error
	return out, err
}
