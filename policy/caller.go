package policy

import (
	"database/sql"

	"leerlus"
)

// Caller is the signed-in person behind a request.
type Caller struct {
	PersonID string
	Email    string
	Name     string
	IsAdmin  bool
	TokenID  string // set when the request came with a personal access token
}

// Actor returns the caller as an audit actor.
func (c *Caller) Actor(clientAddr string) Actor {
	if c == nil {
		return Actor{ClientAddr: clientAddr}
	}
	return Actor{PersonID: c.PersonID, ClientAddr: clientAddr}
}

// NetworkAccess is what a caller has in one network.
type NetworkAccess struct {
	Exists bool // the network exists
	Role   Role // "" when the caller holds no role in it
}

// Credentials are what one request's credentials give: the caller, the session
// (for a session cookie) and the caller's access to the route's network.
type Credentials struct {
	Caller  *Caller
	Session *Session      // nil for a personal access token
	Network NetworkAccess // zero when no network was asked for
}

// networkRow is the network part of the caller lookups.
type networkRow struct {
	ID   sql.NullString
	Role sql.NullString
}

func (r networkRow) access() NetworkAccess {
	return NetworkAccess{Exists: r.ID.Valid && r.ID.String != "", Role: Role(r.Role.String)}
}

// lookupNetwork is the network id a caller lookup joins: "" (matching no
// network) when none was asked for or the id is malformed.
func lookupNetwork(networkID string) string {
	if !leerlus.ValidID(networkID) {
		return ""
	}
	return networkID
}

// Subjects lists the policy subjects the caller holds in a network (role
// may be ""), most specific first.
func (c *Caller) Subjects(role Role) []string {
	if c == nil {
		return []string{SubjectAnonymous}
	}
	subs := make([]string, 0, 4)
	if role != "" {
		subs = append(subs, string(role))
	}
	if c.IsAdmin {
		subs = append(subs, SubjectAdmin)
	}
	return append(subs, SubjectUser, SubjectAnonymous)
}
