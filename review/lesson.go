package review

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

// Limits of curation. They equal the limits an author's lesson has in a
// reflection, so that a curated lesson fits where the author's did.
const (
	curatedStatementMin = 3
	curatedStatementMax = 300
	curatedCodesMax     = 5
	rejectReasonMax     = 500
	mergeMax            = 50 // lessons merged in one step
	lessonQueryMax      = 100
)

// CaseRef is a case a lesson leads back to.
type CaseRef struct {
	ID, Title string
}

// Curation is what only the network's facilitators see of a lesson's
// curation.
type Curation struct {
	RejectReason string
	MergedInto   *string
	CuratedAt    *time.Time
}

// LessonSummary is a lesson in a list: its statement and codes, and the
// perspectives and cases of the reflections behind it (its own and those
// of the lessons merged into it). It never names an author.
type LessonSummary struct {
	ID           string
	NetworkID    string
	Status       LessonStatus
	Statement    string
	Codes        []Code // in codebook order; a retired or merged code still shows
	Perspectives []string
	Cases        []CaseRef
	// SourceCount is the number of published reflections behind the lesson.
	SourceCount int
	Curation    *Curation // facilitators only
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int
}

// LessonView is one lesson with everything it leads back to.
type LessonView struct {
	LessonSummary
	// Sources are the lesson itself and every lesson merged into it, each
	// with the reflection items it came from. Only published texts.
	Sources []Source
}

// Source is one lesson behind a lesson: the lesson itself, or one merged
// into it, with its reflection's perspective and case.
type Source struct {
	LessonID    string
	Merged      bool // merged into the lesson read, rather than the lesson itself
	Statement   string
	Perspective string
	Case        CaseRef
	// ReflectionID lets a facilitator open the reflection; empty for
	// everyone else.
	ReflectionID string
	Items        []SourceItem
}

// SourceItem is a reflection item a lesson came from: what worked or did
// not, and why.
type SourceItem struct {
	ID, QuestionKey, What, Why string
}

// LessonNetwork finds the network of a lesson, for the route scope: the
// caller's role there decides. An unknown lesson is not found.
func (s *Service) LessonNetwork(ctx context.Context, id string) (string, error) {
	if !leerlus.ValidID(id) {
		return "", leerlus.NotFound("lesson")
	}
	row, err := s.db.ReadRow(ctx, "SELECT network_id FROM lessons WHERE id = ?", id)
	if err != nil {
		return "", err
	}
	var network string
	if err := row.Scan(&network); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", leerlus.NotFound("lesson")
		}
		return "", err
	}
	return network, nil
}

// lessonRow is a lesson with the title of its case.
type lessonRow struct {
	Lesson    `gorm:"embedded"`
	CaseTitle string
}

// readableLessons selects the lessons anyone may know of: those whose
// reflection is published and whose case is published or archived. A
// lesson of a draft, submitted or corrected reflection is in no list and
// no read, for facilitators neither: it enters curation once published.
func readableLessons(db *gorm.DB) *gorm.DB {
	return db.Table("lessons l").Select("l.*, c.title AS case_title").
		Joins("JOIN reflections r ON r.id = l.reflection_id AND r.status = ?", string(StatusPublished)).
		Joins("JOIN cases c ON c.id = l.case_id AND c.status IN ?", readableCaseStatuses)
}

var readableCaseStatuses = []string{string(cases.StatusPublished), string(cases.StatusArchived)}

// curates reports whether the caller facilitates the network of the route.
func curates(acc leerlus.Access) bool {
	return acc.Role == string(policy.RoleFacilitator)
}

// visibleLesson says whether the caller may see a readable lesson of the
// route's network: facilitators every curation state, everyone else the
// accepted lessons only.
func visibleLesson(acc leerlus.Access, l *Lesson) bool {
	return l.NetworkID == acc.NetworkID && (curates(acc) || l.Status == LessonAccepted)
}

// readableLesson loads one readable lesson of the caller's network as
// the caller may see it.
func readableLesson(db *gorm.DB, acc leerlus.Access, id string) (*lessonRow, error) {
	if !leerlus.ValidID(id) {
		return nil, leerlus.NotFound("lesson")
	}
	var rows []lessonRow
	if err := readableLessons(db).Where("l.id = ?", id).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 || !visibleLesson(acc, &rows[0].Lesson) {
		return nil, leerlus.NotFound("lesson")
	}
	return &rows[0], nil
}

// lockLessons loads readable lessons for a change, in id order. On
// PostgreSQL it locks their rows (and only theirs), always in id order,
// so that concurrent curation on any instance takes turns without
// deadlocks; SQLite's single writer already serialises.
func (s *Service) lockLessons(tx *gorm.DB, ids []string) ([]lessonRow, error) {
	q := readableLessons(tx).Where("l.id IN ?", ids).Order("l.id")
	if s.db.Dialect == leerlus.Postgres {
		q = q.Clauses(clause.Locking{Strength: "UPDATE", Table: clause.Table{Name: "l"}})
	}
	var rows []lessonRow
	err := q.Find(&rows).Error
	return rows, err
}
