package leerlus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
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
//
// On SQLite it holds two pools on one file: a writer with exactly one
// connection, for transactions and every other write, and a reader with
// several query-only connections for reads outside transactions. In WAL
// mode readers never wait for the writer, and no read queues behind a
// BEGIN IMMEDIATE on the one connection that may write. On PostgreSQL both
// are the same pool.
type DB struct {
	Gorm    *gorm.DB // the writer: InTx, Writer and migrations use it
	Dialect Dialect

	read  *gorm.DB // reads outside transactions
	stmts stmtCache
	// checkpoints copies SQLite's WAL into the database file in the
	// background (checkpoint.go); nil on PostgreSQL.
	checkpoints *checkpointer
}

// IsPostgresURL reports whether a database address names PostgreSQL rather
// than a SQLite file.
func IsPostgresURL(address string) bool {
	return strings.HasPrefix(address, "postgres://") || strings.HasPrefix(address, "postgresql://")
}

// sqliteDSN is the connection string both pools share. The pragmas sit in
// the DSN because a PRAGMA run with Exec reaches only one pooled
// connection. synchronous=FULL syncs the WAL at every commit, so an
// acknowledged write survives a power loss, not only a process crash. The
// writer adds _txlock=immediate (every transaction takes the write lock at
// BEGIN, which avoids "database is locked" on lock upgrades); the readers
// add _query_only=1, so that a write sent to them by mistake fails instead
// of taking the write lock beside the writer.
func sqliteDSN(path, synchronous string) string {
	return "file:" + path + "?_journal_mode=WAL&_busy_timeout=5000&_foreign_keys=1&_synchronous=" + synchronous
}

// Pool sizes. SQLite allows one writer at a time, so its writer pool has
// one connection and writers queue in Go rather than in busy-waits; its
// readers scale with the cores. Idle connections are kept, so that their
// prepared statements and page caches survive between requests.
const (
	sqliteWriters   = 1
	minSQLiteReads  = 4
	postgresConns   = 20
	connMaxIdleTime = 5 * time.Minute
)

// Open connects to PostgreSQL when address is a postgres:// URL and otherwise
// opens (creating it if needed) the SQLite file at address. It does not
// migrate; call Migrate for that.
func Open(ctx context.Context, address string) (*DB, error) {
	if IsPostgresURL(address) {
		g, err := openPool(postgres.Open(address), postgresConns, false)
		if err != nil {
			return nil, fmt.Errorf("open postgres database: %w", err)
		}
		return ready(ctx, &DB{Gorm: g, Dialect: Postgres, read: g})
	}
	return openSQLite(ctx, address, "FULL")
}

// openSQLite opens the writer and reader pools on a SQLite file with the
// given synchronous mode (FULL in production; benchmarks compare NORMAL).
func openSQLite(ctx context.Context, path, synchronous string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database directory: %w", err)
		}
	}
	registerWriterDriver()
	w, err := openPool(sqlite.New(sqlite.Config{DriverName: sqliteWriterDriver, DSN: sqliteDSN(path, synchronous) + "&_txlock=immediate"}),
		sqliteWriters, false)
	if err != nil {
		return nil, fmt.Errorf("open sqlite database: %w", err)
	}
	// The writer connects first: it creates the file and switches it to WAL,
	// which query-only readers cannot do.
	if err := pingPool(ctx, w); err != nil {
		closePool(w)
		return nil, err
	}
	r, err := openPool(sqlite.Open(sqliteDSN(path, synchronous)+"&_query_only=1"), max(minSQLiteReads, 2*runtime.GOMAXPROCS(0)), true)
	if err != nil {
		closePool(w)
		return nil, fmt.Errorf("open sqlite database: %w", err)
	}
	db, err := ready(ctx, &DB{Gorm: w, Dialect: SQLite, read: r})
	if err != nil {
		return nil, err
	}
	db.checkpoints = startCheckpointer(sqlPool(r), checkpointEvery)
	return db, nil
}

// openPool opens one GORM pool; with prepare, GORM prepares each distinct
// statement once per connection and reuses it. Only the SQLite readers use
// that. A statement GORM first prepares inside a transaction is bound to
// that transaction, and database/sql prepares it again in every later one
// (Tx.StmtContext on a transaction's statement), so on the writer pools it
// costs a prepare per statement instead of saving one: on PostgreSQL it
// doubled the time of a reflection save. pgx caches prepared statements per
// connection by itself, in and out of transactions.
func openPool(d gorm.Dialector, conns int, prepare bool) (*gorm.DB, error) {
	g, err := gorm.Open(d, &gorm.Config{
		SkipDefaultTransaction: true,
		TranslateError:         true,
		PrepareStmt:            prepare,
		PrepareStmtMaxSize:     512, // statements with IN lists vary; keep the cache bounded
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, err
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(conns)
	sqlDB.SetMaxIdleConns(conns)
	sqlDB.SetConnMaxIdleTime(connMaxIdleTime)
	return g, nil
}

func ready(ctx context.Context, db *DB) (*DB, error) {
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func pingPool(ctx context.Context, g *gorm.DB) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	return sqlPool(g).PingContext(ctx)
}

func closePool(g *gorm.DB) error { return sqlPool(g).Close() }

func sqlPool(g *gorm.DB) *sql.DB {
	s, _ := g.DB() // never fails for the pools Open makes
	return s
}

// SQL returns the writer's database/sql pool (on PostgreSQL the one pool).
func (db *DB) SQL() *sql.DB { return sqlPool(db.Gorm) }

// Ping checks that the database answers, on both pools.
func (db *DB) Ping(ctx context.Context) error {
	if err := pingPool(ctx, db.Gorm); err != nil {
		return err
	}
	if db.read != db.Gorm {
		return pingPool(ctx, db.read)
	}
	return nil
}

// Close closes the pools and their prepared statements.
func (db *DB) Close() error {
	if db.checkpoints != nil {
		db.checkpoints.close()
	}
	db.stmts.close()
	err := closePool(db.Gorm)
	if db.read != db.Gorm {
		err = errors.Join(err, closePool(db.read))
	}
	return err
}

// WithContext returns a GORM session bound to ctx for reads outside a
// transaction. On SQLite it is the query-only reader pool: writes outside
// InTx go through Writer.
func (db *DB) WithContext(ctx context.Context) *gorm.DB {
	return db.read.WithContext(db.readContext(ctx))
}

// Writer returns a GORM session on the writer pool bound to ctx, for a
// single write outside a transaction (e.g. a last-seen touch).
func (db *DB) Writer(ctx context.Context) *gorm.DB {
	return db.Gorm.WithContext(ctx)
}

// InTx runs fn in one transaction on the writer: committed when fn returns
// nil, rolled back otherwise. One use case is one transaction. Work fn
// registered with BeforeCommit runs after fn, in the same transaction.
func (db *DB) InTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	last := &lastWork{}
	return db.Gorm.WithContext(context.WithValue(ctx, lastWorkKey{}, last)).Transaction(func(tx *gorm.DB) error {
		if err := fn(tx); err != nil {
			return err
		}
		for i := 0; i < len(last.fns); i++ { // a step may add another
			if err := last.fns[i](tx); err != nil {
				return err
			}
		}
		return nil
	})
}

// lastWork is what a transaction of InTx does after its use case.
type lastWork struct {
	fns   []func(tx *gorm.DB) error
	state map[any]any
}

type lastWorkKey struct{}

// BeforeCommit has fn run as the last work of the InTx transaction tx
// belongs to, once per key, and gives the state kept under key (made by
// init on first use) so that callers can gather work for it. It reports
// false, and does nothing, when tx was not begun by InTx.
//
// Why: the audit log's chain head is one row that every appender locks
// until commit. Taken in the middle of a transaction, it made a cycle
// with the locks taken after it (a network's grouping lock) in another
// transaction that held those and then appended; PostgreSQL found
// deadlocks under concurrent curation. Taken last, it waits for nothing.
func BeforeCommit[S any](tx *gorm.DB, key any, init func() S, fn func(tx *gorm.DB, state S) error) (S, bool) {
	var zero S
	last, _ := tx.Statement.Context.Value(lastWorkKey{}).(*lastWork)
	if last == nil {
		return zero, false
	}
	if st, ok := last.state[key]; ok {
		return st.(S), true
	}
	st := init()
	if last.state == nil {
		last.state = map[any]any{}
	}
	last.state[key] = st
	last.fns = append(last.fns, func(tx *gorm.DB) error { return fn(tx, st) })
	return st, true
}

// ReadRow runs a read outside transactions on the reader pool as a
// prepared statement: prepared on first use, kept until Close, and re-used
// on every connection without GORM in between. It is for the few fixed,
// hot queries (the per-request caller lookup); each distinct query text
// stays prepared, so query must be a constant. Write placeholders as ?;
// on PostgreSQL they become $1, $2, ….
func (db *DB) ReadRow(ctx context.Context, query string, args ...any) (*sql.Row, error) {
	ctx = db.readContext(ctx)
	stmt, err := db.stmts.get(ctx, sqlPool(db.read), query, db.rebind)
	if err != nil {
		return nil, err
	}
	return stmt.QueryRowContext(ctx, args...), nil
}

// ReadRows is ReadRow for queries answering several rows: the hot list
// queries of every request, prepared once and run on the reader pool
// without GORM in between. The caller closes the rows.
func (db *DB) ReadRows(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ctx = db.readContext(ctx)
	stmt, err := db.stmts.get(ctx, sqlPool(db.read), query, db.rebind)
	if err != nil {
		return nil, err
	}
	return stmt.QueryContext(ctx, args...)
}

// readContext is the context that reads outside transactions (WithContext,
// ReadRow, ReadRows) hand to the driver. On SQLite, mattn/go-sqlite3
// watches a cancellable context with a new goroutine and two channel
// hand-offs for every statement and every row: under load that was a fifth
// of the members list's CPU. A request's context is cancellable only so
// that work stops once its client has gone, and a request's reads are
// bounded (pages, searches), so on SQLite that cancellation is dropped;
// the values stay. A deadline is a caller's explicit bound (the pattern
// cache's background load sets one) and is kept with its cancellation.
// PostgreSQL gets every context as it is: pgx watches one without that
// cost.
func (db *DB) readContext(ctx context.Context) context.Context {
	if _, bounded := ctx.Deadline(); bounded || db.Dialect != SQLite {
		return ctx
	}
	return context.WithoutCancel(ctx)
}

// rebind turns ? placeholders into PostgreSQL's $n.
func (db *DB) rebind(query string) string { return rebind(db.Dialect, query) }

// rebind turns the ? placeholders of a query written for both engines into
// the dialect's own: $1, $2, … on PostgreSQL.
func rebind(dialect Dialect, query string) string {
	if dialect != Postgres || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stmtCache holds ReadRow's prepared statements, one per query text.
type stmtCache struct {
	mu sync.RWMutex
	m  map[string]*sql.Stmt
}

// get returns the statement for query, preparing rebind(query) on first
// use.
func (c *stmtCache) get(ctx context.Context, pool *sql.DB, query string, rebind func(string) string) (*sql.Stmt, error) {
	c.mu.RLock()
	s, ok := c.m[query]
	c.mu.RUnlock()
	if ok {
		return s, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[query]; ok {
		return s, nil
	}
	s, err := pool.PrepareContext(ctx, rebind(query))
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = s
	return s, nil
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, s := range c.m {
		s.Close()
		delete(c.m, q)
	}
}

// IsDuplicate reports whether err is a unique-constraint violation.
func IsDuplicate(err error) bool {
	return errors.Is(err, gorm.ErrDuplicatedKey)
}

// IsNotFound reports whether err says that no row matched.
func IsNotFound(err error) bool {
	return errors.Is(err, gorm.ErrRecordNotFound)
}
