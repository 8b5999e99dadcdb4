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
	db, code := openForCommand(ctx, "audit", fs, &cfg, args[1:], stderr)
	if code != 0 {
		return code
	}
	defer db.Close()
	brk, n, err := policy.NewService(db, nil, cfg.policyConfig()).VerifyAudit(ctx)
	if err != nil {
		return fail(stderr, "audit", err)
	}
	if brk != nil {
		fmt.Fprintf(stdout, "audit log BROKEN at entry %d: %s (%d entries checked)\n", brk.Seq, brk.Reason, n)
		return 1
	}
	fmt.Fprintf(stdout, "audit log intact: %d entries, hash chain verified\n", n)
	return 0
}
