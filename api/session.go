package api

import (
	"net/http"
	"time"

	"leerlus"

	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

// SessionBody is the signed-in session as the web app sees it.
type SessionBody struct {
	Person        MeBody    `json:"person"`
	CSRFToken     string    `json:"csrf_token"`
	IdleExpiresAt time.Time `json:"idle_expires_at"`
	ExpiresAt     time.Time `json:"expires_at"`
}

type signInRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (s *Server) signIn(c *gin.Context) error {
	var req signInRequest
	if !s.decode(c, &req) {
		return nil
	}
	device, _ := c.Cookie(DeviceCookie)
	in, err := s.Policy.SignInFrom(c.Request.Context(), policy.SignInAttempt{ClientAddr: c.ClientIP(),
		Email: req.Email, Password: req.Password, Device: device})
	if err != nil {
		return err
	}
	return s.answerNewSession(c, in)
}

// answerNewSession sets the cookies of a new session and of the known
// device, and answers 201.
func (s *Server) answerNewSession(c *gin.Context, in *policy.SignedIn) error {
	// Lifetimes count from the session's start on the service's clock.
	s.setSessionCookie(c, in.Secret, int(in.Session.ExpiresAt.Sub(in.Session.CreatedAt).Seconds()))
	if in.Device != "" {
		s.setDeviceCookie(c, in.Device, int(in.DeviceExpiresAt.Sub(in.Session.CreatedAt).Seconds()))
	}
	body, err := s.sessionBody(c, &in.Session, &policy.Caller{PersonID: in.Person.ID, Email: in.Person.Email,
		Name: in.Person.Name, IsAdmin: in.Person.IsAdmin})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, body)
	return nil
}

func (s *Server) sessionBody(c *gin.Context, sess *policy.Session, who *policy.Caller) (*SessionBody, error) {
	me, err := s.meBody(c, who)
	if err != nil {
		return nil, err
	}
	return &SessionBody{Person: *me, CSRFToken: sess.CSRFToken,
		IdleExpiresAt: sess.IdleExpiresAt(s.Policy.SessionIdle()), ExpiresAt: sess.ExpiresAt}, nil
}

func (s *Server) getSession(c *gin.Context) error {
	sess := session(c)
	if sess == nil {
		return leerlus.Invalid("Authorization", leerlus.FieldNotAllowed, leerlus.Params{"reason": "access_token"})
	}
	body, err := s.sessionBody(c, sess, caller(c))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, body)
	return nil
}

func (s *Server) signOut(c *gin.Context) error {
	secret, _ := c.Cookie(SessionCookie)
	if session(c) == nil {
		return leerlus.Invalid("Authorization", leerlus.FieldNotAllowed, leerlus.Params{"reason": "access_token"})
	}
	if err := s.Policy.SignOut(c.Request.Context(), actor(c), secret); err != nil {
		return err
	}
	s.clearSessionCookie(c)
	c.Status(http.StatusNoContent)
	return nil
}
