package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

type personRequest struct {
	Name     *string `json:"name"`
	IsAdmin  *bool   `json:"is_admin"`
	Disabled *bool   `json:"disabled"`
	Version  int     `json:"version"`
}

func (s *Server) listPeople(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	rows, next, err := s.Policy.ListPeople(c.Request.Context(), c.Query("q"), p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, personBody)
	return nil
}

func (s *Server) patchPerson(c *gin.Context) error {
	var req personRequest
	if !s.decode(c, &req) {
		return nil
	}
	p, err := s.Policy.UpdatePerson(c.Request.Context(), actor(c), c.Param("person"),
		policy.PersonChange{Name: req.Name, IsAdmin: req.IsAdmin, Disabled: req.Disabled, Version: req.Version})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, personBody(*p))
	return nil
}
