package main

import (
	"strings"
	"testing"
)

func TestReadLog(t *testing.T) {
	for _, tc := range []struct {
		name                         string
		log                          string
		requests, faults, errorLines int
		first                        string
	}{
		{"empty", "", 0, 0, 0, ""},
		{"clean run", `{"level":"INFO","msg":"request","status":200}
{"level":"INFO","msg":"request","status":499}
{"level":"INFO","msg":"server stopped"}
`, 2, 0, 0, ""},
		{"a fault", `{"level":"INFO","msg":"request","status":200}
{"level":"ERROR","msg":"internal error","error":"boom"}
{"level":"ERROR","msg":"request","status":500}
panic: not json
`, 2, 1, 2, `{"level":"ERROR","msg":"internal error","error":"boom"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readLog(strings.NewReader(tc.log))
			if err != nil {
				t.Fatal(err)
			}
			if s.requests != tc.requests || s.serverFault != tc.faults || s.errorLines != tc.errorLines || s.firstFault != tc.first {
				t.Errorf("got %+v, want %d requests, %d faults, %d error lines, first %q", s, tc.requests, tc.faults, tc.errorLines, tc.first)
			}
		})
	}
}
