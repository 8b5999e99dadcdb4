package review

import (
	"testing"

	"leerlus/dbtest"
)

// TestMain runs the package's tests on SQLite, or on a throwaway
// PostgreSQL cluster with LEERLUS_TEST_DB=postgres.
func TestMain(m *testing.M) { dbtest.Main(m) }
