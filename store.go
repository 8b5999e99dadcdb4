package leerlus

import (
	"strings"

	"gorm.io/gorm"
)

// GetByID loads one row by id, or answers not found naming what.
func GetByID[T any](tx *gorm.DB, id, what string) (*T, error) {
	var out T
	if !ValidID(id) {
		return nil, NotFound(what)
	}
	if err := tx.Where("id = ?", id).Take(&out).Error; err != nil {
		if IsNotFound(err) {
			return nil, NotFound(what)
		}
		return nil, err
	}
	return &out, nil
}

// UpdateVersioned updates one row by id only if its version is still the
// one the caller saw, so that concurrent edits never overwrite each other
// silently: the loser gets a conflict and reloads. cols should bump the
// version (VersionBump does). A unique violation becomes a conflict on
// the field named by onDuplicate (when not empty).
func UpdateVersioned(tx *gorm.DB, model any, id string, version int, cols map[string]any, what, onDuplicate string) error {
	if !ValidID(id) {
		return NotFound(what)
	}
	res := tx.Model(model).Where("id = ? AND version = ?", id, version).Updates(cols)
	if res.Error != nil {
		if IsDuplicate(res.Error) && onDuplicate != "" {
			return Duplicate(what, onDuplicate)
		}
		return res.Error
	}
	if res.RowsAffected == 1 {
		return nil
	}
	var n int64
	if err := tx.Model(model).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return NotFound(what)
	}
	return StaleVersion()
}

// StaleVersion is the answer to an edit based on an old version.
func StaleVersion() *Error {
	return FieldFailure(CodeConflict, "Someone else changed this in the meantime. Reload and try again.",
		"version", FieldStaleVersion, nil)
}

// VersionBump returns the columns every versioned update sets, to which
// the caller adds its own.
func VersionBump(now any) map[string]any {
	return map[string]any{"updated_at": now, "version": gorm.Expr("version + 1")}
}

// CheckVersion records a field error when an edit does not name the
// version it was based on.
func CheckVersion(v *Validation, version int) {
	v.Check(version >= 1, "version", FieldRequired, nil)
}

// Duplicate is the answer to a unique violation on field: another object
// of this kind has the value already.
func Duplicate(what, field string) *Error {
	return FieldFailure(CodeConflict, "Another "+what+" has this "+field+" already.", field, FieldInUse, nil)
}

// PageByID runs a list query ordered by (time-ordered) id and returns one
// page plus the position of the next one.
func PageByID[T any](db *gorm.DB, p Page, id func(T) string) ([]T, string, error) {
	return PageOrdered(db, p, "id", id)
}

// PageOrdered is PageByID for a query whose id column is qualified (a
// join: "m.id").
func PageOrdered[T any](db *gorm.DB, p Page, idColumn string, id func(T) string) ([]T, string, error) {
	return page(db, p, idColumn, false, id)
}

// PageNewestFirst is PageOrdered with the newest (highest id) first.
func PageNewestFirst[T any](db *gorm.DB, p Page, idColumn string, id func(T) string) ([]T, string, error) {
	return page(db, p, idColumn, true, id)
}

func page[T any](db *gorm.DB, p Page, idColumn string, newestFirst bool, id func(T) string) ([]T, string, error) {
	after, order := " > ?", idColumn
	if newestFirst {
		after, order = " < ?", idColumn+" DESC"
	}
	if p.After != "" {
		db = db.Where(idColumn+after, p.After)
	}
	var rows []T
	if err := db.Order(order).Limit(p.Limit + 1).Find(&rows).Error; err != nil {
		return nil, "", err
	}
	if len(rows) <= p.Limit {
		return rows, "", nil
	}
	rows = rows[:p.Limit]
	return rows, id(rows[len(rows)-1]), nil
}

// EscapeLike makes user input literal inside a LIKE pattern (used with
// ESCAPE '\').
func EscapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// DuplicateOr turns a unique violation into a conflict on field and leaves
// other errors as they are.
func DuplicateOr(err error, what, field string) error {
	if IsDuplicate(err) {
		return Duplicate(what, field)
	}
	return err
}
