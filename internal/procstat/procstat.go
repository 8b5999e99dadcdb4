// Package procstat reads what the benchmarks report of the process from
// Linux: CPU time of the process and of a thread, and the peak resident
// set, with a reset so that a peak belongs to the work measured, not to
// the seeding before it.
package procstat

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ClearPeakRSS resets the process's peak resident set (Linux).
func ClearPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// PeakRSSKiB is the process's peak resident set (VmHWM) in KiB, 0 if
// unknown.
func PeakRSSKiB() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			v, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return v
		}
	}
	return 0
}

// ProcessCPU is the user and system time the process has used. On a
// shared machine the benchmarks report it beside wall time, which mostly
// measures the neighbours.
func ProcessCPU() time.Duration { return rusage(syscall.RUSAGE_SELF) }

// ThreadCPU is the CPU time of the calling OS thread (the caller locks
// itself to its thread; the kernel counts in ticks, so values under a few
// milliseconds are coarse).
func ThreadCPU() time.Duration {
	const rusageThread = 1 // RUSAGE_THREAD, which package syscall does not name
	return rusage(rusageThread)
}

func rusage(who int) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
