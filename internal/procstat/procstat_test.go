package procstat

import (
	"runtime"
	"testing"
	"time"
)

// The peak is read where /proc exists, and it covers memory just touched.
func TestPeakRSS(t *testing.T) {
	ClearPeakRSS()
	before := PeakRSSKiB()
	if before <= 0 {
		t.Skip("no /proc/self/status here")
	}
	buf := make([]byte, 64<<20)
	for i := range buf {
		if i%4096 == 0 {
			buf[i] = 1
		}
	}
	if after := PeakRSSKiB(); after < before+60<<10 {
		t.Errorf("peak %d KiB after touching 64 MiB, %d before", after, before)
	}
	_ = buf[len(buf)-1]
}

// Spinning on the calling thread shows in both the thread's and the
// process's CPU time.
func TestCPUTime(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	proc, thread := ProcessCPU(), ThreadCPU()
	if proc <= 0 || thread <= 0 {
		t.Skip("no CPU accounting here")
	}
	x := 0
	for start := time.Now(); time.Since(start) < 300*time.Millisecond; {
		x++
	}
	if d := ThreadCPU() - thread; d < 100*time.Millisecond {
		t.Errorf("thread used %v while spinning 300 ms (%d rounds)", d, x)
	}
	if d := ProcessCPU() - proc; d < 100*time.Millisecond {
		t.Errorf("process used %v while spinning 300 ms", d)
	}
}
