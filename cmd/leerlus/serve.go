package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"leerlus/api"
	"leerlus/frontend"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/review/disclosure"
)

// Server timeouts: slow or idle clients cannot hold connections.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownTimeout   = 20 * time.Second
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var cfg config
	fs := newFlags("serve", &cfg, stderr)
	fs.StringVar(&cfg.Addr, "addr", ":8080", "address to listen on")
	// The defaults are the domain's, stated once in policy.DefaultConfig.
	defaults := policy.DefaultConfig()
	fs.DurationVar(&cfg.SessionIdle, "session-idle", defaults.SessionIdle, "a session ends after this long without a request")
	fs.DurationVar(&cfg.SessionMax, "session-max", defaults.SessionMax, "a session ends this long after sign-in at the latest")
	fs.StringVar(&cfg.TrustedProxies, "trusted-proxies", "", "comma-separated proxy addresses or CIDRs whose X-Forwarded-* headers are believed")
	fs.BoolVar(&cfg.CookieSecure, "cookie-secure", false, "always mark cookies Secure (set when TLS ends before a proxy you do not list)")
	fs.BoolVar(&cfg.Demo, "demo", false, "load the demo data when the database is empty")
	fs.IntVar(&cfg.StalledAfterDays, "stalled-after-days", review.DefaultStalledAfterDays, "an improvement action without a progress entry for this many days is flagged as stalled")
	fs.IntVar(&cfg.PatternMinCases, "pattern-min-cases", disclosure.DefaultK, "cells of pattern queries resting on fewer distinct cases are suppressed (at least 3)")
	digestFlags(fs, &cfg)
	siteFlags(fs, &cfg)
	if err := parse(fs, args); err != nil {
		return 2
	}
	log, buf, err := cfg.bufferedLogger(stderr)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus:", err)
		return 2
	}
	defer buf.Close()
	if err := serve(ctx, &cfg, log, stdout); err != nil {
		log.Error("serve", slog.Any("error", err))
		return 1
	}
	return 0
}

func serve(ctx context.Context, cfg *config, log *slog.Logger, stdout io.Writer) error {
	site, err := cfg.site()
	if err != nil {
		return err
	}
	db, err := cfg.openDatabase(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := policy.NewService(db, nil, cfg.policyConfig())
	caseSvc, err := cfg.caseService(db, svc)
	if err != nil {
		return err
	}
	if cfg.Demo {
		loaded, err := loadDemoIfEmpty(ctx, db, svc, caseSvc, 0, stdout)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if loaded {
			log.Info("demo data loaded")
		}
	}
	if cfg.SMTPAddr != "" && (cfg.SMTPFrom == "" || cfg.DigestEvery < time.Hour) {
		return fmt.Errorf("with --smtp-addr, give --smtp-from and a --digest-every of an hour or more")
	}
	if cfg.StalledAfterDays < 1 {
		return fmt.Errorf("--stalled-after-days must be 1 or more, not %d", cfg.StalledAfterDays)
	}
	if cfg.PatternMinCases < disclosure.MinK {
		return fmt.Errorf("--pattern-min-cases must be %d or more, not %d", disclosure.MinK, cfg.PatternMinCases)
	}
	reviewSvc := review.NewService(db, nil, svc.AuditLog(), caseSvc, review.StalledAfterDays(cfg.StalledAfterDays),
		review.PatternMinCases(cfg.PatternMinCases))
	handler, err := api.New(api.Deps{DB: db, Policy: svc, Cases: caseSvc, Review: reviewSvc, Scanner: caseSvc.Scanner(), Log: log, UI: frontend.Handler(),
		TrustedProxies: splitList(cfg.TrustedProxies), CookieSecure: cfg.CookieSecure, Site: site})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	if mailer := cfg.mailer(); mailer != nil {
		go mailDigests(ctx, reviewSvc, mailer, cfg.DigestEvery, cfg.PublicURL, digestCheck, log)
		log.Info("e-mail digests on", slog.String("smtp", cfg.SMTPAddr), slog.Duration("every", cfg.DigestEvery))
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: idleTimeout, MaxHeaderBytes: api.ServerHeaderBytes,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	log.Info("listening", slog.String("addr", ln.Addr().String()))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
