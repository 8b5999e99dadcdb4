package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

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
	// decode has refused bodies over 1 MiB and invalid UTF-8, which is
	// everything anonymise.Check would refuse.
	redacted, findings := s.Scanner.NewRedactor().Redact(req.Text)
	if findings == nil {
		findings = []anonymise.Finding{}
	}
	writeJSON(c, http.StatusOK, ScanBody{Findings: findings, Redacted: redacted})
	return nil
}
