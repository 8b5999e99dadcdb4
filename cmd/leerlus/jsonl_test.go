package main

import (
	"bytes"
	"strings"
	"testing"
)

// Files from other tools: a byte-order mark, Windows line ends, blank and
// whitespace-only lines. Both JSON Lines commands must read them as the
// plain file.
func TestJSONLFromOtherTools(t *testing.T) {
	plain := `{"id":"a","text":"Zorg dat er één casusregisseur is die het overzicht houdt."}` + "\n" +
		`{"id":"b","text":"Eén gezin, één regisseur die het overzicht houdt."}` + "\n"
	variants := map[string]string{
		"byte-order mark":   "\xef\xbb\xbf" + plain,
		"windows line ends": strings.ReplaceAll(plain, "\n", "\r\n"),
		"blank lines":       "\n  \n" + strings.ReplaceAll(plain, "\n", "\n\t\r\n"),
		"no final newline":  strings.TrimSuffix(plain, "\n"),
	}
	commands := map[string]func(string, *bytes.Buffer, *bytes.Buffer) int{
		"lessons group": func(in string, out, errb *bytes.Buffer) int {
			return runLessons([]string{"group", "--jsonl"}, strings.NewReader(in), out, errb)
		},
		"scan": func(in string, out, errb *bytes.Buffer) int {
			return runScan([]string{"--jsonl"}, strings.NewReader(in), out, errb)
		},
	}
	for cmd, run := range commands {
		var want, errb bytes.Buffer
		if code := run(plain, &want, &errb); code != 0 || want.Len() == 0 {
			t.Fatalf("%s on the plain file: exit %d, stderr %q", cmd, code, errb.String())
		}
		for name, in := range variants {
			t.Run(cmd+"/"+name, func(t *testing.T) {
				var out, errb bytes.Buffer
				if code := run(in, &out, &errb); code != 0 {
					t.Fatalf("exit %d, stderr %q", code, errb.String())
				}
				if out.String() != want.String() {
					t.Errorf("output\n%s\nwant\n%s", out.String(), want.String())
				}
			})
		}
	}
}

// Line numbers in errors count blank lines, as an editor does.
func TestJSONLErrorLineCountsBlankLines(t *testing.T) {
	in := "\xef\xbb\xbf" + `{"id":"a","text":"x"}` + "\r\n\r\n" + `nope` + "\r\n"
	var out, errb bytes.Buffer
	if code := runLessons([]string{"group", "--jsonl"}, strings.NewReader(in), &out, &errb); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if !strings.Contains(errb.String(), "line 3: invalid JSON") {
		t.Errorf("stderr %q, want line 3", errb.String())
	}
}
