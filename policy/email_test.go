package policy_test

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/dbtest"
	"leerlus/policy"
)

func TestNormaliseEmail(t *testing.T) {
	for in, want := range map[string]string{
		"  Paul@Example.ORG ":   "paul@example.org",
		"ｐａｕｌ＠ｅｘａｍｐｌｅ．ｏｒｇ":      "paul@example.org",     // full-width forms
		"jose\u0301@example.nl": "jos\u00e9@example.nl", // decomposed accent
		"ﬁona@example.org":      "fiona@example.org",    // ligature
		"ИВАН@ПРИМЕР.РФ":        "иван@пример.рф",
	} {
		if got := policy.NormaliseEmail(in); got != want {
			t.Errorf("NormaliseEmail(%q) = %q, want %q", in, got, want)
		}
	}
}

const mixed = "must not mix alphabets, such as Latin with Cyrillic or Greek"

// emailCases are addresses as they enter the system; message is the field
// error on "email" expected, or "" when the address is accepted.
var emailCases = []struct {
	name, email, message string
}{
	{"plain", "paul@example.org", ""},
	{"accents", "josé@example.nl", ""},
	{"all Cyrillic", "иван@пример.рф", ""},
	{"Cyrillic domain label beside a Latin one", "ivan@пример.com", ""},
	{"Japanese", "山田たろう@example.jp", ""},
	{"digits go with anything", "иван2026@example.org", ""},
	{"Japanese kana only", "たろうカタカナ@example.jp", ""},
	{"Korean", "김철수@example.kr", ""},
	{"Han with Latin", "li山田@example.org", mixed},
	{"Greek with Cyrillic", "αлекс@example.org", mixed},
	{"Cyrillic palochka for l", "pau\u04cf@example.org", "must not mix alphabets, such as Latin with Cyrillic or Greek"},
	{"Cyrillic a in the domain", "paul@ex\u0430mple.org", "must not mix alphabets, such as Latin with Cyrillic or Greek"},
	{"Greek alpha", "p\u03b1ul@example.org", "must not mix alphabets, such as Latin with Cyrillic or Greek"},
	{"Latin i among Cyrillic", "иванi@пример.рф", "must not mix alphabets, such as Latin with Cyrillic or Greek"},
	{"not an address", "paul", "is not a valid email"},
}

func fieldMessage(t *testing.T, err error, field string) string {
	t.Helper()
	if err == nil {
		return ""
	}
	e, ok := err.(*leerlus.Error)
	if !ok {
		t.Fatalf("error %v is not a domain error", err)
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return f.Message
		}
	}
	t.Fatalf("error %v names no field %q", err, field)
	return ""
}

// TestEmailLookAlikesAreRefusedEverywhere: every way an address enters
// (admin create, invitation, invitation acceptance, sign-in) refuses
// addresses that mix scripts, with a field error on "email".
func TestEmailLookAlikesAreRefusedEverywhere(t *testing.T) {
	ctx := context.Background()
	svc := policy.NewService(dbtest.Open(t), nil, cheap())
	sys := policy.Actor{ClientAddr: "test"}
	admin, err := svc.CreatePerson(ctx, sys, policy.NewPerson{Email: "beheer@example.org", Name: "Beheer", Password: "correct horse battery staple", IsAdmin: true})
	must(t, err)
	name, region := "Werkplaats", "Regio"
	w, err := svc.CreateWorkplace(ctx, sys, policy.WorkplaceInput{Name: &name, Region: &region})
	must(t, err)
	n, err := svc.CreateNetwork(ctx, sys, w.ID, policy.NetworkInput{Name: &name})
	must(t, err)
	for _, tc := range emailCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.CreatePerson(ctx, sys, policy.NewPerson{Email: tc.email, Name: "Iemand", Password: "correct horse battery staple"})
			if got := fieldMessage(t, err, "email"); got != tc.message {
				t.Errorf("create person: %q, want %q", got, tc.message)
			}
			_, _, err = svc.CreateInvitation(ctx, leerlus.Access{Actor: policy.Actor{PersonID: admin.ID}, NetworkID: n.ID, Scope: leerlus.ScopeAny}, policy.NewInvitation{Email: tc.email, Role: policy.RoleMember, Perspective: policy.PerspectiveParent})
			if got := fieldMessage(t, err, "email"); got != tc.message {
				t.Errorf("invitation: %q, want %q", got, tc.message)
			}
			_, err = svc.SignIn(ctx, "192.0.2.1", tc.email, "correct horse battery staple")
			if tc.message == mixed {
				if got := fieldMessage(t, err, "email"); got != mixed {
					t.Errorf("sign-in: %v, want field message %q", err, mixed)
				}
			} else if leerlus.IsCode(err, leerlus.CodeInvalid) {
				t.Errorf("sign-in: %v, want no field error", err)
			}
		})
	}
}

// TestCompatibilityFormsAreTheSameAccount: an address typed in full-width
// letters is the account that exists already, not a new one.
func TestCompatibilityFormsAreTheSameAccount(t *testing.T) {
	ctx := context.Background()
	svc := policy.NewService(dbtest.Open(t), nil, cheap())
	sys := policy.Actor{ClientAddr: "test"}
	_, err := svc.CreatePerson(ctx, sys, policy.NewPerson{Email: "paul@example.org", Name: "Paul", Password: "correct horse battery staple"})
	must(t, err)
	_, err = svc.CreatePerson(ctx, sys, policy.NewPerson{Email: "ＰＡＵＬ@example.org", Name: "Paul 2", Password: "correct horse battery staple"})
	if !leerlus.IsCode(err, leerlus.CodeConflict) {
		t.Fatalf("full-width duplicate: %v, want a conflict", err)
	}
	if _, err := svc.SignIn(ctx, "192.0.2.1", "ｐａｕｌ@example.org", "correct horse battery staple"); err != nil {
		t.Fatalf("sign in with full-width letters: %v", err)
	}
}
