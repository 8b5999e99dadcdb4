package review

import (
	"gorm.io/gorm"

	"leerlus/cases"
	"leerlus/search"
)

// maxSnippets is how many snippets a hit shows: enough to judge it, few
// enough that a page stays short.
const maxSnippets = 3

// hitText is one text of a hit, in the order a reader meets it.
type hitText struct {
	Field    string
	Question string
	Position int
	Text     string
}

// hits completes a page of found rows with case titles, network names
// and snippets read from the texts themselves (the index holds words,
// not texts). Each read asks again that its text is published (in the
// same statement, so in the same snapshot): a correction committed
// between the index read and this one shows nothing, never its draft.
func hits(db *gorm.DB, ranked []rankedDoc, words []search.Word) ([]SearchHit, error) {
	out := make([]SearchHit, 0, len(ranked))
	if len(ranked) == 0 {
		return out, nil
	}
	ids := map[string][]string{}
	var caseIDs, networkIDs []string
	for _, r := range ranked {
		ids[r.Kind] = append(ids[r.Kind], r.ObjectID)
		caseIDs = append(caseIDs, r.CaseID)
		networkIDs = append(networkIDs, r.NetworkID)
	}
	texts, err := textsOf(db, ids)
	if err != nil {
		return nil, err
	}
	var titles []struct{ ID, Title string }
	if err := db.Raw("SELECT id, title FROM cases WHERE id IN ?", caseIDs).Scan(&titles).Error; err != nil {
		return nil, err
	}
	title := map[string]string{}
	for _, t := range titles {
		title[t.ID] = t.Title
	}
	var names []struct{ ID, Name string }
	if err := db.Raw("SELECT id, name FROM networks WHERE id IN ?", networkIDs).Scan(&names).Error; err != nil {
		return nil, err
	}
	name := map[string]string{}
	for _, n := range names {
		name[n.ID] = n.Name
	}
	for _, r := range ranked {
		h := SearchHit{Kind: r.Kind, ID: r.ObjectID, CaseID: r.CaseID, CaseTitle: title[r.CaseID], NetworkID: r.NetworkID,
			NetworkName: name[r.NetworkID], Perspective: r.Perspective, Outcome: r.Outcome, AgeBand: r.AgeBand,
			Start: cases.PeriodOfCode(r.StartPeriod), Score: r.Score, Snippets: []SearchSnippet{}}
		for _, t := range texts[r.Kind+"/"+r.ObjectID] {
			if len(h.Snippets) == maxSnippets {
				break
			}
			if sn, ok := search.MakeSnippet(t.Text, words); ok {
				h.Snippets = append(h.Snippets, SearchSnippet{Field: t.Field, Question: t.Question, Position: t.Position, Snippet: sn})
			}
		}
		out = append(out, h)
	}
	return out, nil
}

// textsOf reads the texts of the found objects, keyed kind/id.
func textsOf(db *gorm.DB, ids map[string][]string) (map[string][]hitText, error) {
	out := map[string][]hitText{}
	add := func(kind, id string, t hitText) { out[kind+"/"+id] = append(out[kind+"/"+id], t) }
	if list := ids[search.KindCase]; len(list) > 0 {
		var rows []struct{ ID, Title, Summary string }
		if err := db.Raw("SELECT id, title, summary FROM cases WHERE id IN ? AND status IN ?", list, readableCaseStatuses).Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			add(search.KindCase, r.ID, hitText{Field: "title", Text: r.Title})
			add(search.KindCase, r.ID, hitText{Field: "summary", Text: r.Summary})
		}
		var eps []struct {
			CaseID, WhatHappened string
			Position             int
		}
		if err := db.Raw(`SELECT e.case_id, e.what_happened, e.position FROM case_episodes e JOIN cases c ON c.id = e.case_id
			WHERE e.case_id IN ? AND c.status IN ? ORDER BY e.case_id, e.position`, list, readableCaseStatuses).
			Scan(&eps).Error; err != nil {
			return nil, err
		}
		for _, e := range eps {
			add(search.KindCase, e.CaseID, hitText{Field: "episode", Position: e.Position, Text: e.WhatHappened})
		}
	}
	if list := ids[search.KindReflection]; len(list) > 0 {
		var items []struct {
			ReflectionID, QuestionKey, What, Why string
			Position                             int
		}
		if err := db.Raw(`SELECT i.reflection_id, i.question_key, i.position, i.what, i.why FROM reflection_items i
			JOIN reflections r ON r.id = i.reflection_id JOIN cases c ON c.id = r.case_id
			WHERE i.reflection_id IN ? AND r.status = ? AND c.status IN ? ORDER BY i.reflection_id, i.question_key, i.position`, list, StatusPublished, readableCaseStatuses).Scan(&items).Error; err != nil {
			return nil, err
		}
		for _, it := range items {
			add(search.KindReflection, it.ReflectionID, hitText{Field: "what", Question: it.QuestionKey, Position: it.Position, Text: it.What})
			add(search.KindReflection, it.ReflectionID, hitText{Field: "why", Question: it.QuestionKey, Position: it.Position, Text: it.Why})
		}
		var answers []struct{ ReflectionID, QuestionKey, Text string }
		if err := db.Raw(`SELECT a.reflection_id, a.question_key, a.text FROM reflection_answers a
			JOIN reflections r ON r.id = a.reflection_id JOIN cases c ON c.id = r.case_id
			WHERE a.reflection_id IN ? AND a.text <> '' AND r.status = ? AND c.status IN ? ORDER BY a.reflection_id, a.question_key`, list, StatusPublished, readableCaseStatuses).Scan(&answers).Error; err != nil {
			return nil, err
		}
		for _, a := range answers {
			add(search.KindReflection, a.ReflectionID, hitText{Field: "answer", Question: a.QuestionKey, Text: a.Text})
		}
	}
	if list := ids[search.KindLesson]; len(list) > 0 {
		var rows []struct{ ID, Statement string }
		if err := db.Raw(`SELECT l.id, l.statement FROM lessons l JOIN reflections r ON r.id = l.reflection_id JOIN cases c ON c.id = l.case_id
			WHERE l.id IN ? AND l.status <> ? AND r.status = ? AND c.status IN ?`, list, LessonRejected, StatusPublished, readableCaseStatuses).Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			add(search.KindLesson, r.ID, hitText{Field: "statement", Text: r.Statement})
		}
	}
	return out, nil
}
