package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"unicode/utf8"

	"leerlus/cases/anonymise"
	"leerlus/internal/jsonl"
)

// scanFinding is a finding as the scan command prints it.
type scanFinding struct {
	Type  anonymise.Type `json:"type"`
	Start int            `json:"start"`
	End   int            `json:"end"`
	Text  string         `json:"text,omitempty"`
}

type scanOutput struct {
	Findings []scanFinding `json:"findings"`
	Redacted string        `json:"redacted"`
}

type jsonlInput struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

type jsonlOutput struct {
	ID       json.RawMessage `json:"id"`
	Findings []scanFinding   `json:"findings"`
}

// runScan implements "leerlus scan": it reads UTF-8 text on stdin and prints
// the findings and the redacted text as JSON, or with --jsonl reads lines
// {"id","text"} and writes one line {"id","findings"} per input line. It
// returns the exit code: 0 on success, 2 for bad input or usage, 1 when
// output fails.
func runScan(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonl := fs.Bool("jsonl", false, `read JSON lines {"id","text"} and write {"id","findings"} per line`)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: leerlus scan [--jsonl] < input")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "leerlus scan: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	s, err := anonymise.New()
	if err != nil {
		fmt.Fprintln(stderr, "leerlus scan:", err)
		return 1
	}
	if *jsonl {
		return scanJSONL(s, stdin, stdout, stderr)
	}
	return scanText(s, stdin, stdout, stderr)
}

func scanText(s *anonymise.Scanner, stdin io.Reader, stdout, stderr io.Writer) int {
	// Read one byte more than allowed to tell "exactly 1 MiB" from "more".
	data, err := io.ReadAll(io.LimitReader(stdin, anonymise.MaxTextBytes+1))
	if err != nil {
		fmt.Fprintln(stderr, "leerlus scan: reading stdin:", err)
		return 1
	}
	text := string(data)
	if err := anonymise.Check(text); err != nil {
		fmt.Fprintln(stderr, "leerlus scan:", inputError(err))
		return 2
	}
	redacted, findings := s.NewRedactor().Redact(text)
	out := scanOutput{Findings: make([]scanFinding, 0, len(findings)), Redacted: redacted}
	for _, f := range findings {
		out.Findings = append(out.Findings, scanFinding{Type: f.Type, Start: f.Start, End: f.End, Text: f.Text})
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(stderr, "leerlus scan: writing output:", err)
		return 1
	}
	return 0
}

func inputError(err error) string {
	switch {
	case errors.Is(err, anonymise.ErrTooLarge):
		return fmt.Sprintf("input is larger than %d bytes (1 MiB)", anonymise.MaxTextBytes)
	case errors.Is(err, anonymise.ErrInvalidUTF8):
		return "input is not valid UTF-8"
	}
	return err.Error()
}

// scanJSONL streams: one input line in, one output line out, so large
// inputs never sit in memory whole.
func scanJSONL(s *anonymise.Scanner, stdin io.Reader, stdout, stderr io.Writer) int {
	// A line holds at most 1 MiB of text, which JSON escaping can make up to
	// six times longer (\u00e9); allow for that plus the id.
	const maxLine = 6*anonymise.MaxTextBytes + 64*1024
	lines := jsonl.NewLines(stdin, maxLine)
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for {
		b, ok := lines.Next()
		if !ok {
			break
		}
		line := lines.Number()
		if !utf8.Valid(b) {
			w.Flush()
			fmt.Fprintf(stderr, "leerlus scan: line %d: input is not valid UTF-8\n", line)
			return 2
		}
		var in jsonlInput
		if err := json.Unmarshal(b, &in); err != nil {
			w.Flush()
			fmt.Fprintf(stderr, "leerlus scan: line %d: invalid JSON: %v\n", line, err)
			return 2
		}
		if in.Text == nil {
			w.Flush()
			fmt.Fprintf(stderr, "leerlus scan: line %d: missing \"text\"\n", line)
			return 2
		}
		if err := anonymise.Check(*in.Text); err != nil {
			w.Flush()
			fmt.Fprintf(stderr, "leerlus scan: line %d: %s\n", line, inputError(err))
			return 2
		}
		found := s.Scan(*in.Text)
		out := jsonlOutput{ID: in.ID, Findings: make([]scanFinding, 0, len(found))}
		if out.ID == nil {
			out.ID = json.RawMessage("null")
		}
		for _, f := range found {
			out.Findings = append(out.Findings, scanFinding{Type: f.Type, Start: f.Start, End: f.End})
		}
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(stderr, "leerlus scan: writing output:", err)
			return 1
		}
	}
	if err := lines.Err(); err != nil {
		w.Flush()
		if errors.Is(err, bufio.ErrTooLong) {
			fmt.Fprintf(stderr, "leerlus scan: line %d: input line too long (text over 1 MiB)\n", lines.Number()+1)
			return 2
		}
		fmt.Fprintln(stderr, "leerlus scan: reading stdin:", err)
		return 1
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, "leerlus scan: writing output:", err)
		return 1
	}
	return 0
}
