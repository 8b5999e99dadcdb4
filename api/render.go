package api

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"leerlus"
)

// writeJSON answers with v as JSON and its length. gin's c.JSON writes
// without a length, and net/http sends every body over 2 KiB chunked
// (a list page, a case): the length spares clients and proxies the chunk
// framing, and lets them see a cut-off body for what it is.
func writeJSON(c *gin.Context, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only an unencodable value (a NaN) gets here: a fault of ours, which
		// the request log shows with the error.
		_ = c.Error(err)
		writeProblem(c, http.StatusInternalServerError, string(leerlus.CodeInternal),
			"Something went wrong on our side. Try again later; quote request id "+requestID(c)+".", nil)
		return
	}
	c.Header("Content-Length", strconv.Itoa(len(b)))
	c.Data(status, "application/json; charset=utf-8", b)
}
