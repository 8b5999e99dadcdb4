package review

import (
	"gorm.io/gorm"

	"leerlus"
)

// Positions count from 1 among siblings: a network's themes, or a theme's
// codes (retired and merged ones included, so old material keeps its
// order). Moving an object takes it out of its place and puts it in the
// new one; the siblings in between shift by one. Siblings' versions do
// not change: their own texts did not.

// place checks a requested position against the slots there are (the
// siblings, plus one for an object coming in); nil means the last slot.
func place(p *int, slots int) (int, error) {
	if p == nil {
		return slots, nil
	}
	if *p < 1 || *p > slots {
		return 0, leerlus.Invalid("position", leerlus.FieldOutOfRange, leerlus.Params{"min": 1, "max": slots})
	}
	return *p, nil
}

// scope names the siblings of an object: the rows of model whose column
// holds value.
type scope struct {
	model  any
	column string
	value  string
}

func (s scope) count(tx *gorm.DB) (int, error) {
	var n int64
	err := tx.Model(s.model).Where(s.column+" = ?", s.value).Count(&n).Error
	return int(n), err
}

// shift moves the siblings from position from on (other than the object
// id) by delta.
func (s scope) shift(tx *gorm.DB, id string, from, delta int) error {
	op := "position + 1"
	if delta < 0 {
		op = "position - 1"
	}
	return tx.Model(s.model).Where(s.column+" = ? AND position >= ? AND id <> ?", s.value, from, id).
		UpdateColumn("position", gorm.Expr(op)).Error
}

// move takes the object id out of position at in scope from and opens
// position to in scope into; the caller then writes the object's new
// position (and scope).
func move(tx *gorm.DB, id string, from scope, at int, into scope, to int) error {
	if err := from.shift(tx, id, at+1, -1); err != nil {
		return err
	}
	return into.shift(tx, id, to, +1)
}

func themesOf(networkID string) scope { return scope{&Theme{}, "network_id", networkID} }
func codesOf(themeID string) scope    { return scope{&Code{}, "theme_id", themeID} }
