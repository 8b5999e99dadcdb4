package main

import (
	"context"
	"fmt"
	"io"
)

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var cfg config
	fs := newFlags("migrate", &cfg, stderr)
	if err := parse(fs, args); err != nil {
		return 2
	}
	log, err := cfg.logger(stderr)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus:", err)
		return 2
	}
	db, err := cfg.openDatabase(ctx, log)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus migrate:", err)
		return 1
	}
	defer db.Close()
	applied, latest, err := db.SchemaVersion(ctx)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus migrate:", err)
		return 1
	}
	fmt.Fprintf(stdout, "schema at version %d of %d\n", applied, latest)
	return 0
}
