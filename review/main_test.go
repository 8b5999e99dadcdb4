package review_test

import (
	"testing"

	"leerlus/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }
