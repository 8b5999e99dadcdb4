package review

import (
	"sort"

	"gorm.io/gorm"
)

// groupLesson is a lesson as the grouping reads it: its statement, the
// stable keys of its own codes and of the codes on the reflection items it
// came from, and the cases behind it (its own and those of lessons merged
// into it).
type groupLesson struct {
	ID        string
	Text      string
	Codes     []string
	ItemCodes []string
	Cases     []string
	Accepted  bool
}

// groupableLessons reads the lessons of a network that the grouping
// places: proposed and accepted lessons of published reflections, and
// lessons a facilitator made by merging. Rejected lessons and lessons
// merged into another stay out; the lesson they went into stands for
// them. Sorted by id.
func groupableLessons(tx *gorm.DB, networkID string) ([]groupLesson, error) {
	return readGroupable(tx, networkID, nil)
}

// readGroupable reads the groupable lessons of a network, all of them or,
// when only is not nil, those of only that still are.
func readGroupable(tx *gorm.DB, networkID string, only []string) ([]groupLesson, error) {
	if only != nil && len(only) == 0 {
		return nil, nil
	}
	scope, args := "", []any{networkID}
	if only != nil {
		scope, args = " AND l.id IN ?", append(args, only)
	}
	// Room for every lesson at once: growing a slice of 100,000 lessons
	// (and a map of their ids) by doubling copied them a dozen times.
	size := len(only)
	if only == nil {
		var n int64
		if err := tx.Table("lessons").Where("network_id = ?", networkID).Count(&n).Error; err != nil {
			return nil, err
		}
		size = int(n)
	}
	out := make([]groupLesson, 0, size)
	index := make(map[string]int, size)
	// Rows are scanned by hand: gorm's reflection per row was a large part
	// of reading 100,000 lessons.
	err := scanRows(tx.Raw(`SELECT l.id, l.statement, l.case_id, l.status FROM lessons l
		LEFT JOIN reflections r ON r.id = l.reflection_id
		WHERE l.network_id = ?`+scope+` AND l.status IN (?, ?) AND (l.reflection_id IS NULL OR r.status = ?)
		ORDER BY l.id`, append(args, LessonProposed, LessonAccepted, StatusPublished)...), func(scan func(...any) error) error {
		var id, statement, caseID, status string
		if err := scan(&id, &statement, &caseID, &status); err != nil {
			return err
		}
		index[id] = len(out)
		out = append(out, groupLesson{ID: id, Text: statement, Cases: []string{caseID}, Accepted: status == string(LessonAccepted)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	collect := func(query string, add func(*groupLesson, string)) error {
		q, args := query, []any{networkID}
		if only != nil {
			q, args = query+" AND l.id IN ?", append(args, only)
		}
		return scanRows(tx.Raw(q, args...), func(scan func(...any) error) error {
			var lessonID, value string
			if err := scan(&lessonID, &value); err != nil {
				return err
			}
			if i, ok := index[lessonID]; ok {
				add(&out[i], value)
			}
			return nil
		})
	}
	if err := collect(`SELECT lc.lesson_id, c.key AS value FROM lesson_codes lc
		JOIN lessons l ON l.id = lc.lesson_id JOIN codebook_codes c ON c.id = lc.code_id
		WHERE l.network_id = ?`, func(g *groupLesson, v string) { g.Codes = append(g.Codes, v) }); err != nil {
		return nil, err
	}
	if err := collect(`SELECT s.lesson_id, c.key AS value FROM lesson_sources s
		JOIN lessons l ON l.id = s.lesson_id JOIN codings cd ON cd.item_id = s.item_id
		JOIN codebook_codes c ON c.id = cd.code_id
		WHERE l.network_id = ? AND s.item_id IS NOT NULL`, func(g *groupLesson, v string) { g.ItemCodes = append(g.ItemCodes, v) }); err != nil {
		return nil, err
	}
	if err := collect(`SELECT s.lesson_id, m.case_id AS value FROM lesson_sources s
		JOIN lessons l ON l.id = s.lesson_id JOIN lessons m ON m.id = s.source_lesson_id
		WHERE l.network_id = ? AND s.source_lesson_id IS NOT NULL`, func(g *groupLesson, v string) { g.Cases = append(g.Cases, v) }); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Codes = sortedSet(out[i].Codes)
		out[i].ItemCodes = sortedSet(out[i].ItemCodes)
		out[i].Cases = sortedSet(out[i].Cases)
	}
	return out, nil
}

// scanRows runs a query and hands each row to one, to scan its columns.
func scanRows(q *gorm.DB, one func(scan func(...any) error) error) error {
	rows, err := q.Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := one(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// groupingConstraints reads what facilitators taught the network's
// grouping.
func groupingConstraints(tx *gorm.DB, networkID string) ([]GroupingConstraint, error) {
	var out []GroupingConstraint
	err := tx.Where("network_id = ?", networkID).Order("lesson_id, other_lesson_id").Find(&out).Error
	return out, err
}

// sortedSet sorts a list and drops repeats.
func sortedSet(list []string) []string {
	sort.Strings(list)
	out := list[:0]
	for i, v := range list {
		if i == 0 || v != list[i-1] {
			out = append(out, v)
		}
	}
	return out
}
