package review

import (
	"context"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// AcrossMinCases is the fewest distinct cases a recurring lesson rests on
// to be shown outside its network: fewer could point at single families.
const AcrossMinCases = 5

// AcrossNetworks is a recurring lesson seen from outside its network.
type AcrossNetworks struct {
	RecurringLesson
	NetworkName string
}

// RecurringAcross lists the recurring lessons of every network the caller
// may study across: as a researcher in the network, or as a manager in a
// network of the same workplace. Only lessons resting on at least
// AcrossMinCases distinct cases (or the network's own minimum, if higher)
// are shown, those on most cases first. Audited as one read.
func (s *Service) RecurringAcross(ctx context.Context, acc leerlus.Access) ([]AcrossNetworks, error) {
	db := s.db.WithContext(ctx)
	var networks []struct {
		ID, Name string
		Min      int
	}
	err := db.Raw(`SELECT n.id, n.name, n.recurring_min_cases AS min FROM networks n
		WHERE n.id IN (SELECT network_id FROM memberships WHERE person_id = ? AND role = ?)
		OR n.workplace_id IN (SELECT w.workplace_id FROM memberships m JOIN networks w ON w.id = m.network_id
			WHERE m.person_id = ? AND m.role = ?)
		ORDER BY n.name, n.id`, acc.PersonID(), policy.RoleResearcher, acc.PersonID(), policy.RoleManager).Scan(&networks).Error
	if err != nil {
		return nil, err
	}
	out := []AcrossNetworks{}
	for _, n := range networks {
		var rows []LessonGroup
		if err := db.Where("network_id = ? AND status = ? AND case_count >= ?", n.ID, GroupActive, max(AcrossMinCases, n.Min)).
			Order("case_count DESC, id").Find(&rows).Error; err != nil {
			return nil, err
		}
		views, err := acrossViews(db, n.ID, rows, max(AcrossMinCases, n.Min))
		if err != nil {
			return nil, err
		}
		for _, v := range views {
			out = append(out, AcrossNetworks{RecurringLesson: v, NetworkName: n.Name})
		}
	}
	err = s.reads.Record(ctx, acc.Actor, policy.Event{Action: policy.ActionLessonsListed, ObjectType: "person",
		ObjectID: acc.PersonID(), Detail: "recurring across networks"})
	return out, err
}

// acrossViews completes one network's groups with their spread, against
// that network's baseline, without lessons or curation.
func acrossViews(db *gorm.DB, networkID string, rows []LessonGroup, min int) ([]RecurringLesson, error) {
	acc := leerlus.Access{NetworkID: networkID, Role: string(policy.RoleResearcher)}
	return recurringViews(db, acc, rows, min, false)
}
