// Command leerlus is the Leerlus server and its administration tools.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `leerlus — the learning system for youth-care learning networks

Usage:
  leerlus serve   [flags]   serve the web app and API (migrates first)
  leerlus migrate [flags]   apply database migrations and exit
  leerlus demo    [flags]   load the demo data into an empty database
  leerlus admin create --email E --name N [--password-stdin]
                            create an administrator
  leerlus audit verify      check the audit log's hash chain
  leerlus scan [--jsonl]    find personal data in text on stdin
  leerlus lessons group --jsonl
                            group lessons on stdin into recurring lessons
  leerlus search reindex [flags]
                            rebuild the full-text search index

Run 'leerlus <command> -h' for the flags; docs/configuration.md lists them
with their LEERLUS_* environment variables.
`

// run is main without the process: testable, with explicit streams.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "migrate":
		return runMigrate(ctx, rest, stdout, stderr)
	case "demo":
		return runDemo(ctx, rest, stdout, stderr)
	case "admin":
		return runAdmin(ctx, rest, stdin, stdout, stderr)
	case "audit":
		return runAudit(ctx, rest, stdout, stderr)
	case "scan":
		return runScan(rest, stdin, stdout, stderr)
	case "lessons":
		return runLessons(rest, stdin, stdout, stderr)
	case "search":
		return runSearch(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "leerlus: unknown command %q\n\n%s", cmd, usage)
	return 2
}
