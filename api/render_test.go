package api

import (
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

func TestWriteJSON(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	for _, tc := range []struct {
		name        string
		value       any
		status      int
		contentType string
		problem     bool // written as a problem, not as an answer
	}{
		{"small", map[string]string{"a": "b"}, http.StatusOK, "application/json; charset=utf-8", false},
		// Over net/http's 2 KiB that it would otherwise send chunked.
		{"a long list page", map[string][]string{"items": strings.Fields(strings.Repeat("lid ", 3000))}, http.StatusOK, "application/json; charset=utf-8", false},
		{"created", []int{1, 2, 3}, http.StatusCreated, "application/json; charset=utf-8", false},
		{"unencodable", map[string]float64{"lift": math.NaN()}, http.StatusInternalServerError, "application/problem+json", false},
		{"a problem with many findings", Problem{Type: problemType("invalid"), Title: "Unprocessable Entity", Status: http.StatusUnprocessableEntity,
			Detail: strings.Repeat("Er staat een naam in de tekst. ", 100)}, http.StatusUnprocessableEntity, "application/problem+json", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c, _ := gin.CreateTestContext(w)
				c.Request = r
				if tc.problem {
					writeProblemBody(c, tc.value.(Problem))
				} else {
					writeJSON(c, tc.status, tc.value)
				}
				c.Writer.WriteHeaderNow()
				if tc.status == http.StatusInternalServerError && len(c.Errors) != 1 {
					t.Errorf("the encoding error is not kept for the request log: %v", c.Errors)
				}
			}))
			defer srv.Close()
			resp, err := http.Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body json.RawMessage
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.status || resp.Header.Get("Content-Type") != tc.contentType {
				t.Errorf("status %d, type %q; want %d, %q", resp.StatusCode, resp.Header.Get("Content-Type"), tc.status, tc.contentType)
			}
			if len(resp.TransferEncoding) > 0 {
				t.Errorf("sent %v, want a length", resp.TransferEncoding)
			}
			if got := resp.Header.Get("Content-Length"); got != strconv.Itoa(len(body)) {
				t.Errorf("Content-Length %q for a body of %d bytes", got, len(body))
			}
		})
	}
}
