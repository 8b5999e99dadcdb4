package review

import (
	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
)

// The fixtures of the lesson tests: published cases through the case
// service, and reflections, items and lessons written directly as the
// reflection form would store them, so that curation is tested on its own.

func strp(s string) *string { return &s }

// publishedCase writes a case as a member of network and has a
// facilitator publish it.
func (w *lessonWorld) publishedCase(network, title string) string {
	w.t.Helper()
	author, fac := w.author, w.fac
	if network == w.other {
		author, fac = w.otherFac, "" // published below by direct update: the other network has one facilitator
	}
	in := cases.CaseInput{
		Title: strp(title), Outcome: strp("stuck"),
		Start: &cases.Period{Year: 2024, Quarter: 2}, End: &cases.Period{Year: 2025, Quarter: 3},
		AgeBand: strp("12-18"), Household: strp("one_parent"), Duration: strp("1_2y"),
		LifeDomains: &[]string{"education_work"}, Services: &[]string{"neighbourhood_team"},
		Summary: strp("Een jongere zat maanden thuis zonder school terwijl iedereen op een plek wachtte."),
		Episodes: []cases.EpisodeInput{
			{Phase: strp("signalling"), WhatHappened: strp("De mentor zag dat de jongere vaak afwezig was."), Duration: strp("1_4w"), Effect: strp("helped")},
		},
	}
	acc := w.as(author)
	acc.Scope = leerlus.ScopeOwn
	v, err := w.cases.Create(w.ctx, acc, in)
	w.must(err)
	v, err = w.cases.Submit(w.ctx, acc, v.ID, v.Version)
	w.must(err)
	if fac == "" {
		w.must(w.db.Gorm.Model(&cases.Case{}).Where("id = ?", v.ID).Updates(map[string]any{"status": cases.StatusPublished}).Error)
		return v.ID
	}
	_, err = w.cases.Publish(w.ctx, w.as(fac), v.ID, v.Version)
	w.must(err)
	return v.ID
}

// reflection writes a reflection on a case with the network's first
// template (copying the defaults and the codebook into the network).
func (w *lessonWorld) reflection(caseID, author, perspective string, status Status) string {
	w.t.Helper()
	network := w.networkOf[author]
	var tpl TemplateVersion
	w.must(w.db.InTx(w.ctx, func(tx *gorm.DB) error {
		if err := w.svc.ensureNetwork(tx, network); err != nil {
			return err
		}
		return tx.Where("network_id = ?", network).Order("version").Take(&tpl).Error
	}))
	now := w.svc.now.Now()
	r := Reflection{ID: leerlus.NewID(), CaseID: caseID, NetworkID: network, AuthorID: author, Perspective: perspective,
		TemplateID: tpl.ID, Status: status, LastEditorID: author, CreatedAt: now, UpdatedAt: now, Version: 1}
	if status == StatusPublished {
		r.PublishedAt, r.PublishedBy = &now, &w.fac
	}
	w.must(w.db.Gorm.Create(&r).Error)
	return r.ID
}

// item writes an item of what worked or did not in a reflection.
func (w *lessonWorld) item(reflectionID, question, what, why string) string {
	w.t.Helper()
	var r Reflection
	w.must(w.db.Gorm.Where("id = ?", reflectionID).Take(&r).Error)
	var n int64
	w.must(w.db.Gorm.Model(&Item{}).Where("reflection_id = ?", reflectionID).Count(&n).Error)
	now := w.svc.now.Now()
	it := Item{ID: leerlus.NewID(), ReflectionID: r.ID, CaseID: r.CaseID, NetworkID: r.NetworkID, QuestionKey: question,
		Position: int(n) + 1, What: what, Why: why, CreatedAt: now, UpdatedAt: now}
	w.must(w.db.Gorm.Create(&it).Error)
	return it.ID
}

// lesson writes a lesson of a reflection with codes (by key) and the items
// it came from.
func (w *lessonWorld) lesson(reflectionID, statement string, status LessonStatus, codeKeys []string, items ...string) Lesson {
	w.t.Helper()
	var r Reflection
	w.must(w.db.Gorm.Where("id = ?", reflectionID).Take(&r).Error)
	var n int64
	w.must(w.db.Gorm.Model(&Lesson{}).Where("reflection_id = ?", reflectionID).Count(&n).Error)
	now := w.svc.now.Now()
	l := Lesson{ID: leerlus.NewID(), NetworkID: r.NetworkID, CaseID: r.CaseID, ReflectionID: &r.ID, Perspective: r.Perspective,
		Position: int(n) + 1, Statement: statement, Status: status, CreatedAt: now, UpdatedAt: now, Version: 1}
	if status == LessonRejected {
		l.RejectReason = "Dit is geen les maar een klacht."
	}
	w.must(w.db.Gorm.Create(&l).Error)
	for _, k := range codeKeys {
		w.must(w.db.Gorm.Create(&LessonCode{LessonID: l.ID, CodeID: w.code(r.NetworkID, k)}).Error)
	}
	for _, it := range items {
		w.must(w.db.Gorm.Create(&LessonSource{ID: leerlus.NewID(), LessonID: l.ID, ItemID: strp(it)}).Error)
	}
	return l
}

// code finds the id of a code of a network's codebook by its key.
func (w *lessonWorld) code(network, key string) string {
	w.t.Helper()
	var c Code
	w.must(w.db.Gorm.Where("network_id = ? AND key = ?", network, key).Take(&c).Error)
	return c.ID
}

// scene is a published case with a published reflection of a parent
// holding two items, and a lesson in each curation state but merged.
type scene struct {
	caseID, reflectionID         string
	worked, didNot               string // item ids
	proposed, accepted, rejected Lesson
}

func (w *lessonWorld) scene(title string) scene {
	w.t.Helper()
	var s scene
	s.caseID = w.publishedCase(w.network, title)
	s.reflectionID = w.reflection(s.caseID, w.author, "ouder", StatusPublished)
	s.worked = w.item(s.reflectionID, "worked", "De mentor belde elke week.", "Zo bleef er contact met school.")
	s.didNot = w.item(s.reflectionID, "did_not_work", "We wachtten vier maanden op de jeugd-ggz.", "Er was geen plek.")
	s.proposed = w.lesson(s.reflectionID, "Vraag eerst wat het gezin zelf nodig heeft.", LessonProposed, []string{"T4.samen_beslissen"}, s.worked)
	s.accepted = w.lesson(s.reflectionID, "Zorg voor overbrugging als er een wachtlijst is.", LessonAccepted, []string{"T1.wachttijd"}, s.didNot)
	s.rejected = w.lesson(s.reflectionID, "De gemeente doet nooit iets.", LessonRejected, nil)
	return s
}
