package policy_test

import (
	"strings"
	"testing"

	"leerlus"

	"leerlus/policy"
)

func TestCheckPassword(t *testing.T) {
	for _, tc := range []struct {
		password string
		ok       bool
	}{
		{"kort", false},
		{"elf tekens!", false},             // 11 characters
		{"twaalf tekens", true},            // 13
		{"ëëëëëëëëëëëë", true},             // 12 characters, 24 bytes
		{"wachtwoord123", false},           // common
		{"WACHTWOORD123", false},           // common, any case
		{"123456789012", false},            // common
		{strings.Repeat("a", 2000), false}, // too long to hash
	} {
		var v leerlus.Validation
		policy.CheckPassword(&v, "password", tc.password)
		if got := !v.Failed(); got != tc.ok {
			t.Errorf("CheckPassword(%q) ok = %v, want %v", tc.password, got, tc.ok)
		}
	}
}

func TestHashAndVerifyPassword(t *testing.T) {
	params := policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	h, err := policy.HashPassword("correct horse battery", params)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatalf("hash %q is not PHC argon2id", h)
	}
	h2, _ := policy.HashPassword("correct horse battery", params)
	if h == h2 {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	for _, tc := range []struct {
		password, hash string
		ok             bool
	}{
		{"correct horse battery", h, true},
		{"correct horse batterY", h, false},
		{"", h, false},
		{"correct horse battery", "$argon2id$v=19$m=1024,t=1,p=1$bad", false},
		{"correct horse battery", "not a hash", false},
		{"correct horse battery", strings.Replace(h, "v=19", "v=16", 1), false},
	} {
		if got := policy.VerifyPassword(tc.password, tc.hash); got != tc.ok {
			t.Errorf("VerifyPassword(%q, %q) = %v, want %v", tc.password, tc.hash, got, tc.ok)
		}
	}
}
