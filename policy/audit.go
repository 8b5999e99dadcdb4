package policy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// Outcome says how an audited action ended.
type Outcome string

// The outcomes of audited actions.
const (
	OutcomeSuccess Outcome = "success"
	OutcomeFailure Outcome = "failure"
	OutcomeDenied  Outcome = "denied"
)

// AuditEntry is one row of the append-only, hash-chained audit log.
type AuditEntry struct {
	Seq        int64       `gorm:"column:seq;primaryKey;autoIncrement"`
	At         time.Time   `gorm:"column:at"`
	ActorID    *string     `gorm:"column:actor_id"`
	Action     AuditAction `gorm:"column:action"`
	ObjectType string      `gorm:"column:object_type"`
	ObjectID   *string     `gorm:"column:object_id"`
	NetworkID  *string     `gorm:"column:network_id"`
	Outcome    Outcome     `gorm:"column:outcome"`
	ClientAddr string      `gorm:"column:client_addr"`
	// Detail says more about a read or a query (such as the filters of a
	// list), never any case text.
	Detail   string `gorm:"column:detail"`
	PrevHash string `gorm:"column:prev_hash"`
	Hash     string `gorm:"column:hash"`
}

// TableName names the table.
func (AuditEntry) TableName() string { return "audit_log" }

// Event is what a use case reports for the audit log.
type Event struct {
	Action     AuditAction
	ObjectType string
	ObjectID   string
	NetworkID  string
	Outcome    Outcome
	Detail     string
}

// chainHash is the hash that links an entry to the one before it. Detail
// joined the entry later; it is hashed only when set, so that entries
// written before it keep their hashes.
func chainHash(prev string, e *AuditEntry) string {
	fields := []string{
		prev,
		e.At.UTC().Format(time.RFC3339Nano),
		leerlus.Deref(e.ActorID), string(e.Action), e.ObjectType, leerlus.Deref(e.ObjectID), leerlus.Deref(e.NetworkID),
		string(e.Outcome), e.ClientAddr,
	}
	if e.Detail != "" {
		fields = append(fields, e.Detail)
	}
	sum := sha256.Sum256([]byte(strings.Join(fields, "\x1f")))
	return hex.EncodeToString(sum[:])
}

// AuditLog appends to the audit log. Domain packages receive it to write a
// change and its audit entry in one transaction.
type AuditLog struct {
	clock leerlus.Clock
}

// NewAuditLog returns a recorder that stamps entries with clock.
func NewAuditLog(clock leerlus.Clock) *AuditLog { return &AuditLog{clock: clock} }

// Record appends an event inside the caller's transaction, so that an
// action and its audit entry are committed together or not at all.
func (a *AuditLog) Record(tx *gorm.DB, actor Actor, ev Event) error {
	return a.RecordMany(tx, []Attributed{{actor, ev}})
}

// Attributed is an event with who caused it.
type Attributed struct {
	Actor Actor
	Event Event
}

// RecordMany appends several events in order inside the caller's
// transaction, taking the chain's head once: one insert for them all. In
// a transaction of leerlus.DB.InTx the events are written as its last
// work (leerlus.BeforeCommit), so that the head's lock, which every
// appender waits for, is the last lock the transaction takes.
func (a *AuditLog) RecordMany(tx *gorm.DB, events []Attributed) error {
	if len(events) == 0 {
		return nil
	}
	if pending, ok := leerlus.BeforeCommit(tx, a, func() *[]Attributed { return new([]Attributed) }, a.appendPending); ok {
		*pending = append(*pending, events...)
		return nil
	}
	return a.appendNow(tx, events)
}

func (a *AuditLog) appendPending(tx *gorm.DB, pending *[]Attributed) error {
	return a.appendNow(tx, *pending)
}

// appendNow takes the chain's head and appends the events after it.
func (a *AuditLog) appendNow(tx *gorm.DB, events []Attributed) error {
	if len(events) == 0 {
		return nil
	}
	// Touching the head row first takes its lock: concurrent appenders, on
	// any instance, queue here and each sees the previous one's hash. Both
	// engines return the hash from the same statement (one round trip).
	var prev []string
	if err := tx.Raw("UPDATE audit_head SET last_hash = last_hash WHERE id = 1 RETURNING last_hash").Scan(&prev).Error; err != nil {
		return err
	}
	if len(prev) != 1 {
		return errors.New("audit log: the chain's head row is missing")
	}
	return a.appendAfter(tx, prev[0], events)
}

// appendAfter writes the events chained after the hash prev and moves the
// head to the last one.
func (a *AuditLog) appendAfter(tx *gorm.DB, prev string, events []Attributed) error {
	at := a.clock.Now()
	entries := make([]AuditEntry, len(events))
	for i, x := range events {
		ev := x.Event
		outcome := ev.Outcome
		if outcome == "" {
			outcome = OutcomeSuccess
		}
		entries[i] = AuditEntry{
			At: at, ActorID: leerlus.Optional(x.Actor.PersonID), Action: ev.Action, ObjectType: ev.ObjectType,
			ObjectID: leerlus.Optional(ev.ObjectID), NetworkID: leerlus.Optional(ev.NetworkID), Outcome: outcome,
			ClientAddr: x.Actor.ClientAddr, Detail: ev.Detail, PrevHash: prev,
		}
		entries[i].Hash = chainHash(prev, &entries[i])
		prev = entries[i].Hash
	}
	if err := leerlus.InsertRows(tx, "audit_log", auditColumns, len(entries), func(i int, args []any) []any {
		e := &entries[i]
		return append(args, e.At, e.ActorID, string(e.Action), e.ObjectType, e.ObjectID, e.NetworkID,
			string(e.Outcome), e.ClientAddr, e.Detail, e.PrevHash, e.Hash)
	}); err != nil {
		return err
	}
	return tx.Exec("UPDATE audit_head SET last_hash = ? WHERE id = 1", prev).Error
}

// auditColumns are the columns an entry is written with (seq is the
// database's). Every read of case data writes an entry, so this insert is
// on the path of every audited request: written by hand rather than by
// GORM's reflection over the struct, which cost about half a batch.
var auditColumns = []string{"at", "actor_id", "action", "object_type", "object_id", "network_id", "outcome",
	"client_addr", "detail", "prev_hash", "hash"}

// AuditLog returns the recorder, for the domain packages that write their
// own changes.
func (s *Service) AuditLog() *AuditLog { return s.audit }

// Record appends an event in a transaction of its own, for events that are
// not part of a change (a failed sign-in, a read of case data).
func (s *Service) Record(ctx context.Context, actor Actor, ev Event) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error { return s.audit.Record(tx, actor, ev) })
}

// AuditQuery narrows an audit log listing; its fields are the raw query
// values, validated here.
type AuditQuery struct {
	Action  string
	ActorID string
	Network string
	From    string // RFC 3339; empty: open
	To      string
}

// auditFilter is a validated AuditQuery.
type auditFilter struct {
	action, actorID, networkID string
	from, to                   time.Time
}

func (q AuditQuery) validate() (auditFilter, error) {
	var v leerlus.Validation
	f := auditFilter{action: q.Action, actorID: q.ActorID, networkID: q.Network}
	v.Check(q.Action == "" || AuditAction(q.Action).Valid(), "action", leerlus.FieldOneOf, leerlus.Params{"allowed": names(AuditActions)})
	leerlus.CheckID(&v, "actor", q.ActorID)
	leerlus.CheckID(&v, "network", q.Network)
	f.from = parseTime(&v, "from", q.From)
	f.to = parseTime(&v, "to", q.To)
	return f, v.Err()
}

func parseTime(v *leerlus.Validation, field, value string) time.Time {
	if value == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, value)
	v.Check(err == nil, field, leerlus.FieldFormat, leerlus.Params{"format": "date_time"})
	return t
}

// AuditRecord is an audit entry with the names of who and what it is
// about, as far as they still exist.
type AuditRecord struct {
	AuditEntry
	ActorName   string
	ObjectName  string
	NetworkName string
}

// ListAudit pages through the audit log, newest first.
func (s *Service) ListAudit(ctx context.Context, query AuditQuery, p leerlus.Page) ([]AuditRecord, string, error) {
	f, err := query.validate()
	if err != nil {
		return nil, "", err
	}
	q := s.db.WithContext(ctx).Model(&AuditEntry{})
	if f.action != "" {
		q = q.Where("action = ?", f.action)
	}
	if f.actorID != "" {
		q = q.Where("actor_id = ?", f.actorID)
	}
	if f.networkID != "" {
		q = q.Where("network_id = ?", f.networkID)
	}
	if !f.from.IsZero() {
		q = q.Where("at >= ?", f.from.UTC())
	}
	if !f.to.IsZero() {
		q = q.Where("at < ?", f.to.UTC())
	}
	if p.After != "" {
		seq, err := strconv.ParseInt(p.After, 10, 64)
		if err != nil {
			return nil, "", leerlus.Invalid("cursor", leerlus.FieldFormat, leerlus.Params{"format": "cursor"})
		}
		q = q.Where("seq < ?", seq)
	}
	var rows []AuditEntry
	if err := q.Order("seq DESC").Limit(p.Limit + 1).Find(&rows).Error; err != nil {
		return nil, "", err
	}
	next := ""
	if len(rows) > p.Limit {
		rows = rows[:p.Limit]
		next = strconv.FormatInt(rows[len(rows)-1].Seq, 10)
	}
	out, err := s.nameAuditEntries(ctx, rows)
	return out, next, err
}

// auditNameSources say where the name of each kind of audited object is.
var auditNameSources = map[string]string{
	"person":       "SELECT id, name FROM people WHERE id IN ?",
	"workplace":    "SELECT id, name FROM workplaces WHERE id IN ?",
	"organisation": "SELECT id, name FROM organisations WHERE id IN ?",
	"network":      "SELECT id, name FROM networks WHERE id IN ?",
	"membership":   "SELECT m.id AS id, p.name AS name FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.id IN ?",
	"invitation":   "SELECT id, email AS name FROM invitations WHERE id IN ?",
	"token":        "SELECT id, name FROM access_tokens WHERE id IN ?",
}

// nameAuditEntries looks up, in one query per kind, the names of the
// people, objects and networks the entries mention.
func (s *Service) nameAuditEntries(ctx context.Context, rows []AuditEntry) ([]AuditRecord, error) {
	ids := map[string]map[string]bool{}
	want := func(kind string, id *string) {
		if id == nil {
			return
		}
		if ids[kind] == nil {
			ids[kind] = map[string]bool{}
		}
		ids[kind][*id] = true
	}
	for _, r := range rows {
		want("person", r.ActorID)
		want(r.ObjectType, r.ObjectID)
		want("network", r.NetworkID)
	}
	names := map[string]map[string]string{}
	for kind, set := range ids {
		query, ok := auditNameSources[kind]
		if !ok {
			continue
		}
		list := make([]string, 0, len(set))
		for id := range set {
			list = append(list, id)
		}
		var found []struct{ ID, Name string }
		if err := s.db.WithContext(ctx).Raw(query, list).Scan(&found).Error; err != nil {
			return nil, err
		}
		names[kind] = map[string]string{}
		for _, f := range found {
			names[kind][f.ID] = f.Name
		}
	}
	out := make([]AuditRecord, len(rows))
	for i, r := range rows {
		out[i] = AuditRecord{AuditEntry: r,
			ActorName:   names["person"][leerlus.Deref(r.ActorID)],
			ObjectName:  names[r.ObjectType][leerlus.Deref(r.ObjectID)],
			NetworkName: names["network"][leerlus.Deref(r.NetworkID)]}
	}
	return out, nil
}

// ChainBreak describes the first audit entry whose chain does not hold.
type ChainBreak struct {
	Seq    int64
	Reason string
}

// VerifyAudit walks the whole audit log in order and returns the first
// entry that was edited, removed or reordered (nil when the chain holds),
// and how many entries it checked.
func (s *Service) VerifyAudit(ctx context.Context) (*ChainBreak, int, error) {
	prev := ""
	var after int64
	checked := 0
	for {
		var rows []AuditEntry
		if err := s.db.WithContext(ctx).Where("seq > ?", after).Order("seq").Limit(1000).Find(&rows).Error; err != nil {
			return nil, checked, err
		}
		for i := range rows {
			e := &rows[i]
			checked++
			if e.PrevHash != prev {
				return &ChainBreak{Seq: e.Seq, Reason: "does not link to the entry before it (an entry before it was removed or changed)"}, checked, nil
			}
			if chainHash(prev, e) != e.Hash {
				return &ChainBreak{Seq: e.Seq, Reason: "its content does not match its hash (the entry was edited)"}, checked, nil
			}
			prev = e.Hash
			after = e.Seq
		}
		if len(rows) < 1000 {
			break
		}
	}
	var head string
	if err := s.db.WithContext(ctx).Raw("SELECT last_hash FROM audit_head WHERE id = 1").Scan(&head).Error; err != nil {
		return nil, checked, err
	}
	if head != prev {
		return &ChainBreak{Seq: after + 1, Reason: "entries after this point were removed (the chain head does not match the last entry)"}, checked, nil
	}
	return nil, checked, nil
}
