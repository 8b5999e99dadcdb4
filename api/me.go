package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus/policy"
)

// Ref names another object by id and name.
type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// NetworkRef names a network and its workplace.
type NetworkRef struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	WorkplaceID   string `json:"workplace_id"`
	WorkplaceName string `json:"workplace_name"`
}

// MyMembershipBody is one of the caller's memberships.
type MyMembershipBody struct {
	ID           string             `json:"id"`
	Network      NetworkRef         `json:"network"`
	Role         policy.Role        `json:"role"`
	Perspective  policy.Perspective `json:"perspective"`
	Organisation *Ref               `json:"organisation,omitempty"`
	// Permissions are what the caller may do in this network; the web app
	// shows its buttons from them instead of re-deriving the rules.
	Permissions []policy.Permission `json:"permissions"`
}

// MeBody is the signed-in person with their memberships.
type MeBody struct {
	ID          string             `json:"id"`
	Email       string             `json:"email"`
	Name        string             `json:"name"`
	IsAdmin     bool               `json:"is_admin"`
	Memberships []MyMembershipBody `json:"memberships"`
	// Permissions are what the caller may do outside any network (the
	// system administration of admins, their own account).
	Permissions []policy.Permission `json:"permissions"`
	// EveryNetworkPermissions are what the caller may do in every network,
	// also where they hold no role (a system administrator runs any
	// network's people and invitations).
	EveryNetworkPermissions []policy.Permission `json:"every_network_permissions"`
}

func ref(id, name *string) *Ref {
	if id == nil {
		return nil
	}
	r := &Ref{ID: *id}
	if name != nil {
		r.Name = *name
	}
	return r
}

func (s *Server) meBody(c *gin.Context, who *policy.Caller) (*MeBody, error) {
	ms, err := s.Policy.MyMemberships(c.Request.Context(), who.PersonID)
	if err != nil {
		return nil, err
	}
	out := &MeBody{ID: who.PersonID, Email: who.Email, Name: who.Name, IsAdmin: who.IsAdmin,
		Memberships:             make([]MyMembershipBody, len(ms)),
		Permissions:             s.authz.Permitted(who.Subjects(""), s.globalPermissions),
		EveryNetworkPermissions: s.authz.Permitted(who.Subjects(""), s.networkPermissions)}
	for i, m := range ms {
		out.Memberships[i] = MyMembershipBody{ID: m.ID, Role: m.Role, Perspective: m.Perspective,
			Network:      NetworkRef{ID: m.NetworkID, Name: m.NetworkName, WorkplaceID: m.WorkplaceID, WorkplaceName: m.WorkplaceName},
			Organisation: ref(m.OrganisationID, m.OrganisationName),
			Permissions:  s.authz.Permitted(who.Subjects(m.Role), s.networkPermissions)}
	}
	return out, nil
}

func (s *Server) getMe(c *gin.Context) error {
	return s.getMeAs(c, caller(c))
}

type patchMeRequest struct {
	Name string `json:"name"`
}

func (s *Server) patchMe(c *gin.Context) error {
	var req patchMeRequest
	if !s.decode(c, &req) {
		return nil
	}
	p, err := s.Policy.ChangeName(c.Request.Context(), actor(c), req.Name)
	if err != nil {
		return err
	}
	who := *caller(c)
	who.Name = p.Name
	return s.getMeAs(c, &who)
}

func (s *Server) getMeAs(c *gin.Context, who *policy.Caller) error {
	body, err := s.meBody(c, who)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, body)
	return nil
}

type passwordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

func (s *Server) putPassword(c *gin.Context) error {
	var req passwordRequest
	if !s.decode(c, &req) {
		return nil
	}
	keep := ""
	if secret, err := c.Cookie(SessionCookie); err == nil && session(c) != nil {
		keep = policy.SessionHash(secret)
	}
	if err := s.Policy.ChangePassword(c.Request.Context(), actor(c), keep, req.CurrentPassword, req.NewPassword); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
