package api

import (
	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

func (s *Server) listAudit(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	q := policy.AuditQuery{Action: c.Query("action"), ActorID: c.Query("actor"), Network: c.Query("network"),
		From: c.Query("from"), To: c.Query("to")}
	rows, next, err := s.Policy.ListAudit(c.Request.Context(), q, p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, auditEntryBody)
	return nil
}
