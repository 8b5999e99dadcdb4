package api

import (
	"net/http"

	"leerlus"

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
	writeList(c, rows, next, workplaceBody)
	return nil
}

func (s *Server) createWorkplace(c *gin.Context) error {
	var req workplaceRequest
	if !s.decode(c, &req) {
		return nil
	}
	if req.Version != 0 {
		return leerlus.Invalid("version", leerlus.FieldNotAllowed, leerlus.Params{"reason": "create"})
	}
	w, err := s.Policy.CreateWorkplace(c.Request.Context(), actor(c), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, workplaceBody(*w))
	return nil
}

func (s *Server) getWorkplace(c *gin.Context) error {
	w, err := s.Policy.GetWorkplace(c.Request.Context(), c.Param("workplace"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, workplaceBody(*w))
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
	writeJSON(c, http.StatusOK, workplaceBody(*w))
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
	writeList(c, rows, next, organisationBody)
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
	writeJSON(c, http.StatusCreated, organisationBody(*o))
	return nil
}

type organisationChangeRequest struct {
	Name    *string                  `json:"name"`
	Kind    *policy.OrganisationKind `json:"kind"`
	Retired *bool                    `json:"retired"`
	Version int                      `json:"version"`
}

func (s *Server) patchOrganisation(c *gin.Context) error {
	var req organisationChangeRequest
	if !s.decode(c, &req) {
		return nil
	}
	o, err := s.Policy.UpdateOrganisation(c.Request.Context(), actor(c), c.Param("workplace"), c.Param("organisation"),
		policy.OrganisationChange{Name: req.Name, Kind: req.Kind, Retired: req.Retired, Version: req.Version})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, organisationBody(*o))
	return nil
}
