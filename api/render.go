package api

import (
	"encoding/json"
	"strconv"

	"github.com/gin-gonic/gin"
)

// writeJSON answers with v as JSON.
func writeJSON(c *gin.Context, status int, v any) {
	writeBody(c, status, "application/json; charset=utf-8", v)
}

// writeBody answers with v encoded as JSON and its length. gin's c.JSON
// writes without a length, and net/http sends every body over 2 KiB
// chunked (a list page, a case, a problem with many findings): the length
// spares clients and proxies the chunk framing, and lets them see a
// cut-off body for what it is.
func writeBody(c *gin.Context, status int, contentType string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only an unencodable value (a NaN) gets here: a fault of ours, which
		// the request log shows with the error. The generic problem itself
		// always encodes.
		_ = c.Error(err)
		writeInternalProblem(c)
		return
	}
	c.Header("Content-Length", strconv.Itoa(len(b)))
	c.Data(status, contentType, b)
}
