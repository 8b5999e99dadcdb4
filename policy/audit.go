package policy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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
	Seq        int64     `gorm:"column:seq;primaryKey;autoIncrement" json:"seq"`
	At         time.Time `gorm:"column:at" json:"at"`
	ActorID    *string   `gorm:"column:actor_id" json:"actor_id,omitempty"`
	ActorName  string    `gorm:"-" json:"actor_name,omitempty"`
	Action     string    `gorm:"column:action" json:"action"`
	ObjectType string    `gorm:"column:object_type" json:"object_type"`
	ObjectID   *string   `gorm:"column:object_id" json:"object_id,omitempty"`
	NetworkID  *string   `gorm:"column:network_id" json:"network_id,omitempty"`
	Outcome    Outcome   `gorm:"column:outcome" json:"outcome"`
	ClientAddr string    `gorm:"column:client_addr" json:"client_addr"`
	PrevHash   string    `gorm:"column:prev_hash" json:"-"`
	Hash       string    `gorm:"column:hash" json:"-"`
}

// TableName names the table.
func (AuditEntry) TableName() string { return "audit_log" }

// Event is what a use case reports for the audit log.
type Event struct {
	Action     string
	ObjectType string
	ObjectID   string
	NetworkID  string
	Outcome    Outcome
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// chainHash is the hash that links an entry to the one before it.
func chainHash(prev string, e *AuditEntry) string {
	fields := []string{
		prev,
		e.At.UTC().Format(time.RFC3339Nano),
		deref(e.ActorID), e.Action, e.ObjectType, deref(e.ObjectID), deref(e.NetworkID),
		string(e.Outcome), e.ClientAddr,
	}
	sum := sha256.Sum256([]byte(strings.Join(fields, "\x1f")))
	return hex.EncodeToString(sum[:])
}

// record appends an event inside the caller's transaction, so that an
// action and its audit entry are committed together or not at all.
func (s *Service) record(tx *gorm.DB, actor Actor, ev Event) error {
	// Touching the head row first takes its lock: concurrent appenders, on
	// any instance, queue here and each sees the previous one's hash.
	if err := tx.Exec("UPDATE audit_head SET last_hash = last_hash WHERE id = 1").Error; err != nil {
		return err
	}
	var prev string
	if err := tx.Raw("SELECT last_hash FROM audit_head WHERE id = 1").Scan(&prev).Error; err != nil {
		return err
	}
	outcome := ev.Outcome
	if outcome == "" {
		outcome = OutcomeSuccess
	}
	e := &AuditEntry{
		At: s.clock(), ActorID: optional(actor.PersonID), Action: ev.Action, ObjectType: ev.ObjectType,
		ObjectID: optional(ev.ObjectID), NetworkID: optional(ev.NetworkID), Outcome: outcome,
		ClientAddr: actor.ClientAddr, PrevHash: prev,
	}
	e.Hash = chainHash(prev, e)
	if err := tx.Create(e).Error; err != nil {
		return err
	}
	return tx.Exec("UPDATE audit_head SET last_hash = ? WHERE id = 1", e.Hash).Error
}

// Record appends an event in a transaction of its own, for events that are
// not part of a change (a failed sign-in, a read of case data).
func (s *Service) Record(ctx context.Context, actor Actor, ev Event) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error { return s.record(tx, actor, ev) })
}

// AuditFilter narrows an audit log listing.
type AuditFilter struct {
	Action    string
	ActorID   string
	NetworkID string
	From, To  time.Time // zero: open
}

// ListAudit pages through the audit log, newest first.
func (s *Service) ListAudit(ctx context.Context, f AuditFilter, p leerlus.Page) ([]AuditEntry, string, error) {
	q := s.db.WithContext(ctx).Model(&AuditEntry{})
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.ActorID != "" {
		q = q.Where("actor_id = ?", f.ActorID)
	}
	if f.NetworkID != "" {
		q = q.Where("network_id = ?", f.NetworkID)
	}
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.UTC())
	}
	if p.After != "" {
		seq, err := strconv.ParseInt(p.After, 10, 64)
		if err != nil {
			return nil, "", &leerlus.Error{Code: leerlus.CodeInvalid, Message: "The input is not valid.",
				Fields: []leerlus.FieldError{{Field: "cursor", Message: "is not a cursor this server gave out"}}}
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
	if err := s.fillActorNames(ctx, rows); err != nil {
		return nil, "", err
	}
	return rows, next, nil
}

func (s *Service) fillActorNames(ctx context.Context, rows []AuditEntry) error {
	ids := map[string]bool{}
	for _, r := range rows {
		if r.ActorID != nil {
			ids[*r.ActorID] = true
		}
	}
	if len(ids) == 0 {
		return nil
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	var people []Person
	if err := s.db.WithContext(ctx).Select("id", "name").Where("id IN ?", list).Find(&people).Error; err != nil {
		return err
	}
	names := map[string]string{}
	for _, p := range people {
		names[p.ID] = p.Name
	}
	for i := range rows {
		rows[i].ActorName = names[deref(rows[i].ActorID)]
	}
	return nil
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
