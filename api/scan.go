package api

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/cases/anonymise"
)

type scanRequest struct {
	Text string `json:"text"`
}

// ScanBody is what the anonymiser found in a text and the text with those
// spans replaced by numbered tags.
type ScanBody struct {
	Findings []anonymise.Finding `json:"findings"`
	Redacted string              `json:"redacted"`
}

// scan lets the web app check a text as people type. Nothing is stored:
// the text lives only for this request.
func (s *Server) scan(c *gin.Context) error {
	var req scanRequest
	if !s.decode(c, &req) {
		return nil
	}
	if err := anonymise.Check(req.Text); err != nil {
		if errors.Is(err, anonymise.ErrTooLarge) {
			writeProblem(c, http.StatusRequestEntityTooLarge, problemTooLarge, "The text is larger than 1 MiB.", nil)
			return nil
		}
		return invalid("text", "is not valid UTF-8")
	}
	if s.Scanner == nil {
		return leerlus.Errorf(leerlus.CodeInternal, "no scanner configured")
	}
	redacted, findings := s.Scanner.NewRedactor().Redact(req.Text)
	if findings == nil {
		findings = []anonymise.Finding{}
	}
	c.JSON(http.StatusOK, ScanBody{Findings: findings, Redacted: redacted})
	return nil
}
