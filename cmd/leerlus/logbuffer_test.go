package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is an output the flushing goroutine and the test share.
type lockedBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
	// split counts writes that end inside a line.
	split int
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes++
	if len(p) > 0 && p[len(p)-1] != '\n' {
		l.split++
	}
	return l.b.Write(p)
}

func (l *lockedBuffer) read() (string, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String(), l.writes
}

func TestLogBuffer(t *testing.T) {
	tests := []struct {
		name  string
		level slog.Level
		// immediate: the line is out before any flush of the clock.
		immediate bool
	}{
		{"info waits for the clock", slog.LevelInfo, false},
		{"warning is written at once", slog.LevelWarn, true},
		{"error is written at once", slog.LevelError, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := &lockedBuffer{}
			// A clock that does not tick during the test.
			buf := newLogBuffer(out, time.Hour)
			log := slog.New(flushingHandler{slog.NewJSONHandler(buf, nil), buf}).With("server", "test")
			log.Info("request one")
			log.Info("request two")
			log.Log(context.Background(), tt.level, "the line")
			got, writes := out.read()
			if tt.immediate != strings.Contains(got, "the line") {
				t.Fatalf("after the line: %q", got)
			}
			if tt.immediate && writes != 1 {
				t.Errorf("%d writes for three lines, want 1", writes)
			}
			buf.Close()
			got, _ = out.read()
			if n := strings.Count(got, "\n"); n != 3 || !strings.Contains(got, `"server":"test"`) {
				t.Errorf("after close, %d lines: %q", n, got)
			}
		})
	}
}

func TestLogBufferFlushesOnTheClock(t *testing.T) {
	out := &lockedBuffer{}
	buf := newLogBuffer(out, 5*time.Millisecond)
	defer buf.Close()
	buf.Write([]byte("a line\n")) //nolint:errcheck // the buffer does not fail
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if got, _ := out.read(); got == "a line\n" {
			return
		}
	}
	t.Fatal("the clock never flushed the line")
}

// A line never straddles two writes to the output: a line that does not
// fit in what is left of the buffer first flushes what is there.
func TestLogBufferKeepsLinesWhole(t *testing.T) {
	out := &lockedBuffer{}
	buf := newLogBuffer(out, time.Hour)
	line := strings.Repeat("x", logBufferSize/3) + "\n"
	for range 7 {
		buf.Write([]byte(line)) //nolint:errcheck // the buffer does not fail
	}
	buf.Close()
	got, writes := out.read()
	if got != strings.Repeat(line, 7) {
		t.Fatalf("output is not the seven lines (%d bytes)", len(got))
	}
	if writes < 3 {
		t.Errorf("%d writes: the buffer holds at most two such lines", writes)
	}
	if out.split != 0 {
		t.Errorf("%d of %d writes ended inside a line", out.split, writes)
	}
}
