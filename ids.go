package leerlus

import (
	"time"

	"github.com/google/uuid"
)

// NewID returns a time-ordered UUID (v7), so that ordering by id is
// ordering by creation, which keeps cursors simple.
func NewID() string {
	return uuid.Must(uuid.NewV7()).String()
}

// ValidID reports whether id has the form of an id this system hands out.
// Ids from clients are checked with it before they reach a query, so a
// malformed id is simply "not found".
func ValidID(id string) bool {
	if len(id) != 36 {
		return false
	}
	u, err := uuid.Parse(id)
	return err == nil && u.String() == id
}

// Clock tells the time. Domain services take one so that tests can fix it.
type Clock func() time.Time

// Now returns the current time in UTC, truncated to microseconds because
// PostgreSQL stores no finer and audit hashes must survive a round trip.
func (c Clock) Now() time.Time {
	if c == nil {
		return time.Now().UTC().Truncate(time.Microsecond)
	}
	return c().UTC().Truncate(time.Microsecond)
}
