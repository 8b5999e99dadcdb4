package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/cases"
	"leerlus/review"
)

// patternFilter reads the filters every pattern query shares. Lists
// (networks, code) may repeat the parameter or separate values by commas.
func patternFilter(c *gin.Context) (review.PatternFilter, error) {
	list := func(name string) []string {
		var out []string
		for _, v := range c.QueryArray(name) {
			for _, x := range strings.Split(v, ",") {
				if x = strings.TrimSpace(x); x != "" {
					out = append(out, x)
				}
			}
		}
		return out
	}
	f := review.PatternFilter{Networks: list("networks"), Outcome: c.Query("outcome"), AgeBand: c.Query("age_band"),
		Service: c.Query("service"), Phase: c.Query("phase"), Perspective: c.Query("perspective"),
		Codes: list("code"), Source: c.Query("source"), Effect: c.Query("effect")}
	var v leerlus.Validation
	var err error
	if f.From, err = cases.ParsePeriod("from", c.Query("from")); err != nil {
		v.Add("from", leerlus.FieldFormat, leerlus.Params{"format": "quarter"})
	}
	if f.To, err = cases.ParsePeriod("to", c.Query("to")); err != nil {
		v.Add("to", leerlus.FieldFormat, leerlus.Params{"format": "quarter"})
	}
	return f, v.Err()
}

func (s *Server) getCodePatterns(c *gin.Context) error {
	f, err := patternFilter(c)
	if err != nil {
		return err
	}
	res, err := s.Review.CodeFrequencies(c.Request.Context(), access(c), f)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, codeFrequenciesBody(res))
	return nil
}

func (s *Server) getCooccurrence(c *gin.Context) error {
	f, err := patternFilter(c)
	if err != nil {
		return err
	}
	res, err := s.Review.Cooccurrence(c.Request.Context(), access(c), f)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, cooccurrenceBody(res))
	return nil
}

func (s *Server) getCrosstab(c *gin.Context) error {
	f, err := patternFilter(c)
	if err != nil {
		return err
	}
	by := c.Query("by")
	if by == "" {
		return leerlus.Invalid("by", leerlus.FieldRequired, nil)
	}
	res, err := s.Review.Crosstab(c.Request.Context(), access(c), f, by)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, crosstabBody(res))
	return nil
}

func (s *Server) getTrends(c *gin.Context) error {
	f, err := patternFilter(c)
	if err != nil {
		return err
	}
	res, err := s.Review.Trends(c.Request.Context(), access(c), f)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, crosstabBody(res))
	return nil
}

func (s *Server) getPerspectiveContrast(c *gin.Context) error {
	f, err := patternFilter(c)
	if err != nil {
		return err
	}
	res, err := s.Review.PerspectiveContrast(c.Request.Context(), access(c), f)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, crosstabBody(res))
	return nil
}
