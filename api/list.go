package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus"
)

// List is the body of every list response.
type List[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// page reads the limit and cursor query parameters.
func page(c *gin.Context) (leerlus.Page, error) {
	return leerlus.ParsePage(c.Query("limit"), c.Query("cursor"))
}

// writeList answers with one page of items, mapped to their API shape.
func writeList[D, T any](c *gin.Context, rows []D, next string, shape func(D) T) {
	items := make([]T, len(rows))
	for i, r := range rows {
		items[i] = shape(r)
	}
	writeJSON(c, http.StatusOK, List[T]{Items: items, NextCursor: leerlus.Cursor(next)})
}
