package search

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// The kinds of searchable objects.
const (
	KindCase       = "case"
	KindReflection = "reflection"
	KindLesson     = "lesson"
)

// doc is one row of search_docs with the text it indexes.
type doc struct {
	NetworkID, CaseID, Kind, ObjectID, Perspective string
	Outcome, AgeBand                               string
	StartPeriod                                    int
	EndPeriod                                      *int
	ServiceMask, PhaseMask                         int64
	text                                           string
}

// IndexCase brings a case's rows in the index up to date inside the
// caller's transaction: it removes them, and when the case is published
// or archived writes them again from the database — the case, its
// published reflections and their lessons that are not rejected. Every
// use case that changes what of a case may be found calls it after its
// own writes: it is cheap (one case's texts) and cannot leave a stale row.
func IndexCase(tx *gorm.DB, caseID string) error {
	if isPostgres(tx) {
		// Two transactions rewriting one case's rows take turns; the
		// lock is taken last in every use case, so it waits for nothing.
		if err := tx.Exec("SELECT pg_advisory_xact_lock(hashtext(?))", "search:"+caseID).Error; err != nil {
			return err
		}
	}
	if err := tx.Exec("DELETE FROM search_docs WHERE case_id = ?", caseID).Error; err != nil {
		return err
	}
	docs, err := docsOf(tx, []string{caseID})
	if err != nil {
		return err
	}
	return insert(tx, docs)
}

// Reindex rebuilds the whole index from the database, a batch of cases
// per transaction; for an upgrade, after bulk loads, and as a repair
// (leerlus search reindex). It reports how many rows it wrote.
func Reindex(ctx context.Context, db *gorm.DB) (int, error) {
	db = db.WithContext(ctx)
	if err := db.Exec("DELETE FROM search_docs").Error; err != nil {
		return 0, err
	}
	total, after := 0, ""
	for {
		var ids []string
		if err := db.Raw("SELECT id FROM cases WHERE status IN ? AND id > ? ORDER BY id LIMIT ?",
			readableCaseStatuses, after, reindexBatch).Scan(&ids).Error; err != nil {
			return total, err
		}
		if len(ids) == 0 {
			return total, nil
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			docs, err := docsOf(tx, ids)
			if err != nil {
				return err
			}
			total += len(docs)
			return insert(tx, docs)
		})
		if err != nil {
			return total, err
		}
		after = ids[len(ids)-1]
	}
}

// reindexBatch is how many cases Reindex indexes per transaction: large
// enough that its reads are few, small enough that a transaction is short.
const reindexBatch = 500

// readableCaseStatuses are the states in which a case's texts are found.
var readableCaseStatuses = []string{"published", "archived"}

// docsOf reads the searchable texts of the readable cases among ids.
func docsOf(tx *gorm.DB, ids []string) ([]doc, error) {
	var cases []struct {
		ID, NetworkID, Title, Summary, Outcome, AgeBand string
		StartPeriod                                     int
		EndPeriod                                       *int
		ServiceMask, PhaseMask                          int64
	}
	if err := tx.Raw(`SELECT id, network_id, title, summary, outcome, age_band, start_period, end_period, service_mask, phase_mask
		FROM cases WHERE id IN ? AND status IN ? ORDER BY id`, ids, readableCaseStatuses).Scan(&cases).Error; err != nil {
		return nil, err
	}
	if len(cases) == 0 {
		return nil, nil
	}
	readable := make([]string, len(cases))
	for i, c := range cases {
		readable[i] = c.ID
	}
	texts, err := caseTexts(tx, readable)
	if err != nil {
		return nil, err
	}
	var out []doc
	for _, c := range cases {
		base := doc{NetworkID: c.NetworkID, CaseID: c.ID, Outcome: c.Outcome, AgeBand: c.AgeBand, StartPeriod: c.StartPeriod,
			EndPeriod: c.EndPeriod, ServiceMask: c.ServiceMask, PhaseMask: c.PhaseMask}
		d := base
		d.Kind, d.ObjectID = KindCase, c.ID
		d.text = strings.Join(append([]string{c.Title, c.Summary}, texts.episodes[c.ID]...), "\n")
		out = append(out, d)
		for _, r := range texts.reflections[c.ID] {
			d := base
			d.Kind, d.ObjectID, d.Perspective = KindReflection, r.ID, r.Perspective
			d.text = strings.Join(texts.reflectionTexts[r.ID], "\n")
			out = append(out, d)
		}
		for _, l := range texts.lessons[c.ID] {
			d := base
			d.Kind, d.ObjectID, d.Perspective = KindLesson, l.ID, l.Perspective
			d.text = l.Statement
			out = append(out, d)
		}
	}
	return out, nil
}

type reflectionRef struct{ ID, CaseID, Perspective string }

type lessonRef struct{ ID, CaseID, Perspective, Statement string }

// texts are the texts of some cases besides their own row.
type texts struct {
	episodes        map[string][]string        // case → what happened, in order
	reflections     map[string][]reflectionRef // case → published reflections
	reflectionTexts map[string][]string        // reflection → items and answers
	lessons         map[string][]lessonRef     // case → lessons found
}

// caseTexts reads the episodes, published reflections and findable
// lessons of readable cases, in a few queries for any number of cases.
func caseTexts(tx *gorm.DB, ids []string) (*texts, error) {
	t := &texts{episodes: map[string][]string{}, reflections: map[string][]reflectionRef{},
		reflectionTexts: map[string][]string{}, lessons: map[string][]lessonRef{}}
	var episodes []struct{ CaseID, WhatHappened string }
	if err := tx.Raw("SELECT case_id, what_happened FROM case_episodes WHERE case_id IN ? ORDER BY case_id, position", ids).
		Scan(&episodes).Error; err != nil {
		return nil, err
	}
	for _, e := range episodes {
		t.episodes[e.CaseID] = append(t.episodes[e.CaseID], e.WhatHappened)
	}
	var refls []reflectionRef
	if err := tx.Raw("SELECT id, case_id, perspective FROM reflections WHERE case_id IN ? AND status = 'published' ORDER BY case_id, id", ids).
		Scan(&refls).Error; err != nil {
		return nil, err
	}
	for _, r := range refls {
		t.reflections[r.CaseID] = append(t.reflections[r.CaseID], r)
	}
	var items []struct{ ReflectionID, What, Why string }
	if err := tx.Raw(`SELECT i.reflection_id, i.what, i.why FROM reflection_items i JOIN reflections r ON r.id = i.reflection_id
		WHERE r.case_id IN ? AND r.status = 'published' ORDER BY i.reflection_id, i.question_key, i.position`, ids).Scan(&items).Error; err != nil {
		return nil, err
	}
	for _, it := range items {
		t.reflectionTexts[it.ReflectionID] = append(t.reflectionTexts[it.ReflectionID], it.What, it.Why)
	}
	var answers []struct{ ReflectionID, Text string }
	if err := tx.Raw(`SELECT a.reflection_id, a.text FROM reflection_answers a JOIN reflections r ON r.id = a.reflection_id
		WHERE r.case_id IN ? AND r.status = 'published' AND a.text <> '' ORDER BY a.reflection_id, a.question_key`, ids).Scan(&answers).Error; err != nil {
		return nil, err
	}
	for _, a := range answers {
		t.reflectionTexts[a.ReflectionID] = append(t.reflectionTexts[a.ReflectionID], a.Text)
	}
	var lessons []lessonRef
	if err := tx.Raw(`SELECT l.id, l.case_id, l.perspective, l.statement FROM lessons l JOIN reflections r ON r.id = l.reflection_id
		WHERE l.case_id IN ? AND r.status = 'published' AND l.status <> 'rejected' ORDER BY l.case_id, l.id`, ids).Scan(&lessons).Error; err != nil {
		return nil, err
	}
	for _, l := range lessons {
		t.lessons[l.CaseID] = append(t.lessons[l.CaseID], l)
	}
	return t, nil
}

// insert writes rows with their words, many per statement.
func insert(tx *gorm.DB, docs []doc) error {
	const perStatement = 200
	pg := isPostgres(tx)
	for len(docs) > 0 {
		n := min(len(docs), perStatement)
		var sql strings.Builder
		sql.WriteString("INSERT INTO search_docs (network_id, case_id, kind, object_id, perspective, outcome, age_band, start_period, end_period, service_mask, phase_mask, ")
		if pg {
			sql.WriteString("tsv) VALUES ")
		} else {
			sql.WriteString("terms) VALUES ")
		}
		args := make([]any, 0, n*13)
		for i, d := range docs[:n] {
			if i > 0 {
				sql.WriteString(", ")
			}
			stems, parts := analyse(d.text)
			args = append(args, d.NetworkID, d.CaseID, d.Kind, d.ObjectID, d.Perspective, d.Outcome, d.AgeBand, d.StartPeriod, d.EndPeriod, d.ServiceMask, d.PhaseMask)
			if pg {
				sql.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('dutch', ?) || to_tsvector('simple', ?))")
				args = append(args, d.text, strings.Join(parts, " "))
			} else {
				sql.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				args = append(args, strings.Join(append(stems, parts...), " "))
			}
		}
		if err := tx.Exec(sql.String(), args...).Error; err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		docs = docs[n:]
	}
	return nil
}

func isPostgres(tx *gorm.DB) bool { return tx.Dialector.Name() == "postgres" }
