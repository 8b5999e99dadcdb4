package policy_test

import (
	"context"
	"testing"

	"leerlus/dbtest"
	"leerlus/policy"
)

// An admin cannot demote or disable their own account; the refusal names
// the field that asked for it.
func TestAdminCannotLockThemselvesOut(t *testing.T) {
	ctx := context.Background()
	svc := policy.NewService(dbtest.Open(t), nil, cheap())
	admin, err := svc.CreatePerson(ctx, policy.Actor{ClientAddr: "test"}, policy.NewPerson{Email: "beheer@example.org", Name: "Beheer", Password: "correct horse battery staple", IsAdmin: true})
	must(t, err)
	self := policy.Actor{PersonID: admin.ID, ClientAddr: "test"}
	no, yes := false, true
	for _, c := range []struct {
		name   string
		change policy.PersonChange
		field  string
	}{
		{"demote", policy.PersonChange{IsAdmin: &no, Version: admin.Version}, "is_admin"},
		{"disable", policy.PersonChange{Disabled: &yes, Version: admin.Version}, "disabled"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.UpdatePerson(ctx, self, admin.ID, c.change)
			if msg := fieldMessage(t, err, c.field); msg == "" {
				t.Fatalf("no refusal on %q: %v", c.field, err)
			}
		})
	}
}
