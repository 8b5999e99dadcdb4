package leerlus

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gorm.io/gorm"
)

// TestCheckpointsInTheBackground: a commit leaves its pages in the WAL
// (below the backstop the writer does not checkpoint, on any connection it
// opens), and the checkpointer copies them into the database file.
func TestCheckpointsInTheBackground(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wal.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.checkpoints.close() // replaced below by a faster one, once the commit is checked

	var backstop int
	if err := db.Gorm.Raw("PRAGMA wal_autocheckpoint").Scan(&backstop).Error; err != nil || backstop != walBackstopPages {
		t.Fatalf("writer's wal_autocheckpoint = %d (%v), want %d", backstop, err, walBackstopPages)
	}
	// About 1,500 pages: past SQLite's own threshold of 1,000, under the backstop.
	err = db.InTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Exec("CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BLOB NOT NULL)").Error; err != nil {
			return err
		}
		return tx.Exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) INSERT INTO blobs (b) SELECT randomblob(4000) FROM n").Error
	})
	if err != nil {
		t.Fatal(err)
	}
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	if s := size(); s > 1<<20 {
		t.Fatalf("database file is %d bytes right after the commit: the commit checkpointed", s)
	}

	db.checkpoints = startCheckpointer(sqlPool(db.read), 10*time.Millisecond)
	deadline := time.Now().Add(10 * time.Second)
	for size() < 6_000_000 {
		if time.Now().After(deadline) {
			t.Fatalf("database file still %d bytes: the checkpointer did not copy the WAL", size())
		}
		time.Sleep(10 * time.Millisecond)
	}
	var n int
	if err := db.WithContext(ctx).Raw("SELECT COUNT(*) FROM blobs").Scan(&n).Error; err != nil || n != 1500 {
		t.Fatalf("%d rows (%v), want 1500", n, err)
	}

	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-db.checkpoints.done:
	default:
		t.Error("Close left the checkpointer running")
	}
}
