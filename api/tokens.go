package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

// NewTokenBody is a created token with its secret, shown once.
type NewTokenBody struct {
	TokenBody
	Secret string `json:"secret"`
}

type createTokenRequest struct {
	Name          string `json:"name"`
	ExpiresInDays int    `json:"expires_in_days"`
}

func (s *Server) listTokens(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	rows, next, err := s.Policy.ListTokens(c.Request.Context(), caller(c).PersonID, p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, tokenBody)
	return nil
}

func (s *Server) createToken(c *gin.Context) error {
	var req createTokenRequest
	if !s.decode(c, &req) {
		return nil
	}
	t, secret, err := s.Policy.CreateToken(c.Request.Context(), actor(c), policy.NewToken{Name: req.Name, ExpiresInDays: req.ExpiresInDays})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, NewTokenBody{TokenBody: tokenBody(*t), Secret: secret})
	return nil
}

func (s *Server) revokeToken(c *gin.Context) error {
	if err := s.Policy.RevokeToken(c.Request.Context(), actor(c), c.Param("token")); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
