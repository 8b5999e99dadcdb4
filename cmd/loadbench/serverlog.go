package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// logSummary is what the server's own log says about the run: answers the
// client may never have seen (a request cut off at the end of a slice
// still runs to its end on the server).
type logSummary struct {
	requests    int
	serverFault int    // request lines with a status of 500 or more
	firstFault  string // the first such line, or the first error line
	errorLines  int    // lines at level ERROR
}

// summariseLog reads the JSON log of the server started in dir.
func summariseLog(dir string) (logSummary, error) {
	f, err := os.Open(filepath.Join(dir, "server.log"))
	if err != nil {
		return logSummary{}, err
	}
	defer f.Close()
	return readLog(f)
}

func readLog(r io.Reader) (logSummary, error) {
	var s logSummary
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		var line struct {
			Level  string `json:"level"`
			Msg    string `json:"msg"`
			Status int    `json:"status"`
		}
		if json.Unmarshal(sc.Bytes(), &line) != nil {
			continue // a line that is not JSON (a panic's trace) is counted by its ERROR line
		}
		if line.Level == "ERROR" {
			s.errorLines++
			if s.firstFault == "" {
				s.firstFault = sc.Text()
			}
		}
		if line.Msg != "request" {
			continue
		}
		s.requests++
		if line.Status >= 500 {
			s.serverFault++
		}
	}
	return s, sc.Err()
}

func (s logSummary) String() string {
	out := fmt.Sprintf("server log: %d requests, %d answered 5xx, %d error lines", s.requests, s.serverFault, s.errorLines)
	if s.firstFault != "" {
		out += "\nfirst error line: " + s.firstFault
	}
	return out
}
