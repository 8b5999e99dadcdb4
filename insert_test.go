package leerlus_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/dbtest"
)

// InsertRows writes every row once, in order, across as many statements as
// the bound on values needs, with NULLs where a value is nil.
func TestInsertRows(t *testing.T) {
	for _, n := range []int{0, 1, 1999, 2000, 2001, 4500} { // 2,000 rows of 4 values fill one statement
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			db := dbtest.Open(t)
			ctx := context.Background()
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			must(db.Gorm.Exec("CREATE TABLE insert_rows_test (id TEXT PRIMARY KEY, pos INTEGER NOT NULL, label TEXT, note TEXT)").Error)
			must(db.InTx(ctx, func(tx *gorm.DB) error {
				return leerlus.InsertRows(tx, "insert_rows_test", []string{"id", "pos", "label", "note"}, n, func(i int, args []any) []any {
					var note *string
					if i%2 == 0 {
						s := fmt.Sprint("even ", i)
						note = &s
					}
					return append(args, fmt.Sprintf("row-%06d", i), i, "it's \"quoted\" ?", note)
				})
			}))
			type row struct {
				ID    string
				Pos   int
				Label string
				Note  *string
			}
			var rows []row
			must(db.Gorm.Table("insert_rows_test").Order("id").Find(&rows).Error)
			if len(rows) != n {
				t.Fatalf("%d rows, want %d", len(rows), n)
			}
			for i, r := range rows {
				if r.Pos != i || r.Label != "it's \"quoted\" ?" || (r.Note != nil) != (i%2 == 0) {
					t.Fatalf("row %d: %+v", i, r)
				}
			}
		})
	}
}

// A conflict clause applies to every batch, the prepared full ones too;
// without one a repeated key fails with GORM's translated error.
func TestInsertRowsOnConflict(t *testing.T) {
	db := dbtest.Open(t)
	ctx := context.Background()
	if err := db.Gorm.Exec("CREATE TABLE insert_conflict_test (id TEXT PRIMARY KEY, pos INTEGER NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}
	// Two columns: 4,000 rows a statement, so 13,000 rows are three full
	// batches (one prepared statement, run three times) and a part.
	insert := func(onConflict string, n, offset int) error {
		return db.InTx(ctx, func(tx *gorm.DB) error {
			return leerlus.InsertRowsOnConflict(tx, "insert_conflict_test", []string{"id", "pos"}, onConflict, n, func(i int, args []any) []any {
				return append(args, fmt.Sprintf("row-%06d", i), i+offset)
			})
		})
	}
	if err := insert("", 13000, 0); err != nil {
		t.Fatal(err)
	}
	if err := insert("ON CONFLICT (id) DO NOTHING", 14000, 100000); err != nil {
		t.Fatalf("with ON CONFLICT: %v", err)
	}
	var count, kept int64
	db.Gorm.Table("insert_conflict_test").Count(&count)
	db.Gorm.Table("insert_conflict_test").Where("pos < 100000").Count(&kept)
	if count != 14000 || kept != 13000 {
		t.Errorf("%d rows, %d of them first written; want 14000 and 13000", count, kept)
	}
	if err := insert("", 9000, 0); !errors.Is(err, gorm.ErrDuplicatedKey) {
		t.Errorf("a repeated key without ON CONFLICT: %v, want gorm.ErrDuplicatedKey", err)
	}
}
