package policy_test

import (
	"context"
	"testing"

	"leerlus/dbtest"
	"leerlus/policy"
)

// BenchmarkHashPassword is argon2id with the production parameters.
func BenchmarkHashPassword(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := policy.HashPassword("correct horse battery staple", policy.DefaultPasswordParams); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignIn is a whole successful sign-in with the production
// parameters: rate-limit check, account lookup, argon2id verification,
// session insert and audit entry.
func BenchmarkSignIn(b *testing.B) {
	db := dbtest.Open(b)
	svc := policy.NewService(db, nil, policy.DefaultConfig())
	ctx := context.Background()
	if _, err := svc.CreatePerson(ctx, policy.Actor{}, policy.NewPerson{Email: "b@example.org", Name: "B", Password: "correct horse battery staple"}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := svc.SignIn(ctx, "127.0.0.1", "b@example.org", "correct horse battery staple"); err != nil {
			b.Fatal(err)
		}
	}
}
