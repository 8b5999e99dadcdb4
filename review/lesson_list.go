package review

import (
	"context"
	"net/url"
	"strings"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// LessonFilter narrows a network's lesson list. Empty fields do not filter.
type LessonFilter struct {
	Status string // facilitators: any curation state; others: accepted only
	Code   string // lessons with this code
	Case   string // lessons that lead back to this case, merged ones included
	Q      string // words in the statement
}

// LessonListing is one page of lessons.
type LessonListing struct {
	Items      []LessonSummary
	NextCursor string
}

// lessonStatuses are the curation states, in the order of curation.
var lessonStatuses = []string{string(LessonProposed), string(LessonAccepted), string(LessonRejected), string(LessonMerged)}

// check validates a filter for the caller: only facilitators may ask for
// lessons that are not accepted.
func (f *LessonFilter) check(acc leerlus.Access) error {
	var v leerlus.Validation
	allowed := []string{string(LessonAccepted)}
	if curates(acc) {
		allowed = lessonStatuses
	}
	if f.Status != "" {
		ok := false
		for _, a := range allowed {
			ok = ok || a == f.Status
		}
		v.Check(ok, "status", leerlus.FieldOneOf, leerlus.Params{"allowed": allowed})
	}
	leerlus.CheckID(&v, "code", f.Code)
	leerlus.CheckID(&v, "case", f.Case)
	f.Q = strings.TrimSpace(f.Q)
	leerlus.CheckLength(&v, "q", f.Q, 0, lessonQueryMax)
	return v.Err()
}

// Lessons lists a network's lessons, newest first: for facilitators every
// lesson in curation, for everyone else the accepted ones. Lessons of
// reflections that are not published are never listed. Every list is
// audited with its filters.
func (s *Service) Lessons(ctx context.Context, acc leerlus.Access, f LessonFilter, p leerlus.Page) (*LessonListing, error) {
	if err := f.check(acc); err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	q := readableLessons(db).Where("l.network_id = ?", acc.NetworkID)
	switch {
	case !curates(acc):
		q = q.Where("l.status = ?", string(LessonAccepted))
	case f.Status != "":
		q = q.Where("l.status = ?", f.Status)
	}
	if f.Code != "" {
		q = q.Where("EXISTS (SELECT 1 FROM lesson_codes lc WHERE lc.lesson_id = l.id AND lc.code_id = ?)", f.Code)
	}
	if f.Case != "" {
		// A lesson leads back to its own case and to the cases of the
		// lessons merged into it.
		q = q.Where("(l.case_id = ? OR EXISTS (SELECT 1 FROM lesson_sources ls JOIN lessons m ON m.id = ls.source_lesson_id "+
			"WHERE ls.lesson_id = l.id AND ls.item_id IS NULL AND m.case_id = ?))", f.Case, f.Case)
	}
	if f.Q != "" {
		q = q.Where(`LOWER(l.statement) LIKE ? ESCAPE '\'`, "%"+leerlus.EscapeLike(strings.ToLower(f.Q))+"%")
	}
	rows, next, err := leerlus.PageNewestFirst(q, p, "l.id", func(r lessonRow) string { return r.ID })
	if err != nil {
		return nil, err
	}
	items, err := summaries(db, acc, rows)
	if err != nil {
		return nil, err
	}
	out := &LessonListing{Items: items, NextCursor: next}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionLessonsListed, ObjectType: "network",
		ObjectID: acc.NetworkID, NetworkID: acc.NetworkID, Detail: f.describe(p)})
	return out, err
}

// describe writes the filters for the audit log. The search words are
// not written: someone may search for a name, and the log keeps no
// case text.
func (f *LessonFilter) describe(p leerlus.Page) string {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("status", f.Status)
	set("code", f.Code)
	set("case", f.Case)
	if f.Q != "" {
		set("q", "(words)")
	}
	if p.After != "" {
		set("page", "next")
	}
	return "list " + strings.ReplaceAll(q.Encode(), "&", " ")
}

// contribution is one lesson behind a lesson: the lesson itself or one
// merged into it, as far as its reflection is published.
type contribution struct {
	LessonID     string // the lesson behind
	Statement    string
	Perspective  string
	CaseID       string
	CaseTitle    string
	ReflectionID string
}

// summaries completes lesson rows with their codes and what lies behind
// them, as the caller may see it.
func summaries(db *gorm.DB, acc leerlus.Access, rows []lessonRow) ([]LessonSummary, error) {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	codes, err := codeRefs(db, ids)
	if err != nil {
		return nil, err
	}
	behind, err := contributions(db, rows)
	if err != nil {
		return nil, err
	}
	out := make([]LessonSummary, len(rows))
	for i, r := range rows {
		out[i] = summary(acc, r, codes[r.ID], behind[r.ID])
	}
	return out, nil
}

// summary builds one list item from a lesson and its contributions.
func summary(acc leerlus.Access, r lessonRow, codes []Code, behind []contribution) LessonSummary {
	out := LessonSummary{ID: r.ID, NetworkID: r.NetworkID, Status: r.Status, Statement: r.Statement, Codes: codes,
		Perspectives: []string{}, Cases: []CaseRef{}, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Version: r.Version}
	if out.Codes == nil {
		out.Codes = []Code{}
	}
	if curates(acc) {
		out.Curation = &Curation{RejectReason: r.RejectReason, MergedInto: r.MergedInto, CuratedAt: r.CuratedAt}
	}
	seenPerspective, seenCase, seenReflection := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, c := range behind {
		seenPerspective[c.Perspective] = true
		if !seenCase[c.CaseID] {
			seenCase[c.CaseID] = true
			out.Cases = append(out.Cases, CaseRef{ID: c.CaseID, Title: c.CaseTitle})
		}
		seenReflection[c.ReflectionID] = true
	}
	for _, p := range policy.Perspectives {
		if seenPerspective[string(p)] {
			out.Perspectives = append(out.Perspectives, string(p))
		}
	}
	out.SourceCount = len(seenReflection)
	return out
}

// contributions reads, per lesson, the lesson itself and the lessons
// merged into it whose reflections are published, the lesson itself
// first and the merged ones in the order they were written.
func contributions(db *gorm.DB, rows []lessonRow) (map[string][]contribution, error) {
	out := map[string][]contribution{}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
		out[r.ID] = []contribution{{LessonID: r.ID, Statement: r.Statement, Perspective: r.Perspective, CaseID: r.CaseID,
			CaseTitle: r.CaseTitle, ReflectionID: leerlus.Deref(r.ReflectionID)}}
	}
	if len(ids) == 0 {
		return out, nil
	}
	var merged []struct {
		TargetID, LessonID, Statement, Perspective, CaseID, CaseTitle, ReflectionID string
	}
	err := db.Table("lesson_sources ls").
		Select("ls.lesson_id AS target_id, m.id AS lesson_id, m.statement, m.perspective, m.case_id, c.title AS case_title, m.reflection_id").
		Joins("JOIN lessons m ON m.id = ls.source_lesson_id").
		Joins("JOIN reflections r ON r.id = m.reflection_id AND r.status = ?", string(StatusPublished)).
		Joins("JOIN cases c ON c.id = m.case_id AND c.status IN ?", readableCaseStatuses).
		Where("ls.lesson_id IN ? AND ls.item_id IS NULL", ids).
		Order("m.id").Scan(&merged).Error
	if err != nil {
		return nil, err
	}
	for _, m := range merged {
		out[m.TargetID] = append(out[m.TargetID], contribution{LessonID: m.LessonID, Statement: m.Statement,
			Perspective: m.Perspective, CaseID: m.CaseID, CaseTitle: m.CaseTitle, ReflectionID: m.ReflectionID})
	}
	return out, nil
}
