package review

import (
	"context"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/internal/procstat"
)

// BenchmarkRegroup measures the server's regrouping of one network with
// the database included: a full recompute (read every groupable lesson,
// group, write every group) and adding one lesson to a kept grouping
// (read it, update the grouping, write the groups it touched, in one
// transaction). LEERLUS_BENCH_REGROUP=N sets the lessons (make
// bench-regroup); it is skipped without it. A full recompute reports its
// wall time, the peak Go heap and the peak resident set of the process
// while it ran (VmHWM, reset before each).
func BenchmarkRegroup(b *testing.B) {
	n, err := strconv.Atoi(os.Getenv("LEERLUS_BENCH_REGROUP"))
	if err != nil || n < 100 {
		b.Skip("set LEERLUS_BENCH_REGROUP to the number of lessons (make bench-regroup)")
	}
	w := newLessonWorld(b)
	texts := demoLessonTexts(b)
	r := &regroupBench{db: w.db, svc: w.svc, network: w.network, texts: texts, rng: rand.New(rand.NewPCG(2026, 11))}
	// A case for every 200 lessons, at least 20, each with a parent's
	// and a professional's published reflection.
	started := time.Now()
	for i := 0; i < max(20, n/200); i++ {
		c := w.publishedCase(w.network, "Traject "+strconv.Itoa(i))
		for _, a := range []string{w.author, w.author2} {
			id := w.reflection(c, a, "ouder", StatusPublished)
			r.refl = append(r.refl, Reflection{ID: id, CaseID: c, Perspective: "ouder"})
		}
	}
	r.insertLessons(b, n)
	b.Logf("seeded %d lessons on %d reflections in %.1f s", n, len(r.refl), time.Since(started).Seconds())
	ctx := context.Background()

	// The first recompute writes every group (and proposes an action for
	// each recurring lesson); the later ones find them stored and write
	// what differs, as an operator's recompute of a grouped network does.
	var first time.Duration
	var later []time.Duration // the recomputes after the first
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			var took time.Duration
			// Memory freed before (the seeding's) goes back to the system
			// first, so that the peak is the recompute's.
			debug.FreeOSMemory()
			procstat.ClearPeakRSS()
			peak := peakHeap(func() {
				t0 := time.Now()
				// A fresh service keeps nothing: the full path, as after a
				// restart or another instance's write.
				fresh := NewService(w.db, w.svc.now, w.svc.audit, w.cases)
				mustOK(b, fresh.Regroup(ctx, w.network))
				took = time.Since(t0)
			})
			if first == 0 {
				first = took
			} else {
				later = append(later, took)
			}
			b.ReportMetric(first.Seconds(), "first-s")
			b.ReportMetric(took.Seconds(), "s")
			if len(later) > 0 {
				sorted := slices.Sorted(slices.Values(later))
				b.ReportMetric(sorted[len(sorted)/2].Seconds(), "median-later-s")
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			b.ReportMetric(float64(procstat.PeakRSSKiB())/1024, "peak-RSS-MB")
		}
		var groups int64
		mustOK(b, w.db.Gorm.Model(&LessonGroup{}).Where("network_id = ? AND lesson_count > 0", w.network).Count(&groups).Error)
		b.Logf("%d lessons in %d groups", n, groups)
	})

	b.Run("add-one", func(b *testing.B) {
		// The kept grouping of w.svc is built once, as a running server has it.
		mustOK(b, w.svc.Regroup(ctx, w.network))
		var times, cpu []time.Duration
		// One thread, so that its CPU time is the add's own (with SQLite,
		// which runs on the calling thread; PostgreSQL's share is in the
		// server's processes): on a shared machine the wall time also
		// counts the time other processes held the cores.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for b.Loop() {
			b.StopTimer()
			id := r.insertLessons(b, 1)
			b.StartTimer()
			t0, c0 := time.Now(), procstat.ThreadCPU()
			mustOK(b, w.db.InTx(ctx, func(tx *gorm.DB) error {
				return w.svc.regroup(tx, w.network, groupingChange{lessons: id}, w.svc.now.Now())
			}))
			times = append(times, time.Since(t0))
			cpu = append(cpu, procstat.ThreadCPU()-c0)
		}
		slices.Sort(times)
		slices.Sort(cpu)
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
		b.ReportMetric(float64(cpu[len(cpu)/2].Microseconds())/1000, "p50-cpu-ms")
		b.ReportMetric(float64(cpu[len(cpu)*95/100].Microseconds())/1000, "p95-cpu-ms")
		if builds := w.svc.groupings.builds.Load(); builds > 1 {
			b.Errorf("%d full builds while adding lessons: the kept grouping was not used", builds)
		}
	})
}

// regroupBench is the world of BenchmarkRegroup: one network with many
// published lessons on a few hundred cases.
type regroupBench struct {
	db      *leerlus.DB
	svc     *Service
	network string
	refl    []Reflection
	texts   []string
	rng     *rand.Rand
}

// lessonText makes a varied lesson from the demo's: the first half of one
// and the second half of another, so that texts repeat as little as
// lessons written by many people do.
func (r *regroupBench) lessonText() string {
	a, c := r.texts[r.rng.IntN(len(r.texts))], r.texts[r.rng.IntN(len(r.texts))]
	aw, cw := strings.Fields(a), strings.Fields(c)
	return strings.Join(aw[:max(1, len(aw)/2)], " ") + " " + strings.Join(cw[len(cw)/2:], " ")
}

func (r *regroupBench) insertLessons(b *testing.B, n int) []string {
	b.Helper()
	now := time.Now().UTC()
	ids := make([]string, 0, n)
	rows := make([]Lesson, 0, 1000)
	flush := func() {
		if len(rows) > 0 {
			mustOK(b, r.db.Gorm.CreateInBatches(rows, 100).Error)
			rows = rows[:0]
		}
	}
	for i := 0; i < n; i++ {
		refl := r.refl[r.rng.IntN(len(r.refl))]
		l := Lesson{ID: leerlus.NewID(), NetworkID: r.network, CaseID: refl.CaseID, ReflectionID: &refl.ID, Perspective: refl.Perspective,
			Position: i + 1, Statement: r.lessonText(), Status: LessonProposed, CreatedAt: now, UpdatedAt: now, Version: 1}
		rows = append(rows, l)
		ids = append(ids, l.ID)
		if len(rows) == cap(rows) {
			flush()
		}
	}
	flush()
	return ids
}

// peakHeap samples the Go heap (live and not yet collected objects) while
// f runs and returns its highest size. It reads runtime/metrics, which
// does not stop the world: runtime.ReadMemStats every few milliseconds
// did, and on a loaded machine those pauses stretched the recompute.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	<-sampled
	return peak.Load()
}
