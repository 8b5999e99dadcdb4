package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"leerlus"
	"leerlus/api"
	"leerlus/policy"
	"leerlus/search"
)

// config is everything the commands can be told, by flag or by LEERLUS_*
// environment variable (a flag wins). Secrets also come from a file named
// by LEERLUS_<NAME>_FILE.
type config struct {
	Addr           string
	DataDir        string
	DatabaseURL    string
	LogFormat      string
	LogLevel       string
	SessionIdle    time.Duration
	SessionMax     time.Duration
	TrustedProxies string
	CookieSecure   bool
	Demo           bool
	// StalledAfterDays: an open improvement action without a progress
	// entry for this many days is flagged as stalled.
	StalledAfterDays int
	// PatternMinCases is k: cells of pattern queries on fewer distinct
	// cases are suppressed (at least 3).
	PatternMinCases int
	// The optional e-mail digest of actions that need attention: off
	// unless SMTPAddr is set.
	SMTPAddr, SMTPFrom, SMTPUser, SMTPPassword string
	DigestEvery                                time.Duration
	PublicURL                                  string

	// Texts for the public pages (GET /api/v1/site); empty shows the app's default.
	PrivacyStatementFile       string
	AccessibilityStatementFile string
	Contact                    string
}

// envName is the environment variable behind a flag: --session-idle is
// LEERLUS_SESSION_IDLE.
func envName(flagName string) string {
	return "LEERLUS_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// secretFlags may be given as a file, for container secrets.
var secretFlags = map[string]bool{"database-url": true, "smtp-password": true}

// newFlags defines the shared flags of the commands that touch the database.
func newFlags(name string, cfg *config, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("leerlus "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.DataDir, "data-dir", "./data", "directory for the SQLite database")
	fs.StringVar(&cfg.DatabaseURL, "database-url", "", "postgres://… URL; empty uses SQLite in the data directory")
	fs.StringVar(&cfg.LogFormat, "log-format", "auto", "text, json or auto (text on a terminal)")
	fs.StringVar(&cfg.LogLevel, "log-level", "info", "debug, info, warn or error")
	return fs
}

// parse reads flags, filling unset ones from the environment.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		if set[f.Name] {
			return
		}
		value, ok := os.LookupEnv(envName(f.Name))
		if !ok && secretFlags[f.Name] {
			if path, isFile := os.LookupEnv(envName(f.Name) + "_FILE"); isFile {
				b, err := os.ReadFile(path)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s_FILE: %w", envName(f.Name), err))
					return
				}
				value, ok = strings.TrimSpace(string(b)), true
			}
		}
		if ok {
			if err := f.Value.Set(value); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", envName(f.Name), err))
			}
		}
	})
	if fs.NArg() > 0 {
		errs = append(errs, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " ")))
	}
	return errors.Join(errs...)
}

// databaseAddress is the PostgreSQL URL when given, else the SQLite file.
func (c *config) databaseAddress() string {
	if c.DatabaseURL != "" {
		return c.DatabaseURL
	}
	return filepath.Join(c.DataDir, "leerlus.db")
}

// openDatabase opens and migrates the database.
func (c *config) openDatabase(ctx context.Context, log *slog.Logger) (*leerlus.DB, error) {
	db, err := leerlus.Open(ctx, c.databaseAddress())
	if err != nil {
		return nil, err
	}
	applied, err := db.Migrate(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	for _, m := range applied {
		log.Info("migration applied", slog.Int("version", m.Version), slog.String("name", m.Name))
		// The search index starts empty: fill it from the texts that were
		// published before the upgrade (docs/research.md, "Search").
		if m.Name == "search" {
			n, err := search.Reindex(ctx, db.Gorm)
			if err != nil {
				db.Close()
				return nil, fmt.Errorf("search index: %w", err)
			}
			log.Info("search index built", slog.Int("texts", n))
		}
	}
	return db, nil
}

// siteFlags defines the flags for the texts of the public pages.
func siteFlags(fs *flag.FlagSet, cfg *config) {
	fs.StringVar(&cfg.PrivacyStatementFile, "privacy-statement-file", "", "plain-text file with the privacy statement; empty shows Leerlus's default text")
	fs.StringVar(&cfg.AccessibilityStatementFile, "accessibility-statement-file", "", "plain-text file with the accessibility statement; empty shows Leerlus's default text")
	fs.StringVar(&cfg.Contact, "contact", "", "how to reach the operator, shown on the contact page; empty shows Leerlus's default text")
}

// site reads the texts of the public pages from the configured files.
func (c *config) site() (api.Site, error) {
	read := func(path string) (string, error) {
		if path == "" {
			return "", nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		return strings.TrimSpace(string(b)), nil
	}
	privacy, err := read(c.PrivacyStatementFile)
	if err != nil {
		return api.Site{}, fmt.Errorf("privacy statement: %w", err)
	}
	accessibility, err := read(c.AccessibilityStatementFile)
	if err != nil {
		return api.Site{}, fmt.Errorf("accessibility statement: %w", err)
	}
	return api.Site{PrivacyStatement: privacy, AccessibilityStatement: accessibility, Contact: strings.TrimSpace(c.Contact)}, nil
}

// policyConfig is the domain configuration from the flags.
func (c *config) policyConfig() policy.Config {
	pc := policy.DefaultConfig()
	if c.SessionIdle > 0 {
		pc.SessionIdle = c.SessionIdle
	}
	if c.SessionMax > 0 {
		pc.SessionMax = c.SessionMax
	}
	return pc
}

// logger builds the process logger: text on a terminal, JSON otherwise.
func (c *config) logger(w io.Writer) (*slog.Logger, error) {
	h, err := c.logHandler(w, w)
	if err != nil {
		return nil, err
	}
	return slog.New(h), nil
}

// bufferedLogger is logger for the server, whose request log is written
// through a logBuffer; the caller closes the buffer when the server stops.
func (c *config) bufferedLogger(w io.Writer) (*slog.Logger, *logBuffer, error) {
	buf := newLogBuffer(w, logFlushEvery)
	h, err := c.logHandler(w, buf)
	if err != nil {
		buf.Close()
		return nil, nil, err
	}
	return slog.New(flushingHandler{h, buf}), buf, nil
}

// logHandler writes to out in the configured format; "auto" chooses by
// the terminal, which is w.
func (c *config) logHandler(w, out io.Writer) (slog.Handler, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return nil, fmt.Errorf("log level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	format := c.LogFormat
	if format == "auto" {
		format = "json"
		if f, ok := w.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
				format = "text"
			}
		}
	}
	switch format {
	case "text":
		return slog.NewTextHandler(out, opts), nil
	case "json":
		return slog.NewJSONHandler(out, opts), nil
	}
	return nil, fmt.Errorf("log format %q: use text, json or auto", c.LogFormat)
}

// openForCommand is the common start of the commands that work on the
// database: parse the flags, build the logger, open and migrate. A
// non-zero code is the exit code; the error was printed.
func openForCommand(ctx context.Context, name string, fs *flag.FlagSet, cfg *config, args []string, stderr io.Writer) (*leerlus.DB, int) {
	if err := parse(fs, args); err != nil {
		return nil, 2
	}
	log, err := cfg.logger(stderr)
	if err != nil {
		fmt.Fprintln(stderr, "leerlus:", err)
		return nil, 2
	}
	db, err := cfg.openDatabase(ctx, log)
	if err != nil {
		return nil, fail(stderr, name, err)
	}
	return db, 0
}

// fail prints a command's error and returns exit code 1.
func fail(stderr io.Writer, name string, err error) int {
	fmt.Fprintf(stderr, "leerlus %s: %v\n", name, err)
	return 1
}
