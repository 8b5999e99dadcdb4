package leerlus

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migration is one versioned schema change. Its SQL is shared by both
// engines, with dialect-specific parts in NNNN_name.sqlite.sql and
// NNNN_name.postgres.sql beside the shared NNNN_name.sql.
type Migration struct {
	Version int
	Name    string
	shared  string
	sqlite  string
	pg      string
}

// dialectTokens are the few type names that differ between the engines.
var dialectTokens = map[Dialect]*strings.Replacer{
	SQLite:   strings.NewReplacer("{{timestamp}}", "DATETIME", "{{serial}}", "INTEGER PRIMARY KEY AUTOINCREMENT"),
	Postgres: strings.NewReplacer("{{timestamp}}", "TIMESTAMPTZ", "{{serial}}", "BIGSERIAL PRIMARY KEY"),
}

// SQL returns the statements of m for one engine.
func (m Migration) SQL(d Dialect) string {
	extra := m.sqlite
	if d == Postgres {
		extra = m.pg
	}
	return dialectTokens[d].Replace(m.shared + "\n" + extra)
}

// Migrations returns the embedded migrations in version order.
func Migrations() ([]Migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	byVersion := map[int]*Migration{}
	for _, path := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(path, "migrations/"), ".sql")
		part := "shared"
		if i := strings.LastIndexByte(base, '.'); i >= 0 {
			part, base = base[i+1:], base[:i]
		}
		num, name, ok := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil || version <= 0 {
			return nil, fmt.Errorf("migration file %s: name must be NNNN_name.sql", path)
		}
		body, err := migrationFiles.ReadFile(path)
		if err != nil {
			return nil, err
		}
		m := byVersion[version]
		if m == nil {
			m = &Migration{Version: version, Name: name}
			byVersion[version] = m
		}
		if m.Name != name {
			return nil, fmt.Errorf("migration %d has two names: %s and %s", version, m.Name, name)
		}
		switch part {
		case "shared":
			m.shared = string(body)
		case "sqlite":
			m.sqlite = string(body)
		case "postgres":
			m.pg = string(body)
		default:
			return nil, fmt.Errorf("migration file %s: unknown dialect %q", path, part)
		}
	}
	out := make([]Migration, 0, len(byVersion))
	for _, m := range byVersion {
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration versions must be 1..n without gaps; found %d at position %d", m.Version, i+1)
		}
	}
	return out, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// Migrate applies every embedded migration that the database lacks, each in
// its own transaction, and records it in schema_migrations. Several
// instances may start at once on PostgreSQL: an advisory lock serialises
// them, and each re-checks what is applied after taking it.
func (db *DB) Migrate(ctx context.Context) (applied []Migration, err error) {
	return db.MigrateTo(ctx, 0)
}

// MigrateTo applies migrations up to and including version target (0: all).
// Tests use it to build an old schema and upgrade it.
func (db *DB) MigrateTo(ctx context.Context, target int) (applied []Migration, err error) {
	all, err := Migrations()
	if err != nil {
		return nil, err
	}
	pool := db.SQL()
	if _, err := pool.ExecContext(ctx, createMigrationsTable); err != nil {
		return nil, fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range all {
		if target > 0 && m.Version > target {
			break
		}
		done, err := db.applyMigration(ctx, pool, m)
		if err != nil {
			return applied, fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
		}
		if done {
			applied = append(applied, m)
		}
	}
	return applied, nil
}

func (db *DB) applyMigration(ctx context.Context, pool *sql.DB, m Migration) (bool, error) {
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if db.Dialect == Postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(727274)"); err != nil {
			return false, err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = $1", m.Version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL(db.Dialect)); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
		m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// SchemaVersion returns the highest applied migration version and the
// highest embedded one; the database is current when they are equal.
func (db *DB) SchemaVersion(ctx context.Context) (applied, latest int, err error) {
	all, err := Migrations()
	if err != nil {
		return 0, 0, err
	}
	latest = len(all)
	var v sql.NullInt64
	err = db.SQL().QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&v)
	if err != nil {
		return 0, latest, err
	}
	return int(v.Int64), latest, nil
}
