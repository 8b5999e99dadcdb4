package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/cases"
	"leerlus/review"
)

// search finds published texts in the networks the caller may search.
func (s *Server) search(c *gin.Context) error {
	q, err := searchQuery(c)
	if err != nil {
		return err
	}
	r, err := s.Review.Search(c.Request.Context(), access(c), q)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, searchResultBody(r))
	return nil
}

// searchQuery reads the search's query parameters. networks is a
// comma-separated list of network ids.
func searchQuery(c *gin.Context) (review.SearchQuery, error) {
	q := review.SearchQuery{Q: c.Query("q"), Kind: c.Query("kind"), Outcome: c.Query("outcome"), AgeBand: c.Query("age_band"),
		Service: c.Query("service"), Phase: c.Query("phase"), Perspective: c.Query("perspective"), Code: c.Query("code")}
	if n := c.Query("networks"); n != "" {
		q.Networks = strings.Split(n, ",")
	}
	var err error
	if q.From, err = cases.ParsePeriod("from", c.Query("from")); err != nil {
		return q, err
	}
	if q.To, err = cases.ParsePeriod("to", c.Query("to")); err != nil {
		return q, err
	}
	if l := c.Query("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > review.SearchMaxLimit {
			return q, leerlus.Invalid("limit", leerlus.FieldOutOfRange, leerlus.Params{"min": 1, "max": review.SearchMaxLimit})
		}
		q.Limit = n
	}
	p, err := leerlus.ParsePage("", c.Query("cursor"))
	if err != nil {
		return q, err
	}
	q.Offset, err = review.SearchCursor(p.After)
	return q, err
}
