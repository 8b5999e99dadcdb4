package review

import (
	"fmt"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// actionLinks are the lists an action write replaces; nil leaves one as
// it is.
type actionLinks struct {
	lessons, cases, organisations *[]string
}

// check refuses links to objects outside the action's network: recurring
// lessons of another network, cases that are not published there, and
// organisations of another workplace (or retired ones). Each bad entry is
// named by its place in the request.
func (l actionLinks) check(tx *gorm.DB, networkID string) error {
	var v leerlus.Validation
	if l.lessons != nil {
		found, err := idsWhere(tx, "lesson_groups", *l.lessons, "network_id = ?", networkID)
		if err != nil {
			return err
		}
		markMissing(&v, "lessons", *l.lessons, found, "not_in_network")
	}
	if l.cases != nil {
		found, err := idsWhere(tx, "cases", *l.cases, "network_id = ? AND status IN ?", networkID, readableCaseStatuses)
		if err != nil {
			return err
		}
		markMissing(&v, "cases", *l.cases, found, "not_published_in_network")
	}
	if l.organisations != nil {
		found, err := idsWhere(tx, "organisations", *l.organisations,
			"retired_at IS NULL AND workplace_id = (SELECT workplace_id FROM networks WHERE id = ?)", networkID)
		if err != nil {
			return err
		}
		markMissing(&v, "organisations", *l.organisations, found, "not_in_workplace")
	}
	return v.Err()
}

// write replaces the given lists of an action's links.
func (l actionLinks) write(tx *gorm.DB, actionID string) error {
	if l.lessons != nil {
		rows := make([]ActionLesson, len(*l.lessons))
		for i, id := range *l.lessons {
			rows[i] = ActionLesson{ActionID: actionID, GroupID: id}
		}
		if err := replaceRows(tx, &ActionLesson{}, actionID, rows); err != nil {
			return err
		}
	}
	if l.cases != nil {
		rows := make([]ActionCase, len(*l.cases))
		for i, id := range *l.cases {
			rows[i] = ActionCase{ActionID: actionID, CaseID: id}
		}
		if err := replaceRows(tx, &ActionCase{}, actionID, rows); err != nil {
			return err
		}
	}
	if l.organisations != nil {
		rows := make([]ActionOrganisation, len(*l.organisations))
		for i, id := range *l.organisations {
			rows[i] = ActionOrganisation{ActionID: actionID, OrganisationID: id}
		}
		if err := replaceRows(tx, &ActionOrganisation{}, actionID, rows); err != nil {
			return err
		}
	}
	return nil
}

// replaceRows deletes an action's rows of one link table and inserts new
// ones.
func replaceRows[T any](tx *gorm.DB, model *T, actionID string, rows []T) error {
	if err := tx.Where("action_id = ?", actionID).Delete(model).Error; err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	return tx.Create(&rows).Error
}

// idsWhere returns which of ids name a row of table that meets cond.
func idsWhere(tx *gorm.DB, table string, ids []string, cond string, args ...any) (map[string]bool, error) {
	found := map[string]bool{}
	if len(ids) == 0 {
		return found, nil
	}
	var rows []string
	if err := tx.Table(table).Where("id IN ?", ids).Where(cond, args...).Pluck("id", &rows).Error; err != nil {
		return nil, err
	}
	for _, id := range rows {
		found[id] = true
	}
	return found, nil
}

func markMissing(v *leerlus.Validation, field string, ids []string, found map[string]bool, reason string) {
	for i, id := range ids {
		v.Check(found[id], fmt.Sprintf("/%s/%d", field, i), leerlus.FieldNotAllowed, leerlus.Params{"reason": reason})
	}
}

// checkGoal refuses a goal of another network.
func checkGoal(tx *gorm.DB, networkID, goalID string) error {
	if goalID == "" {
		return nil
	}
	found, err := idsWhere(tx, "goals", []string{goalID}, "network_id = ?", networkID)
	if err != nil {
		return err
	}
	if !found[goalID] {
		return leerlus.Invalid("goal_id", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_in_network"})
	}
	return nil
}

// checkOwner refuses an owner who is not a manager of the network.
func checkOwner(tx *gorm.DB, networkID, personID string) error {
	var n int64
	err := tx.Table("memberships").Where("network_id = ? AND person_id = ? AND role = ?", networkID, personID, string(policy.RoleManager)).Count(&n).Error
	if err != nil {
		return err
	}
	if n == 0 {
		return leerlus.Invalid("owner_id", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_a_manager"})
	}
	return nil
}
