package cases

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases/anonymise"
	"leerlus/policy"
	"leerlus/search"
)

// Create saves a new draft in the caller's network, with the key episodes
// it already has. Its texts are screened first: a direct identifier
// refuses the whole write and nothing is stored.
func (s *Service) Create(ctx context.Context, acc leerlus.Access, in CaseInput) (*View, error) {
	var v leerlus.Validation
	in.check(&v, true, s.currentPeriod())
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.now.Now()
	c := &Case{
		ID: leerlus.NewID(), NetworkID: acc.NetworkID, AuthorID: acc.PersonID(), Status: StatusDraft,
		Title: *in.Title, Outcome: leerlus.Deref(in.Outcome), AgeBand: leerlus.Deref(in.AgeBand),
		Household: leerlus.Deref(in.Household), Duration: leerlus.Deref(in.Duration), Summary: leerlus.Deref(in.Summary),
		LastEditorID: acc.PersonID(), CreatedAt: now, UpdatedAt: now, Version: 1,
	}
	if in.Start != nil {
		c.StartPeriod = in.Start.code()
	}
	if in.End != nil {
		end := in.End.code()
		c.EndPeriod = &end
	}
	if in.Services != nil {
		c.ServiceMask = Services.Mask(*in.Services...)
	}
	for _, e := range in.Episodes {
		c.PhaseMask |= Phases.Mask(leerlus.Deref(e.Phase))
	}
	c.EpisodeCount = len(in.Episodes)
	texts := []text{{pointer: "/title", field: "/title", value: c.Title}, {pointer: "/summary", field: "/summary", value: c.Summary}}
	episodes := make([]Episode, len(in.Episodes))
	objects := []string{c.ID}
	for i, e := range in.Episodes {
		episodes[i] = Episode{
			ID: leerlus.NewID(), CaseID: c.ID, Position: i + 1, Phase: leerlus.Deref(e.Phase),
			WhatHappened: leerlus.Deref(e.WhatHappened), Duration: leerlus.Deref(e.Duration), Effect: leerlus.Deref(e.Effect),
			CreatedAt: now, UpdatedAt: now, Version: 1,
		}
		objects = append(objects, episodes[i].ID)
		texts = append(texts, text{pointer: fmt.Sprintf("/episodes/%d/what_happened", i), object: i + 1, field: "/what_happened", value: episodes[i].WhatHappened})
	}
	// Decisions on a new case's episodes name them by their place in this
	// body (/episodes/2/what_happened), like its findings.
	decisions := in.Decisions
	var name string
	// A new case has no stored texts and no numbering yet: it is screened
	// before the transaction, and its rows are written without the
	// deletes and reloads an edit needs (fewer round trips on PostgreSQL).
	red, err := s.redactor(c)
	if err != nil {
		return nil, err
	}
	for _, t := range texts {
		reserveTags(red, t.value)
	}
	sc, err := screen(red, texts, decisions)
	if err != nil {
		return nil, err
	}
	if c.Numbering, err = s.numbering(red); err != nil {
		return nil, err
	}
	out := &View{Case: *c, Services: inListOrder(Services, in.Services), LifeDomains: inListOrder(LifeDomains, in.LifeDomains),
		Episodes: episodes, Mine: true}
	for i, id := range objects {
		for _, m := range sc.marks[i] {
			m.ID, m.CaseID, m.ObjectID, m.CreatedAt = leerlus.NewID(), c.ID, id, now
			out.Marks = append(out.Marks, m)
		}
	}
	services := make([]caseService, len(out.Services))
	for i, code := range out.Services {
		services[i] = caseService{c.ID, code}
	}
	domains := make([]caseLifeDomain, len(out.LifeDomains))
	for i, code := range out.LifeDomains {
		domains[i] = caseLifeDomain{c.ID, code}
	}
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(c).Error; err != nil {
			return err
		}
		for _, err := range []func() error{
			func() error { return insertAll(tx, services, len(services)) },
			func() error { return insertAll(tx, domains, len(domains)) },
			func() error { return insertAll(tx, episodes, len(episodes)) },
			func() error { return insertAll(tx, out.Marks, len(out.Marks)) },
		} {
			if err := err(); err != nil {
				return err
			}
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionCaseCreated, ObjectType: "case", ObjectID: c.ID, NetworkID: c.NetworkID}); err != nil {
			return err
		}
		return tx.Raw("SELECT name FROM people WHERE id = ?", c.AuthorID).Scan(&name).Error
	})
	if err != nil {
		return nil, err
	}
	out.Author = &Author{ID: c.AuthorID, Name: name}
	out.Missing = missing(c, out.Services, out.Episodes)
	return out, nil
}

// inListOrder returns the codes given, in the order of their fixed list
// (how a case always shows them).
func inListOrder(l List, codes *[]string) []string {
	out := []string{}
	if codes == nil {
		return out
	}
	for _, t := range l.Terms {
		for _, c := range *codes {
			if c == t.Code {
				out = append(out, c)
			}
		}
	}
	return out
}

// Update changes the fields named in the input, if the version is still
// current. Changing a published case is a correction: it goes back to the
// four-eyes check and its earlier text is not kept (it might be the one
// with the identifier).
func (s *Service) Update(ctx context.Context, acc leerlus.Access, id string, in CaseInput) (*View, error) {
	var v leerlus.Validation
	in.check(&v, false, s.currentPeriod())
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *View
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		c, err := s.caseForChange(tx, id, in.Version, func(c *Case) error { return editable(acc, c) })
		if err != nil {
			return err
		}
		now := s.now.Now()
		cols := leerlus.VersionBump(now)
		var texts []text
		var fields []string
		if in.Title != nil {
			texts = append(texts, text{pointer: "/title", field: "/title", value: *in.Title})
			fields = append(fields, "/title")
		}
		if in.Summary != nil {
			texts = append(texts, text{pointer: "/summary", field: "/summary", value: *in.Summary})
			fields = append(fields, "/summary")
		}
		leerlus.SetIf(cols, "title", in.Title)
		leerlus.SetIf(cols, "summary", in.Summary)
		leerlus.SetIf(cols, "outcome", in.Outcome)
		leerlus.SetIf(cols, "age_band", in.AgeBand)
		leerlus.SetIf(cols, "household", in.Household)
		leerlus.SetIf(cols, "duration", in.Duration)
		if in.Start != nil {
			cols["start_period"] = in.Start.code()
		}
		if in.Services != nil {
			cols["service_mask"] = Services.Mask(*in.Services...)
		}
		if in.End != nil {
			cols["end_period"] = in.End.code()
		} else if in.Ongoing != nil && *in.Ongoing {
			cols["end_period"] = nil
		}
		if err := checkEndAfterStart(c, in); err != nil {
			return err
		}
		correcting := c.Status == StatusPublished
		cols["last_editor_id"] = acc.PersonID()
		if correcting {
			markCorrection(cols, now)
		}
		if err := s.screenInto(tx, c, texts, in.Decisions, func(sc screened) error {
			cols["numbering"] = c.Numbering
			if err := leerlus.UpdateVersioned(tx, &Case{}, c.ID, in.Version, cols, "case", ""); err != nil {
				return err
			}
			if err := replaceLists(tx, c.ID, in.Services, in.LifeDomains); err != nil {
				return err
			}
			return saveMarks(tx, c.ID, c.ID, fields, sc.marks[0], now)
		}); err != nil {
			return err
		}
		if c, err = leerlus.GetByID[Case](tx, id, "case"); err != nil {
			return err
		}
		if correcting {
			if err := s.checkSubmittable(tx, c); err != nil {
				return err
			}
			// A correction waits for its check: search no longer finds
			// the case until it is published again.
			if err := search.IndexCase(tx, c.ID); err != nil {
				return err
			}
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionCaseChanged, ObjectType: "case", ObjectID: c.ID, NetworkID: c.NetworkID, Detail: changeDetail("case", correcting)}); err != nil {
			return err
		}
		out, err = loadView(tx, acc, c)
		return err
	})
	return out, err
}

// checkEndAfterStart compares a new end or start with the stored other one.
func checkEndAfterStart(c *Case, in CaseInput) error {
	start, end := c.StartPeriod, c.EndPeriod
	if in.Start != nil {
		start = in.Start.code()
	}
	if in.End != nil {
		e := in.End.code()
		end = &e
	} else if in.Ongoing != nil && *in.Ongoing {
		end = nil
	}
	if end != nil && start != 0 && *end < start {
		return leerlus.Invalid("end", leerlus.FieldBeforeStart, nil)
	}
	return nil
}

// markCorrection sends a published case back to the four-eyes check.
func markCorrection(cols map[string]any, now any) {
	cols["status"] = StatusSubmitted
	cols["correction"] = true
	cols["submitted_at"] = now
}

// changeDetail says in the audit log what kind of change it was; never
// any text of the case.
func changeDetail(what string, correcting bool) string {
	if correcting {
		return what + " changed; correction of a published case"
	}
	return what + " changed"
}

// screenInto screens texts with the case's numbering and, when nothing
// identifying is left, runs write with the author's matched decisions.
// The numbering on c is brought up to date either way (it holds keyed
// hashes, no text): a refused write still numbers what it found.
func (s *Service) screenInto(tx *gorm.DB, c *Case, texts []text, d Decisions, write func(screened) error) error {
	red, err := s.redactor(c)
	if err != nil {
		return err
	}
	// Tags already in the case's texts, or typed in this write, keep their
	// numbers even where the numbering that gave them out was not kept.
	if err := reserveStoredTags(tx, c, red); err != nil {
		return err
	}
	for _, t := range texts {
		reserveTags(red, t.value)
	}
	sc, screenErr := screen(red, texts, d)
	if c.Numbering, err = s.numbering(red); err != nil {
		return err
	}
	if screenErr != nil {
		return screenErr
	}
	return write(sc)
}

// reserveStoredTags reserves the tags in the stored texts of the case.
func reserveStoredTags(tx *gorm.DB, c *Case, red *anonymise.Redactor) error {
	reserveTags(red, c.Title)
	reserveTags(red, c.Summary)
	var texts []string
	if err := tx.Model(&Episode{}).Where("case_id = ? AND what_happened LIKE ?", c.ID, "%[%").Pluck("what_happened", &texts).Error; err != nil {
		return err
	}
	for _, t := range texts {
		reserveTags(red, t)
	}
	return nil
}

// checkSubmittable refuses a case that lacks what a check needs.
func (s *Service) checkSubmittable(tx *gorm.DB, c *Case) error {
	services, _, err := loadLists(tx, c.ID)
	if err != nil {
		return err
	}
	episodes, err := loadEpisodes(tx, c.ID)
	if err != nil {
		return err
	}
	return checkComplete(c, services, episodes)
}

// replaceLists stores the services and life domains that are given.
func replaceLists(tx *gorm.DB, caseID string, services, domains *[]string) error {
	if err := replaceList(tx, caseID, services, func(code string) caseService { return caseService{caseID, code} }); err != nil {
		return err
	}
	return replaceList(tx, caseID, domains, func(code string) caseLifeDomain { return caseLifeDomain{caseID, code} })
}

// replaceList swaps a case's rows of one list for codes, when given.
func replaceList[T any](tx *gorm.DB, caseID string, codes *[]string, row func(string) T) error {
	if codes == nil {
		return nil
	}
	if err := tx.Where("case_id = ?", caseID).Delete(new(T)).Error; err != nil {
		return err
	}
	rows := make([]T, len(*codes))
	for i, c := range *codes {
		rows[i] = row(c)
	}
	return insertAll(tx, rows, len(rows))
}

// saveMarks replaces the marks of an object's rewritten fields (all of
// them when fields is nil) with the decisions that matched this write.
func saveMarks(tx *gorm.DB, caseID, objectID string, fields []string, marks []Mark, now time.Time) error {
	del := tx.Where("object_id = ?", objectID)
	if fields != nil {
		if len(fields) == 0 {
			return nil
		}
		del = del.Where("field IN ?", fields)
	}
	if err := del.Delete(&Mark{}).Error; err != nil {
		return err
	}
	for i := range marks {
		marks[i].ID = leerlus.NewID()
		marks[i].CaseID = caseID
		marks[i].ObjectID = objectID
		marks[i].CreatedAt = now
	}
	if len(marks) == 0 {
		return nil
	}
	return tx.Create(&marks).Error
}
