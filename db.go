package leerlus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the database engine behind a DB.
type Dialect string

// The supported database engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is the database handle every domain package receives.
type DB struct {
	Gorm    *gorm.DB
	Dialect Dialect
}

// IsPostgresURL reports whether a database address names PostgreSQL rather
// than a SQLite file.
func IsPostgresURL(address string) bool {
	return strings.HasPrefix(address, "postgres://") || strings.HasPrefix(address, "postgresql://")
}

// SQLiteDSN returns the connection string for a SQLite file. The pragmas sit
// in the DSN because a PRAGMA run with Exec reaches only one pooled
// connection; _txlock=immediate makes every transaction take the write lock
// at BEGIN, which avoids "database is locked" on lock upgrades.
func SQLiteDSN(path string) string {
	return "file:" + path + "?_journal_mode=WAL&_busy_timeout=5000&_foreign_keys=1&_synchronous=NORMAL&_txlock=immediate"
}

// Open connects to PostgreSQL when address is a postgres:// URL and otherwise
// opens (creating it if needed) the SQLite file at address. It does not
// migrate; call Migrate for that.
func Open(ctx context.Context, address string) (*DB, error) {
	cfg := &gorm.Config{
		SkipDefaultTransaction: true,
		TranslateError:         true,
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	}
	var (
		g       *gorm.DB
		err     error
		dialect Dialect
	)
	if IsPostgresURL(address) {
		dialect = Postgres
		g, err = gorm.Open(postgres.Open(address), cfg)
	} else {
		dialect = SQLite
		if dir := filepath.Dir(address); dir != "" {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("create database directory: %w", err)
			}
		}
		g, err = gorm.Open(sqlite.Open(SQLiteDSN(address)), cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	if dialect == SQLite {
		// Writers queue on SQLite's one write lock anyway; a small pool keeps
		// WAL readers concurrent without piling up waiting writers.
		sqlDB.SetMaxOpenConns(4)
	} else {
		sqlDB.SetMaxOpenConns(20)
	}
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	db := &DB{Gorm: g, Dialect: dialect}
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// SQL returns the underlying database/sql pool.
func (db *DB) SQL() *sql.DB {
	s, _ := db.Gorm.DB() // never fails for the pools Open makes
	return s
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	return db.SQL().PingContext(ctx)
}

// Close closes the pool.
func (db *DB) Close() error {
	return db.SQL().Close()
}

// WithContext returns a GORM session bound to ctx for reads outside a
// transaction.
func (db *DB) WithContext(ctx context.Context) *gorm.DB {
	return db.Gorm.WithContext(ctx)
}

// InTx runs fn in one transaction: committed when fn returns nil, rolled back
// otherwise. One use case is one transaction.
func (db *DB) InTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return db.Gorm.WithContext(ctx).Transaction(fn)
}

// IsDuplicate reports whether err is a unique-constraint violation.
func IsDuplicate(err error) bool {
	return errors.Is(err, gorm.ErrDuplicatedKey)
}

// IsNotFound reports whether err says that no row matched.
func IsNotFound(err error) bool {
	return errors.Is(err, gorm.ErrRecordNotFound)
}
