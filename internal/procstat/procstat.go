// Package procstat reads what the benchmarks report of the process's
// memory from Linux's /proc: the peak resident set, and resetting it so
// that a peak belongs to the work measured, not to the seeding before it.
package procstat

import (
	"os"
	"strconv"
	"strings"
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
