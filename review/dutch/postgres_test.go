package dutch

import (
	"context"
	"sort"
	"testing"

	"leerlus/cases/demo"
	"leerlus/dbtest"
	"leerlus/review/defaults"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// TestStemAgreesWithPostgres stems every word of the default codebook and
// the demo cases here and with PostgreSQL's Snowball Dutch dictionary
// (dutch_stem, behind the `dutch` configuration), and expects the same
// stem: full-text search on SQLite feeds its index with Stem, on
// PostgreSQL with the server's stemmer, and the two must find the same
// texts. It runs in the PostgreSQL suite (LEERLUS_TEST_DB=postgres).
func TestStemAgreesWithPostgres(t *testing.T) {
	if !dbtest.Postgres() {
		t.Skip("needs PostgreSQL (LEERLUS_TEST_DB=postgres)")
	}
	words := map[string]bool{}
	add := func(text string) {
		for _, tok := range Tokens(text) {
			if tok.Content() {
				words[tok.Norm] = true
			}
		}
	}
	cb, err := defaults.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range cb.Themes {
		add(th.NL + " " + th.DescriptionNL)
		for _, c := range th.Codes {
			add(c.NL + " " + c.DescriptionNL)
			for _, e := range c.Examples {
				add(e)
			}
		}
	}
	list, err := demo.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		add(c.Title + " " + c.Summary)
		for _, e := range c.Episodes {
			add(e.WhatHappened)
		}
	}
	sorted := make([]string, 0, len(words))
	for w := range words {
		sorted = append(sorted, w)
	}
	sort.Strings(sorted)
	db := dbtest.Open(t)
	ctx := context.Background()
	compared := 0
	for _, w := range sorted {
		var stem *string
		// dutch_stem answers an empty array for its own stop words.
		if err := db.SQL().QueryRowContext(ctx, "SELECT (ts_lexize('dutch_stem', $1))[1]", w).Scan(&stem); err != nil {
			t.Fatal(err)
		}
		if stem == nil {
			continue
		}
		compared++
		if got := Stem(w); got != *stem {
			t.Errorf("Stem(%q) = %q, PostgreSQL says %q", w, got, *stem)
		}
	}
	if compared < 500 {
		t.Fatalf("compared only %d words; the texts hold more", compared)
	}
	t.Logf("%d words stem alike on PostgreSQL", compared)
}
