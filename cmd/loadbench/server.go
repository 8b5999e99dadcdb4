package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// The demo account the load runs as (see cmd/leerlus/demo.go).
const (
	demoFacilitator = "facilitator@leerlus.demo"
	demoPassword    = "demo-wachtwoord-2026"
)

// server is a leerlus process this command started.
type server struct {
	cmd  *exec.Cmd
	dir  string
	base string // http://127.0.0.1:port
	done chan error

	stopped bool
}

// startServer runs `leerlus serve --demo` on a free loopback port with a
// fresh data directory and waits until it is ready.
func startServer(ctx context.Context, bin, logLevel string) (*server, error) {
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("server binary: %w (build it with make load)", err)
	}
	dir, err := os.MkdirTemp("", "leerlus-load-")
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	logFile, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	cmd := exec.Command(bin, "serve", "--demo", "--addr", addr, "--data-dir", filepath.Join(dir, "data"),
		"--log-format", "json", "--log-level", logLevel)
	cmd.Env = cleanEnv()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		os.RemoveAll(dir)
		return nil, err
	}
	s := &server{cmd: cmd, dir: dir, base: "http://" + addr, done: make(chan error, 1)}
	go func() {
		s.done <- cmd.Wait()
		logFile.Close()
	}()
	if err := s.waitReady(ctx, time.Minute); err != nil {
		s.remove()
		return nil, err
	}
	return s, nil
}

// cleanEnv is this process's environment without LEERLUS_* settings, so
// that the server uses its own fresh SQLite file whatever the shell says.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if len(kv) < 8 || kv[:8] != "LEERLUS_" {
			env = append(env, kv)
		}
	}
	return env
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func (s *server) waitReady(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	client := &http.Client{Timeout: time.Second}
	for time.Now().Before(deadline) {
		select {
		case err := <-s.done:
			s.done <- err
			return fmt.Errorf("server exited while starting (%v); log in %s", err, s.dir)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		resp, err := client.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return errors.New("server not ready within " + limit.String())
}

// stop asks the server to shut down and kills it if it does not within
// 30 s. A second call does nothing.
func (s *server) stop() {
	if s.stopped {
		return
	}
	s.stopped = true
	s.cmd.Process.Signal(os.Interrupt) //nolint:errcheck // it may have exited
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill() //nolint:errcheck // best effort
		<-s.done
	}
}

// remove stops the server and removes its data directory and log.
func (s *server) remove() {
	s.stop()
	os.RemoveAll(s.dir)
}
