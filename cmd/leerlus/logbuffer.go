package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"sync"
	"time"
)

// The server writes a log line for every request. Written one by one, each
// line is a system call on the request's path (about a tenth of the CPU of
// a short list request in docs/performance.md); buffered, many lines share
// one. As with a web server's buffered access log, lines reach the output
// within logFlushEvery or when the buffer fills; warnings and errors are
// written out at once, and everything is written when the server stops.
const (
	logFlushEvery = 200 * time.Millisecond
	logBufferSize = 64 << 10
)

// logBuffer is a buffered, flushed-on-a-clock writer of log lines, safe for
// concurrent use.
type logBuffer struct {
	mu   sync.Mutex
	out  io.Writer
	w    *bufio.Writer
	stop chan struct{}
	done chan struct{}
}

// newLogBuffer buffers writes to w and flushes every interval until Close.
func newLogBuffer(w io.Writer, every time.Duration) *logBuffer {
	b := &logBuffer{out: w, w: bufio.NewWriterSize(w, logBufferSize), stop: make(chan struct{}), done: make(chan struct{})}
	go b.flushEvery(every)
	return b
}

func (b *logBuffer) flushEvery(every time.Duration) {
	defer close(b.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			b.Flush()
		case <-b.stop:
			b.Flush()
			return
		}
	}
}

// Write keeps p whole in the buffer (a log line is never split between
// two flushes unless it is larger than the buffer).
func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(p) > b.w.Available() && b.w.Buffered() > 0 {
		if err := b.w.Flush(); err != nil {
			return 0, err
		}
	}
	return b.w.Write(p)
}

// Flush writes out what is buffered. A failing output is not retried: the
// lines are dropped rather than kept growing.
func (b *logBuffer) Flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.w.Flush() != nil {
		b.w.Reset(b.out)
	}
}

// Close stops the clock and writes out what is left.
func (b *logBuffer) Close() {
	close(b.stop)
	<-b.done
}

// flushingHandler writes warnings and errors out at once: an operator
// watching the log sees them without delay, and a crash right after one
// does not take it along.
type flushingHandler struct {
	slog.Handler
	buf *logBuffer
}

func (h flushingHandler) Handle(ctx context.Context, r slog.Record) error {
	err := h.Handler.Handle(ctx, r)
	if r.Level >= slog.LevelWarn {
		h.buf.Flush()
	}
	return err
}

func (h flushingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return flushingHandler{h.Handler.WithAttrs(attrs), h.buf}
}

func (h flushingHandler) WithGroup(name string) slog.Handler {
	return flushingHandler{h.Handler.WithGroup(name), h.buf}
}
