package policy_test

import (
	"errors"
	"testing"

	"leerlus"

	"leerlus/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func errorsAs(err error, target **leerlus.Error) bool { return errors.As(err, target) }
