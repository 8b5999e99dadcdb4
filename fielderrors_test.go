package leerlus_test

import (
	"errors"
	"testing"

	"leerlus"
)

func TestTextChecksGiveCodesAndParams(t *testing.T) {
	long := "abcdefghijk"
	blank := "   "
	for _, tc := range []struct {
		name     string
		value    *string
		required bool
		code     leerlus.FieldCode
		params   leerlus.Params
		message  string
	}{
		{"missing and required", nil, true, leerlus.FieldRequired, nil, "is required"},
		{"missing on an edit", nil, false, "", nil, ""},
		{"only spaces", &blank, true, leerlus.FieldRequired, nil, "is required"},
		{"too long", &long, true, leerlus.FieldTooLong, leerlus.Params{"max": 10}, "must be at most 10 characters"},
	} {
		var v leerlus.Validation
		leerlus.CheckText(&v, "name", tc.value, tc.required, 1, 10)
		err := v.Err()
		if tc.code == "" {
			if err != nil {
				t.Errorf("%s: %v, want no error", tc.name, err)
			}
			continue
		}
		var e *leerlus.Error
		if !errors.As(err, &e) || e.Code != leerlus.CodeInvalid || len(e.Fields) != 1 {
			t.Fatalf("%s: %v", tc.name, err)
		}
		f := e.Fields[0]
		if f.Field != "name" || f.Code != tc.code || f.Message != tc.message || len(f.Params) != len(tc.params) {
			t.Errorf("%s: %+v, want code %s params %v message %q", tc.name, f, tc.code, tc.params, tc.message)
		}
		for k, want := range tc.params {
			if f.Params[k] != want {
				t.Errorf("%s: param %s = %v, want %v", tc.name, k, f.Params[k], want)
			}
		}
	}
	if long != "abcdefghijk" || blank != "" {
		t.Errorf("CheckText trims in place: %q %q", long, blank)
	}
}

func TestEveryFieldCodeHasAMessage(t *testing.T) {
	for _, c := range leerlus.FieldCodes() {
		if f := leerlus.NewFieldError("x", c, nil); f.Message == "" || f.Message == string(c) {
			t.Errorf("field code %s has no English message", c)
		}
	}
}

func TestIDs(t *testing.T) {
	a, b := leerlus.NewID(), leerlus.NewID()
	if !leerlus.ValidID(a) || a >= b {
		t.Errorf("ids %s, %s: want valid and time-ordered", a, b)
	}
	for _, bad := range []string{"", "x", "0190F3A0-0000-7000-8000-000000000000", "{0190f3a0-0000-7000-8000-000000000000}"} {
		if leerlus.ValidID(bad) {
			t.Errorf("ValidID(%q) = true", bad)
		}
	}
}
