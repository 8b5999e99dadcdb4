package review

import (
	"context"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases/demo"
)

// benchCodedItems is how many coded items the suggestion benchmark's
// network holds: the figure the reflection issue names.
const benchCodedItems = 20_000

// BenchmarkSuggest20k measures Suggest — validation, analysis of the text,
// the two reads and the ranking — in a network whose index holds 20,000
// coded items, and reports p50 and p95. The items are varied Dutch texts
// built from the codebook's examples and the demo cases, indexed through
// indexCoding as the coding use cases do. Seeding takes a while, so it
// runs only when asked: LEERLUS_BENCH_SUGGEST=1 (make bench-suggest).
func BenchmarkSuggest20k(b *testing.B) {
	if os.Getenv("LEERLUS_BENCH_SUGGEST") == "" {
		b.Skip("set LEERLUS_BENCH_SUGGEST=1 (make bench-suggest)")
	}
	w := newSuggestWorld(b)
	w.seed(b)
	codes := w.codes(b)
	sentences := demoSentences(b)
	rng := rand.New(rand.NewPCG(2026, 12))
	started := time.Now()
	const batch = 500
	for done := 0; done < benchCodedItems; done += batch {
		w.tx(b, func(tx *gorm.DB) error {
			for range batch {
				c := codes[skewedIndex(rng, len(codes))]
				if err := indexCoding(tx, w.network, c.ID, benchItem(b, rng, c, codes, sentences), +1); err != nil {
					return err
				}
			}
			return nil
		})
	}
	// Fresh statistics, and on PostgreSQL the visibility map that lets the
	// read of the terms stay an index-only scan: what autovacuum gives a
	// database that grew over time.
	analyze := "ANALYZE"
	if w.db.Dialect == leerlus.Postgres {
		analyze = "VACUUM ANALYZE"
	}
	mustOK(b, w.db.Gorm.Exec(analyze).Error)
	var rows int64
	mustOK(b, w.db.WithContext(context.Background()).Table("code_terms").Where("network_id = ?", w.network).Count(&rows).Error)
	b.Logf("indexed %d coded items (%d index rows) in %.1f s", benchCodedItems, rows, time.Since(started).Seconds())

	// What members type: an item's what and why, from a few words to a
	// few sentences, and the longest text allowed.
	var typed []string
	for i := range 200 {
		n := 1 + i%4
		var sb strings.Builder
		for range n {
			sb.WriteString(sentences[rng.IntN(len(sentences))] + " ")
		}
		typed = append(typed, sb.String())
	}
	var long strings.Builder
	for long.Len() < MaxSuggestText {
		long.WriteString(sentences[rng.IntN(len(sentences))] + " ")
	}
	longText := string([]rune(long.String())[:MaxSuggestText])

	ops := []struct {
		name string
		text func(i int) string
	}{
		{"typing-item", func(i int) string { return typed[i%len(typed)] }},
		{"text-2000-chars", func(int) string { return longText }},
	}
	ctx := context.Background()
	// Each pooled connection prepares the statements on first use.
	for i := range 20 {
		_, err := w.svc.Suggest(ctx, w.access(), typed[i], DefaultSuggestions)
		mustOK(b, err)
	}
	for _, op := range ops {
		b.Run(op.name, func(b *testing.B) {
			var times []time.Duration
			i := 0
			for b.Loop() {
				t0 := time.Now()
				if _, err := w.svc.Suggest(ctx, w.access(), op.text(i), DefaultSuggestions); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
				i++
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}

// skewedIndex picks 0…n-1 with a long tail, as codings spread over a
// codebook: a few codes are used often, most now and then.
func skewedIndex(rng *rand.Rand, n int) int {
	x := rng.ExpFloat64() * float64(n) / 4
	return int(x) % n
}

// benchItem writes a coded item: one of the code's examples, a sentence
// of a demo case, and sometimes another code's example, as items mix
// what happened with why.
func benchItem(b *testing.B, rng *rand.Rand, c Code, codes []Code, sentences []string) string {
	ex := examplesOf(b, c)
	parts := []string{ex[rng.IntN(len(ex))], sentences[rng.IntN(len(sentences))]}
	if rng.IntN(3) == 0 {
		other := examplesOf(b, codes[rng.IntN(len(codes))])
		parts = append(parts, other[rng.IntN(len(other))])
	}
	rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
	return strings.Join(parts, " ")
}

// demoSentences are the sentences of the demo cases' summaries and key
// episodes.
func demoSentences(b *testing.B) []string {
	list, err := demo.Cases()
	mustOK(b, err)
	var out []string
	for _, c := range list {
		texts := []string{c.Summary}
		for _, e := range c.Episodes {
			texts = append(texts, e.WhatHappened)
		}
		for _, t := range texts {
			for _, s := range strings.SplitAfter(t, ". ") {
				if s = strings.TrimSpace(s); len(s) > 20 {
					out = append(out, s)
				}
			}
		}
	}
	if len(out) < 100 {
		b.Fatalf("only %d demo sentences", len(out))
	}
	return out
}
