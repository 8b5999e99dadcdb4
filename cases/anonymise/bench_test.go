package anonymise

import (
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"leerlus/internal/procstat"
)

// prose returns about 1 MB of Dutch youth-care prose from the labelled sets.
func prose(b *testing.B) string {
	b.Helper()
	var parts []string
	for _, lt := range loadSet(b, "testdata/test.jsonl") {
		parts = append(parts, lt.Text)
	}
	if dev, err := os.Open(devSetPath); err == nil {
		set, _ := ReadJSONL(dev)
		dev.Close()
		for _, lt := range set {
			parts = append(parts, lt.Text)
		}
	}
	one := strings.Join(parts, "\n\n")
	return strings.Repeat(one+"\n\n", 1<<20/len(one)+1)
}

func BenchmarkScan(b *testing.B) {
	s := scanner(b)
	text := prose(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	cpu0 := procstat.ProcessCPU()
	n := 0
	for b.Loop() {
		s.Scan(text)
		n++
	}
	reportCPU(b, cpu0, n*len(text))
}

func reportCPU(b *testing.B, start time.Duration, bytes int) {
	if d := procstat.ProcessCPU() - start; d > 0 {
		b.ReportMetric(float64(bytes)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkScanShort scans texts one by one, as the API does.
func BenchmarkScanShort(b *testing.B) {
	s := scanner(b)
	set := loadSet(b, "testdata/test.jsonl")
	n := 0
	for _, lt := range set {
		n += len(lt.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu0 := procstat.ProcessCPU()
	runs := 0
	for b.Loop() {
		for _, lt := range set {
			s.Scan(lt.Text)
		}
		runs++
	}
	reportCPU(b, cpu0, runs*n)
}

func BenchmarkRedact(b *testing.B) {
	s := scanner(b)
	text := prose(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		s.NewRedactor().Redact(text)
	}
}

// BenchmarkNew measures loading the embedded lists. The heap-MB metric is
// the live heap one Scanner adds.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	b.ReportMetric(float64(m1.HeapAlloc-m0.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(s)
}
