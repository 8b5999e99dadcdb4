package policy

import (
	"context"
	"sync"

	"gorm.io/gorm"

	"leerlus"
)

// ReadAudit writes the audit entries of reads (a case read, a list with its
// filters) with group commit: requests that arrive while one transaction
// is being written wait for the next one, which then holds all their
// entries. Each caller still returns only once its own entry is
// committed, so every answered read is in the log; but under load one
// fsync serves many reads instead of one each.
//
// There is no background goroutine: the first waiting caller writes
// (leads) a batch, then hands the lead to the first caller of the next.
type ReadAudit struct {
	db  *leerlus.DB
	log *AuditLog

	mu      sync.Mutex
	pending []*readEntry
	writing bool
}

type readEntry struct {
	actor Actor
	ev    Event
	done  chan readResult
}

// readResult tells a waiting caller that its entry is written (or failed),
// or that it leads the next batch.
type readResult struct {
	err  error
	lead bool
}

// maxReadBatch bounds one transaction; the rest waits for the next.
const maxReadBatch = 500

// NewReadAudit returns a group-committing recorder of reads.
func NewReadAudit(db *leerlus.DB, log *AuditLog) *ReadAudit {
	return &ReadAudit{db: db, log: log}
}

// Record appends a read's entry and returns once it is committed.
func (r *ReadAudit) Record(ctx context.Context, actor Actor, ev Event) error {
	e := &readEntry{actor: actor, ev: ev, done: make(chan readResult, 1)}
	r.mu.Lock()
	r.pending = append(r.pending, e)
	if r.writing {
		r.mu.Unlock()
		res := <-e.done
		if !res.lead {
			return res.err
		}
	} else {
		r.writing = true
		r.mu.Unlock()
	}
	// This caller leads: write what is pending (its own entry among it),
	// then pass the lead on or stop.
	r.mu.Lock()
	n := min(len(r.pending), maxReadBatch)
	batch := r.pending[:n:n]
	r.pending = r.pending[n:]
	r.mu.Unlock()
	// The batch holds other callers' entries: one caller going away must
	// not cancel them.
	events := make([]Attributed, len(batch))
	for i, b := range batch {
		events[i] = Attributed{b.actor, b.ev}
	}
	err := r.db.InTx(context.WithoutCancel(ctx), func(tx *gorm.DB) error {
		return r.log.RecordMany(tx, events)
	})
	var own error
	for _, b := range batch {
		if b == e {
			own = err
			continue
		}
		b.done <- readResult{err: err}
	}
	r.mu.Lock()
	if len(r.pending) > 0 {
		r.pending[0].done <- readResult{lead: true}
	} else {
		r.writing = false
	}
	r.mu.Unlock()
	return own
}
