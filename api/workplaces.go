package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

type workplaceRequest struct {
	Name        *string `json:"name"`
	Region      *string `json:"region"`
	Description *string `json:"description"`
	Version     int     `json:"version"`
}

func (r workplaceRequest) input() policy.WorkplaceInput {
	return policy.WorkplaceInput{Name: r.Name, Region: r.Region, Description: r.Description, Version: r.Version}
}

func (s *Server) listWorkplaces(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	rows, next, err := s.Policy.ListWorkplaces(c.Request.Context(), p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, same[policy.Workplace])
	return nil
}

func (s *Server) createWorkplace(c *gin.Context) error {
	var req workplaceRequest
	if !s.decode(c, &req) {
		return nil
	}
	if req.Version != 0 {
		return invalid("version", "is not set on create")
	}
	w, err := s.Policy.CreateWorkplace(c.Request.Context(), actor(c), req.input())
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, w)
	return nil
}

func (s *Server) getWorkplace(c *gin.Context) error {
	w, err := s.Policy.GetWorkplace(c.Request.Context(), c.Param("workplace"))
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, w)
	return nil
}

func (s *Server) patchWorkplace(c *gin.Context) error {
	var req workplaceRequest
	if !s.decode(c, &req) {
		return nil
	}
	w, err := s.Policy.UpdateWorkplace(c.Request.Context(), actor(c), c.Param("workplace"), req.input())
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, w)
	return nil
}

type organisationRequest struct {
	Name string                  `json:"name"`
	Kind policy.OrganisationKind `json:"kind"`
}

func (s *Server) listOrganisations(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	rows, next, err := s.Policy.ListOrganisations(c.Request.Context(), c.Param("workplace"), p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, same[policy.Organisation])
	return nil
}

func (s *Server) createOrganisation(c *gin.Context) error {
	var req organisationRequest
	if !s.decode(c, &req) {
		return nil
	}
	o, err := s.Policy.CreateOrganisation(c.Request.Context(), actor(c), c.Param("workplace"),
		policy.NewOrganisation{Name: req.Name, Kind: req.Kind})
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, o)
	return nil
}
