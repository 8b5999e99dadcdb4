package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus/cases"
)

// TermBody is one value of a fixed list with its words.
type TermBody struct {
	Code string `json:"code"`
	NL   string `json:"nl"`
	EN   string `json:"en"`
}

// ListBody is one fixed list of a case.
type ListBody struct {
	Name  string     `json:"name"`
	Terms []TermBody `json:"terms"`
}

// VocabularyBody holds every fixed list of a case.
type VocabularyBody struct {
	Lists []ListBody `json:"lists"`
}

func (s *Server) getCaseVocabulary(c *gin.Context) error {
	var out VocabularyBody
	for _, l := range cases.Vocabulary() {
		lb := ListBody{Name: l.Name, Terms: make([]TermBody, len(l.Terms))}
		for i, t := range l.Terms {
			lb.Terms[i] = TermBody{Code: t.Code, NL: t.NL, EN: t.EN}
		}
		out.Lists = append(out.Lists, lb)
	}
	c.Header("Cache-Control", "private, max-age=3600")
	writeJSON(c, http.StatusOK, out)
	return nil
}
