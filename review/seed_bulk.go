package review

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// SeedReflection is a complete reflection for generated benchmark data.
type SeedReflection struct {
	CaseID, NetworkID, AuthorID, Perspective string
	// PublishedBy is the facilitator who checked it; empty leaves it
	// submitted.
	PublishedBy string
	Items       []SeedItem
	Texts       map[string]string // question key → text
	Ratings     map[string]int    // question key → 1–5
	Lessons     []SeedLesson
	At          time.Time
}

// SeedItem is an item of a SeedReflection, coded by code keys.
type SeedItem struct {
	Question, What, Why string
	Codes               map[string]Effect // code key → effect
}

// SeedLesson is a lesson of a SeedReflection: codes by key, sources by
// the place of their item.
type SeedLesson struct {
	Statement string
	CodeKeys  []string
	Sources   []int
}

// Seed stores generated reflections as they are, in one transaction:
// without screening and without audit entries. It exists for the
// benchmarks, whose texts come from screened demo texts; it must never take
// user input.
func (s *Service) Seed(ctx context.Context, batch []SeedReflection) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		templates := map[string]string{}
		codes := map[string]map[string]string{} // network → key → id
		texts := map[string]string{}
		var (
			rows     []Reflection
			answers  []Answer
			items    []Item
			codings  []Coding
			lessons  []Lesson
			lcodes   []LessonCode
			lsources []LessonSource
		)
		for _, sr := range batch {
			if _, ok := templates[sr.NetworkID]; !ok {
				f, err := s.currentForm(tx, sr.NetworkID)
				if err != nil {
					return err
				}
				templates[sr.NetworkID] = f.row.ID
				var cs []Code
				if err := tx.Where("network_id = ?", sr.NetworkID).Find(&cs).Error; err != nil {
					return err
				}
				codes[sr.NetworkID] = map[string]string{}
				for _, c := range cs {
					codes[sr.NetworkID][c.Key] = c.ID
				}
			}
			at := sr.At
			r := Reflection{ID: leerlus.NewID(), CaseID: sr.CaseID, NetworkID: sr.NetworkID, AuthorID: sr.AuthorID, Perspective: sr.Perspective,
				TemplateID: templates[sr.NetworkID], Status: StatusSubmitted, LastEditorID: sr.AuthorID, CreatedAt: at, UpdatedAt: at,
				SubmittedAt: &at, Version: 1}
			if sr.PublishedBy != "" {
				by := sr.PublishedBy
				r.Status, r.PublishedBy, r.PublishedAt = StatusPublished, &by, &at
			}
			rows = append(rows, r)
			for k, t := range sr.Texts {
				answers = append(answers, Answer{ReflectionID: r.ID, QuestionKey: k, Text: t})
			}
			for k, v := range sr.Ratings {
				v := v
				answers = append(answers, Answer{ReflectionID: r.ID, QuestionKey: k, Rating: &v})
			}
			ids := make([]string, len(sr.Items))
			for i, it := range sr.Items {
				ids[i] = leerlus.NewID()
				texts[ids[i]] = indexedText(it.What, it.Why)
				items = append(items, Item{ID: ids[i], ReflectionID: r.ID, CaseID: r.CaseID, NetworkID: r.NetworkID, QuestionKey: it.Question,
					Position: i + 1, What: it.What, Why: it.Why, CreatedAt: at, UpdatedAt: at})
				for key, effect := range it.Codes {
					by := sr.AuthorID
					codings = append(codings, Coding{ID: leerlus.NewID(), ItemID: ids[i], ReflectionID: r.ID, CaseID: r.CaseID,
						NetworkID: r.NetworkID, CodeID: codes[sr.NetworkID][key], Effect: effect, CodedBy: &by, CreatedAt: at})
				}
			}
			for i, l := range sr.Lessons {
				rid := r.ID
				lesson := Lesson{ID: leerlus.NewID(), NetworkID: r.NetworkID, CaseID: r.CaseID, ReflectionID: &rid, Perspective: r.Perspective,
					Position: i + 1, Statement: l.Statement, Status: LessonProposed, CreatedAt: at, UpdatedAt: at, Version: 1}
				lessons = append(lessons, lesson)
				for _, key := range l.CodeKeys {
					lcodes = append(lcodes, LessonCode{LessonID: lesson.ID, CodeID: codes[sr.NetworkID][key]})
				}
				for _, src := range l.Sources {
					item := ids[src]
					lsources = append(lsources, LessonSource{ID: leerlus.NewID(), LessonID: lesson.ID, ItemID: &item})
				}
			}
		}
		for _, insert := range []func() error{
			func() error { return tx.CreateInBatches(rows, 200).Error },
			func() error { return tx.CreateInBatches(answers, 500).Error },
			func() error { return tx.CreateInBatches(items, 200).Error },
			func() error { return tx.CreateInBatches(codings, 200).Error },
			func() error { return tx.CreateInBatches(lessons, 200).Error },
			func() error { return tx.CreateInBatches(lcodes, 500).Error },
			func() error { return tx.CreateInBatches(lsources, 500).Error },
		} {
			if err := insert(); err != nil {
				return err
			}
		}
		byNetwork := map[string][]Coding{}
		for _, c := range codings {
			byNetwork[c.NetworkID] = append(byNetwork[c.NetworkID], c)
		}
		for n, cs := range byNetwork {
			if err := s.codingsChanged(tx, n, cs, texts, 1); err != nil {
				return err
			}
		}
		return nil
	})
}
