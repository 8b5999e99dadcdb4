package api_test

import (
	"fmt"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"

	"leerlus"
	"leerlus/cases"
	"leerlus/review"
	"leerlus/review/qda"
)

// The contract check reads every documented response body; the exports'
// binary bodies are read as files. kin-openapi keeps its decoders in one
// registry for the process, so they are registered once here.
func init() {
	openapi3filter.RegisterBodyDecoder("application/zip", openapi3filter.FileBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/xml", openapi3filter.FileBodyDecoder)
}

// importDocument is a codebook document with one flat code.
func importDocument(name string) string {
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="%s" name="%s" isCodable="true"/></Codes></CodeBook>`,
		qda.GUID("test", name), name)
}

// exportFixture is one published case of a network with a published
// reflection (a coded item and an accepted lesson) and, beside it, what
// must never be exported: a draft reflection with a coded item, and a
// proposed lesson.
type exportFixture struct {
	caseID, reflectionID, draftID string
}

// Texts of the fixture that tests look for.
const (
	publishedWhat  = "Wachtlijst van vier maanden voor de jeugd-ggz."
	draftWhat      = "Concepttekst die niemand mocht lezen."
	acceptedLesson = "Regel overbrugging tijdens het wachten."
	proposedLesson = "Voorstel dat nog niet is bekeken."
)

func (e *env) exportFixture(network string, perspective string) exportFixture {
	e.t.Helper()
	c := e.fixtureCase(nil, network, cases.StatusPublished)
	author, fac := e.casePeople(network)
	tpl, code := e.lessonCodebook(network)
	db := e.db.Gorm
	now := time.Now().UTC().Truncate(time.Microsecond)
	refl := func(status review.Status, who string, what string) (review.Reflection, review.Item) {
		r := review.Reflection{ID: leerlus.NewID(), CaseID: c.ID, NetworkID: network, AuthorID: who, Perspective: perspective,
			TemplateID: tpl, Status: status, LastEditorID: who, CreatedAt: now, UpdatedAt: now, Version: 1}
		if status == review.StatusPublished {
			r.PublishedBy, r.PublishedAt = &fac.ID, &now
		}
		mustDo(e, db.Create(&r).Error)
		it := review.Item{ID: leerlus.NewID(), ReflectionID: r.ID, CaseID: c.ID, NetworkID: network, QuestionKey: "did_not_work",
			Position: 1, What: what, Why: "Geen plek.", CreatedAt: now, UpdatedAt: now}
		mustDo(e, db.Create(&it).Error)
		mustDo(e, db.Create(&review.Coding{ID: leerlus.NewID(), ItemID: it.ID, ReflectionID: r.ID, CaseID: c.ID, NetworkID: network,
			CodeID: code, Effect: review.EffectHindered, CreatedAt: now}).Error)
		return r, it
	}
	pub, _ := refl(review.StatusPublished, author.ID, publishedWhat)
	draft, _ := refl(review.StatusDraft, e.reflector(network).ID, draftWhat)
	for i, l := range []struct {
		statement string
		status    review.LessonStatus
	}{{acceptedLesson, review.LessonAccepted}, {proposedLesson, review.LessonProposed}} {
		lesson := review.Lesson{ID: leerlus.NewID(), NetworkID: network, CaseID: c.ID, ReflectionID: &pub.ID, Perspective: perspective,
			Position: i + 1, Statement: l.statement, Status: l.status, CreatedAt: now, UpdatedAt: now, Version: 1}
		mustDo(e, db.Create(&lesson).Error)
		mustDo(e, db.Create(&review.LessonCode{LessonID: lesson.ID, CodeID: code}).Error)
	}
	return exportFixture{caseID: c.ID, reflectionID: pub.ID, draftID: draft.ID}
}
