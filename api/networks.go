package api

import (
	"net/http"

	"leerlus"

	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

type networkRequest struct {
	Name        *string `json:"name"`
	Description *string `json:"description"`
	Version     int     `json:"version"`
}

func (r networkRequest) input() policy.NetworkInput {
	return policy.NetworkInput{Name: r.Name, Description: r.Description, Version: r.Version}
}

func (s *Server) listNetworks(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	rows, next, err := s.Policy.ListNetworks(c.Request.Context(), caller(c), c.Param("workplace"), p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, networkBody)
	return nil
}

func (s *Server) createNetwork(c *gin.Context) error {
	var req networkRequest
	if !s.decode(c, &req) {
		return nil
	}
	if req.Version != 0 {
		return leerlus.Invalid("version", leerlus.FieldNotAllowed, leerlus.Params{"reason": "create"})
	}
	n, err := s.Policy.CreateNetwork(c.Request.Context(), actor(c), c.Param("workplace"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, networkBody(*n))
	return nil
}

func (s *Server) getNetwork(c *gin.Context) error {
	n, err := s.Policy.GetNetwork(c.Request.Context(), access(c).NetworkID)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, networkBody(*n))
	return nil
}

func (s *Server) patchNetwork(c *gin.Context) error {
	var req networkRequest
	if !s.decode(c, &req) {
		return nil
	}
	n, err := s.Policy.UpdateNetwork(c.Request.Context(), actor(c), access(c).NetworkID, req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, networkBody(*n))
	return nil
}
