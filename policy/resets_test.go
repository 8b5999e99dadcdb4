package policy_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"leerlus"
	"leerlus/dbtest"
	"leerlus/policy"
)

func TestResetLinkExpires(t *testing.T) {
	ctx := context.Background()
	var now atomic.Int64
	now.Store(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC).UnixNano())
	svc := policy.NewService(dbtest.Open(t), func() time.Time { return time.Unix(0, now.Load()) }, cheap())
	p, err := svc.CreatePerson(ctx, policy.Actor{}, policy.NewPerson{Email: "ouder@example.org", Name: "Ouder", Password: "een lang genoeg wachtwoord"})
	must(t, err)
	r, err := svc.IssuePasswordReset(ctx, policy.Actor{}, p.ID)
	must(t, err)
	if _, err := svc.InspectPasswordReset(ctx, r.Secret); err != nil {
		t.Fatalf("fresh link: %v", err)
	}
	now.Add(int64(policy.DefaultConfig().ResetTTL))
	if _, err := svc.InspectPasswordReset(ctx, r.Secret); !leerlus.IsCode(err, leerlus.CodeGone) {
		t.Errorf("link after its lifetime: %v, want gone", err)
	}
	if err := svc.ResetPassword(ctx, "", r.Secret, "een ander lang wachtwoord"); !leerlus.IsCode(err, leerlus.CodeGone) {
		t.Errorf("using an expired link: %v, want gone", err)
	}
}
