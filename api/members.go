package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

// PersonRef names a person with their e-mail address.
type PersonRef struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// MembershipBody is a member of a network as facilitators see it.
type MembershipBody struct {
	ID           string             `json:"id"`
	Person       PersonRef          `json:"person"`
	NetworkID    string             `json:"network_id"`
	Role         policy.Role        `json:"role"`
	Perspective  policy.Perspective `json:"perspective"`
	Organisation *Ref               `json:"organisation,omitempty"`
	CreatedAt    time.Time          `json:"created_at"`
	Version      int                `json:"version"`
}

func membershipBody(m policy.Member) MembershipBody {
	return MembershipBody{ID: m.ID, NetworkID: m.NetworkID, Role: m.Role, Perspective: m.Perspective,
		Person:       PersonRef{ID: m.PersonID, Name: m.PersonName, Email: m.PersonEmail},
		Organisation: ref(m.OrganisationID, m.OrganisationName), CreatedAt: m.CreatedAt, Version: m.Version}
}

type membershipRequest struct {
	Role           *policy.Role        `json:"role"`
	Perspective    *policy.Perspective `json:"perspective"`
	OrganisationID *string             `json:"organisation_id"`
	Version        int                 `json:"version"`
}

func (s *Server) listMembers(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	rows, next, err := s.Policy.ListMembers(c.Request.Context(), access(c), p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, membershipBody)
	return nil
}

func (s *Server) patchMember(c *gin.Context) error {
	var req membershipRequest
	if !s.decode(c, &req) {
		return nil
	}
	m, err := s.Policy.UpdateMembership(c.Request.Context(), access(c), c.Param("membership"),
		policy.MembershipChange{Role: req.Role, Perspective: req.Perspective, OrganisationID: req.OrganisationID, Version: req.Version})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, membershipBody(*m))
	return nil
}

func (s *Server) removeMember(c *gin.Context) error {
	if err := s.Policy.RemoveMembership(c.Request.Context(), access(c), c.Param("membership")); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
