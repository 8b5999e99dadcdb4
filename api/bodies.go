package api

import (
	"time"

	"leerlus"
	"leerlus/policy"
)

// The response bodies of the foundation's objects. Every response is an
// explicit body type built field by field from the domain type, so that a
// column added to a table never reaches a client by accident.

// WorkplaceBody is a knowledge workplace.
type WorkplaceBody struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Region      string    `json:"region"`
	Description string    `json:"description"`
	CreatedAt   time.Time `json:"created_at"`
	Version     int       `json:"version"`
}

func workplaceBody(w policy.Workplace) WorkplaceBody {
	return WorkplaceBody{ID: w.ID, Name: w.Name, Region: w.Region, Description: w.Description, CreatedAt: w.CreatedAt, Version: w.Version}
}

// OrganisationBody is a partner organisation of a workplace.
type OrganisationBody struct {
	ID          string                  `json:"id"`
	WorkplaceID string                  `json:"workplace_id"`
	Name        string                  `json:"name"`
	Kind        policy.OrganisationKind `json:"kind"`
	CreatedAt   time.Time               `json:"created_at"`
	RetiredAt   *time.Time              `json:"retired_at,omitempty"`
	Version     int                     `json:"version"`
}

func organisationBody(o policy.Organisation) OrganisationBody {
	return OrganisationBody{ID: o.ID, WorkplaceID: o.WorkplaceID, Name: o.Name, Kind: o.Kind, CreatedAt: o.CreatedAt,
		RetiredAt: o.RetiredAt, Version: o.Version}
}

// NetworkBody is a learning network.
type NetworkBody struct {
	ID          string    `json:"id"`
	WorkplaceID string    `json:"workplace_id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	CreatedAt   time.Time `json:"created_at"`
	Version     int       `json:"version"`
}

func networkBody(n policy.Network) NetworkBody {
	return NetworkBody{ID: n.ID, WorkplaceID: n.WorkplaceID, Name: n.Name, Description: n.Description, CreatedAt: n.CreatedAt, Version: n.Version}
}

// PersonBody is an account as administrators see it.
type PersonBody struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	IsAdmin   bool      `json:"is_admin"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
	Version   int       `json:"version"`
}

func personBody(p policy.Person) PersonBody {
	return PersonBody{ID: p.ID, Email: p.Email, Name: p.Name, IsAdmin: p.IsAdmin, Disabled: p.Disabled, CreatedAt: p.CreatedAt, Version: p.Version}
}

// TokenBody is a personal access token, without its secret.
type TokenBody struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  time.Time  `json:"expires_at"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
}

func tokenBody(t policy.AccessToken) TokenBody {
	return TokenBody{ID: t.ID, Name: t.Name, CreatedAt: t.CreatedAt, ExpiresAt: t.ExpiresAt, LastUsedAt: t.LastUsedAt, RevokedAt: t.RevokedAt}
}

// AuditEntryBody is one audit log entry with the names of who and what it
// is about (empty when they no longer exist).
type AuditEntryBody struct {
	Seq         int64              `json:"seq"`
	At          time.Time          `json:"at"`
	ActorID     *string            `json:"actor_id,omitempty"`
	ActorName   string             `json:"actor_name,omitempty"`
	Action      policy.AuditAction `json:"action"`
	ObjectType  string             `json:"object_type"`
	ObjectID    *string            `json:"object_id,omitempty"`
	ObjectName  string             `json:"object_name,omitempty"`
	NetworkID   *string            `json:"network_id,omitempty"`
	NetworkName string             `json:"network_name,omitempty"`
	Outcome     policy.Outcome     `json:"outcome"`
	ClientAddr  string             `json:"client_addr"`
	Detail      string             `json:"detail,omitempty"`
}

func auditEntryBody(r policy.AuditRecord) AuditEntryBody {
	return AuditEntryBody{Seq: r.Seq, At: r.At, ActorID: r.ActorID, ActorName: r.ActorName, Action: r.Action,
		ObjectType: r.ObjectType, ObjectID: r.ObjectID, ObjectName: r.ObjectName, NetworkID: r.NetworkID,
		NetworkName: r.NetworkName, Outcome: r.Outcome, ClientAddr: r.ClientAddr, Detail: r.Detail}
}

// FieldErrorBody is one refused field in a problem body: a stable code
// with its params for clients to translate, and an English message.
type FieldErrorBody struct {
	Field   string            `json:"field"`
	Code    leerlus.FieldCode `json:"code"`
	Params  leerlus.Params    `json:"params,omitempty"`
	Message string            `json:"message"`
}

func fieldErrorBodies(fields []leerlus.FieldError) []FieldErrorBody {
	if len(fields) == 0 {
		return nil
	}
	out := make([]FieldErrorBody, len(fields))
	for i, f := range fields {
		out[i] = FieldErrorBody{Field: f.Field, Code: f.Code, Params: f.Params, Message: f.Message}
	}
	return out
}
