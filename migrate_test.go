package leerlus_test

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func TestMigrationsAreNumberedWithoutGaps(t *testing.T) {
	ms, err := leerlus.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no migrations embedded")
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Fatalf("migration %d has version %d", i, m.Version)
		}
	}
}

func TestMigrateIsIdempotentAndCurrent(t *testing.T) {
	db := dbtest.OpenAddress(t, dbtest.Address(t))
	ctx := context.Background()
	again, err := db.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 0 {
		t.Fatalf("second migrate applied %d migrations, want 0", len(again))
	}
	applied, latest, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if applied != latest {
		t.Fatalf("schema at %d, latest %d", applied, latest)
	}
}

func TestAuditLogRejectsUpdatesAndDeletes(t *testing.T) {
	db := dbtest.Open(t)
	ctx := context.Background()
	if err := db.Gorm.WithContext(ctx).Exec(
		"INSERT INTO audit_log (at, action, object_type, outcome, client_addr, prev_hash, hash) VALUES (?, 'x', 'y', 'success', '', '', 'h')",
		"2026-01-01 00:00:00+00:00").Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Gorm.Exec("UPDATE audit_log SET action = 'z'").Error; err == nil {
		t.Fatal("update of audit_log succeeded; want it refused")
	}
	if err := db.Gorm.Exec("DELETE FROM audit_log").Error; err == nil {
		t.Fatal("delete from audit_log succeeded; want it refused")
	}
}
