package review

import (
	"cmp"
	"context"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

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
		return indexCodingsBulk(tx, codings, texts)
	})
}

// indexCodingsBulk adds many new codings to the code-suggestion index at
// once: the counts indexCoding would add one coding at a time, summed per
// code and term first and written with a few statements. Seeding 500,000
// codings one by one took most of a benchmark's setup.
func indexCodingsBulk(tx *gorm.DB, codings []Coding, texts map[string]string) error {
	type key struct{ network, code, term string }
	counts := map[key]int{}
	totals := map[[2]string]*codeTermTotal{}
	termsOf := map[string][]string{} // text → its terms: generated texts repeat
	for _, c := range codings {
		text := texts[c.ItemID]
		terms, ok := termsOf[text]
		if !ok {
			terms = itemTerms(text)
			termsOf[text] = terms
		}
		for _, t := range terms {
			counts[key{c.NetworkID, c.CodeID, t}]++
		}
		tk := [2]string{c.NetworkID, c.CodeID}
		if totals[tk] == nil {
			totals[tk] = &codeTermTotal{NetworkID: c.NetworkID, CodeID: c.CodeID, Source: sourceCodings}
		}
		totals[tk].Terms += len(terms)
		totals[tk].Texts++
	}
	rows := make([]codeTerm, 0, len(counts))
	for k, n := range counts {
		rows = append(rows, codeTerm{NetworkID: k.network, CodeID: k.code, Term: k.term, Source: sourceCodings, Count: n})
	}
	// In key order, as indexCoding writes, so that concurrent writers lock
	// shared rows in one order.
	slices.SortFunc(rows, func(a, b codeTerm) int {
		return cmp.Or(cmp.Compare(a.CodeID, b.CodeID), cmp.Compare(a.Term, b.Term))
	})
	sums := make([]codeTermTotal, 0, len(totals))
	for _, t := range totals {
		sums = append(sums, *t)
	}
	slices.SortFunc(sums, func(a, b codeTermTotal) int { return cmp.Compare(a.CodeID, b.CodeID) })
	const per = 500
	for i := 0; i < len(rows); i += per {
		err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "network_id"}, {Name: "term"}, {Name: "code_id"}, {Name: "source"}},
			DoUpdates: clause.Assignments(map[string]any{"count": gorm.Expr("code_terms.count + excluded.count")}),
		}).Create(rows[i:min(len(rows), i+per)]).Error
		if err != nil {
			return err
		}
	}
	for i := 0; i < len(sums); i += per {
		err := tx.Clauses(clause.OnConflict{
			Columns: []clause.Column{{Name: "code_id"}, {Name: "source"}},
			DoUpdates: clause.Assignments(map[string]any{
				"terms": gorm.Expr("code_term_totals.terms + excluded.terms"),
				"texts": gorm.Expr("code_term_totals.texts + excluded.texts"),
			}),
		}).Create(sums[i:min(len(sums), i+per)]).Error
		if err != nil {
			return err
		}
	}
	return nil
}
