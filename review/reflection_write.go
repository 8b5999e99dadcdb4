package review

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review/defaults"
)

// Create starts the caller's reflection on a case, from their
// membership's perspective, with the network's current form. One person
// writes one reflection per case.
func (s *Service) Create(ctx context.Context, acc leerlus.Access, caseID string, in ReflectionInput) (*ReflectionView, error) {
	var out *ReflectionView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		c, err := s.cases.LockForText(tx, caseID)
		if err != nil {
			return err
		}
		if err := caseOpenForReflections(acc, c); err != nil {
			return err
		}
		perspective, org, err := perspectiveOf(tx, acc)
		if err != nil {
			return err
		}
		var existing []string
		if err := tx.Model(&Reflection{}).Where("case_id = ? AND author_id = ?", caseID, acc.PersonID()).Pluck("id", &existing).Error; err != nil {
			return err
		}
		if len(existing) > 0 {
			return leerlus.Errorf(leerlus.CodeConflict, "You already wrote a reflection on this case; change that one.")
		}
		f, err := s.currentForm(tx, c.NetworkID)
		if err != nil {
			return err
		}
		now := s.now.Now()
		r := &Reflection{ID: leerlus.NewID(), CaseID: caseID, NetworkID: c.NetworkID, AuthorID: acc.PersonID(),
			Perspective: perspective, OrganisationID: org, TemplateID: f.row.ID, Status: StatusDraft,
			LastEditorID: acc.PersonID(), CreatedAt: now, UpdatedAt: now, Version: 1}
		if err := s.writeAnswers(tx, r, f, &in, now); err != nil {
			return err
		}
		if err := tx.Create(r).Error; err != nil {
			return leerlus.DuplicateOr(err, "reflection", "case")
		}
		if err := s.storeAnswers(tx, r, f, &in, now); err != nil {
			return err
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionReflectionCreated, ObjectType: "reflection", ObjectID: r.ID, NetworkID: r.NetworkID}); err != nil {
			return err
		}
		out, err = s.loadView(tx, acc, r)
		return err
	})
	return out, err
}

// Update rewrites the questions named in the input of the caller's draft.
func (s *Service) Update(ctx context.Context, acc leerlus.Access, id string, in ReflectionInput) (*ReflectionView, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, in.Version)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *ReflectionView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		r, err := s.reflectionForChange(tx, acc, id, in.Version, func(r *Reflection) error { return editableReflection(acc, r) })
		if err != nil {
			return err
		}
		f, err := s.formByID(tx, r.TemplateID)
		if err != nil {
			return err
		}
		now := s.now.Now()
		if err := s.writeAnswers(tx, r, f, &in, now); err != nil {
			return err
		}
		cols := leerlus.VersionBump(now)
		cols["last_editor_id"] = acc.PersonID()
		cols["review_comment"] = ""
		if err := leerlus.UpdateVersioned(tx, &Reflection{}, r.ID, in.Version, cols, "reflection", ""); err != nil {
			return err
		}
		if err := s.storeAnswers(tx, r, f, &in, now); err != nil {
			return err
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionReflectionChanged, ObjectType: "reflection", ObjectID: r.ID, NetworkID: r.NetworkID}); err != nil {
			return err
		}
		if r, err = leerlus.GetByID[Reflection](tx, id, "reflection"); err != nil {
			return err
		}
		out, err = s.loadView(tx, acc, r)
		return err
	})
	return out, err
}

// editableReflection: only its author changes a reflection, and only as a
// draft. A submitted one is withdrawn first; a published one is final
// (its lessons may already be curated).
func editableReflection(acc leerlus.Access, r *Reflection) error {
	if err := acc.CheckOwner(r.AuthorID, "reflection", reflectionVisible(acc, r)); err != nil {
		return err
	}
	switch r.Status {
	case StatusSubmitted:
		return leerlus.Errorf(leerlus.CodeConflict, "This reflection waits for its check. Withdraw it first to change it.")
	case StatusPublished:
		return leerlus.Errorf(leerlus.CodeConflict, "A published reflection cannot be changed.")
	}
	return nil
}

// pending is what a write will store, prepared before anything is.
type pending struct {
	marks map[int][]cases.Mark
	codes map[string]Code
}

// writeAnswers validates and screens a write; nothing is stored when it
// fails. The marks and resolved codes wait in in for storeAnswers.
func (s *Service) writeAnswers(tx *gorm.DB, r *Reflection, f *form, in *ReflectionInput, now time.Time) error {
	var v leerlus.Validation
	in.check(&v, f)
	if err := v.Err(); err != nil {
		return err
	}
	if err := checkEpisodes(tx, r.CaseID, in); err != nil {
		return err
	}
	var ids []string
	if in.Items != nil {
		for _, it := range *in.Items {
			for _, c := range it.Codes {
				ids = append(ids, c.CodeID)
			}
		}
	}
	if in.Lessons != nil {
		for _, l := range *in.Lessons {
			ids = append(ids, l.Codes...)
		}
	}
	codes, err := s.resolveCodes(tx, r.NetworkID, ids)
	if err != nil {
		return err
	}
	marks, err := s.cases.ScreenTexts(tx, r.CaseID, in.texts(), in.Decisions)
	if err != nil {
		return err
	}
	in.pending = pending{marks: marks, codes: codes}
	return nil
}

// checkEpisodes refuses an item about a key episode of another case.
func checkEpisodes(tx *gorm.DB, caseID string, in *ReflectionInput) error {
	if in.Items == nil {
		return nil
	}
	var ids []string
	for _, it := range *in.Items {
		if it.EpisodeID != "" {
			ids = append(ids, it.EpisodeID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var found []string
	if err := tx.Table("case_episodes").Where("case_id = ? AND id IN ?", caseID, ids).Pluck("id", &found).Error; err != nil {
		return err
	}
	ok := map[string]bool{}
	for _, id := range found {
		ok[id] = true
	}
	var v leerlus.Validation
	for i, it := range *in.Items {
		if it.EpisodeID != "" && !ok[it.EpisodeID] {
			v.Add(fmt.Sprintf("/items/%d/episode_id", i), leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_an_episode_of_the_case"})
		}
	}
	return v.Err()
}

// storeAnswers replaces every part given in the write: items keep their
// ids when sent back, codings and lessons are rewritten, and the marks of
// the rewritten parts replaced.
func (s *Service) storeAnswers(tx *gorm.DB, r *Reflection, f *form, in *ReflectionInput, now time.Time) error {
	var itemIDs []string
	if in.Items != nil {
		var err error
		if itemIDs, err = s.storeItems(tx, r, *in.Items, in.pending.codes, now); err != nil {
			return err
		}
	}
	var answers []Answer
	var keys []string
	if in.Texts != nil {
		keys = append(keys, f.keysOf(defaults.TypeText)...)
		for _, t := range *in.Texts {
			if t.Text != "" {
				answers = append(answers, Answer{ReflectionID: r.ID, QuestionKey: t.Question, Text: t.Text})
			}
		}
	}
	if in.Ratings != nil {
		keys = append(keys, f.keysOf(defaults.TypeRating)...)
		for _, rt := range *in.Ratings {
			if rt.Rating != nil {
				answers = append(answers, Answer{ReflectionID: r.ID, QuestionKey: rt.Question, Rating: rt.Rating})
			}
		}
	}
	if len(keys) > 0 {
		if err := tx.Where("reflection_id = ? AND question_key IN ?", r.ID, keys).Delete(&Answer{}).Error; err != nil {
			return err
		}
	}
	if len(answers) > 0 {
		if err := tx.Create(&answers).Error; err != nil {
			return err
		}
	}
	var lessonIDs []string
	if in.Lessons != nil {
		var err error
		if lessonIDs, err = s.storeLessons(tx, r, *in.Lessons, itemIDs, in.pending.codes, now); err != nil {
			return err
		}
	}
	// Marks are kept at places that do not move when the form is saved in
	// another order: the item's and lesson's id, the text's question.
	var marks []cases.Mark
	for _, ms := range in.pending.marks {
		for _, m := range ms {
			m.Field = in.stablePointer(m.Field, itemIDs, lessonIDs)
			marks = append(marks, m)
		}
	}
	return cases.SaveReflectionMarks(tx, r.CaseID, r.ID, in.parts(), marks, now)
}

// storeItems replaces the items of the reflection.
func (s *Service) storeItems(tx *gorm.DB, r *Reflection, items []ItemInput, codes map[string]Code, now time.Time) ([]string, error) {
	var old []Item
	if err := tx.Where("reflection_id = ?", r.ID).Find(&old).Error; err != nil {
		return nil, err
	}
	kept := map[string]Item{}
	oldTexts := map[string]string{}
	for _, it := range old {
		kept[it.ID] = it
		oldTexts[it.ID] = indexedText(it.What, it.Why)
	}
	newTexts := map[string]string{}
	var oldCodings []Coding
	if len(old) > 0 {
		if err := tx.Where("reflection_id = ? AND item_id IN ?", r.ID, itemKeys(kept)).Find(&oldCodings).Error; err != nil {
			return nil, err
		}
	}
	ids := make([]string, len(items))
	var fresh []Item
	var codings []Coding
	for i, in := range items {
		id := in.ID
		if _, ok := kept[id]; ok {
			// Kept items are updated in place: lessons that came from
			// them keep their link.
			delete(kept, id)
			if err := tx.Model(&Item{}).Where("id = ?", id).Updates(map[string]any{"question_key": in.Question, "position": i + 1, "what": in.What, "why": in.Why,
				"episode_id": leerlus.Optional(in.EpisodeID), "updated_at": now}).Error; err != nil {
				return nil, err
			}
		} else {
			// An id the reflection does not hold (another reflection's,
			// or made up) is not taken over: the item is new.
			id = leerlus.NewID()
			fresh = append(fresh, Item{ID: id, ReflectionID: r.ID, CaseID: r.CaseID, NetworkID: r.NetworkID, QuestionKey: in.Question,
				Position: i + 1, What: in.What, Why: in.Why, EpisodeID: leerlus.Optional(in.EpisodeID), CreatedAt: now, UpdatedAt: now})
		}
		ids[i] = id
		newTexts[id] = indexedText(in.What, in.Why)
		by := r.AuthorID
		for _, c := range in.Codes {
			codings = append(codings, Coding{ID: leerlus.NewID(), ItemID: id, ReflectionID: r.ID, CaseID: r.CaseID,
				NetworkID: r.NetworkID, CodeID: codes[c.CodeID].ID, Effect: c.Effect, CodedBy: &by, CreatedAt: now})
		}
	}
	codings = dedupeCodings(codings)
	if len(oldCodings) > 0 {
		if err := tx.Where("reflection_id = ? AND item_id IN ?", r.ID, codingItems(oldCodings)).Delete(&Coding{}).Error; err != nil {
			return nil, err
		}
	}
	if len(kept) > 0 {
		if err := tx.Where("id IN ?", itemKeys(kept)).Delete(&Item{}).Error; err != nil {
			return nil, err
		}
	}
	if len(fresh) > 0 {
		if err := tx.Create(&fresh).Error; err != nil {
			return nil, err
		}
	}
	if len(codings) > 0 {
		if err := tx.Create(&codings).Error; err != nil {
			return nil, err
		}
	}
	return ids, codingsChanged(tx, r.NetworkID, codingTexts(oldCodings, oldTexts, -1), codingTexts(codings, newTexts, 1))
}

// dedupeCodings keeps one coding per item and code: two codes sent that
// turned out to be the same after following merges.
func dedupeCodings(cs []Coding) []Coding {
	seen := map[[2]string]bool{}
	out := cs[:0]
	for _, c := range cs {
		k := [2]string{c.ItemID, c.CodeID}
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// codingsChanged keeps the code-suggestion index up to date with the
// codings a write removed and added, in one pass (see indexCodings: two
// passes lock rows out of order).
func codingsChanged(tx *gorm.DB, networkID string, changes ...[]codedText) error {
	return indexCodings(tx, networkID, slices.Concat(changes...))
}

// codingTexts gives codings as changes of the index: each with its item's
// words as they were indexed (what and why) and delta +1 (added) or −1
// (removed).
func codingTexts(cs []Coding, texts map[string]string, delta int) []codedText {
	out := make([]codedText, len(cs))
	for i, c := range cs {
		out[i] = codedText{code: c.CodeID, text: texts[c.ItemID], delta: delta}
	}
	return out
}

// indexedText is an item's text as the suggestion index counts it.
func indexedText(what, why string) string { return what + " " + why }

// itemText reads an item's text as the suggestion index counts it.
func itemText(tx *gorm.DB, itemID string) (string, error) {
	var it Item
	if err := tx.Select("what", "why").Where("id = ?", itemID).Take(&it).Error; err != nil {
		return "", err
	}
	return indexedText(it.What, it.Why), nil
}

// storeLessons replaces the proposed lessons of a draft reflection.
func (s *Service) storeLessons(tx *gorm.DB, r *Reflection, lessons []LessonInput, itemIDs []string, codes map[string]Code, now time.Time) ([]string, error) {
	if err := tx.Where("reflection_id = ?", r.ID).Delete(&Lesson{}).Error; err != nil {
		return nil, err
	}
	ids := make([]string, len(lessons))
	var rows []Lesson
	var lcodes []LessonCode
	var sources []LessonSource
	for i, in := range lessons {
		rid := r.ID
		l := Lesson{ID: leerlus.NewID(), NetworkID: r.NetworkID, CaseID: r.CaseID, ReflectionID: &rid, Perspective: r.Perspective,
			Position: i + 1, Statement: in.Statement, Status: LessonProposed, CreatedAt: now, UpdatedAt: now, Version: 1}
		ids[i] = l.ID
		rows = append(rows, l)
		// Two codes sent may be one after following merges, and two
		// sources one item: each is stored once.
		seen := map[string]bool{}
		for _, id := range in.Codes {
			if c := codes[id].ID; !seen[c] {
				seen[c] = true
				lcodes = append(lcodes, LessonCode{LessonID: l.ID, CodeID: c})
			}
		}
		for _, src := range in.Sources {
			if item := itemIDs[src]; !seen[item] {
				seen[item] = true
				sources = append(sources, LessonSource{ID: leerlus.NewID(), LessonID: l.ID, ItemID: &item})
			}
		}
	}
	for _, insert := range []func() error{
		func() error { return createAll(tx, rows) },
		func() error { return createAll(tx, lcodes) },
		func() error { return createAll(tx, sources) },
	} {
		if err := insert(); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// createAll inserts rows in one statement, and nothing for none.
func createAll[T any](tx *gorm.DB, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	return tx.Create(&rows).Error
}

func codingItems(cs []Coding) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ItemID
	}
	return out
}

func itemKeys(m map[string]Item) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
