package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"leerlus/search"
)

// runSearch implements "leerlus search reindex": it rebuilds the
// full-text index from the published texts in the database. Serving
// keeps the index current and builds it once when migration 0006 is
// applied; this is the repair after a restore or a bulk load.
func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "reindex" {
		fmt.Fprintln(stderr, "usage: leerlus search reindex [flags]")
		return 2
	}
	var cfg config
	fs := newFlags("search reindex", &cfg, stderr)
	db, code := openForCommand(ctx, "search reindex", fs, &cfg, args[1:], stderr)
	if code != 0 {
		return code
	}
	defer db.Close()
	started := time.Now()
	n, err := search.Reindex(ctx, db.Gorm)
	if err != nil {
		return fail(stderr, "search reindex", err)
	}
	fmt.Fprintf(stdout, "%d texts indexed in %.1f s\n", n, time.Since(started).Seconds())
	return 0
}
