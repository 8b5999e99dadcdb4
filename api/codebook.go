package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/review"
)

func (s *Server) getCodebook(c *gin.Context) error {
	var usage bool
	switch c.Query("usage") {
	case "", "false":
	case "true":
		usage = true
	default:
		return leerlus.Invalid("usage", leerlus.FieldOneOf, leerlus.Params{"allowed": []string{"true", "false"}})
	}
	cb, err := s.Review.Codebook(c.Request.Context(), access(c), usage)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, codebookBody(cb))
	return nil
}

func (s *Server) createCodebookTheme(c *gin.Context) error {
	var req themeRequest
	if !s.decode(c, &req) {
		return nil
	}
	t, err := s.Review.AddTheme(c.Request.Context(), access(c), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, codebookThemeBody(*t))
	return nil
}

func (s *Server) patchCodebookTheme(c *gin.Context) error {
	var req themeRequest
	if !s.decode(c, &req) {
		return nil
	}
	t, err := s.Review.UpdateTheme(c.Request.Context(), access(c), c.Param("theme"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, codebookThemeBody(*t))
	return nil
}

func (s *Server) createCodebookCode(c *gin.Context) error {
	var req codeRequest
	if !s.decode(c, &req) {
		return nil
	}
	code, err := s.Review.AddCode(c.Request.Context(), access(c), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, codebookCodeBody(*code))
	return nil
}

func (s *Server) patchCodebookCode(c *gin.Context) error {
	var req codeRequest
	if !s.decode(c, &req) {
		return nil
	}
	code, err := s.Review.UpdateCode(c.Request.Context(), access(c), c.Param("code"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, codebookCodeBody(*code))
	return nil
}

func (s *Server) previewCodebookMerge(c *gin.Context) error {
	m, err := s.Review.MergePreview(c.Request.Context(), access(c), c.Param("code"), c.Query("into"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, codeMergeBody(m))
	return nil
}

func (s *Server) mergeCodebookCode(c *gin.Context) error {
	var req mergeRequest
	if !s.decode(c, &req) {
		return nil
	}
	m, err := s.Review.MergeCode(c.Request.Context(), access(c), c.Param("code"), review.MergeInput{Into: req.Into, Version: req.Version})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, codeMergeBody(m))
	return nil
}

func (s *Server) listCodebookHistory(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	rows, next, err := s.Review.History(c.Request.Context(), access(c), review.HistoryFilter{CodeID: c.Query("code")}, p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, codebookChangeBody)
	return nil
}
