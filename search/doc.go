// Package search keeps the full-text index of published, anonymised texts
// and turns words into the terms it holds. Both engines find the same
// texts: SQLite indexes Snowball Dutch stems made here in Go, PostgreSQL
// stems with its `dutch` configuration (the same algorithm, checked in
// review/dutch), and on both the parts of a compound are indexed too, so
// that "thuiszitten" finds "thuiszitter" (thuis + zit).
//
// The index holds a case's texts only while the case is published or
// archived: IndexCase rewrites a case's rows from the database inside the
// transaction of every use case that publishes, corrects, archives or
// curates something of it, and Reindex rebuilds them all. Queries live in
// package review (review/search_*.go).
package search
