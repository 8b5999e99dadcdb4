package api

import (
	"time"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/policy"
)

func (s *Server) listAudit(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	var v leerlus.Validation
	f := policy.AuditFilter{Action: c.Query("action"), ActorID: c.Query("actor"), NetworkID: c.Query("network")}
	v.Check(len(f.Action) <= 100, "action", "must be at most 100 characters")
	v.Check(f.ActorID == "" || policy.ValidID(f.ActorID), "actor", "must be a person id")
	v.Check(f.NetworkID == "" || policy.ValidID(f.NetworkID), "network", "must be a network id")
	f.From = parseTime(&v, "from", c.Query("from"))
	f.To = parseTime(&v, "to", c.Query("to"))
	if err := v.Err(); err != nil {
		return err
	}
	rows, next, err := s.Policy.ListAudit(c.Request.Context(), f, p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, same[policy.AuditEntry])
	return nil
}

func parseTime(v *leerlus.Validation, field, value string) time.Time {
	if value == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, value)
	v.Check(err == nil, field, "must be a date and time in RFC 3339 form, e.g. 2026-11-01T00:00:00Z")
	return t
}
