package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"unicode/utf8"

	"leerlus/internal/jsonl"
	"leerlus/review/grouping"
)

type lessonInput struct {
	ID    json.RawMessage `json:"id"`
	Text  *string         `json:"text"`
	Codes []string        `json:"codes"`
}

type lessonOutput struct {
	ID      json.RawMessage `json:"id"`
	Cluster json.RawMessage `json:"cluster"`
}

// maxLessonLine bounds one input line: a lesson is a few sentences, and
// a megabyte leaves room for codes and whatever else a labelled set
// carries (its other fields are ignored).
const maxLessonLine = 1 << 20

// runLessons implements "leerlus lessons group --jsonl": it reads lines
// {"id","text"} (optionally "codes") on stdin and writes one line
// {"id","cluster"} per input line, in order, grouped as the server groups
// a network's lessons without any curation. A lesson's cluster is the id
// of its group's anchor (its smallest id), or null for a lesson on its
// own. Grouping needs every lesson, so a bad line stops the run before
// anything is written: the error goes to stderr and the exit code is 2.
func runLessons(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "group" {
		fmt.Fprintln(stderr, "usage: leerlus lessons group --jsonl < lessons.jsonl")
		return 2
	}
	fs := flag.NewFlagSet("lessons group", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonl := fs.Bool("jsonl", false, `read JSON lines {"id","text","codes"} and write {"id","cluster"} per line`)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: leerlus lessons group --jsonl < lessons.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "leerlus lessons group: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if !*jsonl {
		fmt.Fprintln(stderr, "leerlus lessons group: --jsonl is required (the only input format)")
		return 2
	}
	ids, lessons, code := readLessons(stdin, stderr)
	if code != 0 {
		return code
	}
	anchor := map[string]string{}
	for _, g := range grouping.Compute(lessons, nil) {
		for _, m := range g.Members {
			anchor[m] = g.Anchor()
		}
	}
	raw := make(map[string]json.RawMessage, len(lessons))
	for i, l := range lessons {
		raw[l.ID] = ids[i]
	}
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i, l := range lessons {
		out := lessonOutput{ID: ids[i], Cluster: json.RawMessage("null")}
		if a, ok := anchor[l.ID]; ok {
			out.Cluster = raw[a]
		}
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(stderr, "leerlus lessons group: writing output:", err)
			return 1
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, "leerlus lessons group: writing output:", err)
		return 1
	}
	return 0
}

// readLessons reads and checks every input line. A lesson's id for
// grouping is its JSON string, or the text of its JSON number.
func readLessons(stdin io.Reader, stderr io.Writer) ([]json.RawMessage, []grouping.Lesson, int) {
	in := jsonl.NewLines(stdin, maxLessonLine)
	var ids []json.RawMessage
	var lessons []grouping.Lesson
	seen := map[string]int{}
	fail := func(line int, format string, a ...any) ([]json.RawMessage, []grouping.Lesson, int) {
		fmt.Fprintf(stderr, "leerlus lessons group: line %d: %s\n", line, fmt.Sprintf(format, a...))
		return nil, nil, 2
	}
	for {
		b, ok := in.Next()
		if !ok {
			break
		}
		line := in.Number()
		if !utf8.Valid(b) {
			return fail(line, "input is not valid UTF-8")
		}
		var l lessonInput
		if err := json.Unmarshal(b, &l); err != nil {
			return fail(line, "invalid JSON: %v", err)
		}
		id, ok := lessonID(l.ID)
		if !ok {
			return fail(line, `"id" must be a string or a number`)
		}
		if first, dup := seen[id]; dup {
			return fail(line, "id %s appears again (first on line %d)", l.ID, first)
		}
		seen[id] = line
		if l.Text == nil {
			return fail(line, `missing "text"`)
		}
		ids = append(ids, l.ID)
		lessons = append(lessons, grouping.Lesson{ID: id, Text: *l.Text, Codes: l.Codes})
	}
	if err := in.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fail(in.Number()+1, "input line longer than 1 MiB")
		}
		fmt.Fprintln(stderr, "leerlus lessons group: reading stdin:", err)
		return nil, nil, 1
	}
	return ids, lessons, 0
}

func lessonID(raw json.RawMessage) (string, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, true
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), true
	}
	return "", false
}
