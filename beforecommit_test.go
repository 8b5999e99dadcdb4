package leerlus

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"gorm.io/gorm"
)

// Work registered with BeforeCommit runs once per key, after the use
// case, inside its transaction, with everything gathered for it; outside
// InTx there is nothing to register with; a failing step rolls back all.
func TestBeforeCommit(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "last.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Writer(ctx).Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}
	type key struct{}
	gather := func(tx *gorm.DB, v string, fail error) {
		pending, ok := BeforeCommit(tx, key{}, func() *[]string { return new([]string) }, func(tx *gorm.DB, p *[]string) error {
			for _, v := range *p {
				if err := tx.Exec("INSERT INTO t (v) VALUES (?)", v).Error; err != nil {
					return err
				}
			}
			return fail
		})
		if !ok {
			t.Fatal("BeforeCommit inside InTx reported no transaction")
		}
		*pending = append(*pending, v)
	}
	var order []string
	err = db.InTx(ctx, func(tx *gorm.DB) error {
		gather(tx, "last-1", nil)
		if err := tx.Exec("INSERT INTO t (v) VALUES ('use case')").Error; err != nil {
			return err
		}
		gather(tx, "last-2", nil)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.WithContext(ctx).Table("t").Order("id").Pluck("v", &order).Error; err != nil {
		t.Fatal(err)
	}
	if want := []string{"use case", "last-1", "last-2"}; len(order) != 3 || order[0] != want[0] || order[1] != want[1] || order[2] != want[2] {
		t.Errorf("rows %v, want %v", order, want)
	}

	refused := errors.New("refused")
	err = db.InTx(ctx, func(tx *gorm.DB) error {
		gather(tx, "rolled back", refused)
		return tx.Exec("INSERT INTO t (v) VALUES ('also rolled back')").Error
	})
	var n int64
	if !errors.Is(err, refused) || db.WithContext(ctx).Table("t").Count(&n).Error != nil || n != 3 {
		t.Errorf("failing last step: err %v, %d rows, want refused and 3", err, n)
	}

	if _, ok := BeforeCommit(db.Writer(ctx), key{}, func() int { return 0 }, func(*gorm.DB, int) error { return nil }); ok {
		t.Error("BeforeCommit outside InTx reported a transaction")
	}
}
