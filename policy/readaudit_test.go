package policy_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"leerlus/dbtest"
	"leerlus/policy"
)

func TestReadAuditCommitsEveryEntryInOneChain(t *testing.T) {
	for _, callers := range []int{1, 7, 64} {
		t.Run(fmt.Sprint(callers, " callers"), func(t *testing.T) {
			db := dbtest.Open(t)
			svc := policy.NewService(db, nil, cheap())
			reads := policy.NewReadAudit(db, svc.AuditLog())
			ctx := context.Background()
			var wg sync.WaitGroup
			errs := make(chan error, callers*3)
			for i := range callers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := range 3 {
						errs <- reads.Record(ctx, policy.Actor{ClientAddr: "test"}, policy.Event{
							Action: policy.ActionCaseRead, ObjectType: "case", Detail: fmt.Sprintf("read %d.%d", i, k)})
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			var n int64
			if err := db.WithContext(ctx).Table("audit_log").Where("action = ?", policy.ActionCaseRead).Count(&n).Error; err != nil {
				t.Fatal(err)
			}
			if n != int64(callers*3) {
				t.Fatalf("%d entries, want %d", n, callers*3)
			}
			brk, _, err := svc.VerifyAudit(ctx)
			if err != nil || brk != nil {
				t.Fatalf("chain: %v %+v", err, brk)
			}
		})
	}
}
