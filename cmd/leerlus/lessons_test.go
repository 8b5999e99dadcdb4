package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRunLessonsGroup(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"b","text":"Er moet één iemand zijn die de regie heeft en het overzicht houdt over alle hulp.","group":"g1"}`,
		`{"id":"a","text":"Zorg dat er één casusregisseur is die het overzicht over alle hulp houdt."}`,
		``,
		`{"id":7,"text":"Plan afspraken na schooltijd.","codes":["T8.zorg_in_school"]}`,
		`{"id":"c","text":"Eén gezin, één regisseur die het overzicht houdt."}`,
	}, "\n")
	var out, errb bytes.Buffer
	if code := runLessons([]string{"group", "--jsonl"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	want := `{"id":"b","cluster":"a"}
{"id":"a","cluster":"a"}
{"id":7,"cluster":null}
{"id":"c","cluster":"a"}
`
	if out.String() != want {
		t.Errorf("output\n%s\nwant\n%s", out.String(), want)
	}
}

func TestRunLessonsGroupBadInput(t *testing.T) {
	cases := []struct {
		name, in, args, msg string
	}{
		{"not JSON", `{"id":"a","text":"x"}` + "\n" + `nope`, "group --jsonl", "line 2: invalid JSON"},
		{"no text", `{"id":"a"}`, "group --jsonl", `line 1: missing "text"`},
		{"bad id", `{"id":[1],"text":"x"}`, "group --jsonl", `line 1: "id" must be a string or a number`},
		{"duplicate id", `{"id":"a","text":"x"}` + "\n" + `{"id":"a","text":"y"}`, "group --jsonl", "line 2: id \"a\" appears again (first on line 1)"},
		{"bad UTF-8", "{\"id\":\"a\",\"text\":\"\xff\"}", "group --jsonl", "line 1: input is not valid UTF-8"},
		{"no --jsonl", `{"id":"a","text":"x"}`, "group", "--jsonl is required"},
		{"no subcommand", ``, "", "usage: leerlus lessons group"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := runLessons(strings.Fields(c.args), strings.NewReader(c.in), &out, &errb)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out.Len() != 0 {
				t.Errorf("wrote %q on bad input", out.String())
			}
			if !strings.Contains(errb.String(), c.msg) {
				t.Errorf("stderr %q, want it to contain %q", errb.String(), c.msg)
			}
		})
	}
}
