package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

// ResetLinkBody is a new password reset link, with its secret shown once.
type ResetLinkBody struct {
	Token     string    `json:"token"`
	ResetURL  string    `json:"reset_url"`
	ExpiresAt time.Time `json:"expires_at"`
}

// ResetPreviewBody is what an open reset link is for.
type ResetPreviewBody struct {
	Name      string    `json:"name"`
	ExpiresAt time.Time `json:"expires_at"`
}

type resetRequest struct {
	NewPassword string `json:"new_password"`
}

func resetLinkBody(r *policy.IssuedReset) ResetLinkBody {
	return ResetLinkBody{Token: r.Secret, ResetURL: "/wachtwoord-herstellen/" + r.Secret, ExpiresAt: r.Reset.ExpiresAt}
}

func (s *Server) issuePersonReset(c *gin.Context) error {
	r, err := s.Policy.IssuePasswordReset(c.Request.Context(), actor(c), c.Param("person"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, resetLinkBody(r))
	return nil
}

func (s *Server) issueMemberReset(c *gin.Context) error {
	r, err := s.Policy.IssueMemberPasswordReset(c.Request.Context(), access(c), c.Param("membership"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, resetLinkBody(r))
	return nil
}

func (s *Server) inspectReset(c *gin.Context) error {
	p, err := s.Policy.InspectPasswordReset(c.Request.Context(), c.Param("token"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, ResetPreviewBody{Name: p.Name, ExpiresAt: p.ExpiresAt})
	return nil
}

func (s *Server) useReset(c *gin.Context) error {
	var req resetRequest
	if !s.decode(c, &req) {
		return nil
	}
	if err := s.Policy.ResetPassword(c.Request.Context(), c.ClientIP(), c.Param("token"), req.NewPassword); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
