package main

import (
	"context"
	"fmt"
	"io"
)

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var cfg config
	fs := newFlags("migrate", &cfg, stderr)
	db, code := openForCommand(ctx, "migrate", fs, &cfg, args, stderr)
	if code != 0 {
		return code
	}
	defer db.Close()
	applied, latest, err := db.SchemaVersion(ctx)
	if err != nil {
		return fail(stderr, "migrate", err)
	}
	fmt.Fprintf(stdout, "schema at version %d of %d\n", applied, latest)
	return 0
}
