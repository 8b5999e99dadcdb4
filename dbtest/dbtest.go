// Package dbtest gives each test a fresh, migrated, real database: a SQLite
// file in the test's temp dir by default, or a new database in a throwaway
// PostgreSQL cluster when LEERLUS_TEST_DB=postgres.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"leerlus"
)

// Environment variables that steer the helper.
const (
	EnvEngine      = "LEERLUS_TEST_DB"           // "postgres" for the PostgreSQL run
	EnvPostgresURL = "LEERLUS_TEST_POSTGRES_URL" // a server to use instead of starting one
	templateDB     = "leerlus_template"
)

// Postgres reports whether this test run uses PostgreSQL.
func Postgres() bool {
	return os.Getenv(EnvEngine) == "postgres"
}

// Main runs a package's tests. In PostgreSQL mode it starts a throwaway
// cluster (unless LEERLUS_TEST_POSTGRES_URL names one), migrates a template
// database that each test copies, and removes the cluster afterwards.
func Main(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if !Postgres() {
		return m.Run()
	}
	if os.Getenv(EnvPostgresURL) == "" {
		cluster, err := StartCluster()
		if err != nil {
			fmt.Fprintln(os.Stderr, "dbtest: start PostgreSQL:", err)
			return 1
		}
		defer cluster.Stop()
		os.Setenv(EnvPostgresURL, cluster.URL("postgres"))
	}
	if err := prepareTemplate(os.Getenv(EnvPostgresURL)); err != nil {
		fmt.Fprintln(os.Stderr, "dbtest: prepare template:", err)
		return 1
	}
	return m.Run()
}

// prepareTemplate creates and migrates the database every test copies.
func prepareTemplate(serverURL string) error {
	ctx := context.Background()
	admin, err := leerlus.Open(ctx, serverURL)
	if err != nil {
		return err
	}
	defer admin.Close()
	// Another package's test binary may share the server: only one creates it.
	admin.SQL().ExecContext(ctx, "CREATE DATABASE "+templateDB) //nolint:errcheck // exists already is fine
	tpl, err := leerlus.Open(ctx, withDatabase(serverURL, templateDB))
	if err != nil {
		return err
	}
	defer tpl.Close()
	_, err = tpl.Migrate(ctx)
	return err
}

// Address returns the address of a fresh, migrated database that lives as
// long as the test: a SQLite file path or a PostgreSQL URL. Open it as often
// as needed, e.g. once per simulated server instance.
func Address(tb testing.TB) string {
	tb.Helper()
	if !Postgres() {
		path := EmptyAddress(tb)
		db := open(tb, path)
		if _, err := db.Migrate(context.Background()); err != nil {
			tb.Fatalf("migrate: %v", err)
		}
		db.Close()
		return path
	}
	return newPostgresDatabase(tb, " TEMPLATE "+templateDB)
}

// EmptyAddress returns the address of a fresh database without any schema,
// for tests that migrate step by step (the upgrade test).
func EmptyAddress(tb testing.TB) string {
	tb.Helper()
	if !Postgres() {
		return filepath.Join(tb.TempDir(), "leerlus.db")
	}
	return newPostgresDatabase(tb, "")
}

// newPostgresDatabase creates a database on the test cluster, copied from
// a template when the clause names one, and drops it after the test.
func newPostgresDatabase(tb testing.TB, templateClause string) string {
	tb.Helper()
	server := os.Getenv(EnvPostgresURL)
	if server == "" {
		tb.Fatal("dbtest: PostgreSQL mode needs dbtest.Main in TestMain")
	}
	admin := open(tb, server)
	defer admin.Close()
	name := "t_" + randomHex(8)
	if _, err := admin.SQL().Exec("CREATE DATABASE " + name + templateClause); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	tb.Cleanup(func() {
		a, err := leerlus.Open(context.Background(), server)
		if err != nil {
			return
		}
		defer a.Close()
		a.SQL().Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") //nolint:errcheck // best effort
	})
	return withDatabase(server, name)
}

// Open returns a handle on a fresh, migrated database, closed after the test.
func Open(tb testing.TB) *leerlus.DB {
	tb.Helper()
	db := open(tb, Address(tb))
	tb.Cleanup(func() { db.Close() })
	return db
}

// OpenAddress opens another handle on a database from Address.
func OpenAddress(tb testing.TB, address string) *leerlus.DB {
	tb.Helper()
	db := open(tb, address)
	tb.Cleanup(func() { db.Close() })
	return db
}

func open(tb testing.TB, address string) *leerlus.DB {
	tb.Helper()
	db, err := leerlus.Open(context.Background(), address)
	if err != nil {
		tb.Fatalf("open database: %v", err)
	}
	return db
}

func withDatabase(serverURL, name string) string {
	u, err := url.Parse(serverURL)
	if err != nil {
		return serverURL
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) //nolint:errcheck // crypto/rand does not fail
	return hex.EncodeToString(b)
}
