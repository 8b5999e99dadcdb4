package api_test

import (
	"context"
	"time"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
)

// The lesson fixtures: a published case with a published reflection of
// the network's fixture author, one item, and lessons in the statuses
// asked for, written directly as the reflection form stores them.

// fixtureLessons makes lessons of one published reflection in network.
func (e *env) fixtureLessons(network string, statuses ...review.LessonStatus) []review.Lesson {
	e.t.Helper()
	return e.fixtureLessonsSaying(network, "Zorg voor overbrugging als er een wachtlijst is.", statuses...)
}

// fixtureLessonsSaying makes lessons with one statement, of one published
// reflection on a new published case in network.
func (e *env) fixtureLessonsSaying(network, statement string, statuses ...review.LessonStatus) []review.Lesson {
	e.t.Helper()
	c := e.fixtureCase(nil, network, cases.StatusPublished)
	author, fac := e.casePeople(network)
	tpl, code := e.lessonCodebook(network)
	db := e.db.Gorm
	now := time.Now().UTC().Truncate(time.Microsecond)
	r := review.Reflection{ID: leerlus.NewID(), CaseID: c.ID, NetworkID: network, AuthorID: author.ID, Perspective: "ouder",
		TemplateID: tpl, Status: review.StatusPublished, LastEditorID: author.ID, PublishedBy: &fac.ID, PublishedAt: &now,
		CreatedAt: now, UpdatedAt: now, Version: 1}
	mustDo(e, db.Create(&r).Error)
	it := review.Item{ID: leerlus.NewID(), ReflectionID: r.ID, CaseID: c.ID, NetworkID: network, QuestionKey: "did_not_work",
		Position: 1, What: "We wachtten vier maanden op hulp.", Why: "Er was geen plek.", CreatedAt: now, UpdatedAt: now}
	mustDo(e, db.Create(&it).Error)
	var out []review.Lesson
	for i, st := range statuses {
		l := review.Lesson{ID: leerlus.NewID(), NetworkID: network, CaseID: c.ID, ReflectionID: &r.ID, Perspective: "ouder",
			Position: i + 1, Statement: statement, Status: st, CreatedAt: now, UpdatedAt: now, Version: 1}
		if st == review.LessonRejected {
			l.RejectReason = "Te algemeen."
		}
		mustDo(e, db.Create(&l).Error)
		mustDo(e, db.Create(&review.LessonCode{LessonID: l.ID, CodeID: code}).Error)
		mustDo(e, db.Create(&review.LessonSource{ID: leerlus.NewID(), LessonID: l.ID, ItemID: &it.ID}).Error)
		out = append(out, l)
	}
	return out
}

// fixtureLesson makes one lesson with the given status.
func (e *env) fixtureLesson(network string, status review.LessonStatus) review.Lesson {
	e.t.Helper()
	return e.fixtureLessons(network, status)[0]
}

// lessonCodebook gives a network its form template and codebook, copied
// from the defaults as on first use, and returns the template and the
// code T1.wachttijd.
func (e *env) lessonCodebook(network string) (template, code string) {
	e.t.Helper()
	tpl := must(e.review.CurrentTemplate(context.Background(), leerlus.Access{NetworkID: network, Role: string(policy.RoleMember)}))
	codes := e.lessonCodes(network)
	return tpl.ID, codes[0]
}

// lessonCodes returns the ids of two codes of a network's codebook:
// T1.wachttijd and T1.geen_passend_aanbod.
func (e *env) lessonCodes(network string) []string {
	e.t.Helper()
	must(e.review.CurrentTemplate(context.Background(), leerlus.Access{NetworkID: network, Role: string(policy.RoleMember)}))
	var codes []string
	mustDo(e, e.db.Gorm.Model(&review.Code{}).Where("network_id = ? AND key IN ?", network, []string{"T1.wachttijd", "T1.geen_passend_aanbod"}).
		Order("position").Pluck("id", &codes).Error)
	return codes
}

func mustDo(e *env, err error) {
	e.t.Helper()
	if err != nil {
		e.t.Fatal(err)
	}
}
