package cases_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"leerlus/cases"
)

// Concurrent changes of one case take turns (one writer on SQLite, a row
// lock on PostgreSQL): positions stay a sequence and no scan loses
// another's numbering.
func TestConcurrentChangesOfOneCaseTakeTurns(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	v, err := w.svc.Create(ctx, w.as(w.author), cases.CaseInput{Title: ptr("Een titel")})
	must(t, err)
	names := []string{"Anna Bakker", "Bram de Wit", "Carla Smit", "Daan Visser", "Eva Mulder", "Finn Bos"}
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(names))
	tags := make(chan string, len(names))
	for i, name := range names {
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, err := w.svc.AddEpisode(ctx, w.as(w.author), v.ID, cases.EpisodeInput{Phase: ptr("help"), WhatHappened: ptr(fmt.Sprintf("Gesprek nummer %d met de mentor.", i))})
			errs <- err
		}()
		go func() {
			defer wg.Done()
			fs, err := w.svc.Scan(ctx, w.as(w.author), v.ID, "De moeder belde "+name+".")
			if err == nil && len(fs) == 1 {
				tags <- fs[0].Tag
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	close(tags)
	for err := range errs {
		must(t, err)
	}
	seen := map[string]bool{}
	for tag := range tags {
		if seen[tag] {
			t.Errorf("two people got %s", tag)
		}
		seen[tag] = true
	}
	if len(seen) != len(names) {
		t.Errorf("%d distinct tags for %d names", len(seen), len(names))
	}
	got, err := w.svc.Get(ctx, w.as(w.author), v.ID)
	must(t, err)
	for i, e := range got.Episodes {
		if e.Position != i+1 {
			t.Errorf("positions %v", positions(got.Episodes))
			break
		}
	}
	if len(got.Episodes) != len(names) || got.EpisodeCount != len(names) {
		t.Errorf("%d episodes, count %d", len(got.Episodes), got.EpisodeCount)
	}
	// Every name keeps its tag afterwards: no scan's numbering was lost.
	for _, name := range names {
		fs, err := w.svc.Scan(ctx, w.as(w.author), v.ID, "Later kwam "+name+" weer.")
		must(t, err)
		if len(fs) != 1 || !seen[fs[0].Tag] {
			t.Errorf("%s now gets %+v", name, fs)
		}
	}
}

func positions(es []cases.Episode) []int {
	out := make([]int, len(es))
	for i, e := range es {
		out[i] = e.Position
	}
	return out
}
