package review

import (
	"testing"

	"leerlus/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }
