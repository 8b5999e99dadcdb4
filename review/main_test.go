package review

import (
	"testing"

	"leerlus/dbtest"
)

// TestMain starts a throwaway PostgreSQL cluster for LEERLUS_TEST_DB=postgres.
func TestMain(m *testing.M) { dbtest.Main(m) }
