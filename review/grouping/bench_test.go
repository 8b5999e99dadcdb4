package grouping_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"leerlus/internal/procstat"
	"leerlus/review/grouping"
)

// synthetic makes n lessons by recombining the clauses of the demo
// lessons: most join two clauses of lessons of one demo group, some of two
// groups, so the set has recurring lessons of every size with noise
// between them. The same n gives the same lessons.
func synthetic(tb testing.TB, n int) []grouping.Lesson {
	tb.Helper()
	set := demoSet(tb)
	byGroup := map[string][]labelled{}
	var groups []string
	for _, l := range set {
		if _, ok := byGroup[l.Group]; !ok {
			groups = append(groups, l.Group)
		}
		byGroup[l.Group] = append(byGroup[l.Group], l)
	}
	slices.Sort(groups)
	clauses := func(text string) []string {
		var out []string
		for _, c := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == ';' || r == ',' }) {
			if c = strings.TrimSpace(c); len(c) > 10 {
				out = append(out, c)
			}
		}
		return out
	}
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	pick := func(g string) labelled { ls := byGroup[g]; return ls[rng.IntN(len(ls))] }
	out := make([]grouping.Lesson, n)
	for i := range out {
		g := groups[rng.IntN(len(groups))]
		a := pick(g)
		if rng.IntN(5) == 0 {
			g = groups[rng.IntN(len(groups))]
		}
		b := pick(g)
		ca, cb := clauses(a.Text), clauses(b.Text)
		text := ca[rng.IntN(len(ca))] + ". " + cb[rng.IntN(len(cb))] + "."
		out[i] = grouping.Lesson{ID: fmt.Sprintf("%08d", i), Text: text, Codes: a.Codes}
	}
	return out
}

func benchSize(b *testing.B) int {
	if s := os.Getenv("LEERLUS_BENCH_GROUPING"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		return n
	}
	return 10000
}

// heapPeak samples the Go heap (live and not yet collected objects) every
// few milliseconds until stopped, and returns its peak in MB.
func heapPeak() (stop func() float64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var top uint64
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			top = max(top, sample[0].Value.Uint64())
			select {
			case <-done:
				peak <- top
				return
			case <-tick.C:
			}
		}
	}()
	return func() float64 {
		close(done)
		return float64(<-peak) / (1 << 20)
	}
}

// BenchmarkFullRecompute groups n synthetic lessons from scratch
// (LEERLUS_BENCH_GROUPING=100000 for the figure in docs/performance.md).
// Besides the time it reports the peak of the Go heap during the run, the
// heap the finished Grouper holds, the peak resident memory of the whole
// test process, the groups found and the lessons in them.
func BenchmarkFullRecompute(b *testing.B) {
	lessons := synthetic(b, benchSize(b))
	runtime.GC()
	var g *grouping.Grouper
	stop := heapPeak()
	cpu := procstat.ProcessCPU()
	for b.Loop() {
		g = grouping.Build(lessons, nil)
	}
	// CPU seconds of the whole process (all cores): on a shared machine
	// this moves less with the load than the wall time does.
	b.ReportMetric((procstat.ProcessCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(stop(), "peakHeap-MB")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heldHeap-MB")
	b.ReportMetric(float64(procstat.PeakRSSKiB())/1024, "peakRSS-MB")
	grouped := 0
	for _, grp := range g.Groups() {
		grouped += len(grp.Members)
	}
	b.ReportMetric(float64(len(g.Groups())), "groups")
	b.ReportMetric(float64(grouped), "grouped")
	largest, edges := grouping.Shape(g)
	b.ReportMetric(float64(largest), "largestComp")
	b.ReportMetric(float64(edges), "edges")
}

// BenchmarkAdd adds one lesson at a time to a grouping of n lessons and
// reports percentiles of the in-memory update: wall time, and the CPU time
// of the thread that ran it.
func BenchmarkAdd(b *testing.B) {
	n := benchSize(b)
	lessons := synthetic(b, n+2000)
	g := grouping.Build(lessons[:n], nil)
	var took, cpu []time.Duration
	i := n
	// One thread, so that its CPU time is the update's (with any garbage
	// collection work it was made to assist): the machine is shared, and
	// wall time also counts the time other processes held the cores.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for b.Loop() {
		l := lessons[i]
		i++
		if i == len(lessons) {
			b.Fatal("out of lessons: use a smaller -benchtime")
		}
		start, startCPU := time.Now(), procstat.ThreadCPU()
		g.Set(l)
		took = append(took, time.Since(start))
		cpu = append(cpu, procstat.ThreadCPU()-startCPU)
	}
	slices.Sort(cpu)
	b.ReportMetric(float64(cpu[len(cpu)*95/100].Microseconds())/1000, "p95-cpu-ms")
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(took[len(took)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(procstat.PeakRSSKiB())/1024, "peakRSS-MB")
}
