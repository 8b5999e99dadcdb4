package leerlus

import (
	"encoding/base64"
	"testing"
)

func TestParsePage(t *testing.T) {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for _, tc := range []struct {
		name, limit, cursor string
		ok                  bool
		after               string
	}{
		{"defaults", "", "", true, ""},
		{"cursor", "10", enc("0190f3a0-0000-7000-8000-000000000000"), true, "0190f3a0-0000-7000-8000-000000000000"},
		{"limit too large", "201", "", false, ""},
		{"limit not a number", "x", "", false, ""},
		{"cursor not base64", "", "!!", false, ""},
		{"cursor of NUL", "", enc("\x00"), false, ""},
		{"cursor with NUL", "", enc("abc\x00def"), false, ""},
		{"cursor of invalid UTF-8", "", enc("\xff\xfe"), false, ""},
		{"cursor too long", "", enc(string(make([]byte, 129))), false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParsePage(tc.limit, tc.cursor)
			if (err == nil) != tc.ok {
				t.Fatalf("err %v, want ok=%v", err, tc.ok)
			}
			if tc.ok && p.After != tc.after {
				t.Fatalf("after %q, want %q", p.After, tc.after)
			}
			if !tc.ok && !IsCode(err, CodeInvalid) {
				t.Fatalf("err %v is not invalid", err)
			}
		})
	}
}

func TestValidText(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "gewoon": true, "Ŀeerlus ӏ": true, "regel\nregel\r\n\tin": true, "Zoë 💛": true,
		"a\x00b": false, "\xff": false, "\xc3\x28": false, "a\x07b": false, "a\x7fb": false, "a\u0085b": false,
		"\u202eplh": false, "a\u2067b": false, "kapot \ufffd teken": false, "a\ufff9b": false, "a\ufffeb": false,
	} {
		if ValidText(s) != want {
			t.Errorf("ValidText(%q) = %v, want %v", s, !want, want)
		}
	}
}
