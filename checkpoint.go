package leerlus

import (
	"context"
	"database/sql"
	"strconv"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// In WAL mode SQLite copies committed pages back into the database file
// (a checkpoint) by default inside the commit that brings the WAL past
// 1,000 pages: that one request pays for everyone's writes, with an extra
// fsync of the database file (the commit of a first full regrouping spent
// 0.16 of its 0.29 s on it). Leerlus checkpoints in the background
// instead, every checkpointEvery, on a reader connection; the writer
// still checkpoints at commit past walBackstopPages, so the WAL stays
// bounded if the background checkpoints fall behind or fail.
const (
	checkpointEvery  = time.Second
	walBackstopPages = 16384 // 64 MiB of 4 KiB pages
)

// sqliteWriterDriver is the SQLite driver of the writer pool: the stock
// driver with the backstop set on every connection it opens (a PRAGMA run
// through the pool would reach only the connection of the moment, and the
// pool replaces idle ones).
const sqliteWriterDriver = "sqlite3-leerlus-writer"

// registerWriterDriver registers sqliteWriterDriver once per process;
// database/sql's driver registry is global and refuses a second
// registration of a name.
var registerWriterDriver = sync.OnceFunc(func() {
	sql.Register(sqliteWriterDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec("PRAGMA wal_autocheckpoint = "+strconv.Itoa(walBackstopPages), nil)
		return err
	}})
})

// checkpointer runs passive checkpoints until stopped. A passive
// checkpoint waits for no one: it copies what no reader still needs and
// leaves the rest for the next round.
type checkpointer struct {
	pool  *sql.DB
	every time.Duration
	stop  chan struct{}
	done  chan struct{}
	once  sync.Once // close may be called more than once
}

func startCheckpointer(pool *sql.DB, every time.Duration) *checkpointer {
	c := &checkpointer{pool: pool, every: every, stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer close(c.done)
	tick := time.NewTicker(c.every)
	defer tick.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-tick.C:
			c.round()
		}
	}
}

// round runs one passive checkpoint. An error (a busy database, a closed
// pool during shutdown) is left to the next round: the writer's backstop
// bounds the WAL meanwhile.
func (c *checkpointer) round() {
	ctx, cancel := context.WithTimeout(context.Background(), c.every)
	defer cancel()
	c.pool.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)") //nolint:errcheck // see above
}

// close stops the checkpointer and waits for a round in progress.
func (c *checkpointer) close() {
	c.once.Do(func() { close(c.stop) })
	<-c.done
}
