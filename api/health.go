package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// healthz says the process is up; it touches nothing else.
func (s *Server) healthz(c *gin.Context) {
	writeJSON(c, http.StatusOK, gin.H{"status": "ok"})
}

// readyz says the database answers and its schema is current; a load
// balancer sends traffic only to ready instances.
func (s *Server) readyz(c *gin.Context) {
	ctx := c.Request.Context()
	if err := s.DB.Ping(ctx); err != nil {
		writeProblem(c, http.StatusServiceUnavailable, "not_ready", "The database does not answer.", nil)
		return
	}
	applied, latest, err := s.DB.SchemaVersion(ctx)
	if err != nil || applied != latest {
		writeProblem(c, http.StatusServiceUnavailable, "not_ready", "The database schema is not current; run leerlus migrate.", nil)
		return
	}
	writeJSON(c, http.StatusOK, gin.H{"status": "ready", "schema_version": applied})
}
