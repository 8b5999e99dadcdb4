package leerlus

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"gorm.io/gorm"
)

// TestSQLitePools checks the split: the reader pool refuses writes, the
// writer takes them, and the readers see each commit at once.
func TestSQLitePools(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "pools.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Writer(ctx).Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}
	if err := db.WithContext(ctx).Exec("INSERT INTO t (v) VALUES ('x')").Error; err == nil {
		t.Error("the reader pool took a write")
	}
	if err := db.Writer(ctx).Exec("INSERT INTO t (v) VALUES ('a')").Error; err != nil {
		t.Fatal(err)
	}
	if err := db.InTx(ctx, func(tx *gorm.DB) error { return tx.Exec("INSERT INTO t (v) VALUES ('b')").Error }); err != nil {
		t.Fatal(err)
	}
	var n int64
	if err := db.WithContext(ctx).Table("t").Count(&n).Error; err != nil || n != 2 {
		t.Fatalf("reader sees %d rows (%v), want 2", n, err)
	}
	row, err := db.ReadRow(ctx, "SELECT COUNT(*) FROM t WHERE v <> ?", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := row.Scan(&n); err != nil || n != 2 {
		t.Fatalf("ReadRow sees %d rows (%v), want 2", n, err)
	}
	var mode string
	if err := db.WithContext(ctx).Raw("PRAGMA synchronous").Scan(&mode).Error; err != nil || mode != "2" {
		t.Errorf("synchronous = %q (%v), want 2 (FULL)", mode, err)
	}
}

func TestRebind(t *testing.T) {
	pg := &DB{Dialect: Postgres}
	if got := pg.rebind("a = ? AND b = ?"); got != "a = $1 AND b = $2" {
		t.Errorf("postgres: %q", got)
	}
	lite := &DB{Dialect: SQLite}
	if got := lite.rebind("a = ?"); got != "a = ?" {
		t.Errorf("sqlite: %q", got)
	}
}

// BenchmarkWriteTx is one small write transaction (BEGIN IMMEDIATE, an
// insert, an update, COMMIT) on a SQLite file in WAL mode, with
// synchronous=FULL (what Open uses: the WAL is synced at every commit) and
// NORMAL (synced only at checkpoints) for comparison. The difference is
// the price of not losing acknowledged commits on a power loss.
func BenchmarkWriteTx(b *testing.B) {
	for _, mode := range []string{"FULL", "NORMAL"} {
		b.Run("synchronous="+mode, func(b *testing.B) {
			ctx := context.Background()
			db, err := openSQLite(ctx, filepath.Join(b.TempDir(), "write.db"), mode)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			for _, q := range []string{"CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0)",
				"INSERT INTO t (v) VALUES ('first')"} {
				if err := db.Writer(ctx).Exec(q).Error; err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				err := db.InTx(ctx, func(tx *gorm.DB) error {
					if err := tx.Exec("INSERT INTO t (v) VALUES (?)", "row "+strconv.Itoa(i)).Error; err != nil {
						return err
					}
					return tx.Exec("UPDATE t SET n = n + 1 WHERE id = 1").Error
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
