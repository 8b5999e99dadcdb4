package review

import (
	"context"
	"sort"
)

// CodingRow is one coding of a published reflection item, with the case's
// attributes and the reflection's perspective (never its author).
type CodingRow struct {
	Case         *ExportCase
	ReflectionID string
	Perspective  string
	ItemID       string
	Question     string // the items question: what worked, what did not
	ItemPosition int
	What, Why    string
	CodingID     string
	CodeKey      string
	CodeLabelNL  string
	CodeLabelEN  string
	ThemeKey     string
	ThemeLabelNL string
	ThemeLabelEN string
	Effect       Effect
}

// LessonRow is one accepted lesson of a published reflection, with the
// case's attributes, the perspective and the keys of its codes.
type LessonRow struct {
	Case         *ExportCase
	LessonID     string
	ReflectionID string
	Perspective  string
	Position     int
	Statement    string
	CodeKeys     []string
	codeIDs      []string
}

// EachCoding hands every coding of the export to fn, page by page: the
// codings of published reflections of published or archived cases.
func (e *Export) EachCoding(ctx context.Context, fn func(CodingRow) error) error {
	_, codes, err := e.codes(ctx)
	if err != nil {
		return err
	}
	db := e.s.db.WithContext(ctx)
	return e.eachPage(ctx, false, func(p *casePage) error {
		q := `SELECT k.id, r.id, r.perspective, it.id, it.question_key, it.position, it.what, it.why, cd.id, cd.code_id, cd.effect
			FROM cases k JOIN reflections r ON r.case_id = k.id AND r.status = ?
			JOIN codings cd ON cd.reflection_id = r.id
			JOIN reflection_items it ON it.id = cd.item_id
			WHERE ` + p.where + ` ORDER BY k.id, r.id, it.question_key, it.position, cd.id`
		rows, err := db.Raw(q, append([]any{string(StatusPublished)}, p.args...)...).Rows()
		if err != nil {
			return err
		}
		out := make([]CodingRow, 0, len(p.cases)*12)
		for rows.Next() {
			var r CodingRow
			var caseID, codeID string
			if err := rows.Scan(&caseID, &r.ReflectionID, &r.Perspective, &r.ItemID, &r.Question, &r.ItemPosition,
				&r.What, &r.Why, &r.CodingID, &codeID, &r.Effect); err != nil {
				rows.Close()
				return err
			}
			r.Case = p.byID[caseID]
			if c := codes[codeID]; c != nil {
				r.CodeKey, r.CodeLabelNL, r.CodeLabelEN = c.Key, c.LabelNL, c.LabelEN
				r.ThemeKey, r.ThemeLabelNL, r.ThemeLabelEN = c.ThemeKey, c.ThemeLabelNL, c.ThemeLabelEN
			}
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range out {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// EachLesson hands every accepted lesson of the export's published
// reflections to fn, page by page. Researchers see accepted lessons only
// in the web app too: proposed ones wait for curation, merged ones live
// on in the lesson they were merged into.
func (e *Export) EachLesson(ctx context.Context, fn func(LessonRow) error) error {
	_, codes, err := e.codes(ctx)
	if err != nil {
		return err
	}
	return e.eachPage(ctx, false, func(p *casePage) error {
		lessons, err := e.pageLessons(ctx, p, codes)
		if err != nil {
			return err
		}
		for _, l := range lessons {
			if err := fn(l); err != nil {
				return err
			}
		}
		return nil
	})
}

// pageLessons reads the accepted lessons of a page's published
// reflections with their code keys, sorted.
func (e *Export) pageLessons(ctx context.Context, p *casePage, codes map[string]*exportCode) ([]LessonRow, error) {
	db := e.s.db.WithContext(ctx)
	from := ` FROM cases k JOIN lessons l ON l.case_id = k.id AND l.status = ?
		JOIN reflections r ON r.id = l.reflection_id AND r.status = ?`
	where := ` WHERE ` + p.where
	args := append([]any{string(LessonAccepted), string(StatusPublished)}, p.args...)
	rows, err := db.Raw(`SELECT k.id, l.id, r.id, l.perspective, l.position, l.statement`+from+where+` ORDER BY k.id, r.id, l.position, l.id`, args...).Rows()
	if err != nil {
		return nil, err
	}
	var out []LessonRow
	index := map[string]int{}
	for rows.Next() {
		var l LessonRow
		var caseID string
		if err := rows.Scan(&caseID, &l.LessonID, &l.ReflectionID, &l.Perspective, &l.Position, &l.Statement); err != nil {
			rows.Close()
			return nil, err
		}
		l.Case, l.CodeKeys = p.byID[caseID], []string{}
		index[l.LessonID] = len(out)
		out = append(out, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	rows, err = db.Raw(`SELECT lc.lesson_id, lc.code_id`+from+` JOIN lesson_codes lc ON lc.lesson_id = l.id`+where, args...).Rows()
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var lessonID, codeID string
		if err := rows.Scan(&lessonID, &codeID); err != nil {
			rows.Close()
			return nil, err
		}
		if i, ok := index[lessonID]; ok && codes[codeID] != nil {
			out[i].CodeKeys = append(out[i].CodeKeys, codes[codeID].Key)
			out[i].codeIDs = append(out[i].codeIDs, codeID)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		sort.Strings(out[i].CodeKeys)
	}
	return out, nil
}
