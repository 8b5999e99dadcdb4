package api

import (
	"net/http"
	"time"

	"leerlus"

	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

// InvitationBody is an invitation as facilitators see it.
type InvitationBody struct {
	ID             string                  `json:"id"`
	Email          string                  `json:"email"`
	Role           policy.Role             `json:"role"`
	Perspective    policy.Perspective      `json:"perspective"`
	OrganisationID *string                 `json:"organisation_id,omitempty"`
	Status         policy.InvitationStatus `json:"status"`
	ExpiresAt      time.Time               `json:"expires_at"`
	CreatedAt      time.Time               `json:"created_at"`
}

// NewInvitationBody is a created invitation with its link, shown once.
type NewInvitationBody struct {
	InvitationBody
	Token     string `json:"token"`
	AcceptURL string `json:"accept_url"`
}

// InvitationTokenBody is what an invitation link offers.
type InvitationTokenBody struct {
	Network       Ref                `json:"network"`
	Workplace     Ref                `json:"workplace"`
	Email         string             `json:"email"`
	Role          policy.Role        `json:"role"`
	Perspective   policy.Perspective `json:"perspective"`
	AccountExists bool               `json:"account_exists"`
	ExpiresAt     time.Time          `json:"expires_at"`
}

func (s *Server) invitationBody(i policy.Invitation) InvitationBody {
	return InvitationBody{ID: i.ID, Email: i.Email, Role: i.Role, Perspective: i.Perspective, OrganisationID: i.OrganisationID,
		Status: i.Status(s.Policy.Now()), ExpiresAt: i.ExpiresAt, CreatedAt: i.CreatedAt}
}

type invitationRequest struct {
	Email          string             `json:"email"`
	Role           policy.Role        `json:"role"`
	Perspective    policy.Perspective `json:"perspective"`
	OrganisationID *string            `json:"organisation_id"`
}

func (s *Server) listInvitations(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	rows, next, err := s.Policy.ListInvitations(c.Request.Context(), access(c), p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, s.invitationBody)
	return nil
}

func (s *Server) createInvitation(c *gin.Context) error {
	var req invitationRequest
	if !s.decode(c, &req) {
		return nil
	}
	inv, token, err := s.Policy.CreateInvitation(c.Request.Context(), access(c), policy.NewInvitation{
		Email: req.Email, Role: req.Role, Perspective: req.Perspective, OrganisationID: req.OrganisationID})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, NewInvitationBody{InvitationBody: s.invitationBody(*inv), Token: token, AcceptURL: "/uitnodiging/" + token})
	return nil
}

func (s *Server) withdrawInvitation(c *gin.Context) error {
	if err := s.Policy.WithdrawInvitation(c.Request.Context(), access(c), c.Param("invitation")); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

func (s *Server) inspectInvitation(c *gin.Context) error {
	d, err := s.Policy.InspectInvitation(c.Request.Context(), c.Param("token"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, InvitationTokenBody{
		Network: Ref{ID: d.Network.ID, Name: d.Network.Name}, Workplace: Ref{ID: d.Workplace.ID, Name: d.Workplace.Name},
		Email: d.Invitation.Email, Role: d.Invitation.Role, Perspective: d.Invitation.Perspective,
		AccountExists: d.AccountExists, ExpiresAt: d.Invitation.ExpiresAt})
	return nil
}

type acceptRequest struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

func (s *Server) acceptInvitation(c *gin.Context) error {
	var req acceptRequest
	if !s.decode(c, &req) {
		return nil
	}
	who := caller(c)
	if who != nil && session(c) == nil {
		return leerlus.Invalid("Authorization", leerlus.FieldNotAllowed, leerlus.Params{"reason": "access_token"})
	}
	in, err := s.Policy.AcceptInvitation(c.Request.Context(), c.Param("token"), policy.Acceptance{
		Caller: who, Name: req.Name, Password: req.Password, ClientAddr: c.ClientIP()})
	if err != nil {
		return err
	}
	if in != nil {
		return s.answerNewSession(c, in)
	}
	body, err := s.sessionBody(c, session(c), who)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, body)
	return nil
}
