package review

import (
	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
)

// ReflectionView is a reflection as the caller may see it.
type ReflectionView struct {
	Reflection
	TemplateVersion int
	Answers         []Answer
	Items           []ItemView
	Lessons         []LessonInReflection
	// Marks are the author's decisions on findings: for the author and the
	// network's facilitators only.
	Marks []cases.Mark
	// Author is set for the author and the network's facilitators.
	Author   *Author
	Mine     bool
	CanCheck bool
}

// Author is who wrote a reflection, for those who may know.
type Author struct {
	ID, Name string
}

// ItemView is an item with its codes.
type ItemView struct {
	Item
	Codes []CodingView
}

// CodingView is a coding with the code it names.
type CodingView struct {
	Coding
	Code Code
}

// LessonInReflection is a lesson as its reflection shows it.
type LessonInReflection struct {
	Lesson
	Codes   []Code
	ItemIDs []string
}

// loadView gathers a reflection's answers, items, codings, lessons and
// marks as the caller may see them.
func (s *Service) loadView(tx *gorm.DB, acc leerlus.Access, r *Reflection) (*ReflectionView, error) {
	out := &ReflectionView{Reflection: *r, Mine: r.AuthorID == acc.PersonID(), CanCheck: checkReflectionFourEyes(acc, r) == nil}
	f, err := s.formByID(tx, r.TemplateID)
	if err != nil {
		return nil, err
	}
	out.TemplateVersion = f.row.Version
	if err := tx.Where("reflection_id = ?", r.ID).Order("question_key").Find(&out.Answers).Error; err != nil {
		return nil, err
	}
	f.sortAnswers(out.Answers)
	var items []Item
	if err := tx.Where("reflection_id = ?", r.ID).Order("position").Find(&items).Error; err != nil {
		return nil, err
	}
	var codings []Coding
	if err := tx.Where("reflection_id = ?", r.ID).Order("created_at, id").Find(&codings).Error; err != nil {
		return nil, err
	}
	var lessons []Lesson
	if err := tx.Where("reflection_id = ?", r.ID).Order("position").Find(&lessons).Error; err != nil {
		return nil, err
	}
	lessonIDs := make([]string, len(lessons))
	for i, l := range lessons {
		lessonIDs[i] = l.ID
	}
	var lcodes []LessonCode
	var sources []LessonSource
	if len(lessonIDs) > 0 {
		if err := tx.Where("lesson_id IN ?", lessonIDs).Find(&lcodes).Error; err != nil {
			return nil, err
		}
		if err := tx.Where("lesson_id IN ? AND item_id IS NOT NULL", lessonIDs).Find(&sources).Error; err != nil {
			return nil, err
		}
	}
	codeIDs := map[string]bool{}
	for _, c := range codings {
		codeIDs[c.CodeID] = true
	}
	for _, c := range lcodes {
		codeIDs[c.CodeID] = true
	}
	codes, err := codesByID(tx, codeIDs)
	if err != nil {
		return nil, err
	}
	byItem := map[string][]CodingView{}
	for _, c := range codings {
		if !knowsReflectionAuthor(acc, r) {
			c.CodedBy = nil
		}
		byItem[c.ItemID] = append(byItem[c.ItemID], CodingView{Coding: c, Code: codes[c.CodeID]})
	}
	for _, it := range items {
		out.Items = append(out.Items, ItemView{Item: it, Codes: byItem[it.ID]})
	}
	for _, l := range lessons {
		v := LessonInReflection{Lesson: l}
		for _, c := range lcodes {
			if c.LessonID == l.ID {
				v.Codes = append(v.Codes, codes[c.CodeID])
			}
		}
		for _, src := range sources {
			if src.LessonID == l.ID {
				v.ItemIDs = append(v.ItemIDs, *src.ItemID)
			}
		}
		out.Lessons = append(out.Lessons, v)
	}
	if !knowsReflectionAuthor(acc, r) {
		// Nothing of the author: not the id, the organisation, the last
		// editor, the publisher or the facilitator's comment to them.
		out.AuthorID, out.LastEditorID, out.PublishedBy, out.OrganisationID, out.ReviewComment = "", "", nil, nil, ""
		return out, nil
	}
	marks, err := cases.ReflectionMarks(tx, r.ID)
	if err != nil {
		return nil, err
	}
	out.Marks = viewMarks(marks, out)
	var name string
	if err := tx.Raw("SELECT name FROM people WHERE id = ?", r.AuthorID).Scan(&name).Error; err != nil {
		return nil, err
	}
	out.Author = &Author{ID: r.AuthorID, Name: name}
	return out, nil
}

// codesByID loads codes, merged and retired ones included: old material
// still shows them.
func codesByID(tx *gorm.DB, ids map[string]bool) (map[string]Code, error) {
	out := map[string]Code{}
	if len(ids) == 0 {
		return out, nil
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	var rows []Code
	if err := tx.Where("id IN ?", list).Find(&rows).Error; err != nil {
		return nil, err
	}
	for _, c := range rows {
		out[c.ID] = c
	}
	return out, nil
}
