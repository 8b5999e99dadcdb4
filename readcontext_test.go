package leerlus_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"leerlus"
	"leerlus/dbtest"
)

// TestReadContext checks what reads outside transactions do with their
// context: on SQLite a request's mere cancellation is dropped (the driver
// would pay a goroutine per row to watch it) while a deadline still
// bounds the read; PostgreSQL honours both.
func TestReadContext(t *testing.T) {
	db := dbtest.Open(t)
	if err := db.Gorm.Exec("CREATE TABLE read_context_test (id INTEGER PRIMARY KEY, v TEXT NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Gorm.Exec("INSERT INTO read_context_test (id, v) VALUES (1, 'a'), (2, 'b')").Error; err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancelExpired := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancelExpired()

	reads := map[string]func(ctx context.Context) (int, error){
		"ReadRow": func(ctx context.Context) (int, error) {
			row, err := db.ReadRow(ctx, "SELECT COUNT(*) FROM read_context_test WHERE v <> ?", "")
			if err != nil {
				return 0, err
			}
			var n int
			return n, row.Scan(&n)
		},
		"ReadRows": func(ctx context.Context) (int, error) {
			rows, err := db.ReadRows(ctx, "SELECT v FROM read_context_test WHERE id > ? ORDER BY id", 0)
			if err != nil {
				return 0, err
			}
			defer rows.Close()
			n := 0
			for rows.Next() {
				n++
			}
			return n, rows.Err()
		},
		"WithContext": func(ctx context.Context) (int, error) {
			var vs []string
			err := db.WithContext(ctx).Raw("SELECT v FROM read_context_test ORDER BY id").Scan(&vs).Error
			return len(vs), err
		},
	}
	for name, read := range reads {
		t.Run(name, func(t *testing.T) {
			n, err := read(cancelled)
			if db.Dialect == leerlus.SQLite {
				if err != nil || n != 2 {
					t.Errorf("cancelled request context on SQLite: %d rows, %v; want 2 rows", n, err)
				}
			} else if err == nil {
				t.Errorf("cancelled context on %s: read %d rows, want an error", db.Dialect, n)
			}
			if n, err := read(expired); !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("expired deadline: %d rows, %v; want context.DeadlineExceeded", n, err)
			}
		})
	}
}
