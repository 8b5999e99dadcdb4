package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestRunScanText(t *testing.T) {
	in := "Jan Jansen (12) woont op Kerkstraat 12. Bel 06-12345678."
	var out, errb bytes.Buffer
	if code := runScan(nil, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	var got struct {
		Findings []struct {
			Type  string `json:"type"`
			Start int    `json:"start"`
			End   int    `json:"end"`
			Text  string `json:"text"`
		} `json:"findings"`
		Redacted string `json:"redacted"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output %q: %v", out.String(), err)
	}
	want := "[PERSOON-1] ([LEEFTIJD-1]) woont op [ADRES-1]. Bel [TELEFOON-1]."
	if got.Redacted != want {
		t.Errorf("redacted = %q, want %q", got.Redacted, want)
	}
	if len(got.Findings) != 4 {
		t.Fatalf("findings = %+v", got.Findings)
	}
	for _, f := range got.Findings {
		if in[f.Start:f.End] != f.Text {
			t.Errorf("finding %+v does not match the input", f)
		}
	}
	if got.Findings[0].Type != "person" || got.Findings[3].Type != "phone" {
		t.Errorf("types: %+v", got.Findings)
	}
}

func TestRunScanEmptyInput(t *testing.T) {
	var out, errb bytes.Buffer
	if code := runScan(nil, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	if strings.TrimSpace(out.String()) != `{"findings":[],"redacted":""}` {
		t.Errorf("output %q", out.String())
	}
}

func TestRunScanJSONL(t *testing.T) {
	in := `{"id":"a","text":"Bel Fleur op 06-12345678."}` + "\n" +
		`{"id":7,"text":"Het wijkteam belde."}` + "\n" +
		`{"id":"c","text":"Mail j.bakker@example.nl"}` + "\n"
	var out, errb bytes.Buffer
	if code := runScan([]string{"--jsonl"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	want := `{"id":"a","findings":[{"type":"person","start":4,"end":9},{"type":"phone","start":13,"end":24}]}` + "\n" +
		`{"id":7,"findings":[]}` + "\n" +
		`{"id":"c","findings":[{"type":"email","start":5,"end":24}]}` + "\n"
	if out.String() != want {
		t.Errorf("output\n%s\nwant\n%s", out.String(), want)
	}
}

func TestRunScanErrors(t *testing.T) {
	big := strings.Repeat("a", 1<<20+1)
	bigJSON, _ := json.Marshal(map[string]string{"id": "x", "text": big})
	tests := []struct {
		name string
		args []string
		in   string
		msg  string
	}{
		{"invalid utf-8", nil, "Jan \xff\xfe", "not valid UTF-8"},
		{"too large", nil, big, "larger than"},
		{"jsonl invalid utf-8", []string{"--jsonl"}, "{\"id\":1,\"text\":\"a\xff\"}\n", "not valid UTF-8"},
		{"jsonl too large", []string{"--jsonl"}, string(bigJSON) + "\n", "larger than"},
		{"jsonl bad json", []string{"--jsonl"}, "{nope\n", "invalid JSON"},
		{"jsonl missing text", []string{"--jsonl"}, `{"id":1}` + "\n", "missing"},
		{"unknown flag", []string{"--nope"}, "", "flag provided but not defined"},
		{"extra argument", []string{"file.txt"}, "", "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := runScan(tt.args, strings.NewReader(tt.in), &out, &errb); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errb.String(), tt.msg) {
				t.Errorf("stderr %q, want %q", errb.String(), tt.msg)
			}
		})
	}
}

func TestRunScanJSONLKeepsOutputBeforeError(t *testing.T) {
	in := `{"id":1,"text":"Fleur"}` + "\n" + "{bad\n"
	var out, errb bytes.Buffer
	if code := runScan([]string{"--jsonl"}, strings.NewReader(in), &out, &errb); code != 2 {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(out.String(), `{"id":1,`) {
		t.Errorf("output before the bad line lost: %q", out.String())
	}
}
