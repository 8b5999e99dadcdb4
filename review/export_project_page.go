package review

import (
	"context"
	"fmt"

	"leerlus/review/qda"
)

// projectPage is what a page of cases holds for a project: episodes,
// published reflections with their answers, items, codings and accepted
// lessons.
type projectPage struct {
	p        *casePage
	episodes map[string][]pageEpisode
	refls    map[string][]pageReflection // by case
	answers  map[string][]pageAnswer     // by reflection
	items    map[string][]pageItem       // by reflection
	codings  map[string][]pageCoding     // by item
	lessons  map[string][]LessonRow      // by reflection
}

type pageEpisode struct {
	CaseID, Phase, WhatHappened, Effect string
}

type pageReflection struct {
	ID, CaseID, Perspective string
}

type pageAnswer struct {
	ReflectionID, QuestionKey, Text string
	Rating                          *int
}

type pageItem struct {
	ID, ReflectionID, QuestionKey, What, Why string
}

type pageCoding struct {
	ID, ItemID, CodeID string
	Effect             Effect
}

// readPage reads what hangs on a page's cases, one query per table, each
// joined from the page's range of cases.
func (e *Export) readPage(ctx context.Context, p *casePage, codes map[string]*exportCode) (*projectPage, error) {
	db := e.s.db.WithContext(ctx)
	m := &projectPage{p: p, episodes: map[string][]pageEpisode{}, refls: map[string][]pageReflection{},
		answers: map[string][]pageAnswer{}, items: map[string][]pageItem{}, codings: map[string][]pageCoding{}, lessons: map[string][]LessonRow{}}
	published := append([]any{string(StatusPublished)}, p.args...)
	refl := ` FROM cases k JOIN reflections r ON r.case_id = k.id AND r.status = ?`
	var eps []pageEpisode
	if err := db.Raw(`SELECT e.case_id, e.phase, e.what_happened, e.effect FROM cases k JOIN case_episodes e ON e.case_id = k.id
		WHERE `+p.where+` ORDER BY k.id, e.position`, p.args...).Scan(&eps).Error; err != nil {
		return nil, err
	}
	for _, x := range eps {
		m.episodes[x.CaseID] = append(m.episodes[x.CaseID], x)
	}
	var refls []pageReflection
	if err := db.Raw(`SELECT r.id, r.case_id, r.perspective`+refl+` WHERE `+p.where+` ORDER BY k.id, r.id`, published...).Scan(&refls).Error; err != nil {
		return nil, err
	}
	for _, x := range refls {
		m.refls[x.CaseID] = append(m.refls[x.CaseID], x)
	}
	var answers []pageAnswer
	if err := db.Raw(`SELECT a.reflection_id, a.question_key, a.text, a.rating`+refl+` JOIN reflection_answers a ON a.reflection_id = r.id
		WHERE `+p.where+` ORDER BY r.id, a.question_key`, published...).Scan(&answers).Error; err != nil {
		return nil, err
	}
	for _, x := range answers {
		m.answers[x.ReflectionID] = append(m.answers[x.ReflectionID], x)
	}
	var items []pageItem
	if err := db.Raw(`SELECT it.id, it.reflection_id, it.question_key, it.what, it.why`+refl+` JOIN reflection_items it ON it.reflection_id = r.id
		WHERE `+p.where+` ORDER BY r.id, it.question_key, it.position, it.id`, published...).Scan(&items).Error; err != nil {
		return nil, err
	}
	for _, x := range items {
		m.items[x.ReflectionID] = append(m.items[x.ReflectionID], x)
	}
	var codings []pageCoding
	if err := db.Raw(`SELECT cd.id, cd.item_id, cd.code_id, cd.effect`+refl+` JOIN codings cd ON cd.reflection_id = r.id
		WHERE `+p.where+` ORDER BY cd.id`, published...).Scan(&codings).Error; err != nil {
		return nil, err
	}
	for _, x := range codings {
		m.codings[x.ItemID] = append(m.codings[x.ItemID], x)
	}
	lessons, err := e.pageLessons(ctx, p, codes)
	if err != nil {
		return nil, err
	}
	for _, l := range lessons {
		m.lessons[l.ReflectionID] = append(m.lessons[l.ReflectionID], l)
	}
	return m, nil
}

// write adds the page's cases and sources to the project.
func (m *projectPage) write(pw *qda.ProjectWriter, g *qdaGUIDs, codes map[string]*exportCode) error {
	for _, c := range m.p.cases {
		src := m.caseSource(c)
		qc := qda.Case{GUID: qda.GUID("case", c.ID), Name: c.Title, Values: caseValues(c), Sources: []string{src.GUID}}
		var srcs []qda.Source
		for _, r := range m.refls[c.ID] {
			s := m.reflectionSource(c, r, g, codes)
			qc.Sources = append(qc.Sources, s.GUID)
			srcs = append(srcs, s)
		}
		if err := pw.AddCase(qc); err != nil {
			return err
		}
		if err := pw.AddSource(src); err != nil {
			return err
		}
		for _, s := range srcs {
			if err := pw.AddSource(s); err != nil {
				return err
			}
		}
	}
	return nil
}

// caseSource is a case's title, summary and key episodes.
func (m *projectPage) caseSource(c *ExportCase) qda.Source {
	var t qda.Text
	t.Line(c.Title)
	t.Line("")
	t.Line(c.Summary)
	if eps := m.episodes[c.ID]; len(eps) > 0 {
		t.Line("")
		t.Line("Cruciale momenten")
		for i, e := range eps {
			t.Line(fmt.Sprintf("%d. [%s, %s] %s", i+1, e.Phase, e.Effect, e.WhatHappened))
		}
	}
	return qda.Source{GUID: qda.GUID("case-source", c.ID), Name: "Casus: " + c.Title, Text: t.String()}
}

// reflectionSource is a reflection's perspective, answers, items and
// lessons, with a selection per coding (the code and its effect) over its
// item's text and one per lesson over its statement.
func (m *projectPage) reflectionSource(c *ExportCase, r pageReflection, g *qdaGUIDs, codes map[string]*exportCode) qda.Source {
	var t qda.Text
	var sels []qda.Selection
	t.Line("Perspectief: " + r.Perspective)
	question := ""
	for _, it := range m.items[r.ID] {
		if it.QuestionKey != question {
			question = it.QuestionKey
			t.Line("")
			t.Line(heading(question))
		}
		t.Write("- ")
		start, end := t.Write(it.What)
		if it.Why != "" {
			t.Write("\n  Waarom: ")
			_, end = t.Write(it.Why)
		}
		t.Write("\n")
		for _, cd := range m.codings[it.ID] {
			code := codes[cd.CodeID]
			if code == nil || !code.Codable {
				continue
			}
			sels = append(sels, qda.Selection{GUID: qda.GUID("selection", cd.ID), Name: code.Key + " (" + effectName(cd.Effect) + ")",
				Start: start, End: end, Codes: []qda.Coding{
					{GUID: qda.GUID("coding", cd.ID, "code"), Code: g.code(code.NetworkID, code.Key)},
					{GUID: qda.GUID("coding", cd.ID, "effect"), Code: effectGUID(cd.Effect)},
				}})
		}
	}
	for _, a := range m.answers[r.ID] {
		if a.Text == "" && a.Rating == nil {
			continue
		}
		t.Line("")
		t.Line(heading(a.QuestionKey))
		if a.Text != "" {
			t.Line(a.Text)
		}
		if a.Rating != nil {
			t.Line(fmt.Sprintf("Score: %d", *a.Rating))
		}
	}
	if ls := m.lessons[r.ID]; len(ls) > 0 {
		t.Line("")
		t.Line("Lessen")
		for _, l := range ls {
			t.Write("- ")
			start, end := t.Line(l.Statement)
			sel := qda.Selection{GUID: qda.GUID("selection", l.LessonID), Name: "les", Start: start, End: end}
			for _, id := range l.codeIDs {
				if code := codes[id]; code != nil && code.Codable {
					sel.Codes = append(sel.Codes, qda.Coding{GUID: qda.GUID("coding", l.LessonID, id), Code: g.code(code.NetworkID, code.Key)})
				}
			}
			sels = append(sels, sel)
		}
	}
	return qda.Source{GUID: qda.GUID("reflection", r.ID), Name: "Reflectie (" + r.Perspective + "): " + c.Title,
		Text: t.String(), Selections: sels}
}
