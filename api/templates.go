package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/review"
)

func (s *Server) getTemplate(c *gin.Context) error {
	t, err := s.Review.CurrentTemplate(c.Request.Context(), access(c))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, templateBody(t))
	return nil
}

func (s *Server) listTemplates(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	rows, next, err := s.Review.TemplateVersions(c.Request.Context(), access(c), p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, templateSummaryBody)
	return nil
}

func (s *Server) getTemplateVersion(c *gin.Context) error {
	// A version that is not a positive number names no version: 404, as
	// an unknown id would.
	v, err := strconv.Atoi(c.Param("version"))
	if err != nil || v < 1 {
		return leerlus.NotFound("template version")
	}
	t, err := s.Review.TemplateVersion(c.Request.Context(), access(c), v)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, templateBody(t))
	return nil
}

func (s *Server) createTemplate(c *gin.Context) error {
	var req templateRequest
	if !s.decode(c, &req) {
		return nil
	}
	if req.Definition == nil {
		var v leerlus.Validation
		v.Check(req.BasedOn >= 1, "based_on", leerlus.FieldRequired, nil)
		v.Add("definition", leerlus.FieldRequired, nil)
		return v.Err()
	}
	t, err := s.Review.SaveTemplate(c.Request.Context(), access(c), review.TemplateInput{
		Definition: req.Definition.definition(), BasedOn: req.BasedOn, Decisions: decisions(req.Dismissed, req.Confirmed)})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, templateBody(t))
	return nil
}
