package procstat

import "testing"

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
