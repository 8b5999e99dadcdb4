package policy_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/dbtest"
	"leerlus/policy"
)

func cheap() policy.Config {
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	return cfg
}

// tamper lets a test change the append-only audit table, as someone with
// direct database access could.
func tamper(t *testing.T, db *leerlus.DB, sql string, args ...any) {
	t.Helper()
	g := db.Gorm
	if db.Dialect == leerlus.Postgres {
		must(t, g.Exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change").Error)
	} else {
		must(t, g.Exec("DROP TRIGGER audit_log_no_update").Error)
		must(t, g.Exec("DROP TRIGGER audit_log_no_delete").Error)
	}
	must(t, g.Exec(sql, args...).Error)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func appendEvents(t *testing.T, svc *policy.Service, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		must(t, svc.Record(context.Background(), policy.Actor{PersonID: "p", ClientAddr: "127.0.0.1"},
			policy.Event{Action: "test.event", ObjectType: "thing", ObjectID: fmt.Sprint(i)}))
	}
}

func TestVerifyAuditFindsTheFirstBrokenEntry(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change string
		seq    int64
		reason string
	}{
		{"edited action", "UPDATE audit_log SET action = 'nothing.happened' WHERE seq = 3", 3, "edited"},
		{"edited outcome", "UPDATE audit_log SET outcome = 'failure' WHERE seq = 5", 5, "edited"},
		{"removed entry", "DELETE FROM audit_log WHERE seq = 2", 3, "link"},
		{"removed last entry", "DELETE FROM audit_log WHERE seq = 6", 6, "removed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := dbtest.Open(t)
			svc := policy.NewService(db, nil, cheap())
			appendEvents(t, svc, 6)
			brk, n, err := svc.VerifyAudit(context.Background())
			if err != nil || brk != nil || n != 6 {
				t.Fatalf("intact chain: break %+v, %d entries, %v", brk, n, err)
			}
			tamper(t, db, tc.change)
			brk, _, err = svc.VerifyAudit(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if brk == nil || brk.Seq != tc.seq || !strings.Contains(brk.Reason, tc.reason) {
				t.Fatalf("break %+v, want entry %d (%s)", brk, tc.seq, tc.reason)
			}
		})
	}
}

// TestConcurrentAppendsKeepTheChain: appenders on two connection pools
// (as two server instances would be) never fork the chain.
func TestConcurrentAppendsKeepTheChain(t *testing.T) {
	addr := dbtest.Address(t)
	a := policy.NewService(dbtest.OpenAddress(t, addr), nil, cheap())
	b := policy.NewService(dbtest.OpenAddress(t, addr), nil, cheap())
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := 0; i < 40; i++ {
		svc := a
		if i%2 == 1 {
			svc = b
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs <- svc.Record(context.Background(), policy.Actor{ClientAddr: "x"}, policy.Event{Action: "test.concurrent", ObjectType: "t", ObjectID: fmt.Sprint(i)})
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	brk, n, err := a.VerifyAudit(context.Background())
	if err != nil || brk != nil || n != 40 {
		t.Fatalf("after concurrent appends: break %+v, %d entries, %v", brk, n, err)
	}
}

// RecordMany writes more events than one insert holds (727 rows of 11
// values), in order and in one chain, with empty optional fields stored as
// NULL.
func TestRecordManySpansSeveralInserts(t *testing.T) {
	for _, n := range []int{1, 727, 728, 1500} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			db := dbtest.Open(t)
			svc := policy.NewService(db, nil, cheap())
			events := make([]policy.Attributed, n)
			for i := range events {
				ev := policy.Event{Action: policy.ActionCaseRead, ObjectType: "case", Detail: fmt.Sprint("read ", i)}
				actor := policy.Actor{ClientAddr: "127.0.0.1"}
				if i%2 == 0 {
					ev.ObjectID, ev.NetworkID, actor.PersonID = fmt.Sprint("case-", i), "net", "person"
				}
				events[i] = policy.Attributed{Actor: actor, Event: ev}
			}
			must(t, db.InTx(context.Background(), func(tx *gorm.DB) error {
				return svc.AuditLog().RecordMany(tx, events)
			}))
			var rows []policy.AuditEntry
			must(t, db.Gorm.Order("seq").Where("action = ?", policy.ActionCaseRead).Find(&rows).Error)
			if len(rows) != n {
				t.Fatalf("%d rows, want %d", len(rows), n)
			}
			for i, r := range rows {
				if r.Detail != fmt.Sprint("read ", i) || r.Outcome != policy.OutcomeSuccess {
					t.Fatalf("row %d: detail %q outcome %q", i, r.Detail, r.Outcome)
				}
				if (i%2 == 0) != (r.ObjectID != nil && r.ActorID != nil && r.NetworkID != nil) {
					t.Fatalf("row %d: optional fields %v %v %v", i, r.ObjectID, r.ActorID, r.NetworkID)
				}
			}
			brk, total, err := svc.VerifyAudit(context.Background())
			if err != nil || brk != nil || total < n {
				t.Fatalf("chain: %v %+v (%d entries)", err, brk, total)
			}
		})
	}
}
