package review

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
	"leerlus/worldtest"
)

// suggestWorld is a fresh database with one network and a review service
// without a case service (suggestions need none).
type suggestWorld struct {
	db      *leerlus.DB
	svc     *Service
	network string
	member  string
}

func newSuggestWorld(tb testing.TB) *suggestWorld {
	tb.Helper()
	tw := worldtest.New(tb)
	w := &suggestWorld{db: tw.DB, svc: NewService(tw.DB, tw.Clock, tw.Policy.AuditLog(), nil), network: tw.Network("Leernetwerk")}
	w.member = tw.Person("lid", w.network, policy.RoleMember, policy.PerspectiveParent)
	return w
}

func (w *suggestWorld) access() leerlus.Access {
	return leerlus.Access{Actor: leerlus.Actor{PersonID: w.member, ClientAddr: "test"}, NetworkID: w.network, Role: "member", Scope: leerlus.ScopeAny}
}

func (w *suggestWorld) suggest(tb testing.TB, text string, limit int) []Suggestion {
	tb.Helper()
	out, err := w.svc.Suggest(context.Background(), w.access(), text, limit)
	mustOK(tb, err)
	return out
}

// seed copies the default codebook into the network.
func (w *suggestWorld) seed(tb testing.TB) {
	tb.Helper()
	w.tx(tb, func(tx *gorm.DB) error { return w.svc.ensureNetwork(tx, w.network) })
}

func (w *suggestWorld) tx(tb testing.TB, fn func(tx *gorm.DB) error) {
	tb.Helper()
	mustOK(tb, w.db.InTx(context.Background(), fn))
}

// code reads a code of the network by key.
func (w *suggestWorld) code(tb testing.TB, key string) Code {
	tb.Helper()
	var c Code
	mustOK(tb, w.db.WithContext(context.Background()).Where("network_id = ? AND key = ?", w.network, key).Take(&c).Error)
	return c
}

// codes reads every code of the network.
func (w *suggestWorld) codes(tb testing.TB) []Code {
	tb.Helper()
	var cs []Code
	mustOK(tb, w.db.WithContext(context.Background()).Where("network_id = ?", w.network).Order("key").Find(&cs).Error)
	return cs
}

func examplesOf(tb testing.TB, c Code) []string {
	tb.Helper()
	var ex []string
	mustOK(tb, json.Unmarshal([]byte(c.Examples), &ex))
	return ex
}

// keys lists the code keys of suggestions, in order.
func keys(s []Suggestion) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = x.CodeKey
	}
	return out
}

// position is the 1-based rank of a code key in suggestions; 0 if absent.
func position(s []Suggestion, key string) int {
	for i, x := range s {
		if x.CodeKey == key {
			return i + 1
		}
	}
	return 0
}

func mustOK(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// fieldError returns the field error codes of a validation error.
func fieldCodes(tb testing.TB, err error) map[string]leerlus.FieldCode {
	tb.Helper()
	var e *leerlus.Error
	if !errors.As(err, &e) || e.Code != leerlus.CodeInvalid {
		tb.Fatalf("want an invalid error, got %v", err)
	}
	out := map[string]leerlus.FieldCode{}
	for _, f := range e.Fields {
		out[f.Field] = f.Code
	}
	return out
}
