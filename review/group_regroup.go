package review

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// memberBatch keeps the membership writes under SQLite's limit of bound
// values.
const memberBatch = 500

// storedGroups reads the network's groups with their lessons, oldest
// first: all of them, or when lessonIDs is not nil the groups that hold
// one of those lessons.
func storedGroups(tx *gorm.DB, networkID string, lessonIDs []string) ([]storedGroup, error) {
	var groups []LessonGroup
	q := tx.Where("network_id = ?", networkID)
	if lessonIDs != nil {
		if len(lessonIDs) == 0 {
			return nil, nil
		}
		var ids []string
		for start := 0; start < len(lessonIDs); start += memberBatch {
			var part []string
			if err := tx.Model(&GroupMember{}).Where("lesson_id IN ?", lessonIDs[start:min(start+memberBatch, len(lessonIDs))]).
				Distinct().Pluck("group_id", &part).Error; err != nil {
				return nil, err
			}
			ids = append(ids, part...)
		}
		if len(ids) == 0 {
			return nil, nil
		}
		q = q.Where("id IN ?", sortedSet(ids))
	}
	if err := q.Order("created_at, id").Find(&groups).Error; err != nil {
		return nil, err
	}
	ids := make([]string, len(groups))
	for i, g := range groups {
		ids[i] = g.ID
	}
	mq := tx.Model(&GroupMember{}).Select("lesson_id, group_id").Where("network_id = ?", networkID)
	if lessonIDs != nil {
		mq = mq.Where("group_id IN ?", ids)
	}
	byGroup := make(map[string][]string, len(groups))
	err := scanRows(mq.Order("lesson_id"), func(scan func(...any) error) error {
		var lessonID, groupID string
		if err := scan(&lessonID, &groupID); err != nil {
			return err
		}
		byGroup[groupID] = append(byGroup[groupID], lessonID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]storedGroup, len(groups))
	for i, g := range groups {
		out[i] = storedGroup{ID: g.ID, Order: i, Lessons: byGroup[g.ID], row: g}
	}
	return out, nil
}

// applyPlan writes the difference between the stored groups and the new
// clusters (with the statement chosen for each): memberships that
// changed, counts and statements that changed, new groups and groups no
// cluster continues.
func (s *Service) applyPlan(tx *gorm.DB, networkID string, lessons []groupLesson, clusters [][]int, statements []string, stored []storedGroup, plan groupPlan, now time.Time) error {
	current := map[string]string{} // lesson → stored group
	rows := map[string]LessonGroup{}
	for _, g := range stored {
		rows[g.ID] = g.row
		for _, l := range g.Lessons {
			current[l] = g.ID
		}
	}
	minimum, err := recurringMinimum(tx, networkID)
	if err != nil {
		return err
	}
	wanted := map[string]string{}
	var created []LessonGroup
	// crossed are the groups that become recurring lessons now: each gets
	// an improvement action proposed.
	var crossed []string
	for ci, c := range clusters {
		id, kept := plan.Keep[ci]
		if !kept {
			id = leerlus.NewID()
		}
		cases := map[string]bool{}
		for _, l := range c {
			wanted[lessons[l].ID] = id
			for _, cs := range lessons[l].Cases {
				cases[cs] = true
			}
		}
		statement := statements[ci]
		if len(cases) >= minimum && (!kept || rows[id].CaseCount < minimum && rows[id].Status == GroupActive) {
			crossed = append(crossed, id)
		}
		if !kept {
			created = append(created, LessonGroup{
				ID: id, NetworkID: networkID, AnchorLessonID: lessons[c[0]].ID, Statement: statement,
				Status: GroupActive, LessonCount: len(c), CaseCount: len(cases), CreatedAt: now, UpdatedAt: now, Version: 1,
			})
			continue
		}
		row := rows[id]
		cols := map[string]any{}
		if row.LessonCount != len(c) {
			cols["lesson_count"] = len(c)
		}
		if row.CaseCount != len(cases) {
			cols["case_count"] = len(cases)
		}
		if !row.StatementEdited && row.Statement != statement {
			cols["statement"] = statement
		}
		if len(cols) > 0 {
			for k, v := range leerlus.VersionBump(now) {
				cols[k] = v
			}
			if err := tx.Model(&LessonGroup{}).Where("id = ?", id).Updates(cols).Error; err != nil {
				return err
			}
		}
	}
	var leaving []string
	var joining []GroupMember
	for l, g := range current {
		if wanted[l] != g {
			leaving = append(leaving, l)
		}
	}
	for l, g := range wanted {
		if current[l] != g {
			joining = append(joining, GroupMember{LessonID: l, GroupID: g, NetworkID: networkID})
		}
	}
	// Written in the order of the group indexes: new groups' ids rise in
	// the order they were made, so these rows go to the end of two of the
	// table's three indexes instead of all over them (inserting 95,000
	// memberships in map order took 5.2 s on SQLite).
	slices.SortFunc(joining, func(a, b GroupMember) int {
		return cmp.Or(strings.Compare(a.GroupID, b.GroupID), strings.Compare(a.LessonID, b.LessonID))
	})
	slices.Sort(leaving)
	for start := 0; start < len(leaving); start += memberBatch {
		part := leaving[start:min(start+memberBatch, len(leaving))]
		if err := tx.Where("lesson_id IN ?", part).Delete(&GroupMember{}).Error; err != nil {
			return err
		}
	}
	if err := insertGroups(tx, created); err != nil {
		return err
	}
	if err := leerlus.InsertRows(tx, "lesson_group_members", []string{"lesson_id", "group_id", "network_id"}, len(joining),
		func(i int, args []any) []any {
			return append(args, joining[i].LessonID, joining[i].GroupID, joining[i].NetworkID)
		}); err != nil {
		return err
	}
	if err := dropGroups(tx, plan.Dropped, now); err != nil {
		return err
	}
	_, err = s.proposeForGroups(tx, networkID, crossed)
	return err
}

// insertGroups writes new groups; a first full recompute of a large
// network makes tens of thousands at once.
func insertGroups(tx *gorm.DB, groups []LessonGroup) error {
	return leerlus.InsertRows(tx, "lesson_groups", []string{"id", "network_id", "anchor_lesson_id", "statement",
		"statement_edited", "status", "dismiss_reason", "lesson_count", "case_count", "created_at", "updated_at", "version"},
		len(groups), func(i int, args []any) []any {
			g := &groups[i]
			return append(args, g.ID, g.NetworkID, g.AnchorLessonID, g.Statement, g.StatementEdited, string(g.Status),
				g.DismissReason, g.LessonCount, g.CaseCount, g.CreatedAt, g.UpdatedAt, g.Version)
		})
}

// dropGroups removes groups no cluster continues. A group an improvement
// action links to stays, empty, so that the action keeps its history.
func dropGroups(tx *gorm.DB, ids []string, now time.Time) error {
	for start := 0; start < len(ids); start += memberBatch {
		part := ids[start:min(start+memberBatch, len(ids))]
		linked, err := linkedGroups(tx, part)
		if err != nil {
			return err
		}
		var gone, kept []string
		for _, id := range part {
			if linked[id] {
				kept = append(kept, id)
			} else {
				gone = append(gone, id)
			}
		}
		if len(gone) > 0 {
			if err := tx.Where("id IN ?", gone).Delete(&LessonGroup{}).Error; err != nil {
				return err
			}
		}
		if len(kept) > 0 {
			cols := map[string]any{"lesson_count": 0, "case_count": 0}
			for k, v := range leerlus.VersionBump(now) {
				cols[k] = v
			}
			if err := tx.Model(&LessonGroup{}).Where("id IN ?", kept).Updates(cols).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// representative picks the statement that stands for a cluster: an
// accepted lesson before a proposed one, then the statement sharing most
// words with the others, then the oldest. words gives a lesson's content
// words (Grouper.Words).
func representative(lessons []groupLesson, cluster []int, words func(id string) []uint64) int {
	sets := make([][]uint64, len(cluster))
	for k, i := range cluster {
		sets[k] = words(lessons[i].ID)
	}
	central := centrality(sets)
	best, bestScore := cluster[0], -1.0
	for k, i := range cluster {
		score := central[k]
		if lessons[i].Accepted {
			score += 1000
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// Regroup recomputes the grouping of one network from scratch, as an
// operator's command or after loading data in bulk. It gives the groups
// the incremental updates give.
func (s *Service) Regroup(ctx context.Context, networkID string) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		return s.regroupNetwork(tx, networkID, s.now.Now())
	})
}
