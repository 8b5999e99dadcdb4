package main

import (
	"context"
	"fmt"
	"io"

	"leerlus/policy"
)

func runAudit(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "verify" {
		fmt.Fprintln(stderr, "usage: leerlus audit verify [flags]")
		return 2
	}
	var cfg config
	fs := newFlags("audit verify", &cfg, stderr)
	if err := parse(fs, args[1:]); err != nil {
		return 2
	}
	log, err := cfg.logger(stderr)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus:", err)
		return 2
	}
	db, err := cfg.openDatabase(ctx, log)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus audit:", err)
		return 1
	}
	defer db.Close()
	brk, n, err := policy.NewService(db, nil, cfg.policyConfig()).VerifyAudit(ctx)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus audit:", err)
		return 1
	}
	if brk != nil {
		fmt.Fprintf(stdout, "audit log BROKEN at entry %d: %s (%d entries checked)\n", brk.Seq, brk.Reason, n)
		return 1
	}
	fmt.Fprintf(stdout, "audit log intact: %d entries, hash chain verified\n", n)
	return 0
}
