package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Site holds the texts an operator sets for the public pages: privacy
// statement, accessibility statement and contact details, as plain text
// (paragraphs separated by a blank line). An empty text tells the web app
// to show its own default, in the reader's language.
type Site struct {
	PrivacyStatement       string `json:"privacy_statement,omitempty"`
	AccessibilityStatement string `json:"accessibility_statement,omitempty"`
	Contact                string `json:"contact,omitempty"`
}

// getSite answers the operator's texts; anyone may read them, signed in or not.
func (s *Server) getSite(c *gin.Context) error {
	c.Header("Cache-Control", "no-cache")
	writeJSON(c, http.StatusOK, s.Site)
	return nil
}
