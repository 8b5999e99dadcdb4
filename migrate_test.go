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

// TestUpgradeKeepsData builds a database at the foundation's schema, fills
// it the way that schema's code did, migrates through every later one and
// checks that every row is still there with the new columns filled in.
func TestUpgradeKeepsData(t *testing.T) {
	ctx := context.Background()
	db := dbtest.OpenAddress(t, dbtest.EmptyAddress(t))
	all, err := leerlus.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	previous := all[0].Version
	if _, err := db.MigrateTo(ctx, previous); err != nil {
		t.Fatal(err)
	}
	const (
		workplaceID = "01900000-0000-7000-8000-000000000001"
		orgID       = "01900000-0000-7000-8000-000000000002"
		created     = "2026-01-02 03:04:05+00:00"
	)
	seed := []struct {
		sql  string
		args []any
	}{
		{"INSERT INTO workplaces (id, name, region, description, created_at, updated_at, version) VALUES ($1, 'Werkplaats', 'Noord', '', $2, $2, 1)",
			[]any{workplaceID, created}},
		{"INSERT INTO organisations (id, workplace_id, name, kind, created_at) VALUES ($1, $2, 'Wijkteam Noord', 'care_provider', $3)",
			[]any{orgID, workplaceID, created}},
		{"INSERT INTO audit_log (at, action, object_type, outcome, client_addr, prev_hash, hash) VALUES ($1, 'workplace.created', 'workplace', 'success', '', '', 'h1')",
			[]any{created}},
	}
	for _, s := range seed {
		if _, err := db.SQL().ExecContext(ctx, s.sql, s.args...); err != nil {
			t.Fatalf("%s: %v", s.sql, err)
		}
	}

	applied, err := db.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != len(all)-previous {
		t.Fatalf("applied %d migrations, want %d", len(applied), len(all)-previous)
	}
	var (
		name    string
		version int
		retired *string
		updated *string
	)
	err = db.SQL().QueryRowContext(ctx, "SELECT name, version, retired_at, CAST(updated_at AS TEXT) FROM organisations WHERE id = $1", orgID).
		Scan(&name, &version, &retired, &updated)
	if err != nil {
		t.Fatal(err)
	}
	if name != "Wijkteam Noord" || version != 1 || retired != nil || updated == nil {
		t.Fatalf("organisation after upgrade: name %q version %d retired %v updated %v", name, version, retired, updated)
	}
	var action, detail, hash string
	if err := db.SQL().QueryRowContext(ctx, "SELECT action, detail, hash FROM audit_log").Scan(&action, &detail, &hash); err != nil {
		t.Fatal(err)
	}
	if action != "workplace.created" || detail != "" || hash != "h1" {
		t.Fatalf("audit entry after upgrade: %q %q %q", action, detail, hash)
	}
}
