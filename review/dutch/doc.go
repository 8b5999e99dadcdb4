// Package dutch analyses Dutch text for matching and search: it splits a
// text into word tokens, normalises them, marks stop words and negations,
// stems them with the Snowball Dutch algorithm and splits compounds against
// a small lexicon of the youth-care field ("thuiszitter" → thuis + zitter).
//
// The stemmer is Martin Porter's Snowball Dutch algorithm as published on
// snowballstem.org (kept there as "dutch_porter" since Snowball 3.0): it is
// the algorithm behind PostgreSQL's `dutch` text-search configuration, so
// stems made here for SQLite agree with PostgreSQL's for the same word.
// The package holds no mutable state; the lexicon and word lists are read
// once and never changed.
package dutch
